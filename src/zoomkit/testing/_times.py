"""Zoom's time formats: UTC ``...Z`` out, UTC or zone-local wall time in."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["iso_z", "parse_start_time", "to_epoch", "zone"]

_START_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z)?$")


def iso_z(epoch: float) -> str:
    """``2026-03-02T09:00:00Z``: how Zoom renders every timestamp."""
    return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def zone(name: str) -> ZoneInfo | None:
    """The IANA zone called ``name``, or None when Zoom would reject it."""
    if not name or name.startswith(("/", ".")) or ".." in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def parse_start_time(value: str, timezone: str) -> float:
    """A meeting ``start_time`` as epoch seconds.

    ``...Z`` is UTC; without ``Z`` the wall time is read in ``timezone``, as Zoom does.
    Raises ValueError for any other shape.
    """
    match = _START_TIME.match(value)
    if match is None:
        raise ValueError(f"bad start_time {value!r}")
    naive = datetime.strptime(value.rstrip("Z"), "%Y-%m-%dT%H:%M:%S")
    tz = UTC if match.group(1) else zone(timezone) or UTC
    return naive.replace(tzinfo=tz).timestamp()


def to_epoch(moment: datetime) -> float:
    """Epoch seconds of an aware datetime; naive ones are refused, their meaning is a guess."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("start_time must be an aware datetime")
    return moment.timestamp()
