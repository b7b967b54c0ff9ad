"""Ways into a meeting: the invitation text, invite links, join tokens and SIP dialing."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from zoomkit.models._base import RequestModel, ZoomModel
from zoomkit.models._types import OptionalInt, OptionalInt64

__all__ = [
    "InviteLink",
    "InviteLinkAttendeeParams",
    "InviteLinks",
    "InviteLinksParams",
    "JoinToken",
    "MeetingInvitation",
    "MeetingToken",
    "SipDialing",
]

MAX_INVITE_LINK_TTL = 7_776_000
"""Invite links live at most 90 days (in seconds); Zoom's default is 7,200 (two hours)."""


class MeetingInvitation(ZoomModel):
    """``GET /meetings/{meetingId}/invitation``: the text Zoom puts in invitation emails."""

    invitation: str | None = None
    sip_links: list[str] | None = None


class MeetingToken(ZoomModel):
    """``GET /meetings/{meetingId}/token``: a closed-caption (CC API) token."""

    token: str | None = None


class JoinToken(ZoomModel):
    """A short-lived token (``expire_in`` seconds) for a live-streaming, archiving or
    local-recording bot to join."""

    token: str | None = None
    expire_in: OptionalInt64 = None


class InviteLink(ZoomModel):
    """A personal join link for one attendee."""

    name: str | None = None
    join_url: str | None = None


class InviteLinks(ZoomModel):
    """``POST /meetings/{meetingId}/invite_links``."""

    attendees: list[InviteLink] = Field(default_factory=list)


class SipDialing(ZoomModel):
    """``POST /meetings/{meetingId}/sip_dialing``: the encoded SIP URI to dial in with."""

    sip_dialing: str | None = None
    paid_crc_plan_participant: bool | None = None
    participant_identifier_code: str | None = None
    expire_in: OptionalInt = None


class InviteLinkAttendeeParams(RequestModel):
    """Someone to make a link for; their ``name`` shows in the meeting."""

    name: Annotated[str, Field(min_length=1, max_length=64)]
    disable_video: bool | None = None
    disable_audio: bool | None = None


class InviteLinksParams(RequestModel):
    """The body of ``POST /meetings/{meetingId}/invite_links``."""

    attendees: Annotated[list[InviteLinkAttendeeParams], Field(min_length=1)]
    ttl: Annotated[int, Field(ge=0, le=MAX_INVITE_LINK_TTL)] | None = None
