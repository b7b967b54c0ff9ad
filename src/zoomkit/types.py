"""Small value types shared by every layer: meeting UUIDs, path encoding, Zoom's time format.

These are pure functions: no I/O, no client state.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "NOT_GIVEN",
    "MeetingUUID",
    "NotGiven",
    "encode_path_segment",
    "format_zoom_datetime",
    "validate_timezone",
]


class NotGiven:
    """Marks a keyword the caller did not pass, as distinct from an explicit ``None``.

    PATCH requests depend on it: leaving a field out keeps Zoom's value, ``None`` clears it.
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


class MeetingUUID(str):
    """A meeting *instance* UUID (base64, may hold ``/``, ``+`` and ``=``).

    Zoom requires a UUID that starts with ``/`` or contains ``//`` to be percent-encoded twice
    in a path; every other UUID is encoded once. :func:`encode_path_segment` applies that rule
    to any ``MeetingUUID``, so callers never encode by hand.
    """

    __slots__ = ()

    @property
    def needs_double_encoding(self) -> bool:
        return self.startswith("/") or "//" in self

    def __repr__(self) -> str:
        return f"MeetingUUID({str.__repr__(self)})"


def encode_path_segment(value: object) -> str:
    """Percent-encode one path segment (``safe=""``), twice for UUIDs that Zoom demands it of."""
    if isinstance(value, bool):
        raise TypeError(f"a path segment cannot be a bool, got {value!r}")
    text = str(value)
    if text == "":
        raise ValueError("a path segment cannot be empty")
    encoded = quote(text, safe="")
    if isinstance(value, MeetingUUID) and value.needs_double_encoding:
        encoded = quote(encoded, safe="")
    return encoded


def validate_timezone(name: str) -> str:
    """Return ``name`` if it is an IANA timezone Zoom can use, else raise ``ValueError``."""
    if not name or name != name.strip():
        raise ValueError(f"unknown timezone {name!r}")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"unknown timezone {name!r}: use an IANA name such as 'Europe/Berlin'"
        ) from exc
    return name


def format_zoom_datetime(value: datetime, *, timezone: str | None = None) -> str:
    """Render a datetime the way Zoom reads it.

    An aware datetime goes out as UTC with a ``Z``. A naive datetime is only accepted together
    with a ``timezone``, in which case it is sent as local wall time and Zoom applies the zone;
    guessing the server's zone is how meetings end up an hour off.
    """
    if value.tzinfo is not None and value.utcoffset() is not None:
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if timezone is None:
        raise ValueError(
            f"naive datetime {value.isoformat()} has no timezone: pass an aware datetime "
            "(e.g. datetime(..., tzinfo=ZoneInfo('Europe/Berlin'))) or give timezone=..."
        )
    validate_timezone(timezone)
    return value.strftime("%Y-%m-%dT%H:%M:%S")
