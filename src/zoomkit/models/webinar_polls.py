"""Webinar polls and the post-webinar survey, read and written.

A poll is a title and questions of one of Zoom's question types; the survey is the form shown
when the webinar ends (a custom one, or a link to a third-party survey). Request bodies are
checked against Zoom's documented limits before sending.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from zoomkit.models._base import RequestModel, ZoomModel
from zoomkit.models._types import OptionalInt, OptionalIntEnum, StrEnumOrStr
from zoomkit.models.meeting_polls import (
    PollPrompt,
    PollPromptParams,
    PollQuestionType,
    PollStatus,
    PollType,
)
from zoomkit.models.meeting_survey import SurveyPrompt, SurveyPromptParams

__all__ = [
    "WebinarCustomSurvey",
    "WebinarCustomSurveyParams",
    "WebinarPoll",
    "WebinarPollList",
    "WebinarPollParams",
    "WebinarPollQuestion",
    "WebinarPollQuestionParams",
    "WebinarSurvey",
    "WebinarSurveyParams",
    "WebinarSurveyQuestion",
    "WebinarSurveyQuestionParams",
]


_CHOICE_TYPES = frozenset({PollQuestionType.SINGLE, PollQuestionType.MULTIPLE})


# --- responses ---------------------------------------------------------------------------------


class WebinarPollQuestion(ZoomModel):
    """One question of a poll."""

    name: str | None = None
    type: StrEnumOrStr[PollQuestionType] | None = None
    answers: list[str] | None = None
    right_answers: list[str] | None = None
    answer_required: bool | None = None
    show_as_dropdown: bool | None = None
    case_sensitive: bool | None = None
    answer_min_character: OptionalInt = None
    answer_max_character: OptionalInt = None
    rating_min_value: OptionalInt = None
    rating_max_value: OptionalInt = None
    rating_min_label: str | None = None
    rating_max_label: str | None = None
    prompts: list[PollPrompt] | None = None


class WebinarPoll(ZoomModel):
    """A webinar poll, as ``polls.get`` and ``polls.create`` return it."""

    id: str | None = None
    title: str | None = None
    status: StrEnumOrStr[PollStatus] | None = None
    anonymous: bool | None = None
    poll_type: OptionalIntEnum[PollType] = None
    questions: list[WebinarPollQuestion] | None = None


class WebinarPollList(ZoomModel):
    """``GET /webinars/{webinarId}/polls``: every poll (not paginated)."""

    total_records: OptionalInt = None
    polls: list[WebinarPoll] = Field(default_factory=list)


class WebinarSurveyQuestion(ZoomModel):
    """One question of a custom survey."""

    name: str | None = None
    type: StrEnumOrStr[PollQuestionType] | None = None
    answers: list[str] | None = None
    answer_required: bool | None = None
    show_as_dropdown: bool | None = None
    answer_min_character: OptionalInt = None
    answer_max_character: OptionalInt = None
    rating_min_value: OptionalInt = None
    rating_max_value: OptionalInt = None
    rating_min_label: str | None = None
    rating_max_label: str | None = None
    prompts: list[SurveyPrompt] | None = None


class WebinarCustomSurvey(ZoomModel):
    """A survey built in Zoom."""

    title: str | None = None
    anonymous: bool | None = None
    numbered_questions: bool | None = None
    show_question_type: bool | None = None
    feedback: str | None = None
    questions: list[WebinarSurveyQuestion] | None = None


class WebinarSurvey(ZoomModel):
    """``GET /webinars/{webinarId}/survey``: where the survey shows and what it asks."""

    custom_survey: WebinarCustomSurvey | None = None
    show_in_the_browser: bool | None = None
    show_in_the_follow_up_email: bool | None = None
    third_party_survey: str | None = None


# --- requests ----------------------------------------------------------------------------------


class WebinarPollQuestionParams(RequestModel):
    """One poll question; single and multiple choice need at least two ``answers``."""

    name: Annotated[str, Field(min_length=1, max_length=1024)]
    type: PollQuestionType
    answers: Annotated[list[str], Field(min_length=2)] | None = None
    right_answers: Annotated[list[str], Field(min_length=1)] | None = None
    answer_required: bool | None = None
    show_as_dropdown: bool | None = None
    case_sensitive: bool | None = None
    answer_min_character: Annotated[int, Field(ge=1)] | None = None
    answer_max_character: Annotated[int, Field(ge=1)] | None = None
    rating_min_value: Annotated[int, Field(ge=0)] | None = None
    rating_max_value: Annotated[int, Field(ge=1, le=10)] | None = None
    rating_min_label: str | None = None
    rating_max_label: str | None = None
    prompts: list[PollPromptParams] | None = None

    @model_validator(mode="after")
    def _choices_have_answers(self) -> WebinarPollQuestionParams:
        if self.type in _CHOICE_TYPES and len(self.answers or ()) < 2:
            raise ValueError(f"a {self.type.value} choice question needs at least two answers")
        return self


class WebinarPollParams(RequestModel):
    """The body of ``POST /webinars/{webinarId}/polls`` and ``PUT .../polls/{pollId}``."""

    title: Annotated[str, Field(min_length=1, max_length=64)]
    questions: Annotated[list[WebinarPollQuestionParams], Field(min_length=1)]
    poll_type: PollType | None = None
    anonymous: bool | None = None


class WebinarSurveyQuestionParams(RequestModel):
    """One survey question; single and multiple choice need at least two ``answers``."""

    name: Annotated[str, Field(min_length=1, max_length=420)]
    type: PollQuestionType
    answers: Annotated[list[str], Field(min_length=2)] | None = None
    answer_required: bool | None = None
    show_as_dropdown: bool | None = None
    answer_min_character: Annotated[int, Field(ge=1)] | None = None
    answer_max_character: Annotated[int, Field(ge=1)] | None = None
    rating_min_value: Annotated[int, Field(ge=0)] | None = None
    rating_max_value: Annotated[int, Field(ge=1, le=10)] | None = None
    rating_min_label: Annotated[str, Field(max_length=50)] | None = None
    rating_max_label: Annotated[str, Field(max_length=50)] | None = None
    prompts: Annotated[list[SurveyPromptParams], Field(min_length=2, max_length=10)] | None = None

    @model_validator(mode="after")
    def _choices_have_answers(self) -> WebinarSurveyQuestionParams:
        if self.type in _CHOICE_TYPES and len(self.answers or ()) < 2:
            raise ValueError(f"a {self.type.value} choice question needs at least two answers")
        return self


class WebinarCustomSurveyParams(RequestModel):
    """A custom survey: a title and up to 100 questions."""

    title: Annotated[str, Field(max_length=64)] | None = None
    anonymous: bool | None = None
    numbered_questions: bool | None = None
    show_question_type: bool | None = None
    feedback: Annotated[str, Field(max_length=320)] | None = None
    questions: (
        Annotated[list[WebinarSurveyQuestionParams], Field(min_length=1, max_length=100)] | None
    ) = None


class WebinarSurveyParams(RequestModel):
    """The body of ``PATCH /webinars/{webinarId}/survey``: only what is given changes."""

    custom_survey: WebinarCustomSurveyParams | None = None
    show_in_the_browser: bool | None = None
    show_in_the_follow_up_email: bool | None = None
    third_party_survey: Annotated[str, Field(max_length=64)] | None = None
