"""``client.meetings.polls``: polls and quizzes set up before a meeting starts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from .._http import build_path
from ..models._base import merge_extra_body
from ..models._validation import validate_request
from ..models.meeting_bodies import build_body, plain
from ..models.meeting_polls import (
    MeetingPoll,
    MeetingPollBatch,
    MeetingPollList,
    PollParams,
    PollQuestionParams,
    PollType,
)
from ._base import Resource, meeting_id_value, operation, options

__all__ = ["MeetingPolls"]

_PATH = "/meetings/{meetingId}/polls"
_POLL = _PATH + "/{pollId}"


class MeetingPolls(Resource):
    """Polls of one meeting. Meeting polls must be enabled for the host."""

    @operation("POST", _PATH, response=MeetingPoll)
    async def create(
        self,
        meeting_id: int | str,
        *,
        title: str,
        questions: Sequence[PollQuestionParams | Mapping[str, Any]],
        anonymous: bool | None = None,
        poll_type: PollType | int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingPoll:
        """Add a poll; the answer carries its ``id``."""
        body = build_body(
            PollParams,
            {
                "title": title,
                "questions": questions,
                "anonymous": anonymous,
                "poll_type": poll_type,
            },
            extra_body,
        )
        return await self._loop.request_model(
            MeetingPoll,
            "POST",
            build_path(_PATH, meetingId=meeting_id_value(meeting_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _POLL, response=MeetingPoll)
    async def get(
        self,
        meeting_id: int | str,
        poll_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingPoll:
        """One poll with its questions."""
        return await self._loop.request_model(
            MeetingPoll,
            "GET",
            build_path(_POLL, meetingId=meeting_id_value(meeting_id), pollId=poll_id),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PUT", _POLL)
    async def update(
        self,
        meeting_id: int | str,
        poll_id: str,
        *,
        title: str,
        questions: Sequence[PollQuestionParams | Mapping[str, Any]],
        anonymous: bool | None = None,
        poll_type: PollType | int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Replace a poll (a PUT: title and every question are sent again)."""
        body = build_body(
            PollParams,
            {
                "title": title,
                "questions": questions,
                "anonymous": anonymous,
                "poll_type": poll_type,
            },
            extra_body,
        )
        await self._loop.request(
            "PUT",
            build_path(_POLL, meetingId=meeting_id_value(meeting_id), pollId=poll_id),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _POLL)
    async def delete(
        self,
        meeting_id: int | str,
        poll_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Remove a poll."""
        await self._loop.request(
            "DELETE",
            build_path(_POLL, meetingId=meeting_id_value(meeting_id), pollId=poll_id),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", "/meetings/{meetingId}/batch_polls", response=MeetingPollBatch)
    async def create_batch(
        self,
        meeting_id: int | str,
        *,
        polls: Sequence[PollParams | Mapping[str, Any]],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingPollBatch:
        """Add several polls in one call; every poll is checked before anything is sent."""
        checked = [
            validate_request(PollParams, plain(poll), prefix=f"polls[{n}]").to_body()
            for n, poll in enumerate(polls)
        ]
        body = merge_extra_body({"polls": checked}, extra_body)
        return await self._loop.request_model(
            MeetingPollBatch,
            "POST",
            build_path("/meetings/{meetingId}/batch_polls", meetingId=meeting_id_value(meeting_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _PATH, response=MeetingPollList)
    async def list(
        self,
        meeting_id: int | str,
        *,
        anonymous: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingPollList:
        """Every poll of the meeting (Zoom does not paginate this list)."""
        return await self._loop.request_model(
            MeetingPollList,
            "GET",
            build_path(_PATH, meetingId=meeting_id_value(meeting_id)),
            params={"anonymous": anonymous},
            options=options(extra_headers, extra_query, None, timeout),
        )
