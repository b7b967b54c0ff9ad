"""Streaming a meeting to a custom live-streaming service (RTMP)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from zoomkit.models._base import RequestModel, ZoomModel

__all__ = [
    "LivestreamAction",
    "LivestreamParams",
    "LivestreamStatusParams",
    "LivestreamStatusSettings",
    "MeetingLivestream",
]


class LivestreamAction(StrEnum):
    """Start or stop the stream, or (``mode``) change its layout while it runs."""

    START = "start"
    STOP = "stop"
    MODE = "mode"


class MeetingLivestream(ZoomModel):
    """``GET /meetings/{meetingId}/livestream``: where the meeting streams to."""

    stream_url: str | None = None
    stream_key: str | None = None
    page_url: str | None = None
    resolution: str | None = None


class LivestreamParams(RequestModel):
    """The body of ``PATCH /meetings/{meetingId}/livestream``: all three URLs are required."""

    stream_url: Annotated[str, Field(min_length=1, max_length=1024)]
    stream_key: Annotated[str, Field(min_length=1, max_length=512)]
    page_url: Annotated[str, Field(min_length=1, max_length=1024)]
    resolution: str | None = None


class LivestreamStatusSettings(RequestModel):
    """How the stream looks: the speaker's name on screen, layout and captions."""

    active_speaker_name: bool | None = None
    display_name: Annotated[str, Field(max_length=50)] | None = None
    layout: str | None = None
    close_caption: str | None = None


class LivestreamStatusParams(RequestModel):
    """The body of ``PATCH /meetings/{meetingId}/livestream/status``."""

    action: LivestreamAction
    settings: LivestreamStatusSettings | None = None
