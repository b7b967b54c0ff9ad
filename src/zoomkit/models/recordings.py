"""Cloud recordings: the recorded meeting instances, their files, settings, analytics, registrants.

Fields follow the Cloud Recording tag of the 2023 spec plus what the 2025 spec adds
(``auto_delete``, ``auto_delete_date``, ``authentication_name``, more recording types). Recording
JSON is where Zoom drifts from its own schema: the meeting ``type`` arrives as the string ``"1"``,
``file_size`` as a number or a numeric string, ``recording_end`` as ``""`` while a file is still
processing. Times the spec types as plain strings use :data:`DatetimeOrStr`.

Passcodes and the ``download_access_token`` are kept out of ``repr``.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Annotated, Literal

from pydantic import Field

from zoomkit.models._base import RequestModel, ZoomModel
from zoomkit.models._types import (
    EmptyAsNone,
    Int64,
    OptionalDatetime,
    OptionalInt,
    OptionalInt64,
    OptionalIntEnum,
    OptionalMeetingUUID,
    OptionalStr,
    StrEnumOrStr,
)
from zoomkit.models.meeting_registrants import (
    CustomQuestionAnswer,
    CustomQuestionAnswerParams,
    Email,
    Name,
    NumberOfEmployees,
    PurchasingTimeFrame,
    RegistrantStatus,
    RegistrationQuestionParams,
    RoleInPurchaseProcess,
)
from zoomkit.models.meetings import ApprovalType
from zoomkit.models.reports import DatetimeOrStr, OptionalDate

__all__ = [
    "MAX_RECORDING_STATUS_REGISTRANTS",
    "CloudRecording",
    "CloudRecordingList",
    "FileSize",
    "ParticipantAudioFile",
    "RecordingAnalyticsDay",
    "RecordingAnalyticsDetail",
    "RecordingAnalyticsDetails",
    "RecordingAnalyticsSummary",
    "RecordingAnalyticsType",
    "RecordingCustomQuestionParams",
    "RecordingDeleteAction",
    "RecordingFile",
    "RecordingFileExtension",
    "RecordingFileType",
    "RecordingMeetingType",
    "RecordingRegistrant",
    "RecordingRegistrantList",
    "RecordingRegistrantParams",
    "RecordingRegistrantRef",
    "RecordingRegistrantStatusAction",
    "RecordingRegistrantStatusParams",
    "RecordingRegistration",
    "RecordingRegistrationQuestionsParams",
    "CloudRecordingSettings",
    "CloudRecordingSettingsParams",
    "RecordingTrashType",
    "RecordingType",
    "ShareRecording",
]

MAX_RECORDING_STATUS_REGISTRANTS = 30
"""``PUT .../recordings/registrants/status`` changes at most 30 registrants per call."""


class RecordingMeetingType(IntEnum):
    """What was recorded: a meeting type, a webinar type, or an upload (99)."""

    INSTANT = 1
    SCHEDULED = 2
    RECURRING_NO_FIXED_TIME = 3
    PMI = 4
    WEBINAR = 5
    RECURRING_WEBINAR_NO_FIXED_TIME = 6
    PERSONAL_AUDIO_CONFERENCE = 7
    RECURRING_FIXED_TIME = 8
    RECURRING_WEBINAR_FIXED_TIME = 9
    UPLOADED = 99


class RecordingFileType(StrEnum):
    """What a recording file holds."""

    MP4 = "MP4"
    M4A = "M4A"
    CHAT = "CHAT"
    TRANSCRIPT = "TRANSCRIPT"
    CSV = "CSV"
    TB = "TB"
    CC = "CC"
    CHAT_MESSAGE = "CHAT_MESSAGE"
    SUMMARY = "SUMMARY"
    TIMELINE = "TIMELINE"


class RecordingFileExtension(StrEnum):
    MP4 = "MP4"
    M4A = "M4A"
    TXT = "TXT"
    VTT = "VTT"
    CSV = "CSV"
    JSON = "JSON"
    JPG = "JPG"


class RecordingType(StrEnum):
    """The view or track a file records (``shared_screen_with_speaker_view``...)."""

    SHARED_SCREEN_WITH_SPEAKER_VIEW_CC = "shared_screen_with_speaker_view(CC)"
    SHARED_SCREEN_WITH_SPEAKER_VIEW = "shared_screen_with_speaker_view"
    SHARED_SCREEN_WITH_GALLERY_VIEW = "shared_screen_with_gallery_view"
    ACTIVE_SPEAKER = "active_speaker"
    GALLERY_VIEW = "gallery_view"
    SHARED_SCREEN = "shared_screen"
    AUDIO_ONLY = "audio_only"
    AUDIO_TRANSCRIPT = "audio_transcript"
    CHAT_FILE = "chat_file"
    POLL = "poll"
    HOST_VIDEO = "host_video"
    CLOSED_CAPTION = "closed_caption"
    TIMELINE = "timeline"
    THUMBNAIL = "thumbnail"
    AUDIO_INTERPRETATION = "audio_interpretation"
    SUMMARY = "summary"
    SUMMARY_NEXT_STEPS = "summary_next_steps"
    SUMMARY_SMART_CHAPTERS = "summary_smart_chapters"
    SIGN_INTERPRETATION = "sign_interpretation"
    PRODUCTION_STUDIO = "production_studio"


class RecordingDeleteAction(StrEnum):
    """``trash`` (recoverable for 30 days, Zoom's default) or ``delete`` (permanent)."""

    TRASH = "trash"
    DELETE = "delete"


class RecordingTrashType(StrEnum):
    """What ``list(trash=True)`` lists: whole meeting recordings or single trashed files."""

    MEETING_RECORDINGS = "meeting_recordings"
    RECORDING_FILE = "recording_file"


class ShareRecording(StrEnum):
    PUBLICLY = "publicly"
    INTERNALLY = "internally"
    NONE = "none"


class RecordingAnalyticsType(StrEnum):
    BY_VIEW = "by_view"
    BY_DOWNLOAD = "by_download"


class RecordingRegistrantStatusAction(StrEnum):
    APPROVE = "approve"
    DENY = "deny"


FileSize = Annotated[Int64 | float | None, Field(union_mode="left_to_right"), EmptyAsNone()]
"""Bytes: Zoom's spec says "number"; integers (also as numeric strings) are read as ``int``."""

DateOrStr = Annotated[OptionalDate | str, Field(union_mode="left_to_right")]
"""A day the spec types as a plain string: a ``date`` when it is ``YYYY-MM-DD``, else the text."""


# --- recordings and their files ------------------------------------------------------------------


class RecordingFile(ZoomModel):
    """One file of a recording. Download it with ``client.recordings.download(file, ...)``.

    ``meeting_id`` is the recorded instance's UUID. ``CC`` and ``TIMELINE`` files come without
    ``id``, ``status``, ``file_size``, ``recording_type`` and ``play_url``. ``deleted_time`` is
    set only in trash listings; ``file_path`` replaces ``download_url`` on On-Premise accounts.
    """

    id: str | None = None
    meeting_id: OptionalMeetingUUID = None
    recording_start: DatetimeOrStr = None
    recording_end: DatetimeOrStr = None
    file_type: StrEnumOrStr[RecordingFileType] | None = None
    file_extension: StrEnumOrStr[RecordingFileExtension] | None = None
    file_size: FileSize = None
    play_url: OptionalStr = None
    download_url: OptionalStr = None
    file_path: OptionalStr = None
    status: str | None = None
    deleted_time: DatetimeOrStr = None
    recording_type: StrEnumOrStr[RecordingType] | None = None


class ParticipantAudioFile(ZoomModel):
    """One participant's own audio track (when "record a separate audio file" is on)."""

    id: str | None = None
    file_name: str | None = None
    file_type: str | None = None
    file_size: FileSize = None
    recording_start: DatetimeOrStr = None
    recording_end: DatetimeOrStr = None
    play_url: OptionalStr = None
    download_url: OptionalStr = None
    file_path: OptionalStr = None
    status: str | None = None


class CloudRecording(ZoomModel):
    """One recorded meeting (or webinar) instance and its files.

    ``uuid`` names the instance, ready for other calls (``client.recordings.get(rec.uuid)``);
    ``id`` is the meeting id. ``download_access_token`` is present when asked for with
    ``include_fields="download_access_token"``: a token that opens only these files.
    """

    uuid: OptionalMeetingUUID = None
    id: OptionalInt64 = None
    account_id: str | None = None
    host_id: str | None = None
    host_email: str | None = None
    topic: str | None = None
    type: OptionalIntEnum[RecordingMeetingType] = None
    start_time: OptionalDatetime = None
    timezone: str | None = None
    duration: OptionalInt = None
    total_size: OptionalInt64 = None
    recording_count: OptionalInt = None
    share_url: OptionalStr = None
    auto_delete: bool | None = None
    auto_delete_date: DateOrStr = None
    recording_files: list[RecordingFile] = Field(default_factory=list)
    participant_audio_files: list[ParticipantAudioFile] | None = None
    password: str | None = Field(default=None, repr=False)
    recording_play_passcode: str | None = Field(default=None, repr=False)
    download_access_token: str | None = Field(default=None, repr=False)


class CloudRecordingList(ZoomModel):
    """One page of ``GET /users/{userId}/recordings`` for one date window (``from_``/``to``)."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_size: OptionalInt = None
    page_count: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    meetings: list[CloudRecording] = Field(default_factory=list)


# --- settings --------------------------------------------------------------------------------


class CloudRecordingSettings(ZoomModel):
    """Who may watch and download a meeting's recording, and how."""

    share_recording: StrEnumOrStr[ShareRecording] | None = None
    recording_authentication: bool | None = None
    authentication_option: str | None = None
    authentication_domains: str | None = None
    authentication_name: str | None = None
    viewer_download: bool | None = None
    password: str | None = Field(default=None, repr=False)
    on_demand: bool | None = None
    approval_type: OptionalIntEnum[ApprovalType] = None
    send_email_to_host: bool | None = None
    show_social_share_buttons: bool | None = None
    topic: str | None = None
    auto_delete: bool | None = None
    auto_delete_date: DateOrStr = None


class CloudRecordingSettingsParams(RequestModel):
    """The body of ``PATCH /meetings/{meetingId}/recordings/settings`` (only what you pass)."""

    share_recording: ShareRecording | None = None
    recording_authentication: bool | None = None
    authentication_option: str | None = None
    authentication_domains: str | None = None
    viewer_download: bool | None = None
    password: Annotated[str, Field(min_length=8, max_length=10)] | None = None
    on_demand: bool | None = None
    approval_type: ApprovalType | None = None
    send_email_to_host: bool | None = None
    show_social_share_buttons: bool | None = None
    topic: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    auto_delete: bool | None = None


# --- analytics -------------------------------------------------------------------------------


class RecordingAnalyticsDetail(ZoomModel):
    """One view or download of a recording: who, when, for how long."""

    date_time: OptionalDatetime = None
    name: str | None = None
    email: str | None = None
    duration: OptionalInt = None


class RecordingAnalyticsDetails(ZoomModel):
    """One page of ``GET .../recordings/analytics_details`` for one date window."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    analytics_details: list[RecordingAnalyticsDetail] = Field(default_factory=list)


class RecordingAnalyticsDay(ZoomModel):
    """Views and downloads of a recording on one day."""

    date: DateOrStr = None
    views_total_count: OptionalInt = None
    downloads_total_count: OptionalInt = None


class RecordingAnalyticsSummary(ZoomModel):
    """Views and downloads per day over ``from_``..``to``.

    ``client.recordings.analytics_summary`` merges the month windows of a longer range into one
    of these, days in order.
    """

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    analytics_summary: list[RecordingAnalyticsDay] = Field(default_factory=list)


# --- on-demand registrants -------------------------------------------------------------------


class RecordingRegistrant(ZoomModel):
    """Someone registered to watch an on-demand recording."""

    id: str | None = None
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
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
    status: StrEnumOrStr[RegistrantStatus] | None = None


class RecordingRegistrantList(ZoomModel):
    """One page of ``GET /meetings/{meetingId}/recordings/registrants``."""

    page_size: OptionalInt = None
    page_count: OptionalInt = None
    page_number: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    registrants: list[RecordingRegistrant] = Field(default_factory=list)


class RecordingRegistration(ZoomModel):
    """What ``POST .../recordings/registrants`` answers: ``id`` is the meeting id."""

    id: OptionalInt64 = None
    registrant_id: str | None = None
    share_url: OptionalStr = None
    topic: str | None = None


class RecordingRegistrantParams(RequestModel):
    """The body of ``POST /meetings/{meetingId}/recordings/registrants``."""

    email: Email
    first_name: Name
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
    status: RegistrantStatus | None = None


class RecordingRegistrantRef(RequestModel):
    """A registrant named by its id."""

    id: Annotated[str, Field(min_length=1)]


class RecordingRegistrantStatusParams(RequestModel):
    """The body of ``PUT .../recordings/registrants/status`` (at most 30 registrants)."""

    action: RecordingRegistrantStatusAction
    registrants: (
        Annotated[
            list[RecordingRegistrantRef],
            Field(min_length=1, max_length=MAX_RECORDING_STATUS_REGISTRANTS),
        ]
        | None
    ) = None


class RecordingCustomQuestionParams(RequestModel):
    """A custom question: ``short`` is free text, ``single``/``multiple`` pick from ``answers``."""

    title: Annotated[str, Field(min_length=1)]
    type: Literal["short", "single", "multiple"]
    required: bool | None = None
    answers: list[str] | None = None


class RecordingRegistrationQuestionsParams(RequestModel):
    """The body of ``PATCH /meetings/{meetingId}/recordings/registrants/questions``."""

    questions: list[RegistrationQuestionParams] | None = None
    custom_questions: list[RecordingCustomQuestionParams] | None = None
