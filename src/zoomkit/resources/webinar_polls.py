"""``client.webinars.polls`` and ``client.webinars.survey``: questions put to attendees."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from .._http import build_path
from ..models.meeting_bodies import build_body
from ..models.meeting_polls import PollType
from ..models.webinar_polls import (
    WebinarCustomSurveyParams,
    WebinarPoll,
    WebinarPollList,
    WebinarPollParams,
    WebinarPollQuestionParams,
    WebinarSurvey,
    WebinarSurveyParams,
)
from ._base import Resource, operation, options
from .webinar_ids import webinar_id_value

__all__ = ["WebinarPolls", "WebinarSurveys"]

_POLLS = "/webinars/{webinarId}/polls"
_POLL = _POLLS + "/{pollId}"
_SURVEY = "/webinars/{webinarId}/survey"


class WebinarPolls(Resource):
    """Polls and quizzes of one webinar, prepared before it starts."""

    @operation("GET", _POLLS, response=WebinarPollList)
    async def list(
        self,
        webinar_id: int | str,
        *,
        anonymous: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarPollList:
        """Every poll (not paginated); ``anonymous=True`` lists only anonymous ones."""
        return await self._loop.request_model(
            WebinarPollList,
            "GET",
            build_path(_POLLS, webinarId=webinar_id_value(webinar_id)),
            params={"anonymous": anonymous},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", _POLLS, response=WebinarPoll)
    async def create(
        self,
        webinar_id: int | str,
        *,
        title: str,
        questions: Sequence[WebinarPollQuestionParams | Mapping[str, Any]],
        poll_type: PollType | int | None = None,
        anonymous: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarPoll:
        """Create a poll (``poll_type`` 1), advanced poll (2) or quiz (3), returned with its id."""
        body = build_body(
            WebinarPollParams,
            {
                "title": title,
                "questions": questions,
                "poll_type": poll_type,
                "anonymous": anonymous,
            },
            extra_body,
        )
        return await self._loop.request_model(
            WebinarPoll,
            "POST",
            build_path(_POLLS, webinarId=webinar_id_value(webinar_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _POLL, response=WebinarPoll)
    async def get(
        self,
        webinar_id: int | str,
        poll_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarPoll:
        """One poll."""
        return await self._loop.request_model(
            WebinarPoll,
            "GET",
            build_path(_POLL, webinarId=webinar_id_value(webinar_id), pollId=poll_id),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PUT", _POLL)
    async def update(
        self,
        webinar_id: int | str,
        poll_id: str,
        *,
        title: str,
        questions: Sequence[WebinarPollQuestionParams | Mapping[str, Any]],
        poll_type: PollType | int | None = None,
        anonymous: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Replace a poll's title and questions (a PUT: what you leave out is gone)."""
        body = build_body(
            WebinarPollParams,
            {
                "title": title,
                "questions": questions,
                "poll_type": poll_type,
                "anonymous": anonymous,
            },
            extra_body,
        )
        await self._loop.request(
            "PUT",
            build_path(_POLL, webinarId=webinar_id_value(webinar_id), pollId=poll_id),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _POLL)
    async def delete(
        self,
        webinar_id: int | str,
        poll_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete a poll."""
        await self._loop.request(
            "DELETE",
            build_path(_POLL, webinarId=webinar_id_value(webinar_id), pollId=poll_id),
            options=options(extra_headers, extra_query, None, timeout),
        )


class WebinarSurveys(Resource):
    """The survey attendees see when the webinar ends (one per webinar)."""

    @operation("GET", _SURVEY, response=WebinarSurvey)
    async def get(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarSurvey:
        """The survey: a custom one, a third-party link, and where it is shown."""
        return await self._loop.request_model(
            WebinarSurvey,
            "GET",
            build_path(_SURVEY, webinarId=webinar_id_value(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _SURVEY)
    async def update(
        self,
        webinar_id: int | str,
        *,
        custom_survey: WebinarCustomSurveyParams | Mapping[str, Any] | None = None,
        show_in_the_browser: bool | None = None,
        show_in_the_follow_up_email: bool | None = None,
        third_party_survey: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Change what you pass: a custom survey, a third-party survey link, where it shows."""
        body = build_body(
            WebinarSurveyParams,
            {
                "custom_survey": custom_survey,
                "show_in_the_browser": show_in_the_browser,
                "show_in_the_follow_up_email": show_in_the_follow_up_email,
                "third_party_survey": third_party_survey,
            },
            extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path(_SURVEY, webinarId=webinar_id_value(webinar_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _SURVEY)
    async def delete(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Remove the survey."""
        await self._loop.request(
            "DELETE",
            build_path(_SURVEY, webinarId=webinar_id_value(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )
