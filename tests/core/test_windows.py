"""Month windows: long ranges split so every day is covered exactly once, merged in order."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import pytest
from pydantic import BaseModel

from zoomkit.errors import RequestValidationError
from zoomkit.pagination import AsyncPaginator
from zoomkit.windows import WindowedPaginator, add_months, month_windows


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def test_a_95_day_range_gives_4_windows_covering_each_day_once() -> None:
    start = date(2026, 1, 10)
    end = start + timedelta(days=94)
    windows = month_windows(start, end)
    assert len(windows) == 4
    covered = [day for lo, hi in windows for day in days(lo, hi)]
    assert covered == days(start, end)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2026, 1, 31), date(2026, 6, 30)),
        (date(2024, 2, 29), date(2025, 3, 1)),
        (date(2026, 12, 15), date(2027, 2, 14)),
        (date(2026, 5, 5), date(2026, 5, 5)),
    ],
)
def test_windows_never_exceed_a_month_and_never_overlap(start: date, end: date) -> None:
    windows = month_windows(start, end)
    assert windows[0][0] == start
    assert windows[-1][1] == end
    for (_, hi), (next_lo, _) in itertools.pairwise(windows):
        assert next_lo == hi + timedelta(days=1)
    for lo, hi in windows:
        assert hi < add_months(lo, 1)


def test_an_inverted_range_is_refused_naming_the_field() -> None:
    with pytest.raises(RequestValidationError) as caught:
        month_windows(date(2026, 2, 1), date(2026, 1, 1))
    assert caught.value.field == "to"


def test_add_months_clamps_to_the_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


class Record(BaseModel):
    id: str
    day: date


class RecordPage(BaseModel):
    records: list[Record]
    next_page_token: str = ""


def fake_listing(records: list[Record], page_size: int, calls: list[tuple[date, date]]) -> Any:
    """A paginator factory over in-memory records filtered by day, like Zoom's from/to."""

    def paginator_for(lo: date, hi: date) -> AsyncPaginator[Record]:
        calls.append((lo, hi))
        selected = [r for r in records if lo <= r.day <= hi]

        async def fetch(params: dict[str, Any]) -> RecordPage:
            offset = int(params.get("next_page_token") or 0)
            chunk = selected[offset : offset + page_size]
            rest = offset + page_size < len(selected)
            return RecordPage(
                records=chunk, next_page_token=str(offset + page_size) if rest else ""
            )

        return AsyncPaginator(fetch, params={}, items_field="records")

    return paginator_for


@pytest.mark.anyio
async def test_merged_windows_yield_every_record_exactly_once_in_order() -> None:
    start = date(2026, 1, 10)
    end = start + timedelta(days=94)
    records = [
        Record(id=f"r{n}-{day.isoformat()}", day=day)
        for day in days(start, end)
        for n in range(day.day % 3)
    ]
    calls: list[tuple[date, date]] = []
    listing = WindowedPaginator(start, end, fake_listing(records, 7, calls))
    got = [r.id async for r in listing]
    assert got == [r.id for r in records]
    assert calls == month_windows(start, end)


@pytest.mark.anyio
async def test_a_record_listed_on_both_sides_of_an_edge_is_yielded_once_with_a_key() -> None:
    edge = date(2026, 2, 9)  # the last day of the first window from Jan 10
    twice = [Record(id="same", day=edge), Record(id="same", day=edge + timedelta(days=1))]
    calls: list[tuple[date, date]] = []
    listing = WindowedPaginator(
        date(2026, 1, 10), date(2026, 3, 1), fake_listing(twice, 5, calls), key=lambda r: r.id
    )
    assert [r.id async for r in listing] == ["same"]
