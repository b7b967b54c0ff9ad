"""``client.meetings``: schedule, read, change and cancel meetings, and everything hanging off one.

Sub-resources: ``registrants``, ``polls``, ``survey``, ``livestream``, ``summaries``,
``templates``, ``open_apps`` and ``live`` (controls for a meeting in progress).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import httpx

from .._http import build_path
from ..models.meeting_access import (
    InviteLinkAttendeeParams,
    InviteLinks,
    InviteLinksParams,
    JoinToken,
    MeetingInvitation,
    MeetingToken,
    SipDialing,
)
from ..models.meeting_bodies import build_body
from ..models.meeting_params import (
    RecurrenceParams,
    build_meeting_create_body,
    build_meeting_update_body,
)
from ..models.meetings import (
    Meeting,
    MeetingList,
    MeetingListItem,
    MeetingListType,
    MeetingSettings,
    MeetingStatusAction,
    MeetingStatusParams,
    MeetingType,
    TrackingField,
    UpcomingMeetingList,
)
from ..pagination import AsyncPaginator
from ..types import NOT_GIVEN, NotGiven
from ._base import (
    Resource,
    ResourceAttribute,
    meeting_id_value,
    operation,
    options,
    page_size_value,
    zoom_date,
)
from .meeting_live import LiveMeetings
from .meeting_livestream import MeetingLivestreams
from .meeting_open_apps import MeetingOpenApps
from .meeting_polls import MeetingPolls
from .meeting_registrants import MeetingRegistrants
from .meeting_summaries import MeetingSummaries
from .meeting_survey import MeetingSurveys
from .meeting_templates import MeetingTemplates

__all__ = ["Meetings"]


class Meetings(Resource):
    """Meetings. Ids are Zoom's numeric meeting ids (int64)."""

    registrants = ResourceAttribute(MeetingRegistrants)
    polls = ResourceAttribute(MeetingPolls)
    survey = ResourceAttribute(MeetingSurveys)
    livestream = ResourceAttribute(MeetingLivestreams)
    summaries = ResourceAttribute(MeetingSummaries)
    templates = ResourceAttribute(MeetingTemplates)
    open_apps = ResourceAttribute(MeetingOpenApps)
    live = ResourceAttribute(LiveMeetings)

    @operation("POST", "/users/{userId}/meetings", response=Meeting)
    async def create(
        self,
        user_id: str = "me",
        *,
        topic: str,
        type: MeetingType | int = MeetingType.SCHEDULED,
        start_time: datetime | None = None,
        duration: int | None = None,
        timezone: str | None = None,
        password: str | None = None,
        default_password: bool | None = None,
        agenda: str | None = None,
        recurrence: RecurrenceParams | Mapping[str, Any] | None = None,
        settings: MeetingSettings | Mapping[str, Any] | None = None,
        schedule_for: str | None = None,
        template_id: str | None = None,
        tracking_fields: Sequence[TrackingField | Mapping[str, Any]] | None = None,
        pre_schedule: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Meeting:
        """Schedule a meeting for ``user_id`` and return it (with ``id`` and ``join_url``).

        ``start_time`` must be timezone-aware (it is sent as UTC), or naive together with
        ``timezone``. Input is validated before sending: a bad topic, passcode, timezone or
        recurrence raises :class:`~zoomkit.errors.RequestValidationError` naming the field.
        Never retried after Zoom may have acted, so a flaky network cannot double-book.
        """
        body = build_meeting_create_body(
            topic=topic,
            type=type,
            start_time=start_time,
            duration=duration,
            timezone=timezone,
            password=password,
            default_password=default_password,
            agenda=agenda,
            recurrence=recurrence,
            settings=settings,
            schedule_for=schedule_for,
            template_id=template_id,
            tracking_fields=tracking_fields,
            pre_schedule=pre_schedule,
            extra_body=extra_body,
        )
        return await self._loop.request_model(
            Meeting,
            "POST",
            build_path("/users/{userId}/meetings", userId=user_id),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/meetings/{meetingId}", response=Meeting)
    async def get(
        self,
        meeting_id: int | str,
        *,
        occurrence_id: str | None = None,
        show_previous_occurrences: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Meeting:
        """One meeting. Raises :class:`~zoomkit.errors.MeetingNotFound` (code 3001) if absent."""
        return await self._loop.request_model(
            Meeting,
            "GET",
            build_path("/meetings/{meetingId}", meetingId=meeting_id_value(meeting_id)),
            params={
                "occurrence_id": occurrence_id,
                "show_previous_occurrences": show_previous_occurrences,
            },
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", "/meetings/{meetingId}")
    async def update(
        self,
        meeting_id: int | str,
        *,
        occurrence_id: str | None = None,
        topic: str | NotGiven = NOT_GIVEN,
        type: MeetingType | int | NotGiven = NOT_GIVEN,
        start_time: datetime | NotGiven = NOT_GIVEN,
        duration: int | NotGiven = NOT_GIVEN,
        timezone: str | NotGiven = NOT_GIVEN,
        password: str | NotGiven = NOT_GIVEN,
        agenda: str | NotGiven = NOT_GIVEN,
        recurrence: RecurrenceParams | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        settings: MeetingSettings | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        schedule_for: str | NotGiven = NOT_GIVEN,
        template_id: str | NotGiven = NOT_GIVEN,
        tracking_fields: Sequence[TrackingField | Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        pre_schedule: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Change only the fields you pass (Zoom answers 204); settings are merged by Zoom."""
        body = build_meeting_update_body(
            topic=topic,
            type=type,
            start_time=start_time,
            duration=duration,
            timezone=timezone,
            password=password,
            agenda=agenda,
            recurrence=recurrence,
            settings=settings,
            schedule_for=schedule_for,
            template_id=template_id,
            tracking_fields=tracking_fields,
            pre_schedule=pre_schedule,
            extra_body=extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path("/meetings/{meetingId}", meetingId=meeting_id_value(meeting_id)),
            params={"occurrence_id": occurrence_id},
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/meetings/{meetingId}")
    async def delete(
        self,
        meeting_id: int | str,
        *,
        occurrence_id: str | None = None,
        schedule_for_reminder: bool | None = None,
        cancel_meeting_reminder: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete a meeting (or one occurrence of a recurring one)."""
        await self._loop.request(
            "DELETE",
            build_path("/meetings/{meetingId}", meetingId=meeting_id_value(meeting_id)),
            params={
                "occurrence_id": occurrence_id,
                "schedule_for_reminder": schedule_for_reminder,
                "cancel_meeting_reminder": cancel_meeting_reminder,
            },
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PUT", "/meetings/{meetingId}/status")
    async def update_status(
        self,
        meeting_id: int | str,
        *,
        action: MeetingStatusAction | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """``end`` a running meeting for everyone, or ``recover`` one deleted in the last 7 days."""
        body = build_body(MeetingStatusParams, {"action": action}, extra_body)
        await self._loop.request(
            "PUT",
            build_path("/meetings/{meetingId}/status", meetingId=meeting_id_value(meeting_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/meetings/{meetingId}/invitation", response=MeetingInvitation)
    async def get_invitation(
        self,
        meeting_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingInvitation:
        """The invitation text Zoom would email: topic, time, join link, passcode, dial-ins."""
        return await self._loop.request_model(
            MeetingInvitation,
            "GET",
            build_path("/meetings/{meetingId}/invitation", meetingId=meeting_id_value(meeting_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", "/meetings/{meetingId}/invite_links", response=InviteLinks)
    async def create_invite_links(
        self,
        meeting_id: int | str,
        *,
        attendees: Sequence[str | InviteLinkAttendeeParams | Mapping[str, Any]],
        ttl: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> InviteLinks:
        """A personal join link per attendee (a string is a name), valid ``ttl`` seconds
        (Zoom's default 7,200; at most 90 days)."""
        named = [{"name": a} if isinstance(a, str) else a for a in attendees]
        body = build_body(InviteLinksParams, {"attendees": named, "ttl": ttl}, extra_body)
        return await self._loop.request_model(
            InviteLinks,
            "POST",
            build_path(
                "/meetings/{meetingId}/invite_links", meetingId=meeting_id_value(meeting_id)
            ),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/meetings/{meetingId}/token", response=MeetingToken)
    async def get_token(
        self,
        meeting_id: int | str,
        *,
        type: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingToken:
        """A meeting token; Zoom's only ``type`` (its default) is ``closed_caption_token``."""
        return await self._loop.request_model(
            MeetingToken,
            "GET",
            build_path("/meetings/{meetingId}/token", meetingId=meeting_id_value(meeting_id)),
            params={"type": type},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/meetings/{meetingId}/jointoken/live_streaming", response=JoinToken)
    async def get_live_streaming_join_token(
        self,
        meeting_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> JoinToken:
        """A token (2 minutes) for a live-streaming bot to join without the host's approval."""
        return await self._join_token(
            "live_streaming", meeting_id, None, extra_headers, extra_query, timeout
        )

    @operation("GET", "/meetings/{meetingId}/jointoken/local_archiving", response=JoinToken)
    async def get_local_archiving_token(
        self,
        meeting_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> JoinToken:
        """A token (2 minutes) for an archiving app to join and archive the meeting."""
        return await self._join_token(
            "local_archiving", meeting_id, None, extra_headers, extra_query, timeout
        )

    @operation("GET", "/meetings/{meetingId}/jointoken/local_recording", response=JoinToken)
    async def get_local_recording_join_token(
        self,
        meeting_id: int | str,
        *,
        bypass_waiting_room: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> JoinToken:
        """A token (2 minutes) for a bot to join and record locally with the host's consent."""
        return await self._join_token(
            "local_recording",
            meeting_id,
            {"bypass_waiting_room": bypass_waiting_room},
            extra_headers,
            extra_query,
            timeout,
        )

    async def _join_token(
        self,
        kind: str,
        meeting_id: int | str,
        params: Mapping[str, Any] | None,
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, Any] | None,
        timeout: float | httpx.Timeout | None,
    ) -> JoinToken:
        return await self._loop.request_model(
            JoinToken,
            "GET",
            build_path(
                "/meetings/{meetingId}/jointoken/" + kind, meetingId=meeting_id_value(meeting_id)
            ),
            params=params,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", "/meetings/{meetingId}/sip_dialing", response=SipDialing)
    async def get_sip_dialing(
        self,
        meeting_id: int | str,
        *,
        passcode: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SipDialing:
        """The encoded SIP URI a SIP phone dials to join (with the passcode built in)."""
        body: dict[str, Any] = {"passcode": passcode} if passcode is not None else {}
        return await self._loop.request_model(
            SipDialing,
            "POST",
            build_path("/meetings/{meetingId}/sip_dialing", meetingId=meeting_id_value(meeting_id)),
            json_body={**body, **(extra_body or {})},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/users/{userId}/upcoming_meetings", response=UpcomingMeetingList)
    async def list_upcoming(
        self,
        user_id: str = "me",
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> UpcomingMeetingList:
        """A user's upcoming meetings with their passcodes (one answer, not paginated)."""
        return await self._loop.request_model(
            UpcomingMeetingList,
            "GET",
            build_path("/users/{userId}/upcoming_meetings", userId=user_id),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/users/{userId}/meetings", response=MeetingList)
    def list(
        self,
        user_id: str = "me",
        *,
        type: MeetingListType | str = MeetingListType.SCHEDULED,
        page_size: int = 300,
        from_: date | str | None = None,
        to: date | str | None = None,
        timezone: str | None = None,
        next_page_token: str | None = None,
        page_number: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[MeetingListItem]:
        """A host's meetings, every page: ``async for m in client.meetings.list("me")``."""
        path = build_path("/users/{userId}/meetings", userId=user_id)
        request_options = options(extra_headers, extra_query, None, timeout)

        return self._pages(
            MeetingList,
            path,
            {
                "type": type,
                "page_size": page_size_value(page_size),
                "from": zoom_date(from_, field="from_"),
                "to": zoom_date(to, field="to"),
                "timezone": timezone,
                "next_page_token": next_page_token,
                "page_number": page_number,
            },
            items_field="meetings",
            request_options=request_options,
        )
