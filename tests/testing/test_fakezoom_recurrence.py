"""Occurrence generation as a table: daily, weekly and monthly series in a meeting's zone."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from zoomkit.testing._recurrence import MAX_OCCURRENCES, occurrences

UTC = ZoneInfo("UTC")
MONDAY_9 = datetime(2026, 3, 2, 9, tzinfo=UTC).timestamp()


def starts(
    recurrence: dict[str, Any], *, start: float = MONDAY_9, limit: float = math.inf
) -> list[str]:
    return [o["start_time"] for o in occurrences(start, UTC, 30, recurrence, limit_epoch=limit)]


@pytest.mark.parametrize(
    ("recurrence", "expected"),
    [
        ({"type": 1, "end_times": 3},
         ["2026-03-02T09:00:00Z", "2026-03-03T09:00:00Z", "2026-03-04T09:00:00Z"]),
        ({"type": 1, "repeat_interval": 2, "end_times": 2},
         ["2026-03-02T09:00:00Z", "2026-03-04T09:00:00Z"]),
        ({"type": 2, "weekly_days": "2,6", "end_times": 3},  # Monday, Friday
         ["2026-03-02T09:00:00Z", "2026-03-06T09:00:00Z", "2026-03-09T09:00:00Z"]),
        ({"type": 2, "weekly_days": "1", "end_times": 2},  # Sunday: first one is after the start
         ["2026-03-08T09:00:00Z", "2026-03-15T09:00:00Z"]),
        ({"type": 3, "monthly_day": 31, "end_times": 3},  # months without a 31st are skipped
         ["2026-03-31T09:00:00Z", "2026-05-31T09:00:00Z", "2026-07-31T09:00:00Z"]),
        ({"type": 3, "monthly_week": -1, "monthly_week_day": 6, "end_times": 2},  # last Friday
         ["2026-03-27T09:00:00Z", "2026-04-24T09:00:00Z"]),
        ({"type": 1}, ["2026-03-02T09:00:00Z"]),
    ],
)  # fmt: skip
def test_series(recurrence: dict[str, Any], expected: list[str]) -> None:
    assert starts(recurrence) == expected


def test_end_date_time_bounds_the_series() -> None:
    limit = datetime(2026, 3, 4, 9, tzinfo=UTC).timestamp()
    assert len(starts({"type": 1, "end_date_time": "2026-03-04T09:00:00Z"}, limit=limit)) == 3


def test_series_is_capped() -> None:
    assert len(starts({"type": 1, "end_date_time": "2099-01-01T00:00:00Z"})) == MAX_OCCURRENCES


def test_occurrence_fields() -> None:
    (only,) = occurrences(MONDAY_9, UTC, 45, {"type": 1}, limit_epoch=math.inf)
    assert only == {
        "occurrence_id": str(int(MONDAY_9) * 1000),
        "start_time": "2026-03-02T09:00:00Z",
        "duration": 45,
        "status": "available",
    }
