"""Path ids for operations that take a meeting id *or* an instance UUID.

Past-meeting, summary, report and recording operations name an ended instance by its UUID, or
the latest instance by the numeric meeting id. A UUID must reach the path as a
:class:`~zoomkit.types.MeetingUUID`, so the one path encoder applies Zoom's double-encoding rule
(UUIDs that start with ``/`` or contain ``//``); a plain ``str`` would be encoded once and miss.
"""

from __future__ import annotations

from ..errors import RequestValidationError
from ..types import MeetingUUID
from ._base import meeting_id_value

__all__ = ["meeting_id_or_uuid", "meeting_uuid_value"]


def meeting_id_or_uuid(
    value: int | str, *, field: str = "meeting_id", kind: str = "meeting"
) -> int | MeetingUUID:
    """A numeric id as ``int`` (checked for int64), anything else as a ``MeetingUUID``.

    Webinar instances use the same ids and UUIDs; ``kind`` only changes the error wording.
    """
    if isinstance(value, MeetingUUID):
        return meeting_uuid_value(value, field=field, kind=kind)
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        return meeting_id_value(value, field=field)
    if isinstance(value, str):
        return meeting_uuid_value(value, field=field, kind=kind)
    raise RequestValidationError(
        f"{field}: expected a {kind} id or instance UUID, got {type(value).__name__}", field=field
    )


def meeting_uuid_value(
    value: str, *, field: str = "meeting_uuid", kind: str = "meeting"
) -> MeetingUUID:
    """A meeting instance UUID, as given (never stripped: ``/`` and ``=`` are part of it)."""
    if not isinstance(value, str) or not value or value != value.strip():
        raise RequestValidationError(
            f"{field}: expected a {kind} UUID such as 'aDYlohsHRtCd4ii1uC2+hA==', got {value!r}",
            field=field,
        )
    return value if isinstance(value, MeetingUUID) else MeetingUUID(value)
