"""Webinar session branding: wallpaper, virtual backgrounds and name tags."""

from __future__ import annotations

import re
from typing import Annotated, Final

from pydantic import AfterValidator, BeforeValidator, Field

from zoomkit.models._base import RequestModel, ZoomModel
from zoomkit.models._types import OptionalInt

__all__ = [
    "HexColor",
    "WebinarBranding",
    "WebinarBrandingFile",
    "WebinarNameTag",
    "WebinarNameTagParams",
    "WebinarNameTagUpdateParams",
    "WebinarVirtualBackground",
    "WebinarWallpaper",
]

_HEX_COLOR: Final = re.compile(r"^[0-9A-Fa-f]{6}$")


def _without_hash(value: object) -> object:
    return value[1:] if isinstance(value, str) and value.startswith("#") else value


def _hex_color(value: str) -> str:
    if not _HEX_COLOR.match(value):
        raise ValueError(f"must be a hex color such as '0e72ed' (got {value!r})")
    return value


HexColor = Annotated[str, BeforeValidator(_without_hash), AfterValidator(_hex_color)]
"""A color as Zoom takes it: six hex digits (a leading ``#`` is dropped)."""


class WebinarWallpaper(ZoomModel):
    """The webinar's wallpaper file."""

    id: str | None = None


class WebinarVirtualBackground(ZoomModel):
    """A virtual background file offered to panelists."""

    id: str | None = None
    name: str | None = None
    is_default: bool | None = None


class WebinarNameTag(ZoomModel):
    """A name tag design; colors are six hex digits."""

    id: str | None = None
    name: str | None = None
    text_color: str | None = None
    accent_color: str | None = None
    background_color: str | None = None
    is_default: bool | None = None


class WebinarBranding(ZoomModel):
    """``GET /webinars/{webinarId}/branding``."""

    wallpaper: WebinarWallpaper | None = None
    virtual_backgrounds: list[WebinarVirtualBackground] | None = None
    name_tags: list[WebinarNameTag] | None = None


class WebinarBrandingFile(ZoomModel):
    """An uploaded wallpaper or virtual background: its id, name, size and ``type`` (image)."""

    id: str | None = None
    name: str | None = None
    size: OptionalInt = None
    type: str | None = None
    is_default: bool | None = None


class WebinarNameTagParams(RequestModel):
    """The body of ``POST /webinars/{webinarId}/branding/name_tags``."""

    name: Annotated[str, Field(min_length=1, max_length=50)]
    text_color: HexColor
    accent_color: HexColor
    background_color: HexColor
    is_default: bool | None = None
    set_default_for_all_panelists: bool | None = None


class WebinarNameTagUpdateParams(RequestModel):
    """The body of ``PATCH /webinars/{webinarId}/branding/name_tags/{nameTagId}``."""

    name: Annotated[str, Field(min_length=1, max_length=50)] | None = None
    text_color: HexColor | None = None
    accent_color: HexColor | None = None
    background_color: HexColor | None = None
    is_default: bool | None = None
    set_default_for_all_panelists: bool | None = None
