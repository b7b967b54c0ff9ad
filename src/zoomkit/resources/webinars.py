"""``client.webinars``: schedule, read, change, end and cancel webinars, and their extras."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Literal

import httpx

from .._http import build_path
from ..models.meeting_access import InviteLinks, JoinToken, SipDialing
from ..models.meeting_bodies import build_body
from ..models.meeting_params import RecurrenceParams
from ..models.meetings import TrackingField
from ..models.webinar_extras import (
    WebinarInviteLinkParams,
    WebinarInviteLinksParams,
    WebinarSipDialingParams,
    WebinarStatusParams,
    WebinarToken,
    WebinarTrackingSources,
)
from ..models.webinar_params import build_webinar_create_body, build_webinar_update_body
from ..models.webinars import (
    Webinar,
    WebinarList,
    WebinarListItem,
    WebinarListType,
    WebinarSettings,
    WebinarType,
)
from ..pagination import AsyncPaginator
from ..types import NOT_GIVEN, NotGiven
from ._base import Resource, ResourceAttribute, operation, options, page_size_value
from .webinar_branding import WebinarBrandings
from .webinar_ids import webinar_id_value
from .webinar_panelists import WebinarPanelists
from .webinar_polls import WebinarPolls, WebinarSurveys
from .webinar_registrants import WebinarRegistrants
from .webinar_setup import LiveWebinars, WebinarLivestreams, WebinarTemplates

__all__ = ["Webinars"]

_WEBINAR = "/webinars/{webinarId}"


class Webinars(Resource):
    """Webinars (a Webinar plan is required). Ids are Zoom's numeric webinar ids (int64).

    Sub-resources: ``registrants``, ``panelists``, ``polls``, ``survey``, ``livestream``,
    ``templates``, ``branding`` and ``live`` (in-webinar actions).
    """

    registrants = ResourceAttribute(WebinarRegistrants)
    panelists = ResourceAttribute(WebinarPanelists)
    polls = ResourceAttribute(WebinarPolls)
    survey = ResourceAttribute(WebinarSurveys)
    livestream = ResourceAttribute(WebinarLivestreams)
    templates = ResourceAttribute(WebinarTemplates)
    branding = ResourceAttribute(WebinarBrandings)
    live = ResourceAttribute(LiveWebinars)

    @operation("POST", "/users/{userId}/webinars", response=Webinar)
    async def create(
        self,
        user_id: str = "me",
        *,
        topic: str,
        type: WebinarType | int = WebinarType.WEBINAR,
        start_time: datetime | None = None,
        duration: int | None = None,
        timezone: str | None = None,
        password: str | None = None,
        default_passcode: bool | None = None,
        agenda: str | None = None,
        recurrence: RecurrenceParams | Mapping[str, Any] | None = None,
        settings: WebinarSettings | Mapping[str, Any] | None = None,
        schedule_for: str | None = None,
        template_id: str | None = None,
        tracking_fields: Sequence[TrackingField | Mapping[str, Any]] | None = None,
        is_simulive: bool | None = None,
        record_file_id: str | None = None,
        transition_to_live: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Webinar:
        """Schedule a webinar for ``user_id`` and return it (with ``id`` and ``join_url``).

        ``start_time`` must be timezone-aware (sent as UTC), or naive together with
        ``timezone``. ``recurrence`` is for type 9 only. Input is checked before sending, and
        the call is never retried after Zoom may have acted: a duplicate webinar is not undone.
        """
        body = build_webinar_create_body(
            topic=topic,
            type=type,
            start_time=start_time,
            duration=duration,
            timezone=timezone,
            password=password,
            default_passcode=default_passcode,
            agenda=agenda,
            recurrence=recurrence,
            settings=settings,
            schedule_for=schedule_for,
            template_id=template_id,
            tracking_fields=tracking_fields,
            is_simulive=is_simulive,
            record_file_id=record_file_id,
            transition_to_live=transition_to_live,
            extra_body=extra_body,
        )
        return await self._loop.request_model(
            Webinar,
            "POST",
            build_path("/users/{userId}/webinars", userId=user_id),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/users/{userId}/webinars", response=WebinarList)
    def list(
        self,
        user_id: str = "me",
        *,
        type: WebinarListType | str = WebinarListType.SCHEDULED,
        page_size: int = 300,
        next_page_token: str | None = None,
        page_number: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[WebinarListItem]:
        """A host's webinars, every page: ``async for w in client.webinars.list("me")``."""
        path = build_path("/users/{userId}/webinars", userId=user_id)
        request_options = options(extra_headers, extra_query, None, timeout)

        return self._pages(
            WebinarList,
            path,
            {
                "type": type,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
                "page_number": page_number,
            },
            items_field="webinars",
            request_options=request_options,
        )

    @operation("GET", _WEBINAR, response=Webinar)
    async def get(
        self,
        webinar_id: int | str,
        *,
        occurrence_id: str | None = None,
        show_previous_occurrences: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Webinar:
        """One webinar. Raises :class:`~zoomkit.errors.MeetingNotFound` (code 3001) if absent."""
        return await self._loop.request_model(
            Webinar,
            "GET",
            build_path(_WEBINAR, webinarId=webinar_id_value(webinar_id)),
            params={
                "occurrence_id": occurrence_id,
                "show_previous_occurrences": show_previous_occurrences,
            },
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _WEBINAR)
    async def update(
        self,
        webinar_id: int | str,
        *,
        occurrence_id: str | None = None,
        topic: str | NotGiven = NOT_GIVEN,
        type: WebinarType | int | NotGiven = NOT_GIVEN,
        start_time: datetime | NotGiven = NOT_GIVEN,
        duration: int | NotGiven = NOT_GIVEN,
        timezone: str | NotGiven = NOT_GIVEN,
        password: str | NotGiven = NOT_GIVEN,
        agenda: str | NotGiven = NOT_GIVEN,
        recurrence: RecurrenceParams | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        settings: WebinarSettings | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        schedule_for: str | NotGiven = NOT_GIVEN,
        tracking_fields: Sequence[TrackingField | Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        is_simulive: bool | NotGiven = NOT_GIVEN,
        record_file_id: str | NotGiven = NOT_GIVEN,
        transition_to_live: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Change only the fields you pass (Zoom answers 204); settings are merged by Zoom.

        With ``occurrence_id``, only that occurrence of a recurring webinar changes.
        """
        body = build_webinar_update_body(
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
            tracking_fields=tracking_fields,
            is_simulive=is_simulive,
            record_file_id=record_file_id,
            transition_to_live=transition_to_live,
            extra_body=extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path(_WEBINAR, webinarId=webinar_id_value(webinar_id)),
            params={"occurrence_id": occurrence_id},
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _WEBINAR)
    async def delete(
        self,
        webinar_id: int | str,
        *,
        occurrence_id: str | None = None,
        cancel_webinar_reminder: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete a webinar (or one occurrence); ``cancel_webinar_reminder`` emails registrants."""
        await self._loop.request(
            "DELETE",
            build_path(_WEBINAR, webinarId=webinar_id_value(webinar_id)),
            params={
                "occurrence_id": occurrence_id,
                "cancel_webinar_reminder": cancel_webinar_reminder,
            },
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PUT", _WEBINAR + "/status")
    async def update_status(
        self,
        webinar_id: int | str,
        *,
        action: Literal["end"] = "end",
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """End a webinar in progress (``end`` is the only action Zoom has)."""
        body = build_body(WebinarStatusParams, {"action": action}, extra_body)
        await self._loop.request(
            "PUT",
            build_path(_WEBINAR + "/status", webinarId=webinar_id_value(webinar_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", _WEBINAR + "/invite_links", response=InviteLinks)
    async def create_invite_links(
        self,
        webinar_id: int | str,
        *,
        attendees: Sequence[str | WebinarInviteLinkParams | Mapping[str, Any]],
        ttl: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> InviteLinks:
        """Personal join links for up to 500 attendees (a name each), valid ``ttl`` seconds."""
        named = [{"name": item} if isinstance(item, str) else item for item in attendees]
        body = build_body(WebinarInviteLinksParams, {"attendees": named, "ttl": ttl}, extra_body)
        return await self._loop.request_model(
            InviteLinks,
            "POST",
            build_path(_WEBINAR + "/invite_links", webinarId=webinar_id_value(webinar_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _WEBINAR + "/token", response=WebinarToken)
    async def get_token(
        self,
        webinar_id: int | str,
        *,
        type: Literal["closed_caption_token"] = "closed_caption_token",
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarToken:
        """The closed-caption URL a third-party captioning service posts text to."""
        return await self._loop.request_model(
            WebinarToken,
            "GET",
            build_path(_WEBINAR + "/token", webinarId=webinar_id_value(webinar_id)),
            params={"type": type},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _WEBINAR + "/jointoken/live_streaming", response=JoinToken)
    async def get_live_streaming_join_token(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> JoinToken:
        """A 120-second token for a live-streaming app to join (OAuth apps only)."""
        return await self._join_token(
            webinar_id, "live_streaming", extra_headers, extra_query, timeout
        )

    @operation("GET", _WEBINAR + "/jointoken/local_archiving", response=JoinToken)
    async def get_local_archiving_token(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> JoinToken:
        """A 120-second token for a local archiving app to join."""
        return await self._join_token(
            webinar_id, "local_archiving", extra_headers, extra_query, timeout
        )

    @operation("GET", _WEBINAR + "/jointoken/local_recording", response=JoinToken)
    async def get_local_recording_join_token(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> JoinToken:
        """A 120-second token for a local recording app to join (OAuth apps only)."""
        return await self._join_token(
            webinar_id, "local_recording", extra_headers, extra_query, timeout
        )

    async def _join_token(
        self,
        webinar_id: int | str,
        kind: str,
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, Any] | None,
        timeout: float | httpx.Timeout | None,
    ) -> JoinToken:
        return await self._loop.request_model(
            JoinToken,
            "GET",
            build_path(f"{_WEBINAR}/jointoken/{kind}", webinarId=webinar_id_value(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", _WEBINAR + "/sip_dialing", response=SipDialing)
    async def get_sip_dialing(
        self,
        webinar_id: int | str,
        *,
        passcode: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SipDialing:
        """A SIP URI (with the passcode encoded in it) to dial a room system in."""
        body = build_body(WebinarSipDialingParams, {"passcode": passcode}, extra_body)
        return await self._loop.request_model(
            SipDialing,
            "POST",
            build_path(_WEBINAR + "/sip_dialing", webinarId=webinar_id_value(webinar_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _WEBINAR + "/tracking_sources", response=WebinarTrackingSources)
    async def list_tracking_sources(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarTrackingSources:
        """Where the registration link was shared, with visitor and registration counts."""
        return await self._loop.request_model(
            WebinarTrackingSources,
            "GET",
            build_path(_WEBINAR + "/tracking_sources", webinarId=webinar_id_value(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )
