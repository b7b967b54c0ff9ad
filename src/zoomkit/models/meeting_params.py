"""Request bodies for creating and updating meetings, checked before anything is sent.

Zoom answers a bad meeting body with a terse code 300 after the request has counted against
the host's 100 creates/updates a day; checking here names the field and costs nothing. The
rules are Zoom's documented ones. Account-level rules (passcode complexity, for one) are left
to Zoom.

The resource layer calls :func:`build_meeting_create_body` and
:func:`build_meeting_update_body`; both return a JSON-ready ``dict`` holding only what the
caller gave, with datetimes rendered the way Zoom reads them.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Annotated, Any, Final, Literal, Self

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_serializer,
    field_validator,
    model_validator,
)

from zoomkit.errors import RequestValidationError
from zoomkit.models._base import RequestModel, ZoomModel, merge_extra_body
from zoomkit.models._validation import validate_request
from zoomkit.models.meetings import (
    ApprovalType,
    AudioType,
    AutoRecording,
    MeetingSettings,
    MeetingType,
    Recurrence,
    RecurrenceType,
    RegistrationType,
    TrackingField,
)
from zoomkit.types import NOT_GIVEN, NotGiven, format_zoom_datetime, validate_timezone

__all__ = [
    "MeetingCreateParams",
    "MeetingSettingsParams",
    "MeetingUpdateParams",
    "RecurrenceParams",
    "TrackingFieldParams",
    "build_meeting_create_body",
    "build_meeting_update_body",
]

_CREATABLE_TYPES: Final = {
    MeetingType.INSTANT: "instant",
    MeetingType.SCHEDULED: "scheduled",
    MeetingType.RECURRING_NO_FIXED_TIME: "recurring, no fixed time",
    MeetingType.RECURRING_FIXED_TIME: "recurring, fixed time",
    MeetingType.SCREEN_SHARE_ONLY: "screen share only",
}
_RECURRING_TYPES: Final = frozenset(
    {MeetingType.RECURRING_NO_FIXED_TIME, MeetingType.RECURRING_FIXED_TIME}
)
_PASSWORD_ALPHABET: Final = frozenset(string.ascii_letters + string.digits + "@-_*")
_WEEKDAYS: Final = frozenset("1234567")


def _creatable_meeting_type(value: int) -> MeetingType:
    if value not in _CREATABLE_TYPES:
        choices = ", ".join(f"{int(t)} ({name})" for t, name in _CREATABLE_TYPES.items())
        raise ValueError(f"must be one of {choices} (got {value})")
    return MeetingType(value)


def _password_characters(value: str) -> str:
    bad = sorted({c for c in value if c not in _PASSWORD_ALPHABET})
    if bad:
        raise ValueError(f"may only contain letters, digits and @ - _ * (got {''.join(bad)!r})")
    return value


def _days_as_text(value: object) -> object:
    # weekly_days=[2, 4] reads better in Python than "2,4"; Zoom wants the string.
    if isinstance(value, list | tuple):
        return ",".join(str(day) for day in value)
    return value


def _weekdays(value: str) -> str:
    days = [day.strip() for day in value.split(",")]
    if not all(day in _WEEKDAYS for day in days):
        raise ValueError(
            f"must be days 1 (Sunday) to 7 (Saturday), comma-separated (got {value!r})"
        )
    return ",".join(days)


def _hosts_as_text(value: object) -> object:
    # Zoom takes one semicolon-separated string; a list of emails is the natural Python shape.
    if isinstance(value, list | tuple) and all(isinstance(host, str) for host in value):
        return ";".join(host.strip() for host in value if host.strip())
    return value


class RecurrenceParams(RequestModel):
    """When a recurring meeting (type 3 or 8) repeats.

    ``weekly_days`` takes ``"2,4"`` or ``[2, 4]`` (1 is Sunday). End the series with either
    ``end_times`` or an aware ``end_date_time``, not both.
    """

    type: RecurrenceType
    repeat_interval: Annotated[int, Field(ge=1)] | None = None
    weekly_days: (
        Annotated[str, BeforeValidator(_days_as_text), AfterValidator(_weekdays)] | None
    ) = None
    monthly_day: Annotated[int, Field(ge=1, le=31)] | None = None
    monthly_week: Literal[-1, 1, 2, 3, 4] | None = None
    monthly_week_day: Annotated[int, Field(ge=1, le=7)] | None = None
    end_times: Annotated[int, Field(ge=1, le=365)] | None = None
    end_date_time: AwareDatetime | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.end_times is not None and self.end_date_time is not None:
            raise ValueError("end_times and end_date_time are mutually exclusive: give one")
        if (self.monthly_week is None) != (self.monthly_week_day is None):
            raise ValueError("monthly_week and monthly_week_day must be given together")
        return self

    @field_serializer("end_date_time")
    def _render_end(self, value: datetime | None) -> str | None:
        return None if value is None else format_zoom_datetime(value)


class MeetingSettingsParams(RequestModel, MeetingSettings):
    """Meeting settings for a request: the documented enums are checked, the rest passes.

    Unknown keys are sent as given, so a setting Zoom added after this release still works.
    ``alternative_hosts`` takes a list of emails or ids as well as Zoom's ``;``-joined string.
    """

    model_config = ConfigDict(extra="allow", coerce_numbers_to_str=False)

    jbh_time: Literal[0, 5, 10, 15] | None = None
    approval_type: ApprovalType | None = None
    registration_type: RegistrationType | None = None
    audio: AudioType | None = None
    auto_recording: AutoRecording | None = None
    alternative_hosts: Annotated[str | None, BeforeValidator(_hosts_as_text)] = None


class TrackingFieldParams(RequestModel):
    """A tracking field to set on a meeting: its label (``field``) and ``value``."""

    field: str
    value: str


class _MeetingParams(RequestModel):
    """The fields create and update share. ``timezone`` precedes ``start_time`` on purpose:
    the start time's check reads the already-validated timezone."""

    model_config = ConfigDict(strict=True)

    topic: Annotated[str, Field(max_length=200)] | None = None
    type: Annotated[int, AfterValidator(_creatable_meeting_type)] | None = None
    timezone: Annotated[str, AfterValidator(validate_timezone)] | None = None
    start_time: datetime | None = None
    duration: Annotated[int, Field(ge=0)] | None = None
    password: Annotated[str, Field(max_length=10), AfterValidator(_password_characters)] | None = (
        None
    )
    agenda: Annotated[str, Field(max_length=2000)] | None = None
    schedule_for: str | None = None
    template_id: str | None = None
    pre_schedule: bool | None = None
    recurrence: RecurrenceParams | None = None
    settings: MeetingSettingsParams | None = None
    tracking_fields: list[TrackingFieldParams] | None = None

    @field_validator("start_time")
    @classmethod
    def _naive_needs_timezone(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        if value is not None:
            # Raises, with advice, for a naive datetime without a timezone to read it in.
            format_zoom_datetime(value, timezone=info.data.get("timezone"))
        return value

    @field_validator("recurrence")
    @classmethod
    def _only_for_recurring(
        cls, value: RecurrenceParams | None, info: ValidationInfo
    ) -> RecurrenceParams | None:
        meeting_type = info.data.get("type")
        if value is not None and meeting_type is not None and meeting_type not in _RECURRING_TYPES:
            raise ValueError(
                f"is only used by recurring meetings (type 3 or 8), not type {int(meeting_type)}"
            )
        return value

    @field_serializer("start_time")
    def _render_start(self, value: datetime | None) -> str | None:
        return None if value is None else format_zoom_datetime(value, timezone=self.timezone)


class MeetingCreateParams(_MeetingParams):
    """The body of ``POST /users/{userId}/meetings``."""

    topic: Annotated[str, Field(max_length=200)]
    type: Annotated[int, AfterValidator(_creatable_meeting_type)] = MeetingType.SCHEDULED
    default_password: bool | None = None


class MeetingUpdateParams(_MeetingParams):
    """The body of ``PATCH /meetings/{meetingId}``: every field optional."""


def build_meeting_create_body(
    *,
    topic: str,
    type: MeetingType | int = MeetingType.SCHEDULED,
    start_time: datetime | None = None,
    duration: int | None = None,
    timezone: str | None = None,
    password: str | None = None,
    default_password: bool | None = None,
    agenda: str | None = None,
    recurrence: RecurrenceParams | Recurrence | Mapping[str, Any] | None = None,
    settings: MeetingSettings | Mapping[str, Any] | None = None,
    schedule_for: str | None = None,
    template_id: str | None = None,
    tracking_fields: Sequence[TrackingField | TrackingFieldParams | Mapping[str, Any]]
    | None = None,
    pre_schedule: bool | None = None,
    extra_body: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Check a new meeting's fields and return the JSON body; ``None`` leaves a field out.

    A naive ``start_time`` is only accepted with a ``timezone`` (it is then sent as local wall
    time); an aware one is sent in UTC. ``extra_body`` is merged in last, for fields zoomkit
    does not model yet. Raises :class:`~zoomkit.errors.RequestValidationError`.
    """
    given = {
        "topic": topic,
        "type": type,
        "start_time": start_time,
        "duration": duration,
        "timezone": timezone,
        "password": password,
        "default_password": default_password,
        "agenda": agenda,
        "recurrence": recurrence,
        "settings": settings,
        "schedule_for": schedule_for,
        "template_id": template_id,
        "tracking_fields": tracking_fields,
        "pre_schedule": pre_schedule,
    }
    fields = {name: value for name, value in given.items() if value is not None}
    params = validate_request(MeetingCreateParams, _plain_nested(fields))
    return merge_extra_body(params.to_body(), extra_body)


def build_meeting_update_body(
    *,
    topic: str | NotGiven = NOT_GIVEN,
    type: MeetingType | int | NotGiven = NOT_GIVEN,
    start_time: datetime | NotGiven = NOT_GIVEN,
    duration: int | NotGiven = NOT_GIVEN,
    timezone: str | NotGiven = NOT_GIVEN,
    password: str | NotGiven = NOT_GIVEN,
    agenda: str | NotGiven = NOT_GIVEN,
    recurrence: RecurrenceParams | Recurrence | Mapping[str, Any] | NotGiven = NOT_GIVEN,
    settings: MeetingSettings | Mapping[str, Any] | NotGiven = NOT_GIVEN,
    schedule_for: str | NotGiven = NOT_GIVEN,
    template_id: str | NotGiven = NOT_GIVEN,
    tracking_fields: Sequence[TrackingField | TrackingFieldParams | Mapping[str, Any]]
    | NotGiven = NOT_GIVEN,
    pre_schedule: bool | NotGiven = NOT_GIVEN,
    extra_body: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Check the fields to change on a meeting and return the PATCH body.

    Only the arguments given are sent; Zoom keeps every other value. ``None`` is refused:
    Zoom's PATCH body has no field where ``null`` means "clear", so a ``None`` would be a
    silent no-op (send ``""`` to clear a text field). A naive ``start_time`` needs a
    ``timezone`` in the same call. Raises :class:`~zoomkit.errors.RequestValidationError`.
    """
    given: dict[str, object] = {
        "topic": topic,
        "type": type,
        "start_time": start_time,
        "duration": duration,
        "timezone": timezone,
        "password": password,
        "agenda": agenda,
        "recurrence": recurrence,
        "settings": settings,
        "schedule_for": schedule_for,
        "template_id": template_id,
        "tracking_fields": tracking_fields,
        "pre_schedule": pre_schedule,
    }
    fields = {name: value for name, value in given.items() if not isinstance(value, NotGiven)}
    for name, value in fields.items():
        if value is None:
            raise RequestValidationError(
                f"{name}: cannot be None in an update; leave it out to keep the current value",
                field=name,
            )
    params = validate_request(MeetingUpdateParams, _plain_nested(fields))
    return merge_extra_body(params.to_body(), extra_body)


def _plain_nested(fields: dict[str, Any]) -> dict[str, Any]:
    """Turn response models and mappings the caller passed into what the params models read.

    A ``Meeting`` fetched from Zoom can be fed back (``settings=meeting.settings``): its
    models become the dicts Zoom sent. Request models pass through and are checked again.
    """
    plain = dict(fields)
    for name in ("recurrence", "settings"):
        value = plain.get(name)
        if isinstance(value, ZoomModel) and not isinstance(value, RequestModel):
            plain[name] = value.to_dict()
        elif isinstance(value, Mapping):
            plain[name] = dict(value)
    tracking = plain.get("tracking_fields")
    if isinstance(tracking, Sequence) and not isinstance(tracking, str):
        plain["tracking_fields"] = [_tracking_field(item) for item in tracking]
    return plain


def _tracking_field(item: object) -> object:
    if isinstance(item, TrackingField):
        # A response's tracking field also says whether it is visible; a request only sets it.
        return {"field": item.field, "value": item.value}
    if isinstance(item, Mapping):
        return dict(item)
    return item
