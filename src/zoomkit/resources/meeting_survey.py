"""``client.meetings.survey``: the survey attendees see when the meeting ends."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from .._http import build_path
from ..models.meeting_bodies import build_body
from ..models.meeting_survey import CustomSurveyParams, MeetingSurvey, MeetingSurveyParams
from ._base import Resource, meeting_id_value, operation, options

__all__ = ["MeetingSurveys"]

_PATH = "/meetings/{meetingId}/survey"


class MeetingSurveys(Resource):
    """The post-meeting survey of one meeting (a singleton: get, update, delete)."""

    @operation("GET", _PATH, response=MeetingSurvey)
    async def get(
        self,
        meeting_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingSurvey:
        """The meeting's survey."""
        return await self._loop.request_model(
            MeetingSurvey,
            "GET",
            build_path(_PATH, meetingId=meeting_id_value(meeting_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _PATH)
    async def update(
        self,
        meeting_id: int | str,
        *,
        custom_survey: CustomSurveyParams | Mapping[str, Any] | None = None,
        show_in_the_browser: bool | None = None,
        third_party_survey: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Set a Zoom survey (``custom_survey``) or a third-party survey link."""
        body = build_body(
            MeetingSurveyParams,
            {
                "custom_survey": custom_survey,
                "show_in_the_browser": show_in_the_browser,
                "third_party_survey": third_party_survey,
            },
            extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path(_PATH, meetingId=meeting_id_value(meeting_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _PATH)
    async def delete(
        self,
        meeting_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Remove the survey."""
        await self._loop.request(
            "DELETE",
            build_path(_PATH, meetingId=meeting_id_value(meeting_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )
