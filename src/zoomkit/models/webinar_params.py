"""Request bodies for creating and updating webinars, checked before anything is sent.

The rules are Zoom's documented ones for ``POST /users/{userId}/webinars`` and
``PATCH /webinars/{webinarId}``; a webinar create or update spends one of the host's 100 a day,
so a bad body is worth catching here. Recurrence and tracking fields are the meeting shapes.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Annotated, Any, Final

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_serializer,
    field_validator,
)

from zoomkit.errors import RequestValidationError
from zoomkit.models._base import RequestModel, ZoomModel, merge_extra_body
from zoomkit.models._validation import validate_request
from zoomkit.models.meeting_params import RecurrenceParams, TrackingFieldParams
from zoomkit.models.meetings import (
    ApprovalType,
    AudioType,
    AutoRecording,
    Recurrence,
    RegistrationType,
    TrackingField,
)
from zoomkit.models.webinars import WebinarSettings, WebinarType
from zoomkit.types import NOT_GIVEN, NotGiven, format_zoom_datetime, validate_timezone

__all__ = [
    "WebinarCreateParams",
    "WebinarSettingsParams",
    "WebinarUpdateParams",
    "build_webinar_create_body",
    "build_webinar_update_body",
]

_PASSCODE_ALPHABET: Final = frozenset(string.ascii_letters + string.digits + "@-_*!")


def _webinar_type(value: int) -> WebinarType:
    if value not in WebinarType._value2member_map_:
        choices = ", ".join(f"{int(t)} ({t.name.lower().replace('_', ' ')})" for t in WebinarType)
        raise ValueError(f"must be one of {choices} (got {value})")
    return WebinarType(value)


def _passcode_characters(value: str) -> str:
    bad = sorted({c for c in value if c not in _PASSCODE_ALPHABET})
    if bad:
        raise ValueError(f"may only contain letters, digits and @ - _ * ! (got {''.join(bad)!r})")
    return value


def _hosts_as_text(value: object) -> object:
    # Webinars take one comma-separated string; a list of emails is the natural Python shape.
    if isinstance(value, list | tuple) and all(isinstance(host, str) for host in value):
        return ",".join(host.strip() for host in value if host.strip())
    return value


class WebinarSettingsParams(RequestModel, WebinarSettings):
    """Webinar settings for a request: the documented enums are checked, the rest passes.

    Unknown keys are sent as given, so a setting Zoom added after this release still works.
    ``alternative_hosts`` takes a list of emails or ids as well as Zoom's comma-joined string.
    """

    model_config = ConfigDict(extra="allow", coerce_numbers_to_str=False)

    approval_type: ApprovalType | None = None
    registration_type: RegistrationType | None = None
    audio: AudioType | None = None
    auto_recording: AutoRecording | None = None
    registrants_restrict_number: Annotated[int, Field(ge=0, le=20000)] | None = None
    alternative_hosts: Annotated[str | None, BeforeValidator(_hosts_as_text)] = None


class _WebinarParams(RequestModel):
    """The fields create and update share. ``timezone`` precedes ``start_time`` on purpose:
    the start time's check reads the already-validated timezone."""

    model_config = ConfigDict(strict=True)

    topic: Annotated[str, Field(max_length=200)] | None = None
    type: Annotated[int, AfterValidator(_webinar_type)] | None = None
    timezone: Annotated[str, AfterValidator(validate_timezone)] | None = None
    start_time: datetime | None = None
    duration: Annotated[int, Field(ge=0)] | None = None
    password: Annotated[str, Field(max_length=10), AfterValidator(_passcode_characters)] | None = (
        None
    )
    agenda: Annotated[str, Field(max_length=2000)] | None = None
    schedule_for: str | None = None
    is_simulive: bool | None = None
    record_file_id: str | None = None
    transition_to_live: bool | None = None
    recurrence: RecurrenceParams | None = None
    settings: WebinarSettingsParams | None = None
    tracking_fields: list[TrackingFieldParams] | None = None

    @field_validator("start_time")
    @classmethod
    def _naive_needs_timezone(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        if value is not None:
            format_zoom_datetime(value, timezone=info.data.get("timezone"))
        return value

    @field_validator("recurrence")
    @classmethod
    def _only_for_recurring(
        cls, value: RecurrenceParams | None, info: ValidationInfo
    ) -> RecurrenceParams | None:
        webinar_type = info.data.get("type")
        if (
            value is not None
            and webinar_type is not None
            and webinar_type != WebinarType.RECURRING_FIXED_TIME
        ):
            raise ValueError(
                f"is only used by recurring webinars with a fixed time (type 9), "
                f"not type {int(webinar_type)}"
            )
        return value

    @field_serializer("start_time")
    def _render_start(self, value: datetime | None) -> str | None:
        return None if value is None else format_zoom_datetime(value, timezone=self.timezone)


class WebinarCreateParams(_WebinarParams):
    """The body of ``POST /users/{userId}/webinars``."""

    topic: Annotated[str, Field(max_length=200)]
    type: Annotated[int, AfterValidator(_webinar_type)] = WebinarType.WEBINAR
    default_passcode: bool | None = None
    template_id: str | None = None


class WebinarUpdateParams(_WebinarParams):
    """The body of ``PATCH /webinars/{webinarId}``: every field optional."""


def build_webinar_create_body(
    *,
    topic: str,
    type: WebinarType | int = WebinarType.WEBINAR,
    start_time: datetime | None = None,
    duration: int | None = None,
    timezone: str | None = None,
    password: str | None = None,
    default_passcode: bool | None = None,
    agenda: str | None = None,
    recurrence: RecurrenceParams | Recurrence | Mapping[str, Any] | None = None,
    settings: WebinarSettings | Mapping[str, Any] | None = None,
    schedule_for: str | None = None,
    template_id: str | None = None,
    tracking_fields: Sequence[TrackingField | TrackingFieldParams | Mapping[str, Any]]
    | None = None,
    is_simulive: bool | None = None,
    record_file_id: str | None = None,
    transition_to_live: bool | None = None,
    extra_body: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Check a new webinar's fields and return the JSON body; ``None`` leaves a field out.

    Raises :class:`~zoomkit.errors.RequestValidationError` naming the first bad field.
    """
    given = {
        "topic": topic,
        "type": type,
        "start_time": start_time,
        "duration": duration,
        "timezone": timezone,
        "password": password,
        "default_passcode": default_passcode,
        "agenda": agenda,
        "recurrence": recurrence,
        "settings": settings,
        "schedule_for": schedule_for,
        "template_id": template_id,
        "tracking_fields": tracking_fields,
        "is_simulive": is_simulive,
        "record_file_id": record_file_id,
        "transition_to_live": transition_to_live,
    }
    fields = {name: value for name, value in given.items() if value is not None}
    params = validate_request(WebinarCreateParams, _plain_nested(fields))
    return merge_extra_body(params.to_body(), extra_body)


def build_webinar_update_body(
    *,
    topic: str | NotGiven = NOT_GIVEN,
    type: WebinarType | int | NotGiven = NOT_GIVEN,
    start_time: datetime | NotGiven = NOT_GIVEN,
    duration: int | NotGiven = NOT_GIVEN,
    timezone: str | NotGiven = NOT_GIVEN,
    password: str | NotGiven = NOT_GIVEN,
    agenda: str | NotGiven = NOT_GIVEN,
    recurrence: RecurrenceParams | Recurrence | Mapping[str, Any] | NotGiven = NOT_GIVEN,
    settings: WebinarSettings | Mapping[str, Any] | NotGiven = NOT_GIVEN,
    schedule_for: str | NotGiven = NOT_GIVEN,
    tracking_fields: Sequence[TrackingField | TrackingFieldParams | Mapping[str, Any]]
    | NotGiven = NOT_GIVEN,
    is_simulive: bool | NotGiven = NOT_GIVEN,
    record_file_id: str | NotGiven = NOT_GIVEN,
    transition_to_live: bool | NotGiven = NOT_GIVEN,
    extra_body: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Check the fields to change on a webinar and return the PATCH body.

    Only the arguments given are sent; Zoom keeps every other value. ``None`` is refused (Zoom
    would ignore it silently). Raises :class:`~zoomkit.errors.RequestValidationError`.
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
        "tracking_fields": tracking_fields,
        "is_simulive": is_simulive,
        "record_file_id": record_file_id,
        "transition_to_live": transition_to_live,
    }
    fields = {name: value for name, value in given.items() if not isinstance(value, NotGiven)}
    for name, value in fields.items():
        if value is None:
            raise RequestValidationError(
                f"{name}: cannot be None in an update; leave it out to keep the current value",
                field=name,
            )
    params = validate_request(WebinarUpdateParams, _plain_nested(fields))
    return merge_extra_body(params.to_body(), extra_body)


def _plain_nested(fields: dict[str, Any]) -> dict[str, Any]:
    """Turn response models and mappings the caller passed into what the params models read.

    A ``Webinar`` fetched from Zoom can be fed back (``settings=webinar.settings``).
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
        plain["tracking_fields"] = [
            {"field": item.field, "value": item.value} if isinstance(item, TrackingField) else item
            for item in tracking
        ]
    return plain
