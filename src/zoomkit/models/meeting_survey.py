"""The post-meeting survey: Zoom's own (``custom_survey``) or a link to a third-party one."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from zoomkit.models._base import RequestModel, ZoomModel
from zoomkit.models._types import OptionalInt, StrEnumOrStr
from zoomkit.models.meeting_polls import PollQuestionType

__all__ = [
    "CustomSurvey",
    "CustomSurveyParams",
    "MeetingSurvey",
    "MeetingSurveyParams",
    "SurveyPrompt",
    "SurveyPromptParams",
    "SurveyQuestion",
    "SurveyQuestionParams",
]


class SurveyPrompt(ZoomModel):
    """One row of a matching or rank-order survey question."""

    prompt_question: str | None = None


class SurveyQuestion(ZoomModel):
    """One question of the survey (the question types of polls)."""

    name: str | None = None
    type: StrEnumOrStr[PollQuestionType] | None = None
    answers: list[str] | None = None
    prompts: list[SurveyPrompt] | None = None
    answer_required: bool | None = None
    show_as_dropdown: bool | None = None
    answer_min_character: OptionalInt = None
    answer_max_character: OptionalInt = None
    rating_min_value: OptionalInt = None
    rating_max_value: OptionalInt = None
    rating_min_label: str | None = None
    rating_max_label: str | None = None


class CustomSurvey(ZoomModel):
    """A survey built in Zoom."""

    title: str | None = None
    anonymous: bool | None = None
    numbered_questions: bool | None = None
    show_question_type: bool | None = None
    feedback: str | None = None
    questions: list[SurveyQuestion] | None = None


class MeetingSurvey(ZoomModel):
    """``GET /meetings/{meetingId}/survey``."""

    custom_survey: CustomSurvey | None = None
    show_in_the_browser: bool | None = None
    third_party_survey: str | None = None


class SurveyPromptParams(RequestModel):
    prompt_question: Annotated[str, Field(max_length=200)]


class SurveyQuestionParams(RequestModel):
    """A survey question to send."""

    name: Annotated[str, Field(min_length=1)]
    type: PollQuestionType
    answers: list[str] | None = None
    prompts: list[SurveyPromptParams] | None = None
    answer_required: bool | None = None
    show_as_dropdown: bool | None = None
    answer_min_character: Annotated[int, Field(ge=1)] | None = None
    answer_max_character: Annotated[int, Field(ge=1)] | None = None
    rating_min_value: Annotated[int, Field(ge=0)] | None = None
    rating_max_value: Annotated[int, Field(le=10)] | None = None
    rating_min_label: Annotated[str, Field(max_length=50)] | None = None
    rating_max_label: Annotated[str, Field(max_length=50)] | None = None


class CustomSurveyParams(RequestModel):
    """A survey built in Zoom: a title (at most 64 characters) and its questions."""

    title: Annotated[str, Field(max_length=64)] | None = None
    anonymous: bool | None = None
    numbered_questions: bool | None = None
    show_question_type: bool | None = None
    feedback: Annotated[str, Field(max_length=320)] | None = None
    questions: list[SurveyQuestionParams] | None = None


class MeetingSurveyParams(RequestModel):
    """The body of ``PATCH /meetings/{meetingId}/survey``."""

    custom_survey: CustomSurveyParams | None = None
    show_in_the_browser: bool | None = None
    third_party_survey: Annotated[str, Field(max_length=64)] | None = None
