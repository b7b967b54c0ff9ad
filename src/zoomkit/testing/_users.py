"""Users: the account's people, their lifecycle, checks, tokens, settings and presence.

Operations here: ``users``, ``userCreate``, ``user``, ``userUpdate``, ``userDelete``,
``userEmail``, ``userVanityName``, ``userSummary``, ``bulkUpdateFeature``, ``userZak``,
``userToken``, ``userSSOTokenDelete``, ``userStatus``, ``userEmailUpdate``, ``userPassword``,
``userPermission``, ``updatePresenceStatus``, ``userSettings`` and ``userSettingsUpdate``.
:data:`ROUTES` also carries the assistants, schedulers and devices (:mod:`._user_delegates`) and
the uploads (:mod:`._user_media`), literal paths (``/users/email``) before ``/users/{userId}``.

Creating a user follows its ``action``: ``create`` leaves the user ``pending`` (Zoom emails an
activation link), the other actions make it ``active``. Deleting (or disassociating) removes the
user from the account, from its groups and from every assistant list; its meetings go to
``transfer_email`` with ``transfer_meeting=true``, else they are deleted.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any, Final

from ._app import Route
from ._events import acting_user, emit, operator
from ._groups import forget_member
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._pagination import paginate
from ._state import State
from ._times import iso_z, zone
from ._user_data import data_of, require_user, user_not_found
from ._user_delegates import ROUTES as DELEGATE_ROUTES
from ._user_delegates import forget_assistant
from ._user_media import ROUTES as MEDIA_ROUTES
from ._user_settings import patch_settings, read_settings

__all__ = ["ROUTES", "new_user", "require_user"]

_ROLE_NAMES = {"0": "Owner", "1": "Admin", "2": "Member"}
_LIST_FIELDS = (
    "id",
    "first_name",
    "last_name",
    "display_name",
    "email",
    "type",
    "pmi",
    "timezone",
    "verified",
    "dept",
    "created_at",
    "user_created_at",
    "last_login_time",
    "last_client_version",
    "pic_url",
    "language",
    "phone_number",
    "status",
    "role_id",
    "group_ids",
    "im_group_ids",
    "employee_unique_id",
)
_ACTIONS: Final = ("create", "autoCreate", "custCreate", "ssoCreate")
_LOGIN_TYPES: Final = {"create": 100, "autoCreate": 100, "custCreate": 99, "ssoCreate": 101}
_USER_TYPES: Final = (1, 2, 3, 99)
_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PRESENCE: Final = frozenset(
    {
        "Away",
        "Do_Not_Disturb",
        "Do_No_Disturb",  # the spelling of Zoom's own OpenAPI enum
        "Available",
        "In_Calendar_Event",
        "Presenting",
        "In_A_Zoom_Meeting",
        "On_A_Call",
    }
)
_ZAK_TTL_MAX: Final = 365 * 24 * 3600
_PERMISSIONS: Final = {
    "2": ["Meeting:Read", "Meeting:Edit", "Recording:Read", "Recording:Edit", "Webinar:Read"],
    "1": [
        "AccountProfile:Read",
        "Dashboard:Read",
        "Group:Read",
        "Group:Edit",
        "Meeting:Read",
        "Meeting:Edit",
        "Recording:Read",
        "Recording:Edit",
        "Report:Read",
        "User:Read",
        "User:Edit",
        "Webinar:Read",
        "Webinar:Edit",
    ],
}
_PERMISSIONS["0"] = sorted(
    {*_PERMISSIONS["1"], "AccountProfile:Edit", "AccountSetting:Read", "AccountSetting:Edit"}
)
# PATCH /users/{userId}: field -> (JSON type, max length) for the plain string fields.
_TEXT_FIELDS: Final = {
    "first_name": 64,
    "last_name": 64,
    "company": 255,
    "job_title": 128,
    "location": 256,
    "dept": None,
    "language": None,
    "cms_user_id": None,
    "pronouns": None,
    "phone_country": None,
    "phone_number": None,
    "group_id": None,
}


def new_user(
    state: State,
    email: str,
    *,
    first_name: str,
    last_name: str,
    type: int = 2,
    status: str = "active",
    timezone: str = "UTC",
    role_id: str = "2",
    creation_type: str = "create",
    login_type: int = 100,
) -> dict[str, Any]:
    """Store a user object in the shape ``GET /users/{userId}`` answers with."""
    if state.find_user(email, None) is not None:
        raise ValueError(f"a user with email {email!r} already exists")
    if status not in ("active", "inactive", "pending"):
        raise ValueError(f"unknown user status {status!r}")
    user_id = state.ids.opaque()
    pmi = state.ids.pmi()
    now = iso_z(state.now())
    user: dict[str, Any] = {
        "id": user_id,
        "first_name": first_name,
        "last_name": last_name,
        "display_name": f"{first_name} {last_name}".strip(),
        "email": email,
        "type": type,
        "role_name": _ROLE_NAMES.get(role_id, "Member"),
        "pmi": pmi,
        "use_pmi": False,
        "personal_meeting_url": f"https://us05web.zoom.us/j/{pmi}",
        "timezone": timezone,
        "verified": 1 if status == "active" else 0,
        "dept": "",
        "created_at": now,
        "user_created_at": now,
        "last_login_time": now,
        "last_client_version": "5.17.11.34827(mac)",
        "pic_url": f"https://us05web.zoom.us/p/v2/{user_id}",
        "language": "en-US",
        "phone_number": "",
        "status": status,
        "role_id": role_id,
        "account_id": state.account_id,
        "account_number": int(state.ids.digits(10)),
        "cluster": "us05",
        "jid": f"{user_id.lower()}@xmpp.zoom.us",
        "group_ids": [],
        "im_group_ids": [],
        "login_types": [login_type],
        "employee_unique_id": "",
    }
    state.users[user_id] = user
    emit(state, "user.created", lambda: _created_payload(state, user, creation_type))
    return user


def _created_payload(state: State, user: dict[str, Any], creation_type: str) -> dict[str, Any]:
    """``user.created`` as Zoom sends it; the owner is the operator (the first user: itself)."""
    acting = state.users.get(state.owner_id, user)
    fields = ("id", "first_name", "last_name", "display_name", "email", "type")
    return {
        **operator(acting),
        "creation_type": creation_type,
        "object": {name: user[name] for name in fields},
    }


def _invalid(*fields: str) -> ZoomAPIError:
    return validation_failed([{"field": name, "message": "Invalid field."} for name in fields])


# -- list, get, create ------------------------------------------------------------------------


def get_user(state: State, call: Call) -> Response:
    return Response(200, copy.deepcopy(require_user(state, call, call.params["userId"])))


def list_users(state: State, call: Call) -> Response:
    status = call.query.get("status") or "active"
    role_id = call.query.get("role_id")
    with_attributes = "custom_attributes" in (call.query.get("include_fields") or "")
    selected = []
    for user in state.users.values():
        if user["status"] != status or (role_id is not None and user["role_id"] != role_id):
            continue
        item = {name: copy.deepcopy(user[name]) for name in _LIST_FIELDS}
        if with_attributes:
            item["custom_attributes"] = copy.deepcopy(data_of(state, user).custom_attributes)
        selected.append(item)
    page = paginate(
        selected, call.query, key="users", scope=call.raw_path, pages=state.pages, now=state.now()
    )
    return Response(200, page)


def _password_ok(password: object) -> bool:
    """Zoom's basic rule: 8 to 32 characters with at least one letter and one digit."""
    return (
        isinstance(password, str)
        and 8 <= len(password) <= 32
        and any(c.isalpha() for c in password)
        and any(c.isdigit() for c in password)
    )


def create_user(state: State, call: Call) -> Response:
    body = call.json_object()
    action = body.get("action")
    info = body.get("user_info")
    if action not in _ACTIONS:
        raise _invalid("action")
    if not isinstance(info, dict):
        raise validation_failed([{"field": "user_info", "message": "Missing field."}])
    email = info.get("email")
    if not isinstance(email, str) or not _EMAIL.match(email) or len(email) > 128:
        raise _invalid("user_info.email")
    user_type = info.get("type")
    if user_type not in _USER_TYPES or (user_type == 99 and action != "ssoCreate"):
        raise _invalid("user_info.type")
    names = {key: info.get(key, "") for key in ("first_name", "last_name")}
    bad = [f"user_info.{k}" for k, v in names.items() if not isinstance(v, str) or len(v) > 64]
    if bad:
        raise _invalid(*bad)
    password = info.get("password")
    if password is not None and not _password_ok(password):
        raise ZoomAPIError(400, 300, "Invalid parameter: password")
    if state.find_user(email, None) is not None:
        raise ZoomAPIError(409, 1005, f'Email "{email}" has already been used.')
    if action == "create":
        state.limits.count_user_invite(state.now())
    user = new_user(
        state,
        email,
        first_name=names["first_name"],
        last_name=names["last_name"],
        type=user_type,
        status="pending" if action == "create" else "active",
        creation_type=action,
        login_type=_LOGIN_TYPES[action],
    )
    data_of(state, user).password = password if isinstance(password, str) else None
    shown = {key: user[key] for key in ("id", "first_name", "last_name", "email", "type")}
    return Response(201, shown)


# -- update, delete, status ----------------------------------------------------------------------


def _update_errors(body: dict[str, Any]) -> list[str]:
    """Fields of a user PATCH body that break Zoom's rules."""
    bad: list[str] = []
    for name, limit in _TEXT_FIELDS.items():
        value = body.get(name)
        if value is not None and (
            not isinstance(value, str) or (limit is not None and len(value) > limit)
        ):
            bad.append(name)
    checks: dict[str, Callable[[Any], bool]] = {
        "type": lambda v: v in _USER_TYPES,
        "pmi": lambda v: isinstance(v, int) and 10**9 <= v < 10**10,
        "use_pmi": lambda v: isinstance(v, bool),
        "timezone": lambda v: isinstance(v, str) and zone(v) is not None,
        "manager": lambda v: isinstance(v, str) and bool(_EMAIL.match(v)),
        "vanity_name": lambda v: isinstance(v, str) and bool(v.strip()),
        "host_key": lambda v: isinstance(v, str) and v.isdigit() and 6 <= len(v) <= 10,
        "pronouns_option": lambda v: v in (1, 2, 3),
        "zoom_one_type": lambda v: v in (0, 16, 32, 64, 128),
        "plan_united_type": lambda v: isinstance(v, str),
        "phone_numbers": lambda v: isinstance(v, list) and all(isinstance(i, dict) for i in v),
        "custom_attributes": lambda v: isinstance(v, list) and all(isinstance(i, dict) for i in v),
    }
    bad += [name for name, ok in checks.items() if name in body and not ok(body[name])]
    for index, number in enumerate(body.get("phone_numbers") or []):
        label = number.get("label") if isinstance(number, dict) else None
        if label is not None and label not in ("Mobile", "Office", "Home", "Fax"):
            bad.append(f"phone_numbers[{index}].label")
    return bad


def update_user(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    body = call.json_object()
    bad = _update_errors(body)
    if bad:
        raise _invalid(*bad)
    data = data_of(state, user)
    old: dict[str, Any] = {}
    changed: dict[str, Any] = {}
    for name, value in body.items():
        if name == "host_key":
            data.host_key = value
        elif name == "custom_attributes":
            data.custom_attributes = copy.deepcopy(value)
        elif name == "vanity_name":
            data.vanity_name = value
            old["vanity_url"] = user.get("vanity_url", "")
            user["vanity_url"] = changed["vanity_url"] = f"https://us05web.zoom.us/my/{value}"
        elif name in _TEXT_FIELDS or name in (
            "type",
            "pmi",
            "use_pmi",
            "timezone",
            "manager",
            "pronouns_option",
            "zoom_one_type",
            "plan_united_type",
            "phone_numbers",
        ):
            old[name] = copy.deepcopy(user.get(name))
            user[name] = changed[name] = copy.deepcopy(value)
    if "first_name" in changed or "last_name" in changed:
        user["display_name"] = f"{user['first_name']} {user['last_name']}".strip()
    if "pmi" in changed:
        user["personal_meeting_url"] = f"https://us05web.zoom.us/j/{user['pmi']}"
    if changed:
        emit(state, "user.updated", lambda: _change_payload(state, call, user, changed, old))
    return Response.empty()


def _change_payload(
    state: State, call: Call, user: dict[str, Any], changed: dict[str, Any], old: dict[str, Any]
) -> dict[str, Any]:
    return {
        **operator(acting_user(state, call)),
        "object": {"id": user["id"], **changed},
        "old_object": {"id": user["id"], **old},
        "time_stamp": int(state.now() * 1000),
    }


def delete_user(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    action = call.query.get("action") or "disassociate"
    if action not in ("disassociate", "delete"):
        raise _invalid("action")
    if user["id"] == state.owner_id:
        raise ZoomAPIError(400, 300, "The account owner cannot be deleted or disassociated.")
    target = None
    transfer_email = call.query.get("transfer_email")
    if transfer_email:
        target = state.find_user(transfer_email, None)
        if target is None:
            raise user_not_found(transfer_email)
        if target["id"] == user["id"]:
            raise ZoomAPIError(
                400,
                300,
                "The transfer-to email address cannot be the same as the unlinked or deleted "
                "user's email address.",
            )
    keep_meetings = target is not None and call.query.get("transfer_meeting") == "true"
    for meeting_id, meeting in list(state.meetings.items()):
        if meeting.get("host_id") != user["id"]:
            continue
        if keep_meetings and target is not None:
            meeting["host_id"], meeting["host_email"] = target["id"], target["email"]
        else:
            del state.meetings[meeting_id]
    forget_assistant(state, user["id"])
    forget_member(state, user["id"])
    del state.users[user["id"]]
    state.user_data.pop(user["id"], None)
    event = "user.deleted" if action == "delete" else "user.disassociated"
    emit(state, event, lambda: {**operator(acting_user(state, call)), "object": _brief(user)})
    return Response.empty()


def _brief(user: dict[str, Any]) -> dict[str, Any]:
    fields = ("id", "first_name", "last_name", "email", "type")
    return {name: user[name] for name in fields}


def update_status(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    action = call.json_object().get("action")
    if action not in ("activate", "deactivate"):
        raise _invalid("action")
    if user["role_id"] in ("0", "1"):
        raise ZoomAPIError(
            400, 200, "Zoom Room and Admin users' status cannot be activated or deactivated."
        )
    new_status = "active" if action == "activate" else "inactive"
    if user["status"] != new_status:
        user["status"] = new_status
        event = "user.activated" if action == "activate" else "user.deactivated"
        emit(state, event, lambda: {**operator(acting_user(state, call)), "object": _brief(user)})
    return Response.empty()


def update_email(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    email = call.json_object().get("email")
    if not isinstance(email, str) or not _EMAIL.match(email) or len(email) > 128:
        raise _invalid("email")
    other = state.find_user(email, None)
    if other is not None and other["id"] != user["id"]:
        raise ZoomAPIError(409, 1005, f'Email "{email}" has already been used.')
    user["email"] = email
    return Response.empty()


def update_password(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    password = call.json_object().get("password")
    if not _password_ok(password):
        raise ZoomAPIError(400, 300, "Invalid parameter: password")
    data = data_of(state, user)
    if data.password == password:
        raise ZoomAPIError(400, 300, "Your new password can not match the old password.")
    data.password = password if isinstance(password, str) else None
    return Response.empty()


def update_presence_status(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    body = call.json_object()
    status = body.get("status")
    duration = body.get("duration")
    if status not in _PRESENCE:
        raise _invalid("status")
    dnd = status in ("Do_Not_Disturb", "Do_No_Disturb")
    if duration is not None and (
        not dnd or not isinstance(duration, int) or not 20 <= duration <= 1440
    ):
        raise _invalid("duration")
    data = data_of(state, user)
    data.presence_status = "Do_Not_Disturb" if dnd else status
    data.presence_until = state.now() + 60 * duration if dnd and duration else None
    return Response.empty()


# -- checks, summary, features, tokens, permissions ------------------------------------------------


def check_email(state: State, call: Call) -> Response:
    email = call.query.get("email", "")
    if not email:
        raise ZoomAPIError(400, 300, "Email is required.")
    return Response(200, {"existed_email": state.find_user(email, None) is not None})


def check_vanity_name(state: State, call: Call) -> Response:
    name = call.query.get("vanity_name", "")
    if not name:
        raise ZoomAPIError(400, 300, "Vanity name is required.")
    taken = {
        (data.vanity_name or "").casefold() for data in state.user_data.values() if data.vanity_name
    }
    return Response(200, {"existed": name.casefold() in taken})


def user_summary(state: State, call: Call) -> Response:
    """Counts by user type over active and inactive users; pending users are counted apart."""
    counts = {1: 0, 2: 0, 3: 0}
    join_only = pending = 0
    for user in state.users.values():
        if user["status"] == "pending":
            pending += 1
        elif user["type"] in counts:
            counts[user["type"]] += 1
        else:
            join_only += 1
    summary = {
        "licensed_users_count": counts[2],
        "basic_users_count": counts[1],
        "on_prem_users_count": counts[3],
        "room_users_count": 0,
        "pending_users_count": pending,
        "join_only_users_count": join_only,
    }
    summary["total_users_count"] = sum(
        summary[key]
        for key in (
            "licensed_users_count",
            "basic_users_count",
            "on_prem_users_count",
            "room_users_count",
            "join_only_users_count",
        )
    )
    return Response(200, summary)


_FEATURE_TYPES: Final = (
    "user_type",
    "concurrent_meeting",
    "large_meeting",
    "webinar",
    "zoom_events",
    "zoom_phone",
    "zoom_iq_for_sales",
    "zoom_whiteboard",
    "plan_united_type",
    "zoom_one_type",
)


def update_features(state: State, call: Call) -> Response:
    body = call.json_object()
    feature_type = body.get("feature_type")
    value = body.get("feature_value")
    refs = body.get("users")
    if feature_type not in _FEATURE_TYPES:
        raise _invalid("feature_type")
    if not isinstance(value, str):
        raise _invalid("feature_value")
    if not isinstance(refs, list) or not refs:
        raise _invalid("users")
    if feature_type == "user_type" and value not in ("1", "2", "3", "99"):
        raise _invalid("feature_value")
    done: list[str] = []
    missing: list[str] = []
    unchanged: list[str] = []
    for ref in refs:
        name = (ref.get("id") or ref.get("email") or "") if isinstance(ref, dict) else ""
        user = state.find_user(name, None) if name else None
        if user is None:
            missing.append(name)
            continue
        data = data_of(state, user)
        current = (
            str(user["type"]) if feature_type == "user_type" else data.features.get(feature_type)
        )
        if current == value:
            unchanged.append(user["id"])
            continue
        if feature_type == "user_type":
            user["type"] = int(value)
        data.features[feature_type] = value
        feature = data.settings.sections["feature"]
        if feature_type in feature and isinstance(feature[feature_type], bool):
            feature[feature_type] = value not in ("0", "false", "None")
        done.append(user["id"])
    failures = [
        {"user_ids": ids, "reason": reason}
        for ids, reason in ((missing, "Users not found"), (unchanged, "No need to update"))
        if ids
    ]
    return Response(201, {"success_user_ids": done, "fail_details": failures})


def _token_value(state: State) -> str:
    return state.ids.secret(48)


def get_zak(state: State, call: Call) -> Response:
    require_user(state, call, "me")
    return Response(200, {"token": _token_value(state)})


def get_token(state: State, call: Call) -> Response:
    require_user(state, call, call.params["userId"])
    kind = call.query.get("type") or "token"
    if kind not in ("token", "zak"):
        raise _invalid("type")
    ttl = call.query.get("ttl")
    if ttl is not None and (not ttl.isdigit() or not 1 <= int(ttl) <= _ZAK_TTL_MAX):
        raise _invalid("ttl")
    return Response(200, {"token": _token_value(state)})


def revoke_sso_token(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    data_of(state, user).sso_tokens_revoked += 1
    return Response.empty()


def get_permissions(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    return Response(200, {"permissions": list(_PERMISSIONS.get(user["role_id"], []))})


# -- settings ------------------------------------------------------------------------------------


def get_settings(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    return read_settings(data_of(state, user).settings, call)


def update_settings(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    return patch_settings(data_of(state, user).settings, call)


ROUTES = [
    Route("GET", "/v2/users/email", "userEmail", check_email),
    Route("GET", "/v2/users/vanity_name", "userVanityName", check_vanity_name),
    Route("GET", "/v2/users/summary", "userSummary", user_summary),
    Route("POST", "/v2/users/features", "bulkUpdateFeature", update_features),
    Route("GET", "/v2/users/me/zak", "userZak", get_zak),
    Route("GET", "/v2/users", "users", list_users),
    Route("POST", "/v2/users", "userCreate", create_user),
    Route("GET", "/v2/users/{userId}", "user", get_user),
    Route("PATCH", "/v2/users/{userId}", "userUpdate", update_user),
    Route("DELETE", "/v2/users/{userId}", "userDelete", delete_user),
    Route("PUT", "/v2/users/{userId}/status", "userStatus", update_status),
    Route("PUT", "/v2/users/{userId}/email", "userEmailUpdate", update_email),
    Route("PUT", "/v2/users/{userId}/password", "userPassword", update_password),
    Route(
        "PUT", "/v2/users/{userId}/presence_status", "updatePresenceStatus", update_presence_status
    ),
    Route("GET", "/v2/users/{userId}/permissions", "userPermission", get_permissions),
    Route("GET", "/v2/users/{userId}/token", "userToken", get_token),
    Route("DELETE", "/v2/users/{userId}/token", "userSSOTokenDelete", revoke_sso_token),
    Route("GET", "/v2/users/{userId}/settings", "userSettings", get_settings),
    Route("PATCH", "/v2/users/{userId}/settings", "userSettingsUpdate", update_settings),
    *DELEGATE_ROUTES,
    *MEDIA_ROUTES,
]
