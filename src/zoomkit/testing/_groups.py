"""Groups: CRUD, members, admins, settings, lock settings, registration settings, backgrounds.

Operations: ``groups``, ``groupCreate``, ``group``, ``groupUpdate``, ``groupDelete``,
``groupMembers``, ``groupMembersCreate``, ``groupMembersDelete``, ``updateAGroupMember``,
``groupAdmins``, ``groupAdminsCreate``, ``groupAdminsDelete``, ``getGroupSettings``,
``updateGroupSettings``, ``getGroupLockSettings``, ``groupLockedSettings``,
``groupSettingsRegistration``, ``groupSettingsRegistrationUpdate``, ``uploadGroupVB`` and
``delGroupVB``.

Membership is kept on both sides, as Zoom shows it: the group lists its members, and each
member's ``group_ids`` lists its groups, the primary group first. Names are unique per account
(case-insensitively); an unknown group is Zoom's 404 code 4130.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Final

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._pagination import paginate
from ._state import State
from ._times import iso_z
from ._user_data import require_user, user_not_found
from ._user_media import add_background, delete_backgrounds
from ._user_settings import (
    SettingsStore,
    group_lock_store,
    group_settings_store,
    patch_settings,
    read_settings,
)

__all__ = ["ROUTES", "StoredGroup", "forget_member"]

MAX_MEMBERS_PER_CALL: Final = 30
MAX_ADMINS_PER_CALL: Final = 10
_QUESTION_FIELDS: Final = (
    "last_name",
    "address",
    "city",
    "country",
    "zip",
    "state",
    "phone",
    "industry",
    "org",
    "job_title",
    "purchasing_time_frame",
    "role_in_purchase_process",
    "no_of_employees",
    "comments",
)
_QUESTION_TYPES: Final = ("short", "single_dropdown", "single_radio", "multiple")
_REGISTRATION_OPTIONS: Final = (
    "host_email_notification",
    "close_registration",
    "allow_participants_to_join_from_multiple_devices",
    "show_social_share_buttons",
)


@dataclass
class StoredGroup:
    """A group: ``info`` is its ``{id, name}``; members and admins are user ids, in order."""

    info: dict[str, Any]
    settings: SettingsStore
    locks: SettingsStore = field(default_factory=group_lock_store)
    members: list[str] = field(default_factory=list)
    admins: list[str] = field(default_factory=list)
    registration: dict[str, Any] = field(default_factory=lambda: _registration_defaults())

    def shown(self) -> dict[str, Any]:
        return {**self.info, "total_members": len(self.members)}


def _registration_defaults() -> dict[str, Any]:
    return {
        "options": {
            "host_email_notification": True,
            "close_registration": False,
            "allow_participants_to_join_from_multiple_devices": True,
            "show_social_share_buttons": True,
        },
        "questions": [
            {"field_name": name, "required": False, "selected": name == "last_name"}
            for name in _QUESTION_FIELDS
        ],
        "approve_type": 0,
        "custom_questions": [],
    }


def forget_member(state: State, user_id: str) -> None:
    """A user leaves the account: out of every group's members and admins."""
    for group in state.groups.values():
        for people in (group.members, group.admins):
            if user_id in people:
                people.remove(user_id)


def _group(state: State, call: Call) -> StoredGroup:
    group_id = call.params["groupId"]
    group = state.groups.get(group_id)
    if group is None:
        raise ZoomAPIError(404, 4130, f"Group does not exist: {group_id}.")
    return group


def _name(state: State, body: dict[str, Any], *, except_id: str | None = None) -> str:
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ZoomAPIError(400, 300, "Missing field: name")
    if len(name) >= 128:
        raise validation_failed([{"field": "name", "message": "Invalid field."}])
    for other in state.groups.values():
        if other.info["id"] != except_id and other.info["name"].casefold() == name.casefold():
            raise ZoomAPIError(409, 4132, f'The group name "{name}" is already in use.')
    return name


# -- groups ------------------------------------------------------------------------------------


def list_groups(state: State, call: Call) -> Response:
    groups = [group.shown() for group in state.groups.values()]
    return Response(200, {"groups": groups, "total_records": len(groups)})


def create_group(state: State, call: Call) -> Response:
    name = _name(state, call.json_object())
    group_id = state.ids.opaque()
    group = StoredGroup({"id": group_id, "name": name}, group_settings_store(state.ids))
    state.groups[group_id] = group
    return Response(201, group.shown())


def get_group(state: State, call: Call) -> Response:
    return Response(200, _group(state, call).shown())


def update_group(state: State, call: Call) -> Response:
    group = _group(state, call)
    group.info["name"] = _name(state, call.json_object(), except_id=group.info["id"])
    return Response.empty()


def delete_group(state: State, call: Call) -> Response:
    group = _group(state, call)
    for user_id in group.members:
        user = state.users.get(user_id)
        if user is not None and group.info["id"] in user["group_ids"]:
            user["group_ids"].remove(group.info["id"])
    del state.groups[group.info["id"]]
    return Response.empty()


# -- members and admins ------------------------------------------------------------------------


def _users_named(state: State, refs: object, field_name: str, limit: int) -> list[dict[str, Any]]:
    if not isinstance(refs, list) or not refs or len(refs) > limit:
        raise validation_failed([{"field": field_name, "message": "Invalid field."}])
    found: list[dict[str, Any]] = []
    for ref in refs:
        name = (ref.get("id") or ref.get("email") or "") if isinstance(ref, dict) else ""
        user = state.find_user(name, None) if isinstance(name, str) and name else None
        if user is None:
            raise user_not_found(str(name))
        found.append(user)
    return found


def _join(state: State, group: StoredGroup, user: dict[str, Any]) -> None:
    if user["id"] not in group.members:
        group.members.append(user["id"])
    if group.info["id"] not in user["group_ids"]:
        user["group_ids"].append(group.info["id"])


def _leave(group: StoredGroup, user: dict[str, Any]) -> None:
    if user["id"] in group.members:
        group.members.remove(user["id"])
    if group.info["id"] in user["group_ids"]:
        user["group_ids"].remove(group.info["id"])


def list_members(state: State, call: Call) -> Response:
    group = _group(state, call)
    members = [
        {
            name: state.users[uid][name]
            for name in ("id", "email", "first_name", "last_name", "type")
        }
        for uid in group.members
        if uid in state.users
    ]
    page = paginate(
        members, call.query, key="members", scope=call.raw_path, pages=state.pages, now=state.now()
    )
    return Response(200, page)


def add_members(state: State, call: Call) -> Response:
    group = _group(state, call)
    users = _users_named(state, call.json_object().get("members"), "members", MAX_MEMBERS_PER_CALL)
    for user in users:
        _join(state, group, user)
    ids = ",".join(user["id"] for user in users)
    return Response(201, {"ids": ids, "added_at": iso_z(state.now())})


def _member(state: State, call: Call, group: StoredGroup) -> dict[str, Any]:
    user = state.find_user(call.params["memberId"], call.principal)
    if user is None or user["id"] not in group.members:
        raise ZoomAPIError(400, 300, "Group member not found.")
    return user


def delete_member(state: State, call: Call) -> Response:
    group = _group(state, call)
    _leave(group, _member(state, call, group))
    return Response.empty()


def update_member(state: State, call: Call) -> Response:
    group = _group(state, call)
    body = call.json_object()
    action = body.get("action")
    if action not in ("move", "set_primary"):
        raise validation_failed([{"field": "action", "message": "Invalid field."}])
    target_id = body.get("target_group_id")
    if not isinstance(target_id, str) or not target_id:
        raise ZoomAPIError(400, 300, "The target_group_id can not be empty.")
    target = state.groups.get(target_id)
    if target is None:
        raise ZoomAPIError(404, 4130, f"Group does not exist: {target_id}.")
    user = _member(state, call, group)
    if action == "move":
        _leave(group, user)
        _join(state, target, user)
    elif user["id"] not in target.members:
        raise ZoomAPIError(400, 300, "Group member not found.")
    else:  # the primary group is the first of the user's groups
        user["group_ids"].remove(target_id)
        user["group_ids"].insert(0, target_id)
    return Response.empty()


def list_admins(state: State, call: Call) -> Response:
    group = _group(state, call)
    admins = [
        {"email": state.users[uid]["email"], "name": state.users[uid]["display_name"]}
        for uid in group.admins
        if uid in state.users
    ]
    page = paginate(
        admins, call.query, key="admins", scope=call.raw_path, pages=state.pages, now=state.now()
    )
    return Response(200, page)


def add_admins(state: State, call: Call) -> Response:
    group = _group(state, call)
    users = _users_named(state, call.json_object().get("admins"), "admins", MAX_ADMINS_PER_CALL)
    for user in users:
        if user["id"] not in group.admins:
            group.admins.append(user["id"])
    ids = ",".join(user["id"] for user in users)
    return Response(201, {"ids": ids, "added_at": iso_z(state.now())})


def delete_admin(state: State, call: Call) -> Response:
    group = _group(state, call)
    user = require_user(state, call, call.params["userId"])
    if user["id"] not in group.admins:
        raise ZoomAPIError(
            400, 4138, f'That user is not an administrator for the group: "{group.info["id"]}".'
        )
    group.admins.remove(user["id"])
    return Response.empty()


# -- settings -------------------------------------------------------------------------------------


def get_settings(state: State, call: Call) -> Response:
    return read_settings(_group(state, call).settings, call)


def update_settings(state: State, call: Call) -> Response:
    return patch_settings(_group(state, call).settings, call)


def get_lock_settings(state: State, call: Call) -> Response:
    return read_settings(_group(state, call).locks, call)


def update_lock_settings(state: State, call: Call) -> Response:
    return patch_settings(_group(state, call).locks, call)


def _registration_type(call: Call) -> None:
    if call.query.get("type", "webinar") != "webinar":
        raise validation_failed([{"field": "type", "message": "Invalid field."}])


def get_registration(state: State, call: Call) -> Response:
    group = _group(state, call)
    _registration_type(call)
    return Response(200, copy.deepcopy(group.registration))


def _registration_errors(body: dict[str, Any]) -> list[str]:
    bad: list[str] = []
    options = body.get("options", {})
    if not isinstance(options, dict) or any(
        not isinstance(options[k], bool) for k in options if k in _REGISTRATION_OPTIONS
    ):
        bad.append("options")
    if "approve_type" in body and body["approve_type"] not in (0, 1):
        bad.append("approve_type")
    for index, item in enumerate(body.get("questions") or []):
        if not isinstance(item, dict) or item.get("field_name") not in _QUESTION_FIELDS:
            bad.append(f"questions[{index}].field_name")
    for index, item in enumerate(body.get("custom_questions") or []):
        if not isinstance(item, dict) or item.get("type") not in _QUESTION_TYPES:
            bad.append(f"custom_questions[{index}].type")
        elif not isinstance(item.get("title"), str) or not item["title"]:
            bad.append(f"custom_questions[{index}].title")
    return bad


def update_registration(state: State, call: Call) -> Response:
    group = _group(state, call)
    _registration_type(call)
    body = call.json_object()
    bad = _registration_errors(body)
    if bad:
        raise validation_failed([{"field": name, "message": "Invalid field."} for name in bad])
    stored = group.registration
    for key, value in body.get("options", {}).items():
        if key in _REGISTRATION_OPTIONS:
            stored["options"][key] = value
    if "approve_type" in body:
        stored["approve_type"] = body["approve_type"]
    for change in body.get("questions") or []:
        for question in stored["questions"]:
            if question["field_name"] == change["field_name"]:
                question.update({k: v for k, v in change.items() if k in ("required", "selected")})
    if "custom_questions" in body:
        stored["custom_questions"] = copy.deepcopy(body["custom_questions"])
    return Response.empty()


def upload_background(state: State, call: Call) -> Response:
    return add_background(state, _group(state, call).settings, call)


def delete_group_backgrounds(state: State, call: Call) -> Response:
    return delete_backgrounds(_group(state, call).settings, call)


ROUTES = [
    Route("GET", "/v2/groups", "groups", list_groups),
    Route("POST", "/v2/groups", "groupCreate", create_group),
    Route("GET", "/v2/groups/{groupId}", "group", get_group),
    Route("PATCH", "/v2/groups/{groupId}", "groupUpdate", update_group),
    Route("DELETE", "/v2/groups/{groupId}", "groupDelete", delete_group),
    Route("GET", "/v2/groups/{groupId}/members", "groupMembers", list_members),
    Route("POST", "/v2/groups/{groupId}/members", "groupMembersCreate", add_members),
    Route("DELETE", "/v2/groups/{groupId}/members/{memberId}", "groupMembersDelete", delete_member),
    Route("PATCH", "/v2/groups/{groupId}/members/{memberId}", "updateAGroupMember", update_member),
    Route("GET", "/v2/groups/{groupId}/admins", "groupAdmins", list_admins),
    Route("POST", "/v2/groups/{groupId}/admins", "groupAdminsCreate", add_admins),
    Route("DELETE", "/v2/groups/{groupId}/admins/{userId}", "groupAdminsDelete", delete_admin),
    Route(
        "GET",
        "/v2/groups/{groupId}/settings/registration",
        "groupSettingsRegistration",
        get_registration,
    ),
    Route(
        "PATCH",
        "/v2/groups/{groupId}/settings/registration",
        "groupSettingsRegistrationUpdate",
        update_registration,
    ),
    Route(
        "POST",
        "/v2/groups/{groupId}/settings/virtual_backgrounds",
        "uploadGroupVB",
        upload_background,
    ),
    Route(
        "DELETE",
        "/v2/groups/{groupId}/settings/virtual_backgrounds",
        "delGroupVB",
        delete_group_backgrounds,
    ),
    Route("GET", "/v2/groups/{groupId}/settings", "getGroupSettings", get_settings),
    Route("PATCH", "/v2/groups/{groupId}/settings", "updateGroupSettings", update_settings),
    Route("GET", "/v2/groups/{groupId}/lock_settings", "getGroupLockSettings", get_lock_settings),
    Route(
        "PATCH", "/v2/groups/{groupId}/lock_settings", "groupLockedSettings", update_lock_settings
    ),
]
