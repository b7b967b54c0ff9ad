"""Users: ``GET /users`` (operation ``users``) and ``GET /users/{userId}`` (``user``)."""

from __future__ import annotations

import copy
from typing import Any

from ._app import Route
from ._events import emit, operator
from ._http import Call, Response, ZoomAPIError
from ._pagination import paginate
from ._state import State
from ._times import iso_z

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
        "login_types": [100],
        "employee_unique_id": "",
    }
    state.users[user_id] = user
    emit(state, "user.created", lambda: _created_payload(state, user))
    return user


def _created_payload(state: State, user: dict[str, Any]) -> dict[str, Any]:
    """``user.created`` as Zoom sends it; the owner is the operator (the first user: itself)."""
    acting = state.users.get(state.owner_id, user)
    fields = ("id", "first_name", "last_name", "display_name", "email", "type")
    return {
        **operator(acting),
        "creation_type": "create",
        "object": {name: user[name] for name in fields},
    }


def require_user(state: State, call: Call, user_id: str) -> dict[str, Any]:
    """The user a path names, or Zoom's 404 code 1001."""
    user = state.find_user(user_id, call.principal)
    if user is None:
        raise ZoomAPIError(404, 1001, f"User does not exist: {user_id}.")
    return user


def get_user(state: State, call: Call) -> Response:
    return Response(200, copy.deepcopy(require_user(state, call, call.params["userId"])))


def list_users(state: State, call: Call) -> Response:
    status = call.query.get("status") or "active"
    role_id = call.query.get("role_id")
    selected = [
        {name: copy.deepcopy(user[name]) for name in _LIST_FIELDS}
        for user in state.users.values()
        if user["status"] == status and (role_id is None or user["role_id"] == role_id)
    ]
    page = paginate(
        selected, call.query, key="users", scope=call.raw_path, pages=state.pages, now=state.now()
    )
    return Response(200, page)


ROUTES = [
    Route("GET", "/v2/users", "users", list_users),
    Route("GET", "/v2/users/{userId}", "user", get_user),
]
