"""Models of Zoom's webinar object as responses carry it.

Fields follow the Webinars spec (the 2023 file, plus what the 2025 file adds). Every field is
optional: Zoom leaves fields out by webinar type, plan and account settings, and its schema marks
none as required. The pieces a webinar shares with a meeting (recurrence, occurrences, tracking
fields, interpretation) are the meeting models, so code handling both reads one shape.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from pydantic import Field

from zoomkit.models._base import ZoomModel
from zoomkit.models._types import (
    Int64,
    OptionalDatetime,
    OptionalInt,
    OptionalIntEnum,
    OptionalMeetingUUID,
    OptionalStr,
    StrEnumOrStr,
)
from zoomkit.models.meetings import (
    ApprovalType,
    AudioType,
    AutoRecording,
    LanguageInterpretation,
    Occurrence,
    Recurrence,
    RegistrationType,
    SignLanguageInterpretation,
    TrackingField,
)

__all__ = [
    "Webinar",
    "WebinarCreationSource",
    "WebinarEmailNotification",
    "WebinarList",
    "WebinarListItem",
    "WebinarListType",
    "WebinarQuestionAndAnswer",
    "WebinarSettings",
    "WebinarType",
]


class WebinarType(IntEnum):
    """A webinar's type."""

    WEBINAR = 5
    RECURRING_NO_FIXED_TIME = 6
    RECURRING_FIXED_TIME = 9


class WebinarListType(StrEnum):
    """The ``type`` filter of ``GET /users/{userId}/webinars``."""

    SCHEDULED = "scheduled"
    UPCOMING = "upcoming"


class WebinarCreationSource(StrEnum):
    """Where the webinar was scheduled."""

    OTHER = "other"
    OPEN_API = "open_api"
    WEB_PORTAL = "web_portal"


class WebinarEmailNotification(ZoomModel):
    """A reminder or follow-up email: whether it is sent and when (``type``, 0 is never)."""

    enable: bool | None = None
    type: OptionalInt = None


class WebinarQuestionAndAnswer(ZoomModel):
    """Webinar Q&A settings (``answer_questions`` is ``only`` or ``all``)."""

    enable: bool | None = None
    allow_submit_questions: bool | None = None
    allow_anonymous_questions: bool | None = None
    answer_questions: str | None = None
    attendees_can_comment: bool | None = None
    attendees_can_upvote: bool | None = None
    allow_auto_reply: bool | None = None
    auto_reply_text: str | None = None


class WebinarSettings(ZoomModel):
    """A webinar's settings. Enum-like fields keep values Zoom adds after this release."""

    host_video: bool | None = None
    panelists_video: bool | None = None
    practice_session: bool | None = None
    hd_video: bool | None = None
    hd_video_for_attendees: bool | None = None
    send_1080p_video_to_attendees: bool | None = None
    approval_type: OptionalIntEnum[ApprovalType] = None
    registration_type: OptionalIntEnum[RegistrationType] = None
    audio: StrEnumOrStr[AudioType] | None = None
    audio_conference_info: str | None = None
    auto_recording: StrEnumOrStr[AutoRecording] | None = None
    enforce_login: bool | None = None
    enforce_login_domains: str | None = None
    alternative_hosts: str | None = None
    alternative_host_update_polls: bool | None = None
    close_registration: bool | None = None
    show_share_button: bool | None = None
    allow_multiple_devices: bool | None = None
    on_demand: bool | None = None
    global_dial_in_countries: list[str] | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    registrants_restrict_number: OptionalInt = None
    registrants_confirmation_email: bool | None = None
    registrants_email_notification: bool | None = None
    notify_registrants: bool | None = None
    post_webinar_survey: bool | None = None
    survey_url: str | None = None
    meeting_authentication: bool | None = None
    panelist_authentication: bool | None = None
    authentication_option: str | None = None
    authentication_name: str | None = None
    authentication_domains: str | None = None
    panelists_invitation_email_notification: bool | None = None
    attendees_and_panelists_reminder_email_notification: WebinarEmailNotification | None = None
    follow_up_attendees_email_notification: WebinarEmailNotification | None = None
    follow_up_absentees_email_notification: WebinarEmailNotification | None = None
    email_language: str | None = None
    email_in_attendee_report: bool | None = None
    add_watermark: bool | None = None
    add_audio_watermark: bool | None = None
    enable_session_branding: bool | None = None
    allow_host_control_participant_mute_state: bool | None = None
    question_and_answer: WebinarQuestionAndAnswer | None = None
    language_interpretation: LanguageInterpretation | None = None
    sign_language_interpretation: SignLanguageInterpretation | None = None


class Webinar(ZoomModel):
    """A webinar as ``GET /webinars/{webinarId}`` and ``POST /users/{userId}/webinars`` return it.

    ``start_url`` lets anyone start the webinar as the host and expires: fetch the webinar
    again for a fresh one rather than storing it. ``id`` is required: Zoom always sends it.
    """

    id: Int64
    uuid: OptionalMeetingUUID = None
    host_id: str | None = None
    host_email: str | None = None
    topic: str | None = None
    type: OptionalIntEnum[WebinarType] = None
    start_time: OptionalDatetime = None
    duration: OptionalInt = None
    timezone: str | None = None
    agenda: str | None = None
    created_at: OptionalDatetime = None
    join_url: str | None = None
    start_url: str | None = None
    password: str | None = None
    h323_passcode: str | None = None
    encrypted_passcode: str | None = None
    template_id: str | None = None
    registrants_confirmation_email: bool | None = None
    is_simulive: bool | None = None
    record_file_id: str | None = None
    transition_to_live: bool | None = None
    creation_source: StrEnumOrStr[WebinarCreationSource] | None = None
    settings: WebinarSettings | None = None
    recurrence: Recurrence | None = None
    occurrences: list[Occurrence] | None = None
    tracking_fields: list[TrackingField] | None = None


class WebinarListItem(ZoomModel):
    """A webinar as ``GET /users/{userId}/webinars`` lists it (``agenda`` cut to 250 chars;
    ``id`` always there)."""

    id: Int64
    uuid: OptionalMeetingUUID = None
    host_id: str | None = None
    topic: str | None = None
    type: OptionalIntEnum[WebinarType] = None
    start_time: OptionalDatetime = None
    duration: OptionalInt = None
    timezone: str | None = None
    agenda: str | None = None
    created_at: OptionalDatetime = None
    join_url: str | None = None
    is_simulive: bool | None = None


class WebinarList(ZoomModel):
    """One page of ``GET /users/{userId}/webinars``."""

    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    page_number: OptionalInt = None
    page_count: OptionalInt = None
    webinars: list[WebinarListItem] = Field(default_factory=list)
