"""Models of Zoom's meeting object as responses carry it.

Fields follow the Meeting API spec (the 2023 file, plus settings the 2025 file adds). Every
field but ``id`` is optional: Zoom leaves fields out by meeting type, plan and account
settings. What zoomkit does not model yet is still kept (``extra="allow"``).
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum, StrEnum
from typing import Annotated

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

__all__ = [
    "ApprovalType",
    "ApprovedOrDeniedCountriesOrRegions",
    "AudioType",
    "AuthenticationException",
    "AutoRecording",
    "BreakoutRoom",
    "BreakoutRoomSettings",
    "ContinuousMeetingChat",
    "CustomKey",
    "EncryptionType",
    "GlobalDialInNumber",
    "Interpreter",
    "LanguageInterpretation",
    "Meeting",
    "MeetingInvitee",
    "MeetingList",
    "MeetingListItem",
    "MeetingListType",
    "MeetingResource",
    "MeetingSettings",
    "MeetingStatus",
    "MeetingStatusAction",
    "MeetingStatusParams",
    "MeetingType",
    "Occurrence",
    "QuestionAndAnswer",
    "Recurrence",
    "RecurrenceType",
    "RegistrationType",
    "SignLanguageInterpretation",
    "SignLanguageInterpreter",
    "TrackingField",
    "UpcomingMeeting",
    "UpcomingMeetingList",
]


class MeetingType(IntEnum):
    """A meeting's type. ``PERSONAL`` and ``SCREEN_SHARE_ONLY`` appear in responses."""

    INSTANT = 1
    SCHEDULED = 2
    RECURRING_NO_FIXED_TIME = 3
    PERSONAL = 4
    RECURRING_FIXED_TIME = 8
    SCREEN_SHARE_ONLY = 10


class MeetingStatus(StrEnum):
    """Whether a meeting is running."""

    WAITING = "waiting"
    STARTED = "started"


class MeetingListType(StrEnum):
    """The ``type`` filter of ``GET /users/{userId}/meetings``."""

    SCHEDULED = "scheduled"
    LIVE = "live"
    UPCOMING = "upcoming"
    UPCOMING_MEETINGS = "upcoming_meetings"
    PREVIOUS_MEETINGS = "previous_meetings"


class RecurrenceType(IntEnum):
    """How a recurring meeting repeats."""

    DAILY = 1
    WEEKLY = 2
    MONTHLY = 3


class ApprovalType(IntEnum):
    """Registration approval: ``NO_REGISTRATION`` is Zoom's default."""

    AUTOMATIC = 0
    MANUAL = 1
    NO_REGISTRATION = 2


class RegistrationType(IntEnum):
    """How attendees of a recurring meeting register."""

    ONCE_FOR_ALL_OCCURRENCES = 1
    EACH_OCCURRENCE = 2
    CHOOSE_OCCURRENCES = 3


class AudioType(StrEnum):
    """How participants join the audio."""

    BOTH = "both"
    TELEPHONY = "telephony"
    VOIP = "voip"
    THIRD_PARTY = "thirdParty"


class AutoRecording(StrEnum):
    """Where a meeting is recorded automatically, if at all."""

    LOCAL = "local"
    CLOUD = "cloud"
    NONE = "none"


class EncryptionType(StrEnum):
    """Enhanced encryption or end-to-end encryption."""

    ENHANCED_ENCRYPTION = "enhanced_encryption"
    E2EE = "e2ee"


# --- settings: small nested objects --------------------------------------------------------


class ApprovedOrDeniedCountriesOrRegions(ZoomModel):
    """Countries or regions allowed to join, or blocked from joining."""

    enable: bool | None = None
    method: str | None = None
    approved_list: list[str] | None = None
    denied_list: list[str] | None = None


class AuthenticationException(ZoomModel):
    """A participant who bypasses meeting authentication."""

    email: str | None = None
    name: str | None = None
    join_url: str | None = None


class BreakoutRoom(ZoomModel):
    """One pre-assigned breakout room."""

    name: str | None = None
    participants: list[str] | None = None


class BreakoutRoomSettings(ZoomModel):
    """Pre-assigned breakout rooms."""

    enable: bool | None = None
    rooms: list[BreakoutRoom] | None = None


class ContinuousMeetingChat(ZoomModel):
    """The meeting's persistent chat channel."""

    enable: bool | None = None
    auto_add_invited_external_users: bool | None = None
    auto_add_meeting_participants: bool | None = None
    who_is_added: str | None = None
    channel_id: str | None = None


class CustomKey(ZoomModel):
    """A custom key-value pair attached to the meeting."""

    key: str | None = None
    value: str | None = None


class GlobalDialInNumber(ZoomModel):
    """A dial-in number (``type`` is ``toll`` or ``tollfree``)."""

    city: str | None = None
    country: str | None = None
    country_name: str | None = None
    number: str | None = None
    type: str | None = None


class Interpreter(ZoomModel):
    """A language interpreter; ``languages`` is a comma-separated pair of language ids."""

    email: str | None = None
    languages: str | None = None
    interpreter_languages: str | None = None


class LanguageInterpretation(ZoomModel):
    """Language interpretation settings."""

    enable: bool | None = None
    interpreters: list[Interpreter] | None = None


class SignLanguageInterpreter(ZoomModel):
    """A sign language interpreter."""

    email: str | None = None
    sign_language: str | None = None


class SignLanguageInterpretation(ZoomModel):
    """Sign language interpretation settings."""

    enable: bool | None = None
    interpreters: list[SignLanguageInterpreter] | None = None


class MeetingInvitee(ZoomModel):
    """Someone invited through the calendar integration."""

    email: str | None = None
    internal_user: bool | None = None


class MeetingResource(ZoomModel):
    """A resource (a whiteboard) attached to the meeting."""

    resource_type: str | None = None
    resource_id: str | None = None
    permission_level: str | None = None


class QuestionAndAnswer(ZoomModel):
    """In-meeting Q&A settings."""

    enable: bool | None = None
    allow_submit_questions: bool | None = None
    allow_anonymous_questions: bool | None = None
    question_visibility: str | None = None
    attendees_can_comment: bool | None = None
    attendees_can_upvote: bool | None = None


# --- the meeting object --------------------------------------------------------------------


class MeetingSettings(ZoomModel):
    """A meeting's settings. Enum-like fields keep values Zoom adds after this release."""

    host_video: bool | None = None
    participant_video: bool | None = None
    join_before_host: bool | None = None
    jbh_time: OptionalInt = None
    mute_upon_entry: bool | None = None
    waiting_room: bool | None = None
    watermark: bool | None = None
    use_pmi: bool | None = None
    approval_type: OptionalIntEnum[ApprovalType] = None
    registration_type: OptionalIntEnum[RegistrationType] = None
    close_registration: bool | None = None
    registrants_confirmation_email: bool | None = None
    registrants_email_notification: bool | None = None
    audio: StrEnumOrStr[AudioType] | None = None
    audio_conference_info: str | None = None
    auto_recording: StrEnumOrStr[AutoRecording] | None = None
    alternative_hosts: str | None = None
    alternative_hosts_email_notification: bool | None = None
    alternative_host_update_polls: bool | None = None
    meeting_authentication: bool | None = None
    authentication_option: str | None = None
    authentication_name: str | None = None
    authentication_domains: str | None = None
    authentication_exception: list[AuthenticationException] | None = None
    enforce_login: bool | None = None
    enforce_login_domains: str | None = None
    encryption_type: StrEnumOrStr[EncryptionType] | None = None
    allow_multiple_devices: bool | None = None
    show_share_button: bool | None = None
    private_meeting: bool | None = None
    internal_meeting: bool | None = None
    email_notification: bool | None = None
    email_in_attendee_report: bool | None = None
    focus_mode: bool | None = None
    participant_focused_meeting: bool | None = None
    host_save_video_order: bool | None = None
    device_testing: bool | None = None
    disable_participant_video: bool | None = None
    allow_host_control_participant_mute_state: bool | None = None
    push_change_to_calendar: bool | None = None
    calendar_type: OptionalInt = None
    contact_name: str | None = None
    contact_email: str | None = None
    cn_meeting: bool | None = None
    in_meeting: bool | None = None
    auto_start_meeting_summary: bool | None = None
    auto_start_ai_companion_questions: bool | None = None
    summary_template_id: str | None = None
    who_will_receive_summary: OptionalInt = None
    who_can_ask_questions: OptionalInt = None
    global_dial_in_countries: list[str] | None = None
    global_dial_in_numbers: list[GlobalDialInNumber] | None = None
    additional_data_center_regions: list[str] | None = None
    approved_or_denied_countries_or_regions: ApprovedOrDeniedCountriesOrRegions | None = None
    breakout_room: BreakoutRoomSettings | None = None
    continuous_meeting_chat: ContinuousMeetingChat | None = None
    custom_keys: list[CustomKey] | None = None
    language_interpretation: LanguageInterpretation | None = None
    sign_language_interpretation: SignLanguageInterpretation | None = None
    meeting_invitees: list[MeetingInvitee] | None = None
    question_and_answer: QuestionAndAnswer | None = None
    resources: list[MeetingResource] | None = None


class Recurrence(ZoomModel):
    """When a recurring meeting (type 3 or 8) repeats. ``weekly_days``: ``"1"`` is Sunday."""

    type: OptionalIntEnum[RecurrenceType] = None
    repeat_interval: OptionalInt = None
    weekly_days: str | None = None
    monthly_day: OptionalInt = None
    monthly_week: OptionalInt = None
    monthly_week_day: OptionalInt = None
    end_times: OptionalInt = None
    end_date_time: OptionalDatetime = None


class Occurrence(ZoomModel):
    """One occurrence of a recurring meeting; its id is what ``occurrence_id=`` takes."""

    occurrence_id: str | None = None
    start_time: OptionalDatetime = None
    duration: OptionalInt = None
    status: str | None = None


class TrackingField(ZoomModel):
    """A tracking field's label and value on a meeting."""

    field: str | None = None
    value: str | None = None
    visible: bool | None = None


Pmi = Annotated[OptionalInt64 | str, Field(union_mode="left_to_right")]
"""A personal meeting id: an int from Zoom's digit string; any other text is kept as it came."""


class MeetingListItem(ZoomModel):
    """A meeting as ``GET /users/{userId}/meetings`` lists it (``agenda`` cut to 250 chars).

    ``id`` is required: Zoom always sends it, and a meeting without one could not be used.
    Every other field is optional, as Zoom's schema marks nothing required.
    """

    id: Int64
    uuid: OptionalMeetingUUID = None
    host_id: str | None = None
    topic: str | None = None
    type: OptionalIntEnum[MeetingType] = None
    start_time: OptionalDatetime = None
    duration: OptionalInt = None
    timezone: str | None = None
    agenda: str | None = None
    created_at: OptionalDatetime = None
    join_url: str | None = None
    pmi: Pmi = None


class Meeting(ZoomModel):
    """A meeting as ``GET /meetings/{meetingId}`` and ``POST /users/{userId}/meetings`` return it.

    ``start_url`` lets anyone start the meeting as the host and expires (2 hours, or 90 days
    for custCreate hosts): fetch the meeting again for a fresh one rather than storing it.
    ``id`` is required: Zoom always sends it. Every other field is optional, as Zoom's schema
    marks nothing required.
    """

    id: Int64
    uuid: OptionalMeetingUUID = None
    host_id: str | None = None
    host_email: str | None = None
    assistant_id: str | None = None
    topic: str | None = None
    type: OptionalIntEnum[MeetingType] = None
    status: StrEnumOrStr[MeetingStatus] | None = None
    start_time: OptionalDatetime = None
    duration: OptionalInt = None
    timezone: str | None = None
    created_at: OptionalDatetime = None
    agenda: str | None = None
    join_url: str | None = None
    start_url: str | None = None
    registration_url: str | None = None
    chat_join_url: str | None = None
    password: str | None = None
    h323_password: str | None = None
    pstn_password: str | None = None
    encrypted_password: str | None = None
    dynamic_host_key: str | None = None
    pmi: Pmi = None
    pre_schedule: bool | None = None
    creation_source: str | None = None
    settings: MeetingSettings | None = None
    recurrence: Recurrence | None = None
    occurrences: list[Occurrence] | None = None
    tracking_fields: list[TrackingField] | None = None


class MeetingList(ZoomModel):
    """One page of ``GET /users/{userId}/meetings``. ``next_page_token`` is None on the last page.

    ``from_`` and ``to`` echo the date range filter when one was given (``from`` on the wire).
    """

    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    page_number: OptionalInt = None
    page_count: OptionalInt = None
    from_: Annotated[date | None, EmptyAsNone()] = Field(default=None, alias="from")
    to: Annotated[date | None, EmptyAsNone()] = None
    meetings: list[MeetingListItem] = Field(default_factory=list)


class MeetingStatusAction(StrEnum):
    """``PUT /meetings/{meetingId}/status``: end a running meeting, or recover a deleted one."""

    END = "end"
    RECOVER = "recover"


class MeetingStatusParams(RequestModel):
    """The body of ``PUT /meetings/{meetingId}/status``."""

    action: MeetingStatusAction


class UpcomingMeeting(ZoomModel):
    """A meeting as ``GET /users/{userId}/upcoming_meetings`` lists it (``id`` always there)."""

    id: Int64
    topic: str | None = None
    type: OptionalIntEnum[MeetingType] = None
    start_time: OptionalDatetime = None
    duration: OptionalInt = None
    timezone: str | None = None
    created_at: OptionalDatetime = None
    join_url: str | None = None
    passcode: str | None = None
    use_pmi: bool | None = None


class UpcomingMeetingList(ZoomModel):
    """``GET /users/{userId}/upcoming_meetings`` (not paginated)."""

    total_records: OptionalInt = None
    meetings: list[UpcomingMeeting] = Field(default_factory=list)
