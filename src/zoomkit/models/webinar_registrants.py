"""Webinar registrants, read and written: the registrant object, its pages, and request bodies.

Responses are lenient like every ``ZoomModel``; request bodies are checked before sending
(email shape, Zoom's length limits, at most 30 registrants per batch or status change).
"""

from __future__ import annotations

import re
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, Field, model_validator

from zoomkit.models._base import RequestModel, ZoomModel
from zoomkit.models._types import OptionalDatetime, OptionalInt, OptionalStr, StrEnumOrStr
from zoomkit.models.meeting_registrants import (
    CustomQuestionAnswer,
    RegistrantStatus,
    RegistrantStatusAction,
    RegistrationCustomQuestion,
    RegistrationQuestion,
)
from zoomkit.models.meetings import Occurrence

__all__ = [
    "BATCH_LIMIT",
    "WebinarBatchRegistrant",
    "WebinarBatchRegistrantParams",
    "WebinarBatchRegistrants",
    "WebinarBatchRegistrantsParams",
    "WebinarRegistrant",
    "WebinarRegistrantAnswerParams",
    "WebinarRegistrantCreated",
    "WebinarRegistrantList",
    "WebinarRegistrantParams",
    "WebinarRegistrantRef",
    "WebinarRegistrantStatusParams",
    "WebinarRegistrationCustomQuestionParams",
    "WebinarRegistrationQuestionParams",
    "WebinarRegistrationQuestions",
    "WebinarRegistrationQuestionsParams",
]

BATCH_LIMIT: Final = 30
"""Zoom takes at most 30 registrants per batch registration or status change."""

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"must be an email address (got {value!r})")
    return value


Email = Annotated[str, Field(max_length=128), AfterValidator(_email)]


# --- responses ---------------------------------------------------------------------------------


class WebinarRegistrant(ZoomModel):
    """A registrant as the registrant list, ``registrants.get`` and the absentee list show it."""

    id: str | None = None
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    status: StrEnumOrStr[RegistrantStatus] | None = None
    create_time: OptionalDatetime = None
    join_url: str | None = None
    address: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    phone: str | None = None
    comments: str | None = None
    industry: str | None = None
    job_title: str | None = None
    org: str | None = None
    no_of_employees: str | None = None
    purchasing_time_frame: str | None = None
    role_in_purchase_process: str | None = None
    language: str | None = None
    custom_questions: list[CustomQuestionAnswer] | None = None


class WebinarRegistrantList(ZoomModel):
    """One page of ``GET /webinars/{webinarId}/registrants``."""

    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    page_number: OptionalInt = None
    page_count: OptionalInt = None
    registrants: list[WebinarRegistrant] = Field(default_factory=list)


class WebinarRegistrantCreated(ZoomModel):
    """What ``POST /webinars/{webinarId}/registrants`` answers: the registrant's own join link.

    ``id`` is the webinar's id, as a string (as Zoom's schema has it).
    """

    id: str | None = None
    registrant_id: str | None = None
    join_url: str | None = None
    topic: str | None = None
    start_time: OptionalDatetime = None
    occurrences: list[Occurrence] | None = None


class WebinarBatchRegistrant(ZoomModel):
    """One registrant added by a batch registration."""

    registrant_id: str | None = None
    email: str | None = None
    join_url: str | None = None


class WebinarBatchRegistrants(ZoomModel):
    """What ``POST /webinars/{webinarId}/batch_registrants`` answers."""

    registrants: list[WebinarBatchRegistrant] = Field(default_factory=list)


class WebinarRegistrationQuestions(ZoomModel):
    """The questions a webinar's registration form asks."""

    questions: list[RegistrationQuestion] | None = None
    custom_questions: list[RegistrationCustomQuestion] | None = None


# --- requests ----------------------------------------------------------------------------------

NumberOfEmployees = Literal[
    "",
    "1-20",
    "21-50",
    "51-100",
    "101-250",
    "251-500",
    "101-500",
    "500-1,000",
    "501-1,000",
    "1,001-5,000",
    "5,001-10,000",
    "More than 10,000",
]
PurchasingTimeFrame = Literal[
    "", "Within a month", "1-3 months", "4-6 months", "More than 6 months", "No timeframe"
]
RoleInPurchaseProcess = Literal[
    "", "Decision Maker", "Evaluator/Recommender", "Influencer", "Not involved"
]
RegistrationField = Literal[
    "last_name",
    "address",
    "city",
    "country",
    "zip",
    "state",
    "phone",
    "industry",
    "org",
    "job_title",
    "purchasing_time_frame",
    "role_in_purchase_process",
    "no_of_employees",
    "comments",
]


class WebinarRegistrantAnswerParams(RequestModel):
    """An answer to a custom question (``value`` up to 128 characters)."""

    title: str
    value: Annotated[str, Field(max_length=128)]


class WebinarRegistrantParams(RequestModel):
    """The body of ``POST /webinars/{webinarId}/registrants``."""

    email: Email
    first_name: Annotated[str, Field(min_length=1, max_length=64)]
    last_name: Annotated[str, Field(max_length=64)] | None = None
    address: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    phone: str | None = None
    comments: str | None = None
    industry: str | None = None
    job_title: str | None = None
    org: str | None = None
    no_of_employees: NumberOfEmployees | None = None
    purchasing_time_frame: PurchasingTimeFrame | None = None
    role_in_purchase_process: RoleInPurchaseProcess | None = None
    language: str | None = None
    source_id: str | None = None
    custom_questions: list[WebinarRegistrantAnswerParams] | None = None


class WebinarBatchRegistrantParams(RequestModel):
    """One registrant of a batch registration."""

    email: Email
    first_name: Annotated[str, Field(min_length=1, max_length=64)]
    last_name: Annotated[str, Field(max_length=64)] | None = None


class WebinarBatchRegistrantsParams(RequestModel):
    """The body of ``POST /webinars/{webinarId}/batch_registrants``: 1 to 30 registrants."""

    registrants: Annotated[
        list[WebinarBatchRegistrantParams], Field(min_length=1, max_length=BATCH_LIMIT)
    ]
    auto_approve: bool | None = None


class WebinarRegistrantRef(RequestModel):
    """A registrant named by ``id`` or by ``email`` in a status change."""

    id: str | None = None
    email: Email | None = None

    @model_validator(mode="after")
    def _named(self) -> WebinarRegistrantRef:
        if self.id is None and self.email is None:
            raise ValueError("name the registrant by id or email")
        return self


class WebinarRegistrantStatusParams(RequestModel):
    """The body of ``PUT /webinars/{webinarId}/registrants/status``."""

    action: RegistrantStatusAction
    registrants: Annotated[list[WebinarRegistrantRef], Field(min_length=1, max_length=BATCH_LIMIT)]


class WebinarRegistrationQuestionParams(RequestModel):
    """A standard registration field to ask for."""

    field_name: RegistrationField
    required: bool


class WebinarRegistrationCustomQuestionParams(RequestModel):
    """A custom question; single-choice and multiple-choice questions need ``answers``."""

    title: str
    type: Literal["short", "single_radio", "single_dropdown", "multiple"]
    required: bool | None = None
    answers: list[str] | None = None

    @model_validator(mode="after")
    def _choices_have_answers(self) -> WebinarRegistrationCustomQuestionParams:
        if self.type != "short" and not self.answers:
            raise ValueError(f"a {self.type} question needs answers")
        return self


class WebinarRegistrationQuestionsParams(RequestModel):
    """The body of ``PATCH /webinars/{webinarId}/registrants/questions``."""

    questions: list[WebinarRegistrationQuestionParams] | None = None
    custom_questions: list[WebinarRegistrationCustomQuestionParams] | None = None
