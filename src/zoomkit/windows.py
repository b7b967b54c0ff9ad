"""Date ranges longer than Zoom allows, split into month windows and walked in order.

Zoom's date-ranged lists (reports, dashboards, cloud recordings) answer at most one month per
request. :func:`month_windows` splits any range into consecutive windows that cover each day
exactly once, and :class:`WindowedPaginator` walks them in order with a normal paginator per
window, so a caller asks for 95 days and gets every record once.
"""

from __future__ import annotations

import calendar
from collections.abc import AsyncIterator, Callable, Hashable
from datetime import date, timedelta
from typing import Generic, TypeVar

from .errors import RequestValidationError
from .pagination import AsyncPaginator, Page

__all__ = ["WindowedPaginator", "month_windows"]

ItemT = TypeVar("ItemT")


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (Jan 31 + 1 → Feb 28/29)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_windows(start: date, end: date) -> list[tuple[date, date]]:
    """Split ``start..end`` (both inclusive) into windows of at most one month.

    Each window runs from a day to the day before the same day next month, so windows never
    overlap and no day is left out; the last window ends at ``end``.
    """
    if end < start:
        raise RequestValidationError(
            f"to: {end.isoformat()} is before from_ {start.isoformat()}", field="to"
        )
    windows: list[tuple[date, date]] = []
    cursor = start
    while cursor <= end:
        window_end = min(add_months(cursor, 1) - timedelta(days=1), end)
        windows.append((cursor, window_end))
        cursor = window_end + timedelta(days=1)
    return windows


class WindowedPaginator(Generic[ItemT]):
    """Walk month windows in order, each with its own paginator, as one listing.

    ``async for item in ...`` yields every item of every window; ``pages()`` yields pages.
    ``key`` (optional) names a record, so one that Zoom lists on both sides of a window edge
    is yielded once; only the previous window's keys are kept, so memory stays bounded.
    """

    def __init__(
        self,
        start: date,
        end: date,
        paginator_for: Callable[[date, date], AsyncPaginator[ItemT]],
        *,
        key: Callable[[ItemT], Hashable] | None = None,
    ) -> None:
        self.windows = month_windows(start, end)
        self._paginator_for = paginator_for
        self._key = key

    async def pages(self) -> AsyncIterator[Page[ItemT]]:
        for window_start, window_end in self.windows:
            async for page in self._paginator_for(window_start, window_end).pages():
                yield page

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        previous: set[Hashable] = set()
        current: set[Hashable] = set()
        for window_start, window_end in self.windows:
            previous, current = current, set()
            async for page in self._paginator_for(window_start, window_end).pages():
                for item in page.items:
                    if self._key is not None:
                        name = self._key(item)
                        if name in previous or name in current:
                            continue
                        current.add(name)
                    yield item
