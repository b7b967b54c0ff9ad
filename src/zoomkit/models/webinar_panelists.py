"""Webinar panelists, read and written."""

from __future__ import annotations

from typing import Annotated, Final

from pydantic import Field

from zoomkit.models._base import RequestModel, ZoomModel
from zoomkit.models._types import OptionalDatetime, OptionalInt
from zoomkit.models.webinar_registrants import Email

__all__ = [
    "PANELIST_LIMIT",
    "WebinarPanelist",
    "WebinarPanelistList",
    "WebinarPanelistParams",
    "WebinarPanelistsAdded",
    "WebinarPanelistsParams",
]

PANELIST_LIMIT: Final = 30
"""Zoom takes at most 30 panelists per request."""


class WebinarPanelist(ZoomModel):
    """A panelist; ``join_url`` is their own link, ``id`` names them to ``panelists.delete``."""

    id: str | None = None
    email: str | None = None
    name: str | None = None
    join_url: str | None = None
    virtual_background_id: str | None = None
    name_tag_id: str | None = None
    name_tag_name: str | None = None
    name_tag_pronouns: str | None = None
    name_tag_description: str | None = None


class WebinarPanelistList(ZoomModel):
    """``GET /webinars/{webinarId}/panelists``: every panelist (not paginated)."""

    total_records: OptionalInt = None
    panelists: list[WebinarPanelist] = Field(default_factory=list)


class WebinarPanelistsAdded(ZoomModel):
    """What ``POST /webinars/{webinarId}/panelists`` answers: the webinar's id and a time."""

    id: str | None = None
    updated_at: OptionalDatetime = None


class WebinarPanelistParams(RequestModel):
    """A panelist to add: a name (shown in the webinar) and an email (their invitation)."""

    name: Annotated[str, Field(min_length=1)]
    email: Email
    virtual_background_id: str | None = None
    name_tag_id: str | None = None
    name_tag_name: str | None = None
    name_tag_pronouns: str | None = None
    name_tag_description: str | None = None


class WebinarPanelistsParams(RequestModel):
    """The body of ``POST /webinars/{webinarId}/panelists``: 1 to 30 panelists."""

    panelists: Annotated[
        list[WebinarPanelistParams], Field(min_length=1, max_length=PANELIST_LIMIT)
    ]
