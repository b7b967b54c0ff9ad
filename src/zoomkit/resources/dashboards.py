"""``client.dashboards``: Zoom's dashboard metrics (Business plan or higher).

``type`` picks ``live`` (Zoom's default when omitted), ``past`` or ``pastOne`` (past meetings
attended by one person). Date-ranged lists walk month windows in order, as reports do; the
meeting and webinar lists are keyed by instance ``uuid``, so a meeting that runs across a
window edge is yielded once. Dashboards that total over their range (quality, feedback, Zoom
Room issues) cannot be merged across windows and refuse a range longer than one month.
``GET /metrics/meetings``, ``/webinars``, ``/zoomrooms``, ``/chat`` and ``/im`` are
Resource-intensive; the rest are Heavy.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import date
from typing import Any, Literal

import httpx

from .._http import build_path
from ..models.dashboards import (
    ChatUserMetrics,
    ClientFeedbackDetail,
    ClientSatisfaction,
    CrcPortsUsage,
    DashboardChatList,
    DashboardClientFeedbackDetailList,
    DashboardClientFeedbackList,
    DashboardClientSatisfactionList,
    DashboardClientVersionList,
    DashboardCRC,
    DashboardIMList,
    DashboardIssueZoomRoomList,
    DashboardMeeting,
    DashboardMeetingList,
    DashboardMeetingType,
    DashboardParticipant,
    DashboardParticipantList,
    DashboardQuality,
    DashboardQualityType,
    DashboardWebinar,
    DashboardWebinarList,
    DashboardZoomRoom,
    DashboardZoomRoomIssueList,
    DashboardZoomRoomList,
    IMUserMetrics,
    ParticipantFeedback,
    ParticipantFeedbackList,
    ParticipantQos,
    ParticipantQosList,
    ParticipantSharing,
    ParticipantSharingList,
    ZoomRoom,
    ZoomRoomIssueDetail,
    ZoomRoomIssueDetailList,
)
from ..pagination import AsyncPaginator
from ..windows import WindowedPaginator
from ._base import operation, options, page_fetcher, page_size_value
from .reports import (
    InstanceId,
    ReportResource,
    date_range,
    instance_id,
    one_month,
    windowed,
)

__all__ = ["Dashboards"]

DashboardType = DashboardMeetingType | Literal["past", "pastOne", "live"]

_QOS_PAGE_MAX = 10  # Zoom pages participants' QoS by 1 to 10


def _instance_key(item: DashboardMeeting | DashboardWebinar) -> Hashable:
    return item.uuid


class Dashboards(ReportResource):
    """Dashboard metrics: meetings, webinars, Zoom Rooms, chat, CRC and client data."""

    # -- meetings --------------------------------------------------------------------------

    @operation("GET", "/metrics/meetings", response=DashboardMeetingList)
    def meetings(
        self,
        *,
        from_: date | str,
        to: date | str,
        type: DashboardType | None = None,
        group_id: str | None = None,
        include_fields: Literal["tracking_fields"] | None = None,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[DashboardMeeting]:
        """Live or past meetings in the range, with the features and quality they had."""
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            DashboardMeetingList,
            "/metrics/meetings",
            options(extra_headers, extra_query, None, timeout),
        )
        params = {
            "type": type,
            "group_id": group_id,
            "include_fields": include_fields,
            "page_size": page_size_value(page_size),
        }
        return windowed(
            fetch, params, start=start, end=end, items_field="meetings", key=_instance_key
        )

    @operation("GET", "/metrics/meetings/{meetingId}", response=DashboardMeeting)
    async def meeting(
        self,
        meeting_id: InstanceId,
        *,
        type: DashboardType | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DashboardMeeting:
        """One meeting instance (by id: the live or latest one; or by UUID)."""
        path = build_path("/metrics/meetings/{meetingId}", meetingId=instance_id(meeting_id))
        return await self._get(
            DashboardMeeting,
            path,
            options(extra_headers, extra_query, None, timeout),
            {"type": type},
        )

    @operation(
        "GET", "/metrics/meetings/{meetingId}/participants", response=DashboardParticipantList
    )
    def meeting_participants(
        self,
        meeting_id: InstanceId,
        *,
        type: DashboardType | None = None,
        include_fields: Literal["registrant_id"] | None = None,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[DashboardParticipant]:
        """A meeting's participants with device, network, location and quality."""
        path = build_path(
            "/metrics/meetings/{meetingId}/participants", meetingId=instance_id(meeting_id)
        )
        return self._pages(
            DashboardParticipantList,
            path,
            {
                "type": type,
                "include_fields": include_fields,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
            },
            items_field="participants",
            request_options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/metrics/meetings/{meetingId}/participants/qos", response=ParticipantQosList)
    def meeting_participants_qos(
        self,
        meeting_id: InstanceId,
        *,
        type: Literal["past", "live"] | DashboardMeetingType | None = None,
        page_size: int = _QOS_PAGE_MAX,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[ParticipantQos]:
        """Every participant's QoS samples (pages of at most 10 participants)."""
        path = build_path(
            "/metrics/meetings/{meetingId}/participants/qos", meetingId=instance_id(meeting_id)
        )
        return self._pages(
            ParticipantQosList,
            path,
            {
                "type": type,
                "page_size": page_size_value(page_size, maximum=_QOS_PAGE_MAX),
                "next_page_token": next_page_token,
            },
            items_field="participants",
            request_options=options(extra_headers, extra_query, None, timeout),
        )

    @operation(
        "GET",
        "/metrics/meetings/{meetingId}/participants/{participantId}/qos",
        response=ParticipantQos,
    )
    async def meeting_participant_qos(
        self,
        meeting_id: InstanceId,
        participant_id: str,
        *,
        type: Literal["past", "live"] | DashboardMeetingType | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ParticipantQos:
        """One participant's QoS samples (``participant_id``: their ``user_id`` or ``id``)."""
        path = build_path(
            "/metrics/meetings/{meetingId}/participants/{participantId}/qos",
            meetingId=instance_id(meeting_id),
            participantId=participant_id,
        )
        return await self._get(
            ParticipantQos, path, options(extra_headers, extra_query, None, timeout), {"type": type}
        )

    @operation(
        "GET",
        "/metrics/meetings/{meetingId}/participants/sharing",
        response=ParticipantSharingList,
    )
    def meeting_participants_sharing(
        self,
        meeting_id: InstanceId,
        *,
        type: Literal["past", "live"] | DashboardMeetingType | None = None,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[ParticipantSharing]:
        """Who shared their screen (or recorded) in a meeting, and when."""
        path = build_path(
            "/metrics/meetings/{meetingId}/participants/sharing",
            meetingId=instance_id(meeting_id),
        )
        return self._pages(
            ParticipantSharingList,
            path,
            {
                "type": type,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
            },
            items_field="participants",
            request_options=options(extra_headers, extra_query, None, timeout),
        )

    @operation(
        "GET",
        "/metrics/meetings/{meetingId}/participants/satisfaction",
        response=ParticipantFeedbackList,
    )
    def meeting_participants_satisfaction(
        self,
        meeting_id: InstanceId,
        *,
        type: DashboardType | None = None,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[ParticipantFeedback]:
        """Participants' end-of-meeting feedback (thumbs up or down, and a comment)."""
        path = build_path(
            "/metrics/meetings/{meetingId}/participants/satisfaction",
            meetingId=instance_id(meeting_id),
        )
        return self._pages(
            ParticipantFeedbackList,
            path,
            {
                "type": type,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
            },
            items_field="participants",
            request_options=options(extra_headers, extra_query, None, timeout),
        )

    # -- webinars --------------------------------------------------------------------------

    @operation("GET", "/metrics/webinars", response=DashboardWebinarList)
    def webinars(
        self,
        *,
        from_: date | str,
        to: date | str,
        type: Literal["past", "live"] | DashboardMeetingType | None = None,
        group_id: str | None = None,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[DashboardWebinar]:
        """Live or past webinars in the range, keyed by ``uuid`` across window edges."""
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            DashboardWebinarList,
            "/metrics/webinars",
            options(extra_headers, extra_query, None, timeout),
        )
        params = {"type": type, "group_id": group_id, "page_size": page_size_value(page_size)}
        return windowed(
            fetch, params, start=start, end=end, items_field="webinars", key=_instance_key
        )

    @operation("GET", "/metrics/webinars/{webinarId}", response=DashboardWebinar)
    async def webinar(
        self,
        webinar_id: InstanceId,
        *,
        type: Literal["past", "live"] | DashboardMeetingType | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DashboardWebinar:
        """One webinar instance (by id: the live or latest one; or by UUID)."""
        path = build_path(
            "/metrics/webinars/{webinarId}",
            webinarId=instance_id(webinar_id, field="webinar_id"),
        )
        return await self._get(
            DashboardWebinar,
            path,
            options(extra_headers, extra_query, None, timeout),
            {"type": type},
        )

    @operation(
        "GET", "/metrics/webinars/{webinarId}/participants", response=DashboardParticipantList
    )
    def webinar_participants(
        self,
        webinar_id: InstanceId,
        *,
        type: Literal["past", "live"] | DashboardMeetingType | None = None,
        include_fields: Literal["registrant_id"] | None = None,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[DashboardParticipant]:
        """A webinar's attendees and panelists with device, network and quality."""
        path = build_path(
            "/metrics/webinars/{webinarId}/participants",
            webinarId=instance_id(webinar_id, field="webinar_id"),
        )
        return self._pages(
            DashboardParticipantList,
            path,
            {
                "type": type,
                "include_fields": include_fields,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
            },
            items_field="participants",
            request_options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/metrics/webinars/{webinarId}/participants/qos", response=ParticipantQosList)
    def webinar_participants_qos(
        self,
        webinar_id: InstanceId,
        *,
        type: Literal["past", "live"] | DashboardMeetingType | None = None,
        page_size: int = _QOS_PAGE_MAX,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[ParticipantQos]:
        """Every webinar participant's QoS samples (pages of at most 10)."""
        path = build_path(
            "/metrics/webinars/{webinarId}/participants/qos",
            webinarId=instance_id(webinar_id, field="webinar_id"),
        )
        return self._pages(
            ParticipantQosList,
            path,
            {
                "type": type,
                "page_size": page_size_value(page_size, maximum=_QOS_PAGE_MAX),
                "next_page_token": next_page_token,
            },
            items_field="participants",
            request_options=options(extra_headers, extra_query, None, timeout),
        )

    @operation(
        "GET",
        "/metrics/webinars/{webinarId}/participants/{participantId}/qos",
        response=ParticipantQos,
    )
    async def webinar_participant_qos(
        self,
        webinar_id: InstanceId,
        participant_id: str,
        *,
        type: Literal["past", "live"] | DashboardMeetingType | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ParticipantQos:
        """One webinar participant's QoS samples."""
        path = build_path(
            "/metrics/webinars/{webinarId}/participants/{participantId}/qos",
            webinarId=instance_id(webinar_id, field="webinar_id"),
            participantId=participant_id,
        )
        return await self._get(
            ParticipantQos, path, options(extra_headers, extra_query, None, timeout), {"type": type}
        )

    @operation(
        "GET",
        "/metrics/webinars/{webinarId}/participants/sharing",
        response=ParticipantSharingList,
    )
    def webinar_participants_sharing(
        self,
        webinar_id: InstanceId,
        *,
        type: Literal["past", "live"] | DashboardMeetingType | None = None,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[ParticipantSharing]:
        """Who shared their screen (or recorded) in a webinar, and when."""
        path = build_path(
            "/metrics/webinars/{webinarId}/participants/sharing",
            webinarId=instance_id(webinar_id, field="webinar_id"),
        )
        return self._pages(
            ParticipantSharingList,
            path,
            {
                "type": type,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
            },
            items_field="participants",
            request_options=options(extra_headers, extra_query, None, timeout),
        )

    @operation(
        "GET",
        "/metrics/webinars/{webinarId}/participants/satisfaction",
        response=ParticipantFeedbackList,
    )
    def webinar_participants_satisfaction(
        self,
        webinar_id: InstanceId,
        *,
        type: DashboardType | None = None,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[ParticipantFeedback]:
        """Attendees' end-of-webinar feedback."""
        path = build_path(
            "/metrics/webinars/{webinarId}/participants/satisfaction",
            webinarId=instance_id(webinar_id, field="webinar_id"),
        )
        return self._pages(
            ParticipantFeedbackList,
            path,
            {
                "type": type,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
            },
            items_field="participants",
            request_options=options(extra_headers, extra_query, None, timeout),
        )

    # -- Zoom Rooms ------------------------------------------------------------------------

    @operation("GET", "/metrics/zoomrooms", response=DashboardZoomRoomList)
    def zoom_rooms(
        self,
        *,
        page_size: int = 300,
        next_page_token: str | None = None,
        page_number: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[ZoomRoom]:
        """The account's Zoom Rooms with their status and health."""
        return AsyncPaginator(
            page_fetcher(
                self._loop,
                DashboardZoomRoomList,
                "/metrics/zoomrooms",
                options(extra_headers, extra_query, None, timeout),
            ),
            params={
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
                "page_number": page_number,
            },
            items_field="zoom_rooms",
            style="page_number" if page_number is not None else "next_page_token",
        )

    @operation("GET", "/metrics/zoomrooms/{zoomroomId}", response=DashboardZoomRoom)
    async def zoom_room(
        self,
        zoomroom_id: str,
        *,
        from_: date | str,
        to: date | str,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DashboardZoomRoom:
        """One room, its live meeting and one page of its past meetings (range: one month).

        ``past_meetings.next_page_token`` fetches the next page with ``next_page_token=``.
        """
        path = build_path("/metrics/zoomrooms/{zoomroomId}", zoomroomId=zoomroom_id)
        params = {
            **one_month(from_, to),
            "page_size": page_size_value(page_size),
            "next_page_token": next_page_token,
        }
        return await self._get(
            DashboardZoomRoom, path, options(extra_headers, extra_query, None, timeout), params
        )

    @operation("GET", "/metrics/zoomrooms/issues", response=DashboardZoomRoomIssueList)
    async def zoom_room_issues(
        self,
        *,
        from_: date | str,
        to: date | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DashboardZoomRoomIssueList:
        """The top issues of the account's rooms over the range (at most one month)."""
        return await self._get(
            DashboardZoomRoomIssueList,
            "/metrics/zoomrooms/issues",
            options(extra_headers, extra_query, None, timeout),
            one_month(from_, to),
        )

    @operation("GET", "/metrics/issues/zoomrooms", response=DashboardIssueZoomRoomList)
    async def issues_zoom_rooms(
        self,
        *,
        from_: date | str,
        to: date | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DashboardIssueZoomRoomList:
        """The rooms with the most issues over the range (at most one month)."""
        return await self._get(
            DashboardIssueZoomRoomList,
            "/metrics/issues/zoomrooms",
            options(extra_headers, extra_query, None, timeout),
            one_month(from_, to),
        )

    @operation("GET", "/metrics/issues/zoomrooms/{zoomroomId}", response=ZoomRoomIssueDetailList)
    def issue_zoom_room(
        self,
        zoomroom_id: str,
        *,
        from_: date | str,
        to: date | str,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[ZoomRoomIssueDetail]:
        """One room's issues, each with the time it happened, month window by month window."""
        start, end = date_range(from_, to)
        path = build_path("/metrics/issues/zoomrooms/{zoomroomId}", zoomroomId=zoomroom_id)
        fetch = page_fetcher(
            self._loop,
            ZoomRoomIssueDetailList,
            path,
            options(extra_headers, extra_query, None, timeout),
        )
        params = {"page_size": page_size_value(page_size)}
        return windowed(fetch, params, start=start, end=end, items_field="issue_details")

    # -- chat, CRC, clients, quality -------------------------------------------------------

    @operation("GET", "/metrics/chat", response=DashboardChatList)
    def chat(
        self,
        *,
        from_: date | str,
        to: date | str,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[ChatUserMetrics]:
        """Team Chat messages per user; over several windows a user has one row per window."""
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            DashboardChatList,
            "/metrics/chat",
            options(extra_headers, extra_query, None, timeout),
        )
        params = {"page_size": page_size_value(page_size)}
        return windowed(fetch, params, start=start, end=end, items_field="users")

    @operation("GET", "/metrics/im", response=DashboardIMList)
    def im(
        self,
        *,
        from_: date | str,
        to: date | str,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[IMUserMetrics]:
        """Legacy IM traffic per user; over several windows a user has one row per window."""
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            DashboardIMList,
            "/metrics/im",
            options(extra_headers, extra_query, None, timeout),
        )
        params = {"page_size": page_size_value(page_size)}
        return windowed(fetch, params, start=start, end=end, items_field="users")

    @operation("GET", "/metrics/crc", response=DashboardCRC)
    def crc(
        self,
        *,
        from_: date | str,
        to: date | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[CrcPortsUsage]:
        """Cloud Room Connector port usage, one row per day, hour by hour."""
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            DashboardCRC,
            "/metrics/crc",
            options(extra_headers, extra_query, None, timeout),
        )
        return windowed(fetch, {}, start=start, end=end, items_field="crc_ports_usage")

    @operation("GET", "/metrics/client/feedback", response=DashboardClientFeedbackList)
    async def client_feedback(
        self,
        *,
        from_: date | str,
        to: date | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DashboardClientFeedbackList:
        """Feedback reasons and how many participants gave each (range: one month)."""
        return await self._get(
            DashboardClientFeedbackList,
            "/metrics/client/feedback",
            options(extra_headers, extra_query, None, timeout),
            one_month(from_, to),
        )

    @operation(
        "GET",
        "/metrics/client/feedback/{feedbackId}",
        response=DashboardClientFeedbackDetailList,
    )
    def client_feedback_detail(
        self,
        feedback_id: str,
        *,
        from_: date | str,
        to: date | str,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[ClientFeedbackDetail]:
        """The participants who gave one feedback reason, and in which meeting."""
        start, end = date_range(from_, to)
        path = build_path("/metrics/client/feedback/{feedbackId}", feedbackId=feedback_id)
        fetch = page_fetcher(
            self._loop,
            DashboardClientFeedbackDetailList,
            path,
            options(extra_headers, extra_query, None, timeout),
        )
        params = {"page_size": page_size_value(page_size)}
        return windowed(fetch, params, start=start, end=end, items_field="client_feedback_details")

    @operation("GET", "/metrics/client/satisfaction", response=DashboardClientSatisfactionList)
    def client_satisfaction(
        self,
        *,
        from_: date | str,
        to: date | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[ClientSatisfaction]:
        """Thumbs up and down per day."""
        start, end = date_range(from_, to)
        fetch = page_fetcher(
            self._loop,
            DashboardClientSatisfactionList,
            "/metrics/client/satisfaction",
            options(extra_headers, extra_query, None, timeout),
        )
        return windowed(fetch, {}, start=start, end=end, items_field="client_satisfaction")

    @operation("GET", "/metrics/client_versions", response=DashboardClientVersionList)
    async def client_versions(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DashboardClientVersionList:
        """Zoom client versions in use on the account and how many clients run each."""
        return await self._get(
            DashboardClientVersionList,
            "/metrics/client_versions",
            options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/metrics/quality", response=DashboardQuality)
    async def quality(
        self,
        *,
        from_: date | str,
        to: date | str,
        type: DashboardQualityType | Literal["meeting", "participants"] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DashboardQuality:
        """How many meetings (or participants) had good to bad quality (range: one month)."""
        return await self._get(
            DashboardQuality,
            "/metrics/quality",
            options(extra_headers, extra_query, None, timeout),
            {**one_month(from_, to), "type": type},
        )
