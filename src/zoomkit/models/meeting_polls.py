"""Meeting polls and quizzes, as Zoom returns them and as a request creates them."""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Annotated, Self

from pydantic import Field, model_validator

from zoomkit.models._base import RequestModel, ZoomModel
from zoomkit.models._types import OptionalInt, OptionalIntEnum, StrEnumOrStr

__all__ = [
    "MeetingPoll",
    "MeetingPollBatch",
    "MeetingPollList",
    "PollParams",
    "PollPrompt",
    "PollPromptParams",
    "PollQuestion",
    "PollQuestionParams",
    "PollQuestionType",
    "PollStatus",
    "PollType",
]


class PollType(IntEnum):
    """A poll, an advanced poll (more question types) or a quiz (with right answers)."""

    POLL = 1
    ADVANCED_POLL = 2
    QUIZ = 3


class PollStatus(StrEnum):
    """Where a poll is in the meeting."""

    NOT_STARTED = "notstart"
    STARTED = "started"
    ENDED = "ended"
    SHARING = "sharing"
    DEACTIVATED = "deactivated"


class PollQuestionType(StrEnum):
    """What a poll question asks for."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    MATCHING = "matching"
    RANK_ORDER = "rank_order"
    SHORT_ANSWER = "short_answer"
    LONG_ANSWER = "long_answer"
    FILL_IN_THE_BLANK = "fill_in_the_blank"
    RATING_SCALE = "rating_scale"


class PollPrompt(ZoomModel):
    """One row of a matching or rank-order question."""

    prompt_question: str | None = None
    prompt_right_answers: list[str] | None = None


class PollQuestion(ZoomModel):
    """One question of a poll."""

    name: str | None = None
    type: StrEnumOrStr[PollQuestionType] | None = None
    answers: list[str] | None = None
    right_answers: list[str] | None = None
    prompts: list[PollPrompt] | None = None
    answer_required: bool | None = None
    answer_min_character: OptionalInt = None
    answer_max_character: OptionalInt = None
    case_sensitive: bool | None = None
    show_as_dropdown: bool | None = None
    rating_min_value: OptionalInt = None
    rating_max_value: OptionalInt = None
    rating_min_label: str | None = None
    rating_max_label: str | None = None


class MeetingPoll(ZoomModel):
    """A poll of a meeting (``GET /meetings/{meetingId}/polls/{pollId}``)."""

    id: str | None = None
    title: str | None = None
    status: StrEnumOrStr[PollStatus] | None = None
    anonymous: bool | None = None
    poll_type: OptionalIntEnum[PollType] = None
    questions: list[PollQuestion] | None = None


class MeetingPollList(ZoomModel):
    """``GET /meetings/{meetingId}/polls``: every poll (not paginated)."""

    total_records: OptionalInt = None
    polls: list[MeetingPoll] = Field(default_factory=list)


class MeetingPollBatch(ZoomModel):
    """``POST /meetings/{meetingId}/batch_polls``: the polls created, with their ids."""

    polls: list[MeetingPoll] = Field(default_factory=list)


class PollPromptParams(RequestModel):
    """A prompt of a matching or rank-order question."""

    prompt_question: str
    prompt_right_answers: list[str] | None = None


class PollQuestionParams(RequestModel):
    """A poll question to send. ``single``/``multiple`` questions need ``answers``."""

    name: Annotated[str, Field(min_length=1, max_length=1024)]
    type: PollQuestionType
    answers: list[str] | None = None
    right_answers: list[str] | None = None
    prompts: list[PollPromptParams] | None = None
    answer_required: bool | None = None
    answer_min_character: Annotated[int, Field(ge=1)] | None = None
    answer_max_character: Annotated[int, Field(ge=1)] | None = None
    case_sensitive: bool | None = None
    show_as_dropdown: bool | None = None
    rating_min_value: Annotated[int, Field(ge=0)] | None = None
    rating_max_value: Annotated[int, Field(le=10)] | None = None
    rating_min_label: str | None = None
    rating_max_label: str | None = None

    @model_validator(mode="after")
    def _choices_given(self) -> Self:
        needs_answers = (PollQuestionType.SINGLE, PollQuestionType.MULTIPLE)
        if self.type in needs_answers and not self.answers:
            raise ValueError(f"a {self.type.value!r} question needs answers to choose from")
        return self


class PollParams(RequestModel):
    """A poll to create or replace: a title (at most 64 characters) and its questions."""

    title: Annotated[str, Field(min_length=1, max_length=64)]
    questions: Annotated[list[PollQuestionParams], Field(min_length=1)]
    anonymous: bool | None = None
    poll_type: PollType | None = None
