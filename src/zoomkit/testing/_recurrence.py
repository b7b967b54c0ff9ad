"""Occurrences of a recurring meeting (type 8), computed like Zoom: in the meeting's time zone.

Pure functions of the meeting's first start and its ``recurrence`` object, so they can be tested
by table. The ``recurrence`` object is assumed validated by the caller.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ._times import iso_z

__all__ = ["MAX_OCCURRENCES", "occurrences"]

MAX_OCCURRENCES = 365
_DAILY, _WEEKLY, _MONTHLY = 1, 2, 3


def occurrences(
    start: float, tz: ZoneInfo, duration: int, recurrence: dict[str, Any], *, limit_epoch: float
) -> list[dict[str, Any]]:
    """The occurrence list Zoom returns for a type-8 meeting starting at ``start`` (epoch).

    The series ends after ``end_times`` occurrences (default 1) or at ``end_date_time``
    (``limit_epoch``, already parsed), and never exceeds :data:`MAX_OCCURRENCES`.
    """
    end_times = recurrence.get("end_times")
    count = MAX_OCCURRENCES if "end_date_time" in recurrence else int(end_times or 1)
    count = min(count, MAX_OCCURRENCES)
    first = datetime.fromtimestamp(start, tz).replace(tzinfo=None)
    result: list[dict[str, Any]] = []
    for local in _candidates(first, recurrence):
        epoch = local.replace(tzinfo=tz).timestamp()
        if epoch > limit_epoch or len(result) >= count:
            break
        result.append(
            {
                "occurrence_id": str(int(epoch) * 1000),
                "start_time": iso_z(epoch),
                "duration": duration,
                "status": "available",
            }
        )
    return result


def _candidates(first: datetime, recurrence: dict[str, Any]) -> Iterator[datetime]:
    """Local wall times of the series in order, from ``first`` on (bounded, never endless)."""
    interval = max(int(recurrence.get("repeat_interval") or 1), 1)
    kind = int(recurrence.get("type", _DAILY))
    steps = range(0, 400 * interval, interval)
    if kind == _DAILY:
        for step in steps:
            yield first + timedelta(days=step)
    elif kind == _WEEKLY:
        days = sorted({int(day) for day in str(recurrence.get("weekly_days", "1")).split(",")})
        sunday = first - timedelta(days=(first.weekday() + 1) % 7)
        for step in steps:
            for day in days:
                moment = sunday + timedelta(weeks=step, days=day - 1)
                if moment >= first:
                    yield moment
    else:
        for step in steps:
            month_index = first.month - 1 + step
            year, month = first.year + month_index // 12, month_index % 12 + 1
            day_of_month = _monthly_day(year, month, recurrence)
            if day_of_month is not None:
                moment = first.replace(year=year, month=month, day=day_of_month)
                if moment >= first:
                    yield moment


def _monthly_day(year: int, month: int, recurrence: dict[str, Any]) -> int | None:
    """The day of the month a monthly series meets on, or None when that month has no such day."""
    last = calendar.monthrange(year, month)[1]
    if "monthly_week" in recurrence:
        week = int(recurrence["monthly_week"])
        weekday = (int(recurrence.get("monthly_week_day", 1)) - 2) % 7  # Zoom: 1 = Sunday
        days = [d for d in range(1, last + 1) if calendar.weekday(year, month, d) == weekday]
        return days[-1] if week == -1 else days[week - 1]
    day = int(recurrence.get("monthly_day", 1))
    return day if day <= last else None
