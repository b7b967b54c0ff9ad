"""``client.past_meetings``: ended meeting instances, who attended, poll answers and Q&A.

Every method takes a meeting id (Zoom then answers for the *latest* instance) or an instance
UUID from :meth:`PastMeetings.instances`. UUIDs are encoded by Zoom's rule: twice when they start
with ``/`` or contain ``//``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from .._http import build_path
from ..models.past_meetings import (
    PastMeeting,
    PastMeetingInstanceList,
    PastMeetingParticipant,
    PastMeetingParticipantList,
    PastMeetingPolls,
    PastMeetingQA,
)
from ..pagination import AsyncPaginator
from ..types import MeetingUUID
from ._base import Resource, meeting_id_value, operation, options, page_size_value
from .meeting_ids import meeting_id_or_uuid

__all__ = ["PastMeetings"]

_PATH = "/past_meetings/{meetingId}"


class PastMeetings(Resource):
    """Ended meetings (Zoom keeps them about a year; Q&A 15 months)."""

    @operation("GET", _PATH, response=PastMeeting)
    async def get(
        self,
        meeting_id: int | str | MeetingUUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> PastMeeting:
        """One ended instance: start and end, duration, participant count."""
        return await self._loop.request_model(
            PastMeeting,
            "GET",
            build_path(_PATH, meetingId=meeting_id_or_uuid(meeting_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _PATH + "/instances", response=PastMeetingInstanceList)
    async def instances(
        self,
        meeting_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> PastMeetingInstanceList:
        """Every ended instance of a (recurring) meeting, by UUID and start time."""
        return await self._loop.request_model(
            PastMeetingInstanceList,
            "GET",
            build_path(_PATH + "/instances", meetingId=meeting_id_value(meeting_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _PATH + "/participants", response=PastMeetingParticipantList)
    def participants(
        self,
        meeting_id: int | str | MeetingUUID,
        *,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[PastMeetingParticipant]:
        """Who attended, every page: ``async for p in client.past_meetings.participants(uuid)``."""
        path = build_path(_PATH + "/participants", meetingId=meeting_id_or_uuid(meeting_id))
        request_options = options(extra_headers, extra_query, None, timeout)

        return self._pages(
            PastMeetingParticipantList,
            path,
            {"page_size": page_size_value(page_size), "next_page_token": next_page_token},
            items_field="participants",
            request_options=request_options,
        )

    @operation("GET", _PATH + "/polls", response=PastMeetingPolls)
    async def polls(
        self,
        meeting_id: int | str | MeetingUUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> PastMeetingPolls:
        """The poll answers of an ended instance, grouped by participant."""
        return await self._loop.request_model(
            PastMeetingPolls,
            "GET",
            build_path(_PATH + "/polls", meetingId=meeting_id_or_uuid(meeting_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _PATH + "/qa", response=PastMeetingQA)
    async def qa(
        self,
        meeting_id: int | str | MeetingUUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> PastMeetingQA:
        """The Q&A of an ended instance: each participant's questions and their answers."""
        return await self._loop.request_model(
            PastMeetingQA,
            "GET",
            build_path(_PATH + "/qa", meetingId=meeting_id_or_uuid(meeting_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )
