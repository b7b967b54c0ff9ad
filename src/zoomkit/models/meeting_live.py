"""Meetings in progress: in-meeting controls, chat moderation, RTMS, and auto-open apps."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from zoomkit.models._base import RequestModel, ZoomModel
from zoomkit.models._types import OptionalDatetime, OptionalInt64

__all__ = [
    "ChatMessageParams",
    "InMeetingControlParams",
    "InMeetingMethod",
    "MeetingOpenApp",
    "RtmsAction",
    "RtmsStatusParams",
    "RtmsStatusSettings",
]


class InMeetingMethod(StrEnum):
    """What ``PATCH /live_meetings/{meetingId}/events`` does."""

    RECORDING_START = "recording.start"
    RECORDING_STOP = "recording.stop"
    RECORDING_PAUSE = "recording.pause"
    RECORDING_RESUME = "recording.resume"
    PARTICIPANT_INVITE = "participant.invite"
    PARTICIPANT_INVITE_CALLOUT = "participant.invite.callout"
    PARTICIPANT_INVITE_ROOM_SYSTEM_CALLOUT = "participant.invite.room_system_callout"
    WAITING_ROOM_UPDATE = "waiting_room.update"


class RtmsAction(StrEnum):
    """Start or stop a participant's Real-Time Media Streams app."""

    START = "start"
    STOP = "stop"


class MeetingOpenApp(ZoomModel):
    """``POST /meetings/{meetingId}/open_apps``: the app set to open when the meeting starts."""

    id: OptionalInt64 = None
    app_id: str | None = None
    start_time: OptionalDatetime = None


class InMeetingControlParams(RequestModel):
    """The body of ``PATCH /live_meetings/{meetingId}/events``.

    ``params`` depends on ``method`` (contacts to invite, a phone number to call out, SIP or
    H.323 headers, the waiting room's title) and is passed as Zoom documents it.
    """

    method: InMeetingMethod
    params: dict[str, object] | None = None


class ChatMessageParams(RequestModel):
    """The body of ``PATCH /live_meetings/{meetingId}/chat/messages/{messageId}``."""

    message_content: Annotated[str, Field(min_length=1)]


class RtmsStatusSettings(RequestModel):
    """Which app (``client_id``) and, optionally, whose (``participant_user_id``)."""

    client_id: Annotated[str, Field(min_length=1)]
    participant_user_id: str | None = None


class RtmsStatusParams(RequestModel):
    """The body of ``PATCH /live_meetings/{meetingId}/rtms_app/status``."""

    action: RtmsAction
    settings: RtmsStatusSettings
