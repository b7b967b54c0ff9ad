"""The smaller webinar objects: live stream, tokens, SIP dialing, invite links, templates and
tracking sources, with the request bodies that write them."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from zoomkit.models._base import RequestModel, ZoomModel
from zoomkit.models._types import OptionalInt

__all__ = [
    "WebinarInviteLinkParams",
    "WebinarInviteLinksParams",
    "WebinarLivestream",
    "WebinarLivestreamParams",
    "WebinarLivestreamSettingsParams",
    "WebinarLivestreamStatusParams",
    "WebinarSipDialingParams",
    "WebinarStatusParams",
    "WebinarTemplate",
    "WebinarTemplateList",
    "WebinarTemplateParams",
    "WebinarToken",
    "WebinarTrackingSource",
    "WebinarTrackingSources",
]


class WebinarLivestream(ZoomModel):
    """Where the webinar is streamed to (a custom live-streaming service)."""

    stream_url: str | None = None
    stream_key: str | None = None
    page_url: str | None = None
    resolution: str | None = None


class WebinarToken(ZoomModel):
    """``GET /webinars/{webinarId}/token``: the closed-caption URL a captioning service posts to."""

    token: str | None = None


class WebinarTemplate(ZoomModel):
    """A webinar template (``type`` 1 is the user's own, 2 an admin template)."""

    id: str | None = None
    name: str | None = None
    type: OptionalInt = None


class WebinarTemplateList(ZoomModel):
    """``GET /users/{userId}/webinar_templates`` (not paginated)."""

    total_records: OptionalInt = None
    templates: list[WebinarTemplate] = Field(default_factory=list)


class WebinarTrackingSource(ZoomModel):
    """A place the registration link was shared, with its visitors and registrations."""

    id: str | None = None
    source_name: str | None = None
    tracking_url: str | None = None
    visitor_count: OptionalInt = None
    registration_count: OptionalInt = None


class WebinarTrackingSources(ZoomModel):
    """``GET /webinars/{webinarId}/tracking_sources``."""

    total_records: OptionalInt = None
    tracking_sources: list[WebinarTrackingSource] = Field(default_factory=list)


class WebinarLivestreamParams(RequestModel):
    """The body of ``PATCH /webinars/{webinarId}/livestream``."""

    stream_url: Annotated[str, Field(min_length=1, max_length=1024)]
    stream_key: Annotated[str, Field(min_length=1, max_length=512)]
    page_url: Annotated[str, Field(min_length=1, max_length=1024)]
    resolution: str | None = None


class WebinarLivestreamSettingsParams(RequestModel):
    """Settings of a stopped live stream."""

    active_speaker_name: bool | None = None
    display_name: Annotated[str, Field(max_length=50)] | None = None


class WebinarLivestreamStatusParams(RequestModel):
    """The body of ``PATCH /webinars/{webinarId}/livestream/status``."""

    action: Literal["start", "stop"]
    settings: WebinarLivestreamSettingsParams | None = None


class WebinarInviteLinkParams(RequestModel):
    """An attendee to make a personal join link for."""

    name: Annotated[str, Field(min_length=1, max_length=64)]
    disable_video: bool | None = None
    disable_audio: bool | None = None


class WebinarInviteLinksParams(RequestModel):
    """The body of ``POST /webinars/{webinarId}/invite_links``: up to 500 attendees."""

    attendees: Annotated[list[WebinarInviteLinkParams], Field(min_length=1, max_length=500)]
    ttl: Annotated[int, Field(ge=0, le=7_776_000)] | None = None


class WebinarTemplateParams(RequestModel):
    """The body of ``POST /users/{userId}/webinar_templates``."""

    webinar_id: Annotated[int, Field(gt=0, lt=2**63)]
    name: Annotated[str, Field(min_length=1)]
    save_recurrence: bool | None = None
    overwrite: bool | None = None


class WebinarStatusParams(RequestModel):
    """The body of ``PUT /webinars/{webinarId}/status``: ``end`` is the only action."""

    action: Literal["end"]


class WebinarSipDialingParams(RequestModel):
    """The body of ``POST /webinars/{webinarId}/sip_dialing``."""

    passcode: str | None = None
