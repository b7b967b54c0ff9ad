"""Typed webhook events: one pydantic model per common Zoom event, and :class:`UnknownEvent`.

:data:`WebhookEvent` is a union discriminated on ``event``; any name zoomkit does not model
parses as :class:`UnknownEvent`, which keeps the whole payload, so a new Zoom event never
fails. :func:`parse_event` reads a raw body (after :func:`~zoomkit.webhooks.verify`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Annotated, Any, Final, Literal

from pydantic import Discriminator, Field, PrivateAttr, Tag, TypeAdapter, ValidationError
from pydantic_core import from_json

from zoomkit.auth import StaticTokenAuth
from zoomkit.errors import ResponseValidationError
from zoomkit.models import User, ZoomModel
from zoomkit.models._types import OptionalInt64
from zoomkit.webhooks._objects import (
    AppDeauthorizedPayload,
    ChangePayload,
    EventPayload,
    MeetingWithParticipant,
    RecordingCompletedPayload,
    RecordingInProgress,
    UrlValidationPayload,
    UserCreatedPayload,
    WebhookMeeting,
    WebhookRecording,
    WebhookWebinar,
    WebinarWithParticipant,
)

__all__ = [
    "EVENT_TYPES",
    "AppDeauthorized",
    "BaseEvent",
    "EndpointUrlValidation",
    "MeetingCreated",
    "MeetingDeleted",
    "MeetingEnded",
    "MeetingParticipantJoined",
    "MeetingParticipantLeft",
    "MeetingSharingEnded",
    "MeetingSharingStarted",
    "MeetingStarted",
    "MeetingUpdated",
    "RecordingCompleted",
    "RecordingDeleted",
    "RecordingRecovered",
    "RecordingStarted",
    "RecordingStopped",
    "RecordingTrashed",
    "UnknownEvent",
    "UserActivated",
    "UserCreated",
    "UserDeactivated",
    "UserDeleted",
    "UserUpdated",
    "WebhookEvent",
    "WebinarCreated",
    "WebinarDeleted",
    "WebinarEnded",
    "WebinarParticipantJoined",
    "WebinarParticipantLeft",
    "WebinarStarted",
    "WebinarUpdated",
    "event_from_dict",
    "parse_event",
]

UNKNOWN_TAG: Final = "zoomkit:unknown"


class BaseEvent(ZoomModel):
    """What every event has: its ``event`` name and ``event_ts`` (ms since the epoch)."""

    event: str
    event_ts: OptionalInt64 = None
    _raw: dict[str, Any] = PrivateAttr(default_factory=dict)

    @property
    def occurred_at(self) -> datetime | None:
        """``event_ts`` as an aware UTC datetime."""
        if self.event_ts is None:
            return None
        return datetime.fromtimestamp(self.event_ts / 1000, UTC)

    @property
    def raw(self) -> dict[str, Any]:
        """The body as Zoom sent it, parsed but not validated (treat it as read-only)."""
        return self._raw


# -- meetings --------------------------------------------------------------------------------


class MeetingCreated(BaseEvent):
    event: Literal["meeting.created"] = "meeting.created"
    payload: EventPayload[WebhookMeeting]


class MeetingUpdated(BaseEvent):
    """Only changed fields (and ``id``) are in ``payload.object``; old values in ``old_object``."""

    event: Literal["meeting.updated"] = "meeting.updated"
    payload: ChangePayload[WebhookMeeting]


class MeetingDeleted(BaseEvent):
    event: Literal["meeting.deleted"] = "meeting.deleted"
    payload: EventPayload[WebhookMeeting]


class MeetingStarted(BaseEvent):
    event: Literal["meeting.started"] = "meeting.started"
    payload: EventPayload[WebhookMeeting]


class MeetingEnded(BaseEvent):
    event: Literal["meeting.ended"] = "meeting.ended"
    payload: EventPayload[WebhookMeeting]


class MeetingParticipantJoined(BaseEvent):
    event: Literal["meeting.participant_joined"] = "meeting.participant_joined"
    payload: EventPayload[MeetingWithParticipant]


class MeetingParticipantLeft(BaseEvent):
    event: Literal["meeting.participant_left"] = "meeting.participant_left"
    payload: EventPayload[MeetingWithParticipant]


class MeetingSharingStarted(BaseEvent):
    event: Literal["meeting.sharing_started"] = "meeting.sharing_started"
    payload: EventPayload[MeetingWithParticipant]


class MeetingSharingEnded(BaseEvent):
    event: Literal["meeting.sharing_ended"] = "meeting.sharing_ended"
    payload: EventPayload[MeetingWithParticipant]


# -- recordings ------------------------------------------------------------------------------


class RecordingStarted(BaseEvent):
    event: Literal["recording.started"] = "recording.started"
    payload: EventPayload[RecordingInProgress]


class RecordingStopped(BaseEvent):
    event: Literal["recording.stopped"] = "recording.stopped"
    payload: EventPayload[RecordingInProgress]


class RecordingCompleted(BaseEvent):
    """Every file of a cloud recording is ready.

    ``download_token`` (valid 24 hours) lets you download the files without an API token:
    send it as a Bearer header, never in the query string (:meth:`download_auth`).
    """

    event: Literal["recording.completed"] = "recording.completed"
    payload: RecordingCompletedPayload
    download_token: str | None = Field(default=None, repr=False)

    def download_auth(self) -> StaticTokenAuth:
        """An httpx auth that sends the event's download token as ``Authorization: Bearer``.

        Use it with any httpx client: ``await http.get(file.download_url, auth=...)``.
        Raises :class:`~zoomkit.errors.ResponseValidationError` if the event carried none.
        """
        return StaticTokenAuth(self._token())

    def download_headers(self) -> dict[str, str]:
        """``{"Authorization": "Bearer <download_token>"}``, for a synchronous HTTP client."""
        return {"Authorization": f"Bearer {self._token()}"}

    def _token(self) -> str:
        token = self.download_token or self.payload.download_token
        if not token:
            raise ResponseValidationError(
                "this recording.completed event carries no download_token; download the "
                "files with an API token that has the cloud_recording:read scope instead"
            )
        return token


class RecordingTrashed(BaseEvent):
    event: Literal["recording.trashed"] = "recording.trashed"
    payload: EventPayload[WebhookRecording]


class RecordingDeleted(BaseEvent):
    event: Literal["recording.deleted"] = "recording.deleted"
    payload: EventPayload[WebhookRecording]


class RecordingRecovered(BaseEvent):
    event: Literal["recording.recovered"] = "recording.recovered"
    payload: EventPayload[WebhookRecording]


# -- webinars --------------------------------------------------------------------------------


class WebinarCreated(BaseEvent):
    event: Literal["webinar.created"] = "webinar.created"
    payload: EventPayload[WebhookWebinar]


class WebinarUpdated(BaseEvent):
    event: Literal["webinar.updated"] = "webinar.updated"
    payload: ChangePayload[WebhookWebinar]


class WebinarDeleted(BaseEvent):
    event: Literal["webinar.deleted"] = "webinar.deleted"
    payload: EventPayload[WebhookWebinar]


class WebinarStarted(BaseEvent):
    event: Literal["webinar.started"] = "webinar.started"
    payload: EventPayload[WebhookWebinar]


class WebinarEnded(BaseEvent):
    event: Literal["webinar.ended"] = "webinar.ended"
    payload: EventPayload[WebhookWebinar]


class WebinarParticipantJoined(BaseEvent):
    event: Literal["webinar.participant_joined"] = "webinar.participant_joined"
    payload: EventPayload[WebinarWithParticipant]


class WebinarParticipantLeft(BaseEvent):
    event: Literal["webinar.participant_left"] = "webinar.participant_left"
    payload: EventPayload[WebinarWithParticipant]


# -- users and the app -------------------------------------------------------------------------


class UserCreated(BaseEvent):
    event: Literal["user.created"] = "user.created"
    payload: UserCreatedPayload


class UserUpdated(BaseEvent):
    event: Literal["user.updated"] = "user.updated"
    payload: ChangePayload[User]


class UserDeleted(BaseEvent):
    event: Literal["user.deleted"] = "user.deleted"
    payload: EventPayload[User]


class UserActivated(BaseEvent):
    event: Literal["user.activated"] = "user.activated"
    payload: EventPayload[User]


class UserDeactivated(BaseEvent):
    event: Literal["user.deactivated"] = "user.deactivated"
    payload: EventPayload[User]


class AppDeauthorized(BaseEvent):
    """A user or account removed your app: drop their tokens; delete data unless retained."""

    event: Literal["app_deauthorized"] = "app_deauthorized"
    payload: AppDeauthorizedPayload


class EndpointUrlValidation(BaseEvent):
    """Zoom's challenge; :class:`~zoomkit.webhooks.WebhookApp` answers it, handlers never see it."""

    event: Literal["endpoint.url_validation"] = "endpoint.url_validation"
    payload: UrlValidationPayload


class UnknownEvent(BaseEvent):
    """An event zoomkit has no model for; ``payload`` is kept as Zoom sent it."""

    payload: Any = None


def _event_tag(value: Any) -> str:
    """The union tag: the event name when zoomkit models it, else :data:`UNKNOWN_TAG`."""
    name = value.get("event") if isinstance(value, Mapping) else getattr(value, "event", None)
    return name if isinstance(name, str) and name in EVENT_TYPES else UNKNOWN_TAG


WebhookEvent = Annotated[
    Annotated[MeetingCreated, Tag("meeting.created")]
    | Annotated[MeetingUpdated, Tag("meeting.updated")]
    | Annotated[MeetingDeleted, Tag("meeting.deleted")]
    | Annotated[MeetingStarted, Tag("meeting.started")]
    | Annotated[MeetingEnded, Tag("meeting.ended")]
    | Annotated[MeetingParticipantJoined, Tag("meeting.participant_joined")]
    | Annotated[MeetingParticipantLeft, Tag("meeting.participant_left")]
    | Annotated[MeetingSharingStarted, Tag("meeting.sharing_started")]
    | Annotated[MeetingSharingEnded, Tag("meeting.sharing_ended")]
    | Annotated[RecordingStarted, Tag("recording.started")]
    | Annotated[RecordingStopped, Tag("recording.stopped")]
    | Annotated[RecordingCompleted, Tag("recording.completed")]
    | Annotated[RecordingTrashed, Tag("recording.trashed")]
    | Annotated[RecordingDeleted, Tag("recording.deleted")]
    | Annotated[RecordingRecovered, Tag("recording.recovered")]
    | Annotated[WebinarCreated, Tag("webinar.created")]
    | Annotated[WebinarUpdated, Tag("webinar.updated")]
    | Annotated[WebinarDeleted, Tag("webinar.deleted")]
    | Annotated[WebinarStarted, Tag("webinar.started")]
    | Annotated[WebinarEnded, Tag("webinar.ended")]
    | Annotated[WebinarParticipantJoined, Tag("webinar.participant_joined")]
    | Annotated[WebinarParticipantLeft, Tag("webinar.participant_left")]
    | Annotated[UserCreated, Tag("user.created")]
    | Annotated[UserUpdated, Tag("user.updated")]
    | Annotated[UserDeleted, Tag("user.deleted")]
    | Annotated[UserActivated, Tag("user.activated")]
    | Annotated[UserDeactivated, Tag("user.deactivated")]
    | Annotated[AppDeauthorized, Tag("app_deauthorized")]
    | Annotated[EndpointUrlValidation, Tag("endpoint.url_validation")]
    | Annotated[UnknownEvent, Tag(UNKNOWN_TAG)],
    Discriminator(_event_tag),
]
"""Any webhook event, discriminated on ``event``; names zoomkit does not model are UnknownEvent."""

EVENT_TYPES: Final[dict[str, type[BaseEvent]]] = {
    cls.model_fields["event"].default: cls
    for cls in (
        MeetingCreated,
        MeetingUpdated,
        MeetingDeleted,
        MeetingStarted,
        MeetingEnded,
        MeetingParticipantJoined,
        MeetingParticipantLeft,
        MeetingSharingStarted,
        MeetingSharingEnded,
        RecordingStarted,
        RecordingStopped,
        RecordingCompleted,
        RecordingTrashed,
        RecordingDeleted,
        RecordingRecovered,
        WebinarCreated,
        WebinarUpdated,
        WebinarDeleted,
        WebinarStarted,
        WebinarEnded,
        WebinarParticipantJoined,
        WebinarParticipantLeft,
        UserCreated,
        UserUpdated,
        UserDeleted,
        UserActivated,
        UserDeactivated,
        AppDeauthorized,
        EndpointUrlValidation,
    )
}
"""Event name to model, for every event zoomkit types."""

_ADAPTER: Final[TypeAdapter[WebhookEvent]] = TypeAdapter(WebhookEvent)


def parse_event(raw_body: bytes | str) -> WebhookEvent:
    """Parse a webhook body into its typed event (:class:`UnknownEvent` for other names).

    Verify the body first. A body that is not a JSON object with an ``event`` name, or a known
    event whose fields cannot be read, raises :class:`~zoomkit.errors.ResponseValidationError`
    (:class:`~zoomkit.webhooks.WebhookApp` answers it with 400).
    """
    try:
        data = from_json(raw_body)
    except ValueError:
        raise ResponseValidationError("the webhook body is not valid JSON") from None
    return event_from_dict(data)


def event_from_dict(data: Any) -> WebhookEvent:
    """Build the typed event from an already parsed body (a dict); see :func:`parse_event`."""
    if not isinstance(data, dict):
        raise ResponseValidationError("the webhook body is not a JSON object")
    name = data.get("event")
    if not isinstance(name, str) or not name:
        raise ResponseValidationError("the webhook body has no event name")
    try:
        event = _ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise ResponseValidationError(_describe(name, exc)) from None
    event._raw = data
    return event


def _describe(name: str, exc: ValidationError) -> str:
    """Name the first bad field without echoing values (they may hold personal data)."""
    errors = exc.errors(include_input=False, include_url=False)
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"][1:]) or "body"  # [0] is the union tag
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"the {name} event does not match Zoom's documented shape: {where}: {first['msg']}{more}"
