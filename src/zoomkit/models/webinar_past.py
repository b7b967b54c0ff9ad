"""Ended webinars: their instances, who attended, who registered but did not, polls and Q&A."""

from __future__ import annotations

from pydantic import Field

from zoomkit.models._base import ZoomModel
from zoomkit.models._types import (
    OptionalDatetime,
    OptionalInt,
    OptionalInt64,
    OptionalMeetingUUID,
    OptionalStr,
)
from zoomkit.models.webinar_registrants import WebinarRegistrant

__all__ = [
    "PastWebinarInstance",
    "PastWebinarInstances",
    "PastWebinarPollAnswer",
    "PastWebinarPollResult",
    "PastWebinarPolls",
    "PastWebinarQA",
    "PastWebinarQuestion",
    "PastWebinarQuestionAsker",
    "WebinarAbsenteeList",
    "WebinarParticipant",
    "WebinarParticipantList",
]


class PastWebinarInstance(ZoomModel):
    """One ended instance; its ``uuid`` names it to the other ``past_webinars`` methods."""

    uuid: OptionalMeetingUUID = None
    start_time: OptionalDatetime = None


class PastWebinarInstances(ZoomModel):
    """``GET /past_webinars/{webinarId}/instances`` (not paginated)."""

    webinars: list[PastWebinarInstance] = Field(default_factory=list)


class WebinarParticipant(ZoomModel):
    """One attendance of a past webinar (a person who left and rejoined appears twice).

    ``duration`` is in seconds; ``registrant_id`` ties the attendance to a registration.
    """

    id: str | None = None
    user_id: str | None = None
    name: str | None = None
    user_email: str | None = None
    registrant_id: str | None = None
    join_time: OptionalDatetime = None
    leave_time: OptionalDatetime = None
    duration: OptionalInt = None
    failover: bool | None = None
    internal_user: bool | None = None
    status: str | None = None


class WebinarParticipantList(ZoomModel):
    """One page of ``GET /past_webinars/{webinarId}/participants``."""

    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    page_count: OptionalInt = None
    participants: list[WebinarParticipant] = Field(default_factory=list)


class WebinarAbsenteeList(ZoomModel):
    """One page of ``GET /past_webinars/{webinarUUID}/absentees``: registrants who never came."""

    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    page_number: OptionalInt = None
    page_count: OptionalInt = None
    registrants: list[WebinarRegistrant] = Field(default_factory=list)


class PastWebinarPollAnswer(ZoomModel):
    """One answer: which poll, which question, what was answered and when."""

    polling_id: str | None = None
    question: str | None = None
    answer: str | None = None
    date_time: OptionalDatetime = None


class PastWebinarPollResult(ZoomModel):
    """Everything one attendee answered (``name`` and ``email`` are empty for anonymous polls)."""

    name: str | None = None
    email: str | None = None
    question_details: list[PastWebinarPollAnswer] | None = None


class PastWebinarPolls(ZoomModel):
    """``GET /past_webinars/{webinarId}/polls``: the poll answers of one instance."""

    id: OptionalInt64 = None
    uuid: OptionalMeetingUUID = None
    start_time: OptionalDatetime = None
    questions: list[PastWebinarPollResult] = Field(default_factory=list)


class PastWebinarQuestion(ZoomModel):
    """A question asked in the Q&A and its answer (``live answered`` for a spoken answer)."""

    question: str | None = None
    answer: str | None = None


class PastWebinarQuestionAsker(ZoomModel):
    """Everything one attendee asked."""

    name: str | None = None
    email: str | None = None
    question_details: list[PastWebinarQuestion] | None = None


class PastWebinarQA(ZoomModel):
    """``GET /past_webinars/{webinarId}/qa``: the Q&A of one instance."""

    id: OptionalInt64 = None
    uuid: OptionalMeetingUUID = None
    start_time: OptionalDatetime = None
    questions: list[PastWebinarQuestionAsker] = Field(default_factory=list)
