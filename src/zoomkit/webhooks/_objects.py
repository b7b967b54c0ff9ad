"""The objects inside webhook payloads: meetings, participants, recordings, webinars, users.

Shapes follow Zoom's webhook reference (meeting, recording, webinar, user and app events).
Parsing is as lenient as zoomkit's response models: unknown fields are kept, ids that Zoom
sends as numbers in one event and strings in another are read as ``int``, and every field but
an object's ``id`` is optional, because Zoom leaves fields out by event, plan and setting.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import Field

from zoomkit.models import Meeting, MeetingType, User, ZoomModel
from zoomkit.models._types import (
    Int64,
    OptionalDatetime,
    OptionalInt,
    OptionalInt64,
    OptionalIntEnum,
    OptionalMeetingUUID,
)

__all__ = [
    "AppDeauthorizedPayload",
    "ChangePayload",
    "EventPayload",
    "MeetingParticipant",
    "MeetingWithParticipant",
    "RecordingCompletedPayload",
    "RecordingFile",
    "RecordingInProgress",
    "RecordingPeriod",
    "SharingDetails",
    "UrlValidationPayload",
    "UserCreatedPayload",
    "WebhookMeeting",
    "WebhookRecording",
    "WebhookWebinar",
    "WebinarWithParticipant",
]

ObjectT = TypeVar("ObjectT", bound=ZoomModel)


class WebhookMeeting(Meeting):
    """A meeting as meeting events carry it: the API's meeting fields, plus ``end_time``.

    ``meeting.updated`` sends only the fields that changed (and ``id``), in ``object`` and, with
    their previous values, in ``old_object``.
    """

    end_time: OptionalDatetime = None


class SharingDetails(ZoomModel):
    """What a participant shared (``meeting.sharing_started`` / ``sharing_ended``)."""

    content: str | None = None
    link_source: str | None = None
    file_link: str | None = None
    date_time: OptionalDatetime = None
    source: str | None = None


class MeetingParticipant(ZoomModel):
    """A participant in participant and sharing events.

    ``user_id`` is the participant's id within this meeting instance (Zoom sends it as a
    numeric string); ``participant_user_id`` and ``id`` identify a signed-in Zoom user.
    """

    user_id: str | None = None
    user_name: str | None = None
    id: str | None = None
    participant_uuid: str | None = None
    participant_user_id: str | None = None
    email: str | None = None
    registrant_id: str | None = None
    customer_key: str | None = None
    phone_number: str | None = None
    join_time: OptionalDatetime = None
    leave_time: OptionalDatetime = None
    leave_reason: str | None = None
    sharing_details: SharingDetails | None = None


class MeetingWithParticipant(WebhookMeeting):
    """The meeting object of participant and sharing events: the meeting and who acted."""

    participant: MeetingParticipant = Field(default_factory=MeetingParticipant)


class RecordingFile(ZoomModel):
    """One file of a cloud recording.

    ``meeting_id`` is the meeting instance UUID as Zoom writes it here. Download
    ``download_url`` with the event's download token as a Bearer header
    (:meth:`RecordingCompleted.download_auth`).
    """

    id: str | None = None
    meeting_id: str | None = None
    recording_start: OptionalDatetime = None
    recording_end: OptionalDatetime = None
    file_name: str | None = None
    file_path: str | None = None
    file_type: str | None = None
    file_extension: str | None = None
    file_size: OptionalInt64 = None
    play_url: str | None = None
    download_url: str | None = None
    status: str | None = None
    recording_type: str | None = None


class RecordingPeriod(ZoomModel):
    """Start and end of the recording segment in ``recording.started`` / ``stopped``."""

    recording_start: OptionalDatetime = None
    recording_end: OptionalDatetime = None


class RecordingInProgress(WebhookMeeting):
    """The meeting object of ``recording.started`` and ``recording.stopped``."""

    recording_file: RecordingPeriod | None = None


class WebhookRecording(ZoomModel):
    """A meeting's cloud recording (``recording.completed``, ``trashed``, ``deleted``...).

    ``id`` is the meeting id, ``uuid`` the recorded instance.
    """

    id: Int64
    uuid: OptionalMeetingUUID = None
    account_id: str | None = None
    host_id: str | None = None
    host_email: str | None = None
    topic: str | None = None
    type: OptionalIntEnum[MeetingType] = None
    start_time: OptionalDatetime = None
    timezone: str | None = None
    duration: OptionalInt = None
    total_size: OptionalInt64 = None
    recording_count: OptionalInt = None
    share_url: str | None = None
    password: str | None = Field(default=None, repr=False)
    recording_play_passcode: str | None = Field(default=None, repr=False)
    recording_files: list[RecordingFile] = Field(default_factory=list)
    participant_audio_files: list[RecordingFile] | None = None


class WebhookWebinar(ZoomModel):
    """A webinar as webinar events carry it (``id`` is the webinar id, ``uuid`` the instance)."""

    id: Int64
    uuid: OptionalMeetingUUID = None
    host_id: str | None = None
    topic: str | None = None
    type: OptionalInt = None
    start_time: OptionalDatetime = None
    end_time: OptionalDatetime = None
    duration: OptionalInt = None
    timezone: str | None = None
    agenda: str | None = None
    join_url: str | None = None
    password: str | None = None
    creation_source: str | None = None


class WebinarWithParticipant(WebhookWebinar):
    """The webinar object of ``webinar.participant_joined`` / ``participant_left``."""

    participant: MeetingParticipant = Field(default_factory=MeetingParticipant)


class EventPayload(ZoomModel, Generic[ObjectT]):
    """A payload around one object: the account, the object, and who acted (when Zoom says)."""

    account_id: str | None = None
    object: ObjectT
    operator: str | None = None
    operator_id: str | None = None
    operation: str | None = None


class ChangePayload(EventPayload[ObjectT], Generic[ObjectT]):
    """An update: ``object`` holds the new values, ``old_object`` the previous ones."""

    old_object: ObjectT | None = None
    time_stamp: OptionalInt64 = None


class UserCreatedPayload(EventPayload[User]):
    """``user.created``: ``creation_type`` is how the user was added (create, autoCreate...)."""

    creation_type: str | None = None


class RecordingCompletedPayload(EventPayload[WebhookRecording]):
    """``recording.completed``; some senders put the ``download_token`` here too."""

    download_token: str | None = Field(default=None, repr=False)


class AppDeauthorizedPayload(ZoomModel):
    """``app_deauthorized``: a user or account removed your app.

    ``user_data_retention`` arrives as the string ``"true"``/``"false"`` and is read as a bool:
    ``False`` means you must delete the user's data (and report it to Zoom's data compliance
    endpoint for Marketplace apps).
    """

    account_id: str | None = None
    user_id: str | None = None
    client_id: str | None = None
    deauthorization_time: OptionalDatetime = None
    user_data_retention: bool = False
    signature: str | None = Field(default=None, repr=False)


class UrlValidationPayload(ZoomModel):
    """``endpoint.url_validation``: the token to hash and send back."""

    plain_token: str = Field(alias="plainToken")
