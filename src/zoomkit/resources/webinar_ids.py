"""Path ids of webinar operations: a numeric webinar id, or an ended instance's UUID.

Past-webinar operations name an ended instance by its UUID, or the latest instance by the
numeric webinar id. A UUID reaches the path as a :class:`~zoomkit.types.MeetingUUID`, so the one
path encoder applies Zoom's double-encoding rule (a UUID that starts with ``/`` or contains
``//``); a plain ``str`` would be encoded once and Zoom would answer 404.
"""

from __future__ import annotations

from ..errors import RequestValidationError
from ..types import MeetingUUID
from ._base import meeting_id_value
from .meeting_ids import meeting_id_or_uuid

__all__ = ["webinar_id_or_uuid", "webinar_id_value"]


def webinar_id_value(webinar_id: int | str, *, field: str = "webinar_id") -> int:
    """A numeric webinar id (int64), or a clear error before anything is sent."""
    if not isinstance(webinar_id, bool) and (
        isinstance(webinar_id, int)
        or (isinstance(webinar_id, str) and webinar_id.strip().isdigit())
    ):
        return meeting_id_value(webinar_id, field=field)
    raise RequestValidationError(
        f"{field}: expected a numeric webinar id, got {webinar_id!r} "
        "(webinar UUIDs go to the past_webinars methods)",
        field=field,
    )


def webinar_id_or_uuid(value: int | str, *, field: str = "webinar_id") -> int | MeetingUUID:
    """A numeric id as ``int`` (the latest instance), anything else as a ``MeetingUUID``."""
    return meeting_id_or_uuid(value, field=field, kind="webinar")
