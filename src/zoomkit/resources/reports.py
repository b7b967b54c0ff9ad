"""``client.reports``: account usage, hosts, meeting and webinar reports, billing.

Every report is in Zoom's Heavy rate-limit category. Date-ranged reports answer at most one
month per request, so their methods split any ``from_``..``to`` range into month windows and
walk them in order (:class:`~zoomkit.windows.WindowedPaginator`): ask for 95 days, get every
record once. Meeting and webinar reports take a numeric id (the latest instance) or an instance
UUID, which is double-encoded in the path when Zoom requires it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from datetime import date
from typing import Any, Literal, TypeVar

import httpx
from pydantic import BaseModel

from .._http import RequestOptions, build_path
from ..errors import RequestValidationError
from ..models.reports import (
    BillingInvoiceList,
    BillingReport,
    CloudRecordingStorage,
    HistoryMeeting,
    MeetingActivityLog,
    OperationLog,
    ReportActivityList,
    ReportCloudRecording,
    ReportDaily,
    ReportHistoryMeetingList,
    ReportInstance,
    ReportMeetingActivityList,
    ReportMeetingsType,
    ReportMeetingSurvey,
    ReportOperationLogList,
    ReportParticipant,
    ReportParticipantList,
    ReportPolls,
    ReportQA,
    ReportTelephoneList,
    ReportUpcomingEventList,
    ReportUser,
    ReportUserList,
    ReportUserMeeting,
    ReportUserMeetingList,
    ReportUsersType,
    ReportWebinarSurvey,
    SignInActivity,
    TelephonyUsage,
    UpcomingEvent,
)
from ..pagination import AsyncPaginator, FetchPage
from ..types import MeetingUUID
from ..windows import WindowedPaginator, month_windows
from ._base import Resource, operation, options, page_fetcher, page_size_value, zoom_date
from .meeting_ids import meeting_id_or_uuid

__all__ = [
    "InstanceId",
    "ReportResource",
    "Reports",
    "date_range",
    "instance_id",
    "one_month",
    "windowed",
]

ModelT = TypeVar("ModelT", bound=BaseModel)

InstanceId = int | str | MeetingUUID
"""A meeting (or webinar) id, meaning its latest instance, or one instance's UUID."""


# --- helpers shared with client.dashboards ----------------------------------------------------


def instance_id(value: InstanceId, *, field: str = "meeting_id") -> int | MeetingUUID:
    """A numeric id as an int64, anything else as a :class:`MeetingUUID` for the path encoder."""
    return meeting_id_or_uuid(value, field=field)


def _day(value: date | str, *, field: str) -> date:
    text = zoom_date(value, field=field)
    if text is None:
        raise RequestValidationError(f"{field}: a date is required", field=field)
    return date.fromisoformat(text)


def date_range(from_: date | str, to: date | str) -> tuple[date, date]:
    """The inclusive ``from_``..``to`` range as dates, or an error naming the bad end."""
    start, end = _day(from_, field="from_"), _day(to, field="to")
    if end < start:
        raise RequestValidationError(
            f"to: {end.isoformat()} is before from_ {start.isoformat()}", field="to"
        )
    return start, end


def one_month(from_: date | str, to: date | str) -> dict[str, str]:
    """``from``/``to`` query values for a report Zoom totals per request (no windows).

    Totals over two windows cannot be merged into one answer, so a range longer than a month
    is refused before sending; call once per month instead.
    """
    start, end = date_range(from_, to)
    if len(month_windows(start, end)) > 1:
        raise RequestValidationError(
            f"to: {start.isoformat()}..{end.isoformat()} is longer than one month; this "
            "report sums over its range, so ask for each month separately",
            field="to",
        )
    return {"from": start.isoformat(), "to": end.isoformat()}


def windowed(
    fetch: FetchPage,
    params: Mapping[str, Any],
    *,
    start: date,
    end: date,
    items_field: str,
    key: Callable[[Any], Hashable] | None = None,
) -> WindowedPaginator[Any]:
    """Month windows over ``start``..``end``, each a paginator sent with its own from/to."""

    def paginator_for(window_start: date, window_end: date) -> AsyncPaginator[Any]:
        window = {"from": window_start.isoformat(), "to": window_end.isoformat()}
        return AsyncPaginator(fetch, params={**params, **window}, items_field=items_field)

    return WindowedPaginator(start, end, paginator_for, key=key)


def _user_meeting_key(item: ReportUserMeeting) -> Hashable:
    return (item.uuid, item.join_time)


def _history_key(item: HistoryMeeting) -> Hashable:
    return item.meeting_uuid


# --- the resource ------------------------------------------------------------------------------


class ReportResource(Resource):
    """What ``client.reports`` and ``client.dashboards`` share: plain GETs and paginated ones."""

    async def _get(
        self,
        model: type[ModelT],
        path: str,
        request_options: RequestOptions,
        params: Mapping[str, Any] | None = None,
    ) -> ModelT:
        return await self._loop.request_model(
            model, "GET", path, params=params, options=request_options
        )


class Reports(ReportResource):
    """Reports (Zoom's Heavy category; Pro plan or higher)."""

    @operation("GET", "/report/daily", response=ReportDaily)
    async def daily(
        self,
        *,
        year: int | None = None,
        month: int | None = None,
        group_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ReportDaily:
        """Account usage per day of one month (the current one by default; last 6 months)."""
        if month is not None and not 1 <= month <= 12:
            raise RequestValidationError(f"month: must be 1 to 12, got {month!r}", field="month")
        return await self._loop.request_model(
            ReportDaily,
            "GET",
            "/report/daily",
            params={"year": year, "month": month, "group_id": group_id},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/report/users", response=ReportUserList)
    def active_hosts(
        self,
        *,
        from_: date | str,
        to: date | str,
        type: ReportUsersType | str = ReportUsersType.ACTIVE,
        group_id: str | None = None,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[ReportUser]:
        """Active (or ``type="inactive"``) hosts with their meeting totals, month by month.

        Each window's rows are that window's totals, so over a range longer than a month a host
        appears once per window: sum ``meetings``, ``participants`` and ``meeting_minutes`` by
        ``id`` for the whole range. ``pages()`` shows each window's ``from_``/``to`` and totals.
        """
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            ReportUserList,
            "/report/users",
            options(extra_headers, extra_query, None, timeout),
        )
        params = {"type": type, "group_id": group_id, "page_size": page_size_value(page_size)}
        return windowed(fetch, params, start=start, end=end, items_field="users")

    @operation("GET", "/report/users/{userId}/meetings", response=ReportUserMeetingList)
    def user_meetings(
        self,
        user_id: str,
        *,
        from_: date | str,
        to: date | str,
        type: ReportMeetingsType | str = ReportMeetingsType.PAST,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[ReportUserMeeting]:
        """A user's past meetings (``pastOne``: attended by one; ``pastJoined``: joined).

        Walks month windows in order; a record is keyed by (``uuid``, ``join_time``), so one
        listed on both sides of a window edge is yielded once.
        """
        start, end = date_range(from_, to)
        path = build_path("/report/users/{userId}/meetings", userId=user_id)
        fetch = page_fetcher(
            self._loop,
            ReportUserMeetingList,
            path,
            options(extra_headers, extra_query, None, timeout),
        )
        params = {"type": type, "page_size": page_size_value(page_size)}
        return windowed(
            fetch, params, start=start, end=end, items_field="meetings", key=_user_meeting_key
        )

    @operation("GET", "/report/meetings/{meetingId}", response=ReportInstance)
    async def meeting(
        self,
        meeting_id: InstanceId,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ReportInstance:
        """One ended meeting instance: times, minutes, participant count, tracking fields."""
        path = build_path("/report/meetings/{meetingId}", meetingId=instance_id(meeting_id))
        return await self._get(
            ReportInstance, path, options(extra_headers, extra_query, None, timeout)
        )

    @operation("GET", "/report/meetings/{meetingId}/participants", response=ReportParticipantList)
    def meeting_participants(
        self,
        meeting_id: InstanceId,
        *,
        include_fields: Literal["registrant_id"] | None = None,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[ReportParticipant]:
        """Who attended an instance: one record per join, with join and leave times."""
        path = build_path(
            "/report/meetings/{meetingId}/participants", meetingId=instance_id(meeting_id)
        )
        return self._pages(
            ReportParticipantList,
            path,
            {
                "include_fields": include_fields,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
            },
            items_field="participants",
            request_options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/report/meetings/{meetingId}/polls", response=ReportPolls)
    async def meeting_polls(
        self,
        meeting_id: InstanceId,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ReportPolls:
        """Every participant's poll answers for an ended instance."""
        path = build_path("/report/meetings/{meetingId}/polls", meetingId=instance_id(meeting_id))
        return await self._get(
            ReportPolls, path, options(extra_headers, extra_query, None, timeout)
        )

    @operation("GET", "/report/meetings/{meetingId}/qa", response=ReportQA)
    async def meeting_qa(
        self,
        meeting_id: InstanceId,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ReportQA:
        """The Q&A of an ended instance: questions, their status and answers."""
        path = build_path("/report/meetings/{meetingId}/qa", meetingId=instance_id(meeting_id))
        return await self._get(ReportQA, path, options(extra_headers, extra_query, None, timeout))

    @operation("GET", "/report/meetings/{meetingId}/survey", response=ReportMeetingSurvey)
    async def meeting_survey(
        self,
        meeting_id: InstanceId,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ReportMeetingSurvey:
        """The survey answers of an ended instance."""
        path = build_path("/report/meetings/{meetingId}/survey", meetingId=instance_id(meeting_id))
        return await self._get(
            ReportMeetingSurvey, path, options(extra_headers, extra_query, None, timeout)
        )

    @operation("GET", "/report/webinars/{webinarId}", response=ReportInstance)
    async def webinar(
        self,
        webinar_id: InstanceId,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ReportInstance:
        """One ended webinar instance (Zoom needs a webinar plan on the account)."""
        path = build_path(
            "/report/webinars/{webinarId}", webinarId=instance_id(webinar_id, field="webinar_id")
        )
        return await self._get(
            ReportInstance, path, options(extra_headers, extra_query, None, timeout)
        )

    @operation("GET", "/report/webinars/{webinarId}/participants", response=ReportParticipantList)
    def webinar_participants(
        self,
        webinar_id: InstanceId,
        *,
        include_fields: Literal["registrant_id"] | None = None,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[ReportParticipant]:
        """Who attended a webinar instance: one record per join."""
        path = build_path(
            "/report/webinars/{webinarId}/participants",
            webinarId=instance_id(webinar_id, field="webinar_id"),
        )
        return self._pages(
            ReportParticipantList,
            path,
            {
                "include_fields": include_fields,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
            },
            items_field="participants",
            request_options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/report/webinars/{webinarId}/polls", response=ReportPolls)
    async def webinar_polls(
        self,
        webinar_id: InstanceId,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ReportPolls:
        """Every attendee's poll answers for an ended webinar instance."""
        path = build_path(
            "/report/webinars/{webinarId}/polls",
            webinarId=instance_id(webinar_id, field="webinar_id"),
        )
        return await self._get(
            ReportPolls, path, options(extra_headers, extra_query, None, timeout)
        )

    @operation("GET", "/report/webinars/{webinarId}/qa", response=ReportQA)
    async def webinar_qa(
        self,
        webinar_id: InstanceId,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ReportQA:
        """The Q&A of an ended webinar instance."""
        path = build_path(
            "/report/webinars/{webinarId}/qa", webinarId=instance_id(webinar_id, field="webinar_id")
        )
        return await self._get(ReportQA, path, options(extra_headers, extra_query, None, timeout))

    @operation("GET", "/report/webinars/{webinarId}/survey", response=ReportWebinarSurvey)
    async def webinar_survey(
        self,
        webinar_id: InstanceId,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ReportWebinarSurvey:
        """The survey answers of an ended webinar instance."""
        path = build_path(
            "/report/webinars/{webinarId}/survey",
            webinarId=instance_id(webinar_id, field="webinar_id"),
        )
        return await self._get(
            ReportWebinarSurvey, path, options(extra_headers, extra_query, None, timeout)
        )

    @operation("GET", "/report/cloud_recording", response=ReportCloudRecording)
    def cloud_recording(
        self,
        *,
        from_: date | str,
        to: date | str,
        group_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[CloudRecordingStorage]:
        """Cloud recording storage per day, one row a day, month window by month window."""
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            ReportCloudRecording,
            "/report/cloud_recording",
            options(extra_headers, extra_query, None, timeout),
        )
        return windowed(
            fetch,
            {"group_id": group_id},
            start=start,
            end=end,
            items_field="cloud_recording_storage",
        )

    @operation("GET", "/report/operationlogs", response=ReportOperationLogList)
    def operation_logs(
        self,
        *,
        from_: date | str,
        to: date | str,
        category_type: str | None = None,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[OperationLog]:
        """Admin actions on the account (``category_type`` such as ``user`` or ``all``)."""
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            ReportOperationLogList,
            "/report/operationlogs",
            options(extra_headers, extra_query, None, timeout),
        )
        params = {"category_type": category_type, "page_size": page_size_value(page_size)}
        return windowed(fetch, params, start=start, end=end, items_field="operation_logs")

    @operation("GET", "/report/activities", response=ReportActivityList)
    def sign_in_activities(
        self,
        *,
        from_: date | str,
        to: date | str,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[SignInActivity]:
        """Users' sign-ins and sign-outs (Zoom keeps six months)."""
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            ReportActivityList,
            "/report/activities",
            options(extra_headers, extra_query, None, timeout),
        )
        params = {"page_size": page_size_value(page_size)}
        return windowed(fetch, params, start=start, end=end, items_field="activity_logs")

    @operation("GET", "/report/telephone", response=ReportTelephoneList)
    def telephone(
        self,
        *,
        from_: date | str,
        to: date | str,
        type: Literal["1", "2", "3"] | None = None,
        query_date_type: (
            Literal["start_time", "end_time", "meeting_start_time", "meeting_end_time"] | None
        ) = None,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[TelephonyUsage]:
        """Phone legs of meetings (``type`` 1: toll-free and call-out, 2: call-in, 3: both)."""
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            ReportTelephoneList,
            "/report/telephone",
            options(extra_headers, extra_query, None, timeout),
        )
        params = {
            "type": type,
            "query_date_type": query_date_type,
            "page_size": page_size_value(page_size),
        }
        return windowed(fetch, params, start=start, end=end, items_field="telephony_usage")

    @operation("GET", "/report/upcoming_events", response=ReportUpcomingEventList)
    def upcoming_events(
        self,
        *,
        from_: date | str,
        to: date | str,
        type: Literal["meeting", "webinar", "all"] | None = None,
        group_id: str | None = None,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[UpcomingEvent]:
        """Scheduled meetings and webinars starting in the range."""
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            ReportUpcomingEventList,
            "/report/upcoming_events",
            options(extra_headers, extra_query, None, timeout),
        )
        params = {"type": type, "group_id": group_id, "page_size": page_size_value(page_size)}
        return windowed(fetch, params, start=start, end=end, items_field="upcoming_events")

    @operation("GET", "/report/billing", response=BillingReport)
    async def billing(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> BillingReport:
        """The account's billing periods with their totals."""
        return await self._loop.request_model(
            BillingReport,
            "GET",
            "/report/billing",
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/report/billing/invoices", response=BillingInvoiceList)
    async def billing_invoices(
        self,
        *,
        billing_id: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> BillingInvoiceList:
        """The charges of one billing period (``billing_id`` from :meth:`billing`)."""
        if not billing_id:
            raise RequestValidationError("billing_id: must not be empty", field="billing_id")
        return await self._loop.request_model(
            BillingInvoiceList,
            "GET",
            "/report/billing/invoices",
            params={"billing_id": billing_id},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/report/history_meetings", response=ReportHistoryMeetingList)
    def history_meetings(
        self,
        *,
        from_: date | str,
        to: date | str,
        date_type: Literal["start_time", "end_time"] | None = None,
        meeting_type: Literal["meeting", "webinar", "all"] | None = None,
        report_type: (Literal["all", "poll", "survey", "qa", "resource", "reaction"] | None) = None,
        search_key: str | None = None,
        group_id: str | None = None,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[HistoryMeeting]:
        """Past meetings and webinars with the features they used.

        Keyed by ``meeting_uuid``, so an instance listed on both sides of a window edge (as
        with ``date_type="end_time"`` near midnight) is yielded once.
        """
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            ReportHistoryMeetingList,
            "/report/history_meetings",
            options(extra_headers, extra_query, None, timeout),
        )
        params = {
            "date_type": date_type,
            "meeting_type": meeting_type,
            "report_type": report_type,
            "search_key": search_key,
            "group_id": group_id,
            "page_size": page_size_value(page_size),
        }
        return windowed(
            fetch, params, start=start, end=end, items_field="history_meetings", key=_history_key
        )

    @operation("GET", "/report/meeting_activities", response=ReportMeetingActivityList)
    def meeting_activities(
        self,
        *,
        from_: date | str,
        to: date | str,
        activity_type: str = "All Activities",
        meeting_number: str | None = None,
        search_key: str | None = None,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[MeetingActivityLog]:
        """In-meeting activity logs (``activity_type`` such as ``"User Join"``)."""
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            ReportMeetingActivityList,
            "/report/meeting_activities",
            options(extra_headers, extra_query, None, timeout),
        )
        params = {
            "activity_type": activity_type,
            "meeting_number": meeting_number,
            "search_key": search_key,
            "page_size": page_size_value(page_size),
        }
        return windowed(fetch, params, start=start, end=end, items_field="meeting_activity_logs")
