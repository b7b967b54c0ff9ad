"""What FakeZoom keeps about a user beyond the ``GET /users/{userId}`` object.

The user object itself lives in ``state.users`` (it is what the API shows); a :class:`UserData`
next to it in ``state.user_data`` holds the rest: settings, assistants, the profile picture,
presence, the password and host key (never shown, never in a ``repr``).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Any

from ._http import Call, ZoomAPIError
from ._state import State
from ._user_settings import SettingsStore, user_settings_store

__all__ = ["UserData", "data_of", "require_user", "user_not_found"]


@dataclass
class UserData:
    """One user's state that the user object does not show."""

    settings: SettingsStore
    assistants: list[str] = field(default_factory=list)
    """Ids of users who may schedule for this one, in the order they were added."""
    devices: list[dict[str, Any]] = field(default_factory=list)
    picture: dict[str, Any] | None = None
    """``{"name", "size", "content_type"}`` of the uploaded profile picture."""
    presence_status: str = "Available"
    presence_until: float | None = None
    password: str | None = field(default=None, repr=False)
    host_key: str | None = field(default=None, repr=False)
    vanity_name: str | None = None
    custom_attributes: list[dict[str, Any]] = field(default_factory=list)
    sso_tokens_revoked: int = 0
    features: dict[str, str] = field(default_factory=dict)
    """Bulk-updated features (``POST /users/features``) by feature type."""


def user_not_found(user_id: str) -> ZoomAPIError:
    return ZoomAPIError(404, 1001, f"User does not exist: {user_id}.")


def require_user(state: State, call: Call, user_id: str) -> dict[str, Any]:
    """The user a path names, or Zoom's 404 code 1001."""
    user = state.find_user(user_id, call.principal)
    if user is None:
        raise user_not_found(user_id)
    return user


def data_of(state: State, user: dict[str, Any]) -> UserData:
    """The user's :class:`UserData`, made with the defaults on first use.

    Made lazily, so a fake whose tests never touch these features draws no extra ids from its
    seeded generator. A licensed user starts with one device: a Personal Zoom Room.
    """
    data = state.user_data.get(user["id"])
    if data is None:
        data = state.user_data[user["id"]] = UserData(user_settings_store(state.ids, user))
        if user.get("type") == 2:
            data.devices.append(_personal_room_device(state, user))
    return data


def _personal_room_device(state: State, user: dict[str, Any]) -> dict[str, Any]:
    digest = hashlib.sha256(state.ids.opaque().encode()).digest()
    return {
        "id": str(uuid.UUID(bytes=digest[:16], version=4)).upper(),
        "device_name": f"{user['first_name'] or 'Zoom'} Room Controller",
        "room_name": f"{user['display_name'] or user['email']}'s Personal Zoom Room",
        "room_user_id": state.ids.opaque(),
        "status": "Offline",
    }
