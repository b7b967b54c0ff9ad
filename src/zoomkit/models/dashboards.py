"""Models of Zoom's dashboard responses (``GET /metrics/...``).

Fields follow the Dashboards tag of the 2023 spec. Dashboards report quality as words
(``good`` ... ``bad``, or ``""`` when unknown), QoS figures as text with units (``"20 kbps"``),
and durations as text (``"01:02:03"``), so those stay strings; unknown enum values are kept.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from zoomkit.models._base import ZoomModel
from zoomkit.models._types import (
    OptionalDatetime,
    OptionalInt,
    OptionalInt64,
    OptionalMeetingUUID,
    OptionalStr,
    StrEnumOrStr,
)
from zoomkit.models.meetings import CustomKey, TrackingField
from zoomkit.models.reports import DatetimeOrStr, OptionalDate, ParticipantStatus

__all__ = [
    "ChatUserMetrics",
    "ClientFeedback",
    "ClientFeedbackDetail",
    "ClientSatisfaction",
    "ClientVersion",
    "CrcHourUsage",
    "CrcPortsUsage",
    "DashboardChatList",
    "DashboardClientFeedbackDetailList",
    "DashboardClientFeedbackList",
    "DashboardClientSatisfactionList",
    "DashboardClientVersionList",
    "DashboardCRC",
    "DashboardIMList",
    "DashboardIssueZoomRoomList",
    "DashboardMeeting",
    "DashboardMeetingList",
    "DashboardMeetingType",
    "DashboardParticipant",
    "DashboardParticipantList",
    "DashboardQuality",
    "DashboardQualityType",
    "DashboardWebinar",
    "DashboardWebinarList",
    "DashboardZoomRoom",
    "DashboardZoomRoomIssueList",
    "DashboardZoomRoomList",
    "FeedbackQuality",
    "IMUserMetrics",
    "IssueZoomRoom",
    "ParticipantDevice",
    "ParticipantFeedback",
    "ParticipantFeedbackList",
    "ParticipantQos",
    "ParticipantQosList",
    "ParticipantRole",
    "ParticipantSharing",
    "ParticipantSharingList",
    "QosCpuUsage",
    "QosMetrics",
    "QualityCounts",
    "QualityRating",
    "QualitySummary",
    "SharingDetail",
    "UserQos",
    "ZoomRoom",
    "ZoomRoomIssue",
    "ZoomRoomIssueDetail",
    "ZoomRoomIssueDetailList",
    "ZoomRoomPastMeetings",
]


class DashboardMeetingType(StrEnum):
    """The ``type`` filter of dashboard lists and details. Zoom's default is ``live``."""

    PAST = "past"
    PAST_ONE = "pastOne"
    LIVE = "live"


class DashboardQualityType(StrEnum):
    """The ``type`` filter of ``GET /metrics/quality``: count meetings or participants."""

    MEETING = "meeting"
    PARTICIPANTS = "participants"


class QualityRating(StrEnum):
    """Audio, video or screen-share quality as the dashboard rates it."""

    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"
    BAD = "bad"


class ParticipantDevice(StrEnum):
    """The kind of client a participant joined from."""

    PHONE = "Phone"
    H323_SIP = "H.323/SIP"
    WINDOWS = "Windows"
    MAC = "Mac"
    IOS = "iOS"
    ANDROID = "Android"


class ParticipantRole(StrEnum):
    """A participant's role (``panelist`` in webinars only)."""

    HOST = "host"
    ATTENDEE = "attendee"
    PANELIST = "panelist"


class FeedbackQuality(StrEnum):
    """A participant's thumbs up (``GOOD``) or down (``NOT GOOD``) after the meeting."""

    GOOD = "GOOD"
    NOT_GOOD = "NOT GOOD"


# --- meetings and webinars ---------------------------------------------------------------


class _DashboardInstance(ZoomModel):
    """Fields a meeting and a webinar share on the dashboard."""

    uuid: OptionalMeetingUUID = None
    id: OptionalInt64 = None
    topic: str | None = None
    host: str | None = None
    email: str | None = None
    user_type: str | None = None
    dept: str | None = None
    start_time: OptionalDatetime = None
    end_time: OptionalDatetime = None
    duration: str | None = None
    participants: OptionalInt = None
    has_pstn: bool | None = None
    has_voip: bool | None = None
    has_3rd_party_audio: bool | None = None
    has_video: bool | None = None
    has_screen_share: bool | None = None
    has_recording: bool | None = None
    has_sip: bool | None = None
    has_archiving: bool | None = None
    has_manual_captions: bool | None = None
    has_automated_captions: bool | None = None
    audio_quality: StrEnumOrStr[QualityRating] | None = None
    video_quality: StrEnumOrStr[QualityRating] | None = None
    screen_share_quality: StrEnumOrStr[QualityRating] | None = None
    custom_keys: list[CustomKey] | None = None
    tracking_fields: list[TrackingField] | None = None


class DashboardMeeting(_DashboardInstance):
    """A live or past meeting instance on the dashboard (``duration`` is text, ``"HH:MM:SS"``)."""

    in_room_participants: OptionalInt = None


class DashboardWebinar(_DashboardInstance):
    """A live or past webinar instance on the dashboard."""


class DashboardMeetingList(ZoomModel):
    """One page of ``GET /metrics/meetings`` for one date window."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_count: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    meetings: list[DashboardMeeting] = Field(default_factory=list)


class DashboardWebinarList(ZoomModel):
    """One page of ``GET /metrics/webinars`` for one date window."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_count: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    webinars: list[DashboardWebinar] = Field(default_factory=list)


class DashboardParticipant(ZoomModel):
    """A participant of a meeting or webinar with device, network and quality details."""

    id: str | None = None
    user_id: str | None = None
    participant_user_id: str | None = None
    user_name: str | None = None
    email: str | None = None
    registrant_id: str | None = None
    customer_key: str | None = None
    role: StrEnumOrStr[ParticipantRole] | None = None
    status: StrEnumOrStr[ParticipantStatus] | None = None
    device: StrEnumOrStr[ParticipantDevice] | None = None
    version: str | None = None
    ip_address: str | None = None
    location: str | None = None
    network_type: str | None = None
    connection_type: str | None = None
    data_center: str | None = None
    full_data_center: str | None = None
    domain: str | None = None
    pc_name: str | None = None
    mac_addr: str | None = None
    harddisk_id: str | None = None
    microphone: str | None = None
    speaker: str | None = None
    camera: str | None = None
    join_time: OptionalDatetime = None
    leave_time: OptionalDatetime = None
    leave_reason: str | None = None
    share_application: bool | None = None
    share_desktop: bool | None = None
    share_whiteboard: bool | None = None
    recording: bool | None = None
    in_room_participants: OptionalInt = None
    audio_quality: StrEnumOrStr[QualityRating] | None = None
    video_quality: StrEnumOrStr[QualityRating] | None = None
    screen_share_quality: StrEnumOrStr[QualityRating] | None = None
    sip_uri: str | None = None
    from_sip_uri: str | None = None
    bo_mtg_id: str | None = None


class DashboardParticipantList(ZoomModel):
    """One page of a meeting's or webinar's dashboard participants."""

    page_count: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    participants: list[DashboardParticipant] = Field(default_factory=list)


class QosMetrics(ZoomModel):
    """One stream's quality; values are text with units (``"27 kbps"``, ``"0.1%"``)."""

    bitrate: str | None = None
    latency: str | None = None
    jitter: str | None = None
    avg_loss: str | None = None
    max_loss: str | None = None
    resolution: str | None = None
    frame_rate: str | None = None


class QosCpuUsage(ZoomModel):
    """CPU use of the Zoom client and the whole machine, as text (``"12%"``)."""

    zoom_min_cpu_usage: str | None = None
    zoom_avg_cpu_usage: str | None = None
    zoom_max_cpu_usage: str | None = None
    system_max_cpu_usage: str | None = None


class UserQos(ZoomModel):
    """One QoS sample of one participant."""

    date_time: OptionalDatetime = None
    audio_input: QosMetrics | None = None
    audio_output: QosMetrics | None = None
    video_input: QosMetrics | None = None
    video_output: QosMetrics | None = None
    as_input: QosMetrics | None = None
    as_output: QosMetrics | None = None
    audio_device_from_crc: QosMetrics | None = None
    audio_device_to_crc: QosMetrics | None = None
    video_device_from_crc: QosMetrics | None = None
    video_device_to_crc: QosMetrics | None = None
    as_device_from_crc: QosMetrics | None = None
    as_device_to_crc: QosMetrics | None = None
    cpu_usage: QosCpuUsage | None = None


class ParticipantQos(ZoomModel):
    """A participant's QoS samples over the meeting."""

    id: str | None = None
    user_id: str | None = None
    user_name: str | None = None
    device: StrEnumOrStr[ParticipantDevice] | None = None
    version: str | None = None
    ip_address: str | None = None
    location: str | None = None
    domain: str | None = None
    pc_name: str | None = None
    mac_addr: str | None = None
    harddisk_id: str | None = None
    join_time: OptionalDatetime = None
    leave_time: OptionalDatetime = None
    user_qos: list[UserQos] | None = None


class ParticipantQosList(ZoomModel):
    """One page of participants' QoS (Zoom pages these by at most 10)."""

    page_count: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    participants: list[ParticipantQos] = Field(default_factory=list)


class SharingDetail(ZoomModel):
    """One share: ``content`` such as ``desktop`` or ``application``, times of day as text."""

    content: str | None = None
    start_time: DatetimeOrStr = None
    end_time: DatetimeOrStr = None


class ParticipantSharing(ZoomModel):
    """What one participant shared or recorded."""

    id: str | None = None
    user_id: str | None = None
    user_name: str | None = None
    details: list[SharingDetail] | None = None


class ParticipantSharingList(ZoomModel):
    """One page of ``.../participants/sharing``."""

    page_count: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    participants: list[ParticipantSharing] = Field(default_factory=list)


class ParticipantFeedback(ZoomModel):
    """A participant's end-of-meeting feedback."""

    user_id: str | None = None
    email: str | None = None
    date_time: OptionalDatetime = None
    quality: StrEnumOrStr[FeedbackQuality] | None = None
    comment: str | None = None


class ParticipantFeedbackList(ZoomModel):
    """One page of ``.../participants/satisfaction`` (Zoom sends no totals here)."""

    page_size: OptionalInt = None
    next_page_token: OptionalStr = None
    participants: list[ParticipantFeedback] = Field(default_factory=list)


# --- Zoom Rooms ------------------------------------------------------------------------------


class ZoomRoom(ZoomModel):
    """A Zoom Room and its health (``calender_name`` is Zoom's spelling)."""

    id: str | None = None
    room_name: str | None = None
    email: str | None = None
    account_type: str | None = None
    calender_name: str | None = None
    status: str | None = None
    health: str | None = None
    issues: list[str] | None = None
    device_ip: str | None = None
    camera: str | None = None
    microphone: str | None = None
    speaker: str | None = None
    location: str | None = None
    location_id: str | None = None
    last_start_time: DatetimeOrStr = None


class DashboardZoomRoomList(ZoomModel):
    """One page of ``GET /metrics/zoomrooms``."""

    page_count: OptionalInt = None
    page_number: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    zoom_rooms: list[ZoomRoom] = Field(default_factory=list)


class ZoomRoomPastMeetings(ZoomModel):
    """The meetings a room held in the request's date range (one page)."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_count: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    meetings: list[DashboardMeeting] = Field(default_factory=list)


class DashboardZoomRoom(ZoomRoom):
    """``GET /metrics/zoomrooms/{zoomroomId}``: the room, its live meeting and past ones."""

    live_meeting: DashboardMeeting | None = None
    past_meetings: ZoomRoomPastMeetings | None = None


class ZoomRoomIssue(ZoomModel):
    """An issue and how many rooms had it."""

    issue_name: str | None = None
    zoom_rooms_count: OptionalInt = None


class DashboardZoomRoomIssueList(ZoomModel):
    """``GET /metrics/zoomrooms/issues``: the top issues over the date range."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    total_records: OptionalInt = None
    issues: list[ZoomRoomIssue] = Field(default_factory=list)


class IssueZoomRoom(ZoomModel):
    """A room and how many issues it had."""

    id: str | None = None
    room_name: str | None = None
    issues_count: OptionalInt = None


class DashboardIssueZoomRoomList(ZoomModel):
    """``GET /metrics/issues/zoomrooms``: the rooms with the most issues over the range."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    total_records: OptionalInt = None
    zoom_rooms: list[IssueZoomRoom] = Field(default_factory=list)


class ZoomRoomIssueDetail(ZoomModel):
    """One issue of one room, when it happened."""

    issue: str | None = None
    time: OptionalDatetime = None


class ZoomRoomIssueDetailList(ZoomModel):
    """One page of ``GET /metrics/issues/zoomrooms/{zoomroomId}`` for one date window."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_count: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    issue_details: list[ZoomRoomIssueDetail] = Field(default_factory=list)


# --- chat, CRC and clients ------------------------------------------------------------------


class ChatUserMetrics(ZoomModel):
    """What one user sent in Team Chat over the request's window."""

    user_id: str | None = None
    user_name: str | None = None
    email: str | None = None
    total_sent: OptionalInt = None
    text_sent: OptionalInt = None
    p2p_sent: OptionalInt = None
    group_sent: OptionalInt = None
    audio_sent: OptionalInt = None
    video_sent: OptionalInt = None
    images_sent: OptionalInt = None
    files_sent: OptionalInt = None
    giphys_sent: OptionalInt = None
    code_sippet_sent: OptionalInt = None


class DashboardChatList(ZoomModel):
    """One page of ``GET /metrics/chat`` for one date window."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_size: OptionalInt = None
    next_page_token: OptionalStr = None
    users: list[ChatUserMetrics] = Field(default_factory=list)


class IMUserMetrics(ZoomModel):
    """What one user sent and received over legacy IM in the request's window."""

    user_id: str | None = None
    user_name: str | None = None
    email: str | None = None
    total_send: OptionalInt = None
    total_receive: OptionalInt = None
    group_send: OptionalInt = None
    group_receive: OptionalInt = None
    calls_send: OptionalInt = None
    calls_receive: OptionalInt = None
    files_send: OptionalInt = None
    files_receive: OptionalInt = None
    images_send: OptionalInt = None
    images_receive: OptionalInt = None
    voice_send: OptionalInt = None
    voice_receive: OptionalInt = None
    videos_send: OptionalInt = None
    videos_receive: OptionalInt = None
    emoji_send: OptionalInt = None
    emoji_receive: OptionalInt = None


class DashboardIMList(ZoomModel):
    """One page of ``GET /metrics/im`` for one date window."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_count: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    users: list[IMUserMetrics] = Field(default_factory=list)


class CrcHourUsage(ZoomModel):
    """Cloud Room Connector ports in use during one hour."""

    hour: str | None = None
    max_usage: OptionalInt = None
    total_usage: OptionalInt = None


class CrcPortsUsage(ZoomModel):
    """CRC port usage on one day, hour by hour."""

    date_time: OptionalDate = None
    crc_ports_hour_usage: list[CrcHourUsage] | None = None


class DashboardCRC(ZoomModel):
    """``GET /metrics/crc`` for one date window: one row per day."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    crc_ports_usage: list[CrcPortsUsage] = Field(default_factory=list)


class ClientFeedback(ZoomModel):
    """A feedback reason and how many participants gave it."""

    feedback_id: str | None = None
    feedback_name: str | None = None
    participants_count: OptionalInt = None


class DashboardClientFeedbackList(ZoomModel):
    """``GET /metrics/client/feedback`` over the date range."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    total_records: OptionalInt = None
    client_feedbacks: list[ClientFeedback] = Field(default_factory=list)


class ClientFeedbackDetail(ZoomModel):
    """One participant who gave one feedback reason."""

    participant_name: str | None = None
    email: str | None = None
    meeting_id: str | None = None
    time: OptionalDatetime = None


class DashboardClientFeedbackDetailList(ZoomModel):
    """One page of ``GET /metrics/client/feedback/{feedbackId}`` for one date window."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    page_size: OptionalInt = None
    next_page_token: OptionalStr = None
    client_feedback_details: list[ClientFeedbackDetail] = Field(default_factory=list)


class ClientSatisfaction(ZoomModel):
    """Thumbs up and down on one day."""

    date: OptionalDate = None
    good_count: OptionalInt = None
    not_good_count: OptionalInt = None
    none_count: OptionalInt = None
    satisfaction_percent: float | None = None


class DashboardClientSatisfactionList(ZoomModel):
    """``GET /metrics/client/satisfaction`` for one date window: one row per day."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    total_records: OptionalInt = None
    client_satisfaction: list[ClientSatisfaction] = Field(default_factory=list)


class ClientVersion(ZoomModel):
    """A Zoom client version and how many clients run it."""

    client_version: str | None = None
    total_count: OptionalInt = None


class DashboardClientVersionList(ZoomModel):
    """``GET /metrics/client_versions``."""

    client_versions: list[ClientVersion] = Field(default_factory=list)


class QualityCounts(ZoomModel):
    """How many meetings (or participants) had each quality."""

    good: OptionalInt = None
    fair: OptionalInt = None
    poor: OptionalInt = None
    bad: OptionalInt = None


class QualitySummary(ZoomModel):
    """Quality counts per medium."""

    audio: QualityCounts | None = None
    video: QualityCounts | None = None
    screen_share: QualityCounts | None = None


class DashboardQuality(ZoomModel):
    """``GET /metrics/quality`` over the date range."""

    from_: OptionalDate = Field(default=None, alias="from")
    to: OptionalDate = None
    quality: QualitySummary | None = None
