"""Meeting registrants: who signed up, their status and personal ``join_url``.

Response models follow the Meeting API spec (2023, plus ``participant_pin_code`` from 2025).
Request models check a registration before it is sent: Zoom counts every add against a daily
limit of 3 per registrant, so a typo caught here is an attempt saved.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, Field, model_validator

from zoomkit.models._base import RequestModel, ZoomModel
from zoomkit.models._types import (
    OptionalDatetime,
    OptionalInt,
    OptionalInt64,
    OptionalStr,
    StrEnumOrStr,
)
from zoomkit.models.meetings import Occurrence

__all__ = [
    "BatchRegistrantParams",
    "BatchRegistrantsParams",
    "CreatedBatchRegistrant",
    "CreatedBatchRegistrants",
    "CustomQuestionAnswer",
    "CustomQuestionAnswerParams",
    "MeetingRegistrant",
    "MeetingRegistrantList",
    "MeetingRegistration",
    "RegistrantParams",
    "RegistrantRef",
    "RegistrantStatus",
    "RegistrantStatusAction",
    "RegistrantStatusParams",
    "RegistrationCustomQuestion",
    "RegistrationCustomQuestionParams",
    "RegistrationQuestion",
    "RegistrationQuestionParams",
    "RegistrationQuestions",
    "RegistrationQuestionsParams",
]

MAX_STATUS_REGISTRANTS = 30
"""``PUT .../registrants/status`` changes at most 30 registrants per call."""


class RegistrantStatus(StrEnum):
    """Where a registration stands; the ``status=`` filter of the registrant list."""

    APPROVED = "approved"
    PENDING = "pending"
    DENIED = "denied"


class RegistrantStatusAction(StrEnum):
    """What ``PUT .../registrants/status`` does: cancel withdraws an approved registration."""

    APPROVE = "approve"
    CANCEL = "cancel"
    DENY = "deny"


# --- responses ---------------------------------------------------------------------------


class CustomQuestionAnswer(ZoomModel):
    """A registrant's answer to one of the host's custom questions."""

    title: str | None = None
    value: str | None = None


class MeetingRegistrant(ZoomModel):
    """A registrant as ``GET .../registrants`` lists it; ``join_url`` is theirs alone."""

    id: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    address: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    phone: str | None = None
    comments: str | None = None
    custom_questions: list[CustomQuestionAnswer] | None = None
    industry: str | None = None
    job_title: str | None = None
    no_of_employees: str | None = None
    org: str | None = None
    purchasing_time_frame: str | None = None
    role_in_purchase_process: str | None = None
    language: str | None = None
    status: StrEnumOrStr[RegistrantStatus] | None = None
    create_time: OptionalDatetime = None
    join_url: str | None = None
    participant_pin_code: OptionalInt64 = None


class MeetingRegistrantList(ZoomModel):
    """One page of ``GET /meetings/{meetingId}/registrants``."""

    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    page_number: OptionalInt = None
    page_count: OptionalInt = None
    registrants: list[MeetingRegistrant] = Field(default_factory=list)


class MeetingRegistration(ZoomModel):
    """What ``POST .../registrants`` answers: the registrant's id and personal ``join_url``.

    ``id`` is the *meeting* id; ``occurrences`` are those the registrant signed up for.
    """

    id: OptionalInt64 = None
    registrant_id: str | None = None
    join_url: str | None = None
    topic: str | None = None
    start_time: OptionalDatetime = None
    occurrences: list[Occurrence] | None = None
    participant_pin_code: OptionalInt64 = None


class CreatedBatchRegistrant(ZoomModel):
    """One registrant added by ``POST .../batch_registrants``."""

    registrant_id: str | None = None
    email: str | None = None
    join_url: str | None = None
    participant_pin_code: OptionalInt64 = None


class CreatedBatchRegistrants(ZoomModel):
    """What ``POST .../batch_registrants`` answers."""

    registrants: list[CreatedBatchRegistrant] = Field(default_factory=list)


class RegistrationQuestion(ZoomModel):
    """A standard registration field and whether the registrant must fill it in."""

    field_name: str | None = None
    required: bool | None = None


class RegistrationCustomQuestion(ZoomModel):
    """A host-defined question: ``short`` (free text) or ``single`` (one of ``answers``)."""

    title: str | None = None
    type: str | None = None
    required: bool | None = None
    answers: list[str] | None = None


class RegistrationQuestions(ZoomModel):
    """The registration form of a meeting."""

    questions: list[RegistrationQuestion] | None = None
    custom_questions: list[RegistrationCustomQuestion] | None = None


# --- requests ----------------------------------------------------------------------------


def _email(value: str) -> str:
    local, at, domain = value.rpartition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in value):
        raise ValueError(f"must be an email address (got {value!r})")
    return value


Email = Annotated[str, Field(max_length=128), AfterValidator(_email)]
Name = Annotated[str, Field(min_length=1, max_length=64)]

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
RegistrantLanguage = Literal[
    "en-US",
    "de-DE",
    "es-ES",
    "fr-FR",
    "jp-JP",
    "pt-PT",
    "ru-RU",
    "zh-CN",
    "zh-TW",
    "ko-KO",
    "it-IT",
    "vi-VN",
    "pl-PL",
    "Tr-TR",
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


class CustomQuestionAnswerParams(RequestModel):
    """An answer to a custom question, sent with a registration."""

    title: str
    value: Annotated[str, Field(max_length=128)]


class RegistrantParams(RequestModel):
    """The body of ``POST /meetings/{meetingId}/registrants``."""

    first_name: Name
    email: Email
    last_name: Annotated[str, Field(max_length=64)] | None = None
    address: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    phone: str | None = None
    comments: str | None = None
    custom_questions: list[CustomQuestionAnswerParams] | None = None
    industry: str | None = None
    job_title: str | None = None
    no_of_employees: NumberOfEmployees | None = None
    org: str | None = None
    purchasing_time_frame: PurchasingTimeFrame | None = None
    role_in_purchase_process: RoleInPurchaseProcess | None = None
    language: RegistrantLanguage | None = None
    auto_approve: bool | None = None


class BatchRegistrantParams(RequestModel):
    """One registrant of a batch: Zoom's batch endpoint takes only these three fields."""

    email: Email
    first_name: Name
    last_name: Annotated[str, Field(max_length=64)] | None = None


class BatchRegistrantsParams(RequestModel):
    """The body of ``POST /meetings/{meetingId}/batch_registrants`` (at most 30 registrants)."""

    registrants: Annotated[list[BatchRegistrantParams], Field(min_length=1, max_length=30)]
    auto_approve: bool | None = None
    registrants_confirmation_email: bool | None = None


class RegistrantRef(RequestModel):
    """A registrant named by ``id`` (the registrant id) or ``email``."""

    id: str | None = None
    email: str | None = None

    @model_validator(mode="after")
    def _named(self) -> Self:
        if not self.id and not self.email:
            raise ValueError("name the registrant by id or email")
        return self


class RegistrantStatusParams(RequestModel):
    """The body of ``PUT /meetings/{meetingId}/registrants/status``."""

    action: RegistrantStatusAction
    registrants: (
        Annotated[list[RegistrantRef], Field(min_length=1, max_length=MAX_STATUS_REGISTRANTS)]
        | None
    ) = None


class RegistrationQuestionParams(RequestModel):
    """A standard field of the registration form."""

    field_name: RegistrationField
    required: bool


class RegistrationCustomQuestionParams(RequestModel):
    """A custom question: ``short`` for free text, ``single`` to pick one of ``answers``."""

    title: str
    type: Literal["short", "single"]
    required: bool | None = None
    answers: list[str] | None = None


class RegistrationQuestionsParams(RequestModel):
    """The body of ``PATCH /meetings/{meetingId}/registrants/questions``."""

    questions: list[RegistrationQuestionParams] | None = None
    custom_questions: list[RegistrationCustomQuestionParams] | None = None
