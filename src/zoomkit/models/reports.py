"""Models of Zoom's report responses (``GET /report/...``).

Fields follow the Reports tag of the 2023 spec plus what the 2025 spec adds. Reports are where
Zoom's JSON drifts most from its schema: ``join_time`` arrives as ``12/22/2021 16:20``, numeric
user ids as strings, custom attributes as an object or a list. Time fields the spec types as
plain strings use :data:`DatetimeOrStr`, which parses what it can and keeps the rest as text.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from enum import IntEnum, StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from zoomkit.models._base import ZoomModel
from zoomkit.models._types import (
    EmptyAsNone,
    OptionalDatetime,
    OptionalInt,
    OptionalInt64,
    OptionalIntEnum,
    OptionalMeetingUUID,
    OptionalStr,
    StrEnumOrStr,
    parse_zoom_datetime,
)
from zoomkit.models.meetings import CustomKey, MeetingType, TrackingField
from zoomkit.models.users import UserCustomAttribute

__all__ = [
    "BillingInvoice",
    "BillingInvoiceList",
    "BillingReport",
    "BillingReportItem",
    "CloudRecordingStorage",
    "DatetimeOrStr",
    "HistoryMeeting",
    "HistoryMeetingFeatures",
    "MeetingActivityLog",
    "OperationLog",
    "OptionalDate",
    "ParticipantStatus",
    "QAAnswerType",
    "QAQuestionStatus",
    "ReportActivityList",
    "ReportCloudRecording",
    "ReportDaily",
    "ReportDailyDate",
    "ReportHistoryMeetingList",
    "ReportInstance",
    "ReportMeetingActivityList",
    "ReportMeetingEncryption",
    "ReportMeetingSurvey",
    "ReportMeetingsType",
    "ReportOperationLogList",
    "ReportParticipant",
    "ReportParticipantList",
    "ReportPollAnswer",
    "ReportPollQuestion",
    "ReportPolls",
    "ReportQA",
    "ReportQAAnswer",
    "ReportQADetail",
    "ReportQAQuestion",
    "ReportSurveyAnswer",
    "ReportSurveyAnswerDetail",
    "ReportTelephoneList",
    "ReportUpcomingEventList",
    "ReportUser",
    "ReportUserList",
    "ReportUserMeeting",
    "ReportUserMeetingList",
    "ReportUsersType",
    "ReportWebinarSurvey",
    "SignInActivity",
    "SignInType",
    "TelephonyUsage",
    "UpcomingEvent",
]

OptionalDate = Annotated[date | None, EmptyAsNone()]
"""An optional ``YYYY-MM-DD`` date; ``""`` is None."""

_ZOOM_CLOCK = re.compile(r"(\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d)(?::(\d\d))?")


def _datetime_or_text(value: str) -> datetime | str | None:
    """``MM/DD/YYYY HH:MM[:SS]`` (UTC) by regex, other Zoom formats, else the text itself.

    The regex path matters: reports carry this format on every row, and ``strptime`` costs
    tens of microseconds a value.
    """
    clock = _ZOOM_CLOCK.fullmatch(value)
    if clock is not None:
        month, day, year, hour, minute, second = (int(part or 0) for part in clock.groups())
        try:
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        except ValueError:  # 13/45/2021: not a date after all, keep the text
            return value
    try:
        return parse_zoom_datetime(value)
    except ValueError:
        return value


class _DatetimeOrText:
    """Core schema for :data:`DatetimeOrStr`: aware ISO 8601 in Rust, the rest in Python."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.nullable_schema(
            core_schema.union_schema(
                [
                    core_schema.datetime_schema(tz_constraint="aware"),
                    core_schema.no_info_after_validator_function(
                        _datetime_or_text, core_schema.str_schema()
                    ),
                ],
                mode="left_to_right",
            )
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return handler(core_schema.nullable_schema(core_schema.str_schema()))


DatetimeOrStr = Annotated[datetime | str | None, _DatetimeOrText()]
"""A time the spec types as a plain string: parsed when it is one (``12/22/2021 16:20``
included), else kept as the text Zoom sent, so an odd format never breaks a report."""


class ReportUsersType(StrEnum):
    """The ``type`` filter of ``GET /report/users``."""

    ACTIVE = "active"
    INACTIVE = "inactive"


class ReportMeetingsType(StrEnum):
    """The ``type`` filter of ``GET /report/users/{userId}/meetings``."""

    PAST = "past"
    PAST_ONE = "pastOne"
    PAST_JOINED = "pastJoined"


class ParticipantStatus(StrEnum):
    """Where a participant was when the record was made."""

    IN_MEETING = "in_meeting"
    IN_WAITING_ROOM = "in_waiting_room"


class SignInType(StrEnum):
    """Whether an activity record is a sign-in or a sign-out."""

    SIGN_IN = "Sign in"
    SIGN_OUT = "Sign out"


class QAQuestionStatus(StrEnum):
    """Where a Q&A question stands."""

    DEFAULT = "default"
    OPEN = "open"
    DISMISSED = "dismissed"
    ANSWERED = "answered"
    DELETED = "deleted"


class QAAnswerType(StrEnum):
    """How a Q&A question was answered or commented on."""

    DEFAULT = "default"
    HOST_ANSWERED_PUBLICLY = "host_answered_publicly"
    HOST_ANSWERED_PRIVATELY = "host_answered_privately"
    PARTICIPANT_COMMENTED = "participant_commented"
    HOST_ANSWERED = "host_answered"


class ReportMeetingEncryption(IntEnum):
    """``meeting_encryption_status`` of a user-meetings report record."""

    ENHANCED = 1
    END_TO_END = 2


def _as_list(value: Any) -> Any:
    # The 2023 spec documents custom_attributes as one object, the 2025 spec as a list.
    return [value] if isinstance(value, dict) else value


# --- daily usage --------------------------------------------------------------------------


class ReportDailyDate(ZoomModel):
    """Account usage on one day."""

    date: OptionalDate = None
    meeting_minutes: OptionalInt = None
    meetings: OptionalInt = None
    new_users: OptionalInt = None
    participants: OptionalInt = None


class ReportDaily(ZoomModel):
    """``GET /report/daily``: one row per day of the month."""

    year: OptionalInt = None
    month: OptionalInt = None
    dates: list[ReportDailyDate] = Field(default_factory=list)


# --- active / inactive hosts ----------------------------------------------------------------


class ReportUser(ZoomModel):
    """A host in the active or inactive hosts report, with its totals for the request's range."""

    id: str | None = None
    email: str | None = None
    user_name: str | None = None
    type: OptionalInt = None
    dept: str | None = None
    meetings: OptionalInt = None
    participants: OptionalInt = None
    meeting_minutes: OptionalInt = None
    custom_attributes: Annotated[list[UserCustomAttribute] | None, BeforeValidator(_as_list)] = None


class ReportUserList(ZoomModel):
    """One page of ``GET /report/users`` for one date window (``from_``/``to`` echo it)."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_count: OptionalInt = None
    page_number: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    total_meetings: OptionalInt = None
    total_participants: OptionalInt = None
    total_meeting_minutes: OptionalInt = None
    users: list[ReportUser] = Field(default_factory=list)


# --- a user's meetings ---------------------------------------------------------------------


class ReportUserMeeting(ZoomModel):
    """A meeting instance in ``GET /report/users/{userId}/meetings``.

    ``schedule_time``, ``join_time``, ``join_waiting_room_time`` and ``leave_time`` are often
    ``MM/DD/YYYY HH:MM`` on the wire; they are read as UTC datetimes.
    """

    uuid: OptionalMeetingUUID = None
    id: OptionalInt64 = None
    type: OptionalIntEnum[MeetingType] = None
    topic: str | None = None
    user_name: str | None = None
    user_email: str | None = None
    host_name: str | None = None
    host_organization: str | None = None
    start_time: OptionalDatetime = None
    end_time: OptionalDatetime = None
    duration: OptionalInt = None
    total_minutes: OptionalInt = None
    participants_count: OptionalInt = None
    participants_count_my_account: OptionalInt = None
    source: str | None = None
    session_key: str | None = None
    schedule_time: DatetimeOrStr = None
    join_waiting_room_time: DatetimeOrStr = None
    join_time: DatetimeOrStr = None
    leave_time: DatetimeOrStr = None
    has_screen_share: bool | None = None
    has_recording: bool | None = None
    has_chat: bool | None = None
    meeting_encryption_status: OptionalIntEnum[ReportMeetingEncryption] = None
    custom_keys: list[CustomKey] | None = None


class ReportUserMeetingList(ZoomModel):
    """One page of ``GET /report/users/{userId}/meetings`` for one date window."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_count: OptionalInt = None
    page_number: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    meetings: list[ReportUserMeeting] = Field(default_factory=list)


# --- one meeting or webinar instance -------------------------------------------------------


class ReportInstance(ZoomModel):
    """``GET /report/meetings/{meetingId}`` and ``GET /report/webinars/{webinarId}``."""

    uuid: OptionalMeetingUUID = None
    id: OptionalInt64 = None
    type: OptionalInt = None
    topic: str | None = None
    user_name: str | None = None
    user_email: str | None = None
    dept: str | None = None
    start_time: OptionalDatetime = None
    end_time: OptionalDatetime = None
    duration: OptionalInt = None
    total_minutes: OptionalInt = None
    participants_count: OptionalInt = None
    custom_keys: list[CustomKey] | None = None
    tracking_fields: list[TrackingField] | None = None


class ReportParticipant(ZoomModel):
    """One join of one participant (someone who rejoins has several records).

    ``id`` is the participant's user id when signed in to the account (empty for guests);
    ``user_id`` is the per-meeting participant id; ``duration`` is in seconds.
    """

    id: str | None = None
    user_id: str | None = None
    participant_user_id: str | None = None
    name: str | None = None
    user_email: str | None = None
    registrant_id: str | None = None
    customer_key: str | None = None
    join_time: OptionalDatetime = None
    leave_time: OptionalDatetime = None
    duration: OptionalInt = None
    failover: bool | None = None
    status: StrEnumOrStr[ParticipantStatus] | None = None
    bo_mtg_id: str | None = None


class ReportParticipantList(ZoomModel):
    """One page of a meeting's or webinar's participants report."""

    page_count: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    participants: list[ReportParticipant] = Field(default_factory=list)


class ReportPollAnswer(ZoomModel):
    """One answer to one poll question."""

    polling_id: str | None = None
    question: str | None = None
    answer: str | None = None
    date_time: DatetimeOrStr = None


class ReportPollQuestion(ZoomModel):
    """One participant's poll answers."""

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    question_details: list[ReportPollAnswer] | None = None


class ReportPolls(ZoomModel):
    """``GET /report/meetings/{meetingId}/polls`` (and the webinar one)."""

    id: OptionalInt64 = None
    uuid: OptionalMeetingUUID = None
    start_time: OptionalDatetime = None
    questions: list[ReportPollQuestion] = Field(default_factory=list)


class ReportQAAnswer(ZoomModel):
    """An answer or comment on a Q&A question."""

    user_id: str | None = None
    name: str | None = None
    email: str | None = None
    content: str | None = None
    create_time: DatetimeOrStr = None
    type: StrEnumOrStr[QAAnswerType] | None = None


class ReportQADetail(ZoomModel):
    """One question a participant asked, with its answers."""

    question_id: str | None = None
    question: str | None = None
    answer: str | None = None
    create_time: DatetimeOrStr = None
    question_status: StrEnumOrStr[QAQuestionStatus] | None = None
    answer_details: list[ReportQAAnswer] | None = None


class ReportQAQuestion(ZoomModel):
    """One participant's questions."""

    user_id: str | None = None
    name: str | None = None
    email: str | None = None
    question_details: list[ReportQADetail] | None = None


class ReportQA(ZoomModel):
    """``GET /report/meetings/{meetingId}/qa`` (and the webinar one)."""

    id: OptionalInt64 = None
    uuid: OptionalMeetingUUID = None
    start_time: OptionalDatetime = None
    questions: list[ReportQAQuestion] = Field(default_factory=list)


class ReportSurveyAnswerDetail(ZoomModel):
    """One answer to one survey question."""

    question_id: str | None = None
    question: str | None = None
    answer: str | None = None
    date_time: DatetimeOrStr = None


class ReportSurveyAnswer(ZoomModel):
    """One respondent's survey answers."""

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    answer_details: list[ReportSurveyAnswerDetail] | None = None


class ReportMeetingSurvey(ZoomModel):
    """``GET /report/meetings/{meetingId}/survey``."""

    meeting_id: OptionalInt64 = None
    meeting_uuid: OptionalMeetingUUID = None
    start_time: OptionalDatetime = None
    survey_id: str | None = None
    survey_name: str | None = None
    survey_answers: list[ReportSurveyAnswer] = Field(default_factory=list)


class ReportWebinarSurvey(ZoomModel):
    """``GET /report/webinars/{webinarId}/survey``."""

    webinar_id: OptionalInt64 = None
    webinar_uuid: OptionalMeetingUUID = None
    start_time: OptionalDatetime = None
    survey_id: str | None = None
    survey_name: str | None = None
    survey_answers: list[ReportSurveyAnswer] = Field(default_factory=list)


# --- account-wide reports ------------------------------------------------------------------


class CloudRecordingStorage(ZoomModel):
    """Cloud storage on one day; sizes are text as Zoom renders them (``"1.5 GB"``)."""

    date: OptionalDate = None
    usage: str | None = None
    plan_usage: str | None = None
    free_usage: str | None = None


class ReportCloudRecording(ZoomModel):
    """``GET /report/cloud_recording`` for one date window: one row per day."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    cloud_recording_storage: list[CloudRecordingStorage] = Field(default_factory=list)


class OperationLog(ZoomModel):
    """One admin action (``category_type`` such as ``user`` or ``account``)."""

    time: OptionalDatetime = None
    operator: str | None = None
    category_type: str | None = None
    action: str | None = None
    operation_detail: str | None = None


class ReportOperationLogList(ZoomModel):
    """One page of ``GET /report/operationlogs`` (Zoom sends no totals here)."""

    page_size: OptionalInt = None
    next_page_token: OptionalStr = None
    operation_logs: list[OperationLog] = Field(default_factory=list)


class SignInActivity(ZoomModel):
    """One sign-in or sign-out."""

    email: str | None = None
    time: OptionalDatetime = None
    type: StrEnumOrStr[SignInType] | None = None
    ip_address: str | None = None
    client_type: str | None = None
    version: str | None = None


class ReportActivityList(ZoomModel):
    """One page of ``GET /report/activities`` for one date window."""

    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    page_size: OptionalInt = None
    next_page_token: OptionalStr = None
    activity_logs: list[SignInActivity] = Field(default_factory=list)


class TelephonyUsage(ZoomModel):
    """One phone leg of a meeting (``type`` such as ``toll-free`` or ``call-out``)."""

    uuid: OptionalMeetingUUID = None
    meeting_id: OptionalInt64 = None
    meeting_type: str | None = None
    host_id: str | None = None
    host_name: str | None = None
    host_email: str | None = None
    dept: str | None = None
    type: str | None = None
    call_in_number: str | None = None
    signaled_number: str | None = None
    phone_number: str | None = None
    country_name: str | None = None
    start_time: OptionalDatetime = None
    end_time: OptionalDatetime = None
    duration: OptionalInt = None
    rate: float | None = None
    total: float | None = None


class ReportTelephoneList(ZoomModel):
    """One page of ``GET /report/telephone`` for one date window."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_count: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    telephony_usage: list[TelephonyUsage] = Field(default_factory=list)


class UpcomingEvent(ZoomModel):
    """A scheduled meeting or webinar (``id`` is its meeting or webinar id, as text)."""

    id: str | None = None
    topic: str | None = None
    start_time: DatetimeOrStr = None
    host_id: str | None = None
    host_name: str | None = None
    dept: str | None = None


class ReportUpcomingEventList(ZoomModel):
    """One page of ``GET /report/upcoming_events`` for one date window."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_size: OptionalInt = None
    next_page_token: OptionalStr = None
    upcoming_events: list[UpcomingEvent] = Field(default_factory=list)


class BillingReportItem(ZoomModel):
    """One billing period (``type`` 0: invoice, 1: credit note)."""

    id: str | None = None
    type: OptionalInt = None
    start_date: OptionalDate = None
    end_date: OptionalDate = None
    total_amount: str | None = None
    tax_amount: str | None = None


class BillingReport(ZoomModel):
    """``GET /report/billing``."""

    currency: str | None = None
    download_url: str | None = None
    billing_reports: list[BillingReportItem] = Field(default_factory=list)


class BillingInvoice(ZoomModel):
    """One charge of a billing period."""

    invoice_number: str | None = None
    invoice_charge_name: str | None = None
    quantity: OptionalInt = None
    start_date: OptionalDate = None
    end_date: OptionalDate = None
    total_amount: str | None = None
    tax_amount: str | None = None


class BillingInvoiceList(ZoomModel):
    """``GET /report/billing/invoices``."""

    currency: str | None = None
    invoices: list[BillingInvoice] = Field(default_factory=list)


class HistoryMeetingFeatures(ZoomModel):
    """Which features an instance used."""

    video_on: bool | None = None
    screen_sharing: bool | None = None
    in_meeting_chat: bool | None = None
    file_sharing: bool | None = None
    poll: bool | None = None
    meeting_questions: bool | None = None
    breakout_room: bool | None = None
    whiteboard: bool | None = None
    annotation: bool | None = None
    remote_control: bool | None = None
    raise_hand: bool | None = None
    reaction: bool | None = None
    waiting_room: bool | None = None
    registration: bool | None = None
    closed_caption: bool | None = None
    live_transcription: bool | None = None
    live_translation: bool | None = None
    language_interpretation: bool | None = None
    virtual_background: bool | None = None
    immersive_scene: bool | None = None
    avatar: bool | None = None
    zoom_apps: bool | None = None
    telephone_usage: bool | None = None
    join_by_room: bool | None = None
    switch_to_mobile: bool | None = None
    record_to_cloud: bool | None = None
    record_to_computer: bool | None = None
    smart_recording: bool | None = None
    meeting_summary: bool | None = None


class HistoryMeeting(ZoomModel):
    """A past meeting or webinar in ``GET /report/history_meetings`` (``type`` ``Meeting``)."""

    meeting_uuid: OptionalMeetingUUID = None
    meeting_id: OptionalInt64 = None
    type: str | None = None
    topic: str | None = None
    host_display_name: str | None = None
    host_email: str | None = None
    department: str | None = None
    group: list[str] | None = None
    source: str | None = None
    create_time: DatetimeOrStr = None
    start_time: DatetimeOrStr = None
    end_time: DatetimeOrStr = None
    duration: OptionalInt = None
    participants: OptionalInt = None
    total_participant_minutes: OptionalInt = None
    unique_viewers: OptionalInt = None
    max_concurrent_views: OptionalInt = None
    custom_fields: list[CustomKey] | None = None
    tracking_fields: list[TrackingField] | None = None
    feature_used: HistoryMeetingFeatures | None = None


class ReportHistoryMeetingList(ZoomModel):
    """One page of ``GET /report/history_meetings`` for one date window."""

    page_size: OptionalInt = None
    next_page_token: OptionalStr = None
    history_meetings: list[HistoryMeeting] = Field(default_factory=list)


class MeetingActivityLog(ZoomModel):
    """One in-meeting activity (``activity_category`` such as ``User Join``)."""

    meeting_number: str | None = None
    activity_time: DatetimeOrStr = None
    activity_category: str | None = None
    activity_detail: str | None = None
    operator: str | None = None
    operator_email: str | None = None


class ReportMeetingActivityList(ZoomModel):
    """One page of ``GET /report/meeting_activities`` for one date window."""

    page_size: int | float | None = None  # the spec says "number" here
    next_page_token: OptionalStr = None
    meeting_activity_logs: list[MeetingActivityLog] = Field(default_factory=list)
