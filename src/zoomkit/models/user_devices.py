"""Models of a user's collaboration devices (Personal Zoom Rooms)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from zoomkit.models._base import ZoomModel
from zoomkit.models._types import OptionalInt, StrEnumOrStr

__all__ = ["CollaborationDevice", "CollaborationDeviceList", "CollaborationDeviceStatus"]


class CollaborationDeviceStatus(StrEnum):
    """Whether the device is connected."""

    ONLINE = "Online"
    OFFLINE = "Offline"


class CollaborationDevice(ZoomModel):
    """A device of a user's Personal Zoom Room."""

    id: str | None = None
    device_name: str | None = None
    room_name: str | None = None
    room_user_id: str | None = None
    status: StrEnumOrStr[CollaborationDeviceStatus] | None = None


class CollaborationDeviceList(ZoomModel):
    """``GET /users/{userId}/collaboration_devices``: every device, not paginated."""

    total_records: OptionalInt = None
    collaboration_devices: list[CollaborationDevice] = Field(default_factory=list)
