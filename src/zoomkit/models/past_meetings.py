"""Ended meeting instances: details, who attended, poll answers and Q&A.

Each instance has its own UUID; the meeting id names the latest instance.
"""

from __future__ import annotations

from pydantic import Field

from zoomkit.models._base import ZoomModel
from zoomkit.models._types import (
    OptionalDatetime,
    OptionalInt,
    OptionalInt64,
    OptionalIntEnum,
    OptionalMeetingUUID,
    OptionalStr,
)
from zoomkit.models.meetings import MeetingType

__all__ = [
    "PastMeeting",
    "PastMeetingInstance",
    "PastMeetingInstanceList",
    "PastMeetingParticipant",
    "PastMeetingParticipantList",
    "PastMeetingPolls",
    "PastMeetingQA",
    "PastPollAnswer",
    "PastPollVoter",
    "PastQuestion",
    "PastQuestionAsker",
]


class PastMeeting(ZoomModel):
    """``GET /past_meetings/{meetingId}``: one ended instance.

    ``type`` keeps values beyond :class:`MeetingType` (Zoom lists 0 and 7 here) as plain ints.
    """

    id: OptionalInt64 = None
    uuid: OptionalMeetingUUID = None
    host_id: str | None = None
    type: OptionalIntEnum[MeetingType] = None
    topic: str | None = None
    user_name: str | None = None
    user_email: str | None = None
    start_time: OptionalDatetime = None
    end_time: OptionalDatetime = None
    duration: OptionalInt = None
    total_minutes: OptionalInt = None
    participants_count: OptionalInt = None
    dept: str | None = None
    source: str | None = None


class PastMeetingInstance(ZoomModel):
    """An ended instance, by its UUID (pass it to the other ``past_meetings`` methods)."""

    uuid: OptionalMeetingUUID = None
    start_time: OptionalDatetime = None


class PastMeetingInstanceList(ZoomModel):
    """``GET /past_meetings/{meetingId}/instances`` (not paginated)."""

    meetings: list[PastMeetingInstance] = Field(default_factory=list)


class PastMeetingParticipant(ZoomModel):
    """Someone who attended; ``id`` is their Zoom user id, empty for guests."""

    id: str | None = None
    name: str | None = None
    user_email: str | None = None
    user_id: str | None = None
    registrant_id: str | None = None
    join_time: OptionalDatetime = None
    leave_time: OptionalDatetime = None
    duration: OptionalInt = None
    failover: bool | None = None
    status: str | None = None
    internal_user: bool | None = None


class PastMeetingParticipantList(ZoomModel):
    """One page of ``GET /past_meetings/{meetingId}/participants``."""

    page_size: OptionalInt = None
    page_count: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    participants: list[PastMeetingParticipant] = Field(default_factory=list)


class PastPollAnswer(ZoomModel):
    """One answer: the poll (``polling_id``), the question and what was chosen."""

    polling_id: str | None = None
    question: str | None = None
    answer: str | None = None
    date_time: OptionalDatetime = None


class PastPollVoter(ZoomModel):
    """A participant and the poll answers they gave."""

    name: str | None = None
    email: str | None = None
    question_details: list[PastPollAnswer] | None = None


class PastMeetingPolls(ZoomModel):
    """``GET /past_meetings/{meetingId}/polls``: answers by participant."""

    id: OptionalInt64 = None
    uuid: OptionalMeetingUUID = None
    start_time: OptionalDatetime = None
    questions: list[PastPollVoter] = Field(default_factory=list)


class PastQuestion(ZoomModel):
    """A question asked in Q&A, and its answer (empty if none was given)."""

    question: str | None = None
    answer: str | None = None


class PastQuestionAsker(ZoomModel):
    """A participant and the questions they asked."""

    name: str | None = None
    email: str | None = None
    question_details: list[PastQuestion] | None = None


class PastMeetingQA(ZoomModel):
    """``GET /past_meetings/{meetingId}/qa``: questions by participant."""

    id: OptionalInt64 = None
    uuid: OptionalMeetingUUID = None
    start_time: OptionalDatetime = None
    questions: list[PastQuestionAsker] = Field(default_factory=list)
