"""``client.meetings.summaries``: AI Companion meeting summaries."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import UTC, date, datetime
from typing import Any

import httpx

from .._http import build_path
from ..models.meeting_summaries import MeetingSummary, MeetingSummaryList, MeetingSummaryListItem
from ..pagination import AsyncPaginator
from ..windows import WindowedPaginator
from ._base import Resource, operation, options, page_fetcher, page_size_value, zoom_date
from .meeting_ids import meeting_uuid_value

__all__ = ["MeetingSummaries", "summary_key", "window_bounds"]


def window_bounds(start: date, end: date) -> tuple[str, str]:
    """A window of whole UTC days as the ``from``/``to`` timestamps the summaries list takes."""
    return f"{start.isoformat()}T00:00:00Z", f"{end.isoformat()}T23:59:59Z"


def summary_key(item: MeetingSummaryListItem) -> Hashable:
    """One summary per meeting instance: its UUID (an item without one is never merged)."""
    return item.meeting_uuid if item.meeting_uuid else object()


class MeetingSummaries(Resource):
    """Summaries need a Pro (or higher) host with AI Companion summaries turned on."""

    @operation("GET", "/meetings/{meetingId}/meeting_summary", response=MeetingSummary)
    async def get(
        self,
        meeting_uuid: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingSummary:
        """The summary of one ended instance, by its UUID (a meeting id is refused by Zoom).

        The UUID is double-encoded when Zoom's rule asks for it.
        """
        return await self._loop.request_model(
            MeetingSummary,
            "GET",
            build_path(
                "/meetings/{meetingId}/meeting_summary",
                meetingId=meeting_uuid_value(meeting_uuid),
            ),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/meetings/meeting_summaries", response=MeetingSummaryList)
    def list(
        self,
        *,
        from_: date | str,
        to: date | str | None = None,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[MeetingSummaryListItem]:
        """The account's summaries created from ``from_`` to ``to`` (UTC days, both included).

        ``to`` defaults to today (UTC). Ranges longer than a month are split into month windows
        walked in order; a summary seen on both sides of a window edge is yielded once.
        ``async for summary in client.meetings.summaries.list(from_=date(2026, 1, 1))``.
        """
        start = date.fromisoformat(zoom_date(from_, field="from_") or "")
        end_text = zoom_date(to, field="to")
        end = (
            date.fromisoformat(end_text)
            if end_text
            else datetime.fromtimestamp(self._client.clock.time(), UTC).date()
        )
        size = page_size_value(page_size)
        request_options = options(extra_headers, extra_query, None, timeout)

        fetch = page_fetcher(
            self._loop, MeetingSummaryList, "/meetings/meeting_summaries", request_options
        )

        def window(first: date, last: date) -> AsyncPaginator[MeetingSummaryListItem]:
            since, until = window_bounds(first, last)
            return AsyncPaginator(
                fetch,
                params={"from": since, "to": until, "page_size": size},
                items_field="summaries",
            )

        return WindowedPaginator(start, end, window, key=summary_key)
