"""``client.webinars.branding``: wallpaper, virtual backgrounds and name tags of a webinar.

The webinar needs the **Webinar Session Branding** setting (``enable_session_branding``).
Files are sent as ``multipart/form-data``, read whole and checked first: JPG, GIF or PNG, at
most 15 MB (a retry then resends the same bytes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

import httpx

from .._http import build_path
from ..errors import RequestValidationError
from ..models.meeting_bodies import build_body
from ..models.webinar_branding import (
    WebinarBranding,
    WebinarBrandingFile,
    WebinarNameTag,
    WebinarNameTagParams,
    WebinarNameTagUpdateParams,
)
from ._base import Resource, operation, options
from .user_media import FileInput, check_upload, read_file
from .webinar_ids import webinar_id_value

__all__ = ["BRANDING_IMAGE_TYPES", "WebinarBrandings"]

BRANDING_IMAGE_TYPES: Final = frozenset({"image/jpeg", "image/png", "image/gif"})
_MAX_BYTES: Final = 15 * 1024 * 1024
_BRANDING = "/webinars/{webinarId}/branding"


def _flag(value: bool | None) -> tuple[None, str] | None:
    # A plain multipart field (no file name) holding Zoom's "true"/"false".
    return None if value is None else (None, "true" if value else "false")


def _ids_value(ids: Sequence[str] | str, *, field: str) -> str:
    """Zoom's comma-separated id list, from a list (or an already joined string)."""
    listed = [ids] if isinstance(ids, str) else list(ids)
    if not listed or not all(isinstance(item, str) and item.strip() for item in listed):
        raise RequestValidationError(f"{field}: name at least one id", field=field)
    return ",".join(item.strip() for item in listed)


class WebinarBrandings(Resource):
    """Session branding of one webinar."""

    @operation("GET", _BRANDING, response=WebinarBranding)
    async def get(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarBranding:
        """The wallpaper, virtual backgrounds and name tags."""
        return await self._loop.request_model(
            WebinarBranding,
            "GET",
            build_path(_BRANDING, webinarId=webinar_id_value(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", _BRANDING + "/name_tags", response=WebinarNameTag)
    async def create_name_tag(
        self,
        webinar_id: int | str,
        *,
        name: str,
        text_color: str,
        accent_color: str,
        background_color: str,
        is_default: bool | None = None,
        set_default_for_all_panelists: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarNameTag:
        """Add a name tag design; colors are hex (``"0e72ed"`` or ``"#0e72ed"``)."""
        body = build_body(
            WebinarNameTagParams,
            {
                "name": name,
                "text_color": text_color,
                "accent_color": accent_color,
                "background_color": background_color,
                "is_default": is_default,
                "set_default_for_all_panelists": set_default_for_all_panelists,
            },
            extra_body,
        )
        return await self._loop.request_model(
            WebinarNameTag,
            "POST",
            build_path(_BRANDING + "/name_tags", webinarId=webinar_id_value(webinar_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _BRANDING + "/name_tags/{nameTagId}")
    async def update_name_tag(
        self,
        webinar_id: int | str,
        name_tag_id: str,
        *,
        name: str | None = None,
        text_color: str | None = None,
        accent_color: str | None = None,
        background_color: str | None = None,
        is_default: bool | None = None,
        set_default_for_all_panelists: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Change what you pass of one name tag."""
        body = build_body(
            WebinarNameTagUpdateParams,
            {
                "name": name,
                "text_color": text_color,
                "accent_color": accent_color,
                "background_color": background_color,
                "is_default": is_default,
                "set_default_for_all_panelists": set_default_for_all_panelists,
            },
            extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path(
                _BRANDING + "/name_tags/{nameTagId}",
                webinarId=webinar_id_value(webinar_id),
                nameTagId=name_tag_id,
            ),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _BRANDING + "/name_tags")
    async def delete_name_tags(
        self,
        webinar_id: int | str,
        *,
        name_tag_ids: Sequence[str] | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete the named name tags."""
        await self._loop.request(
            "DELETE",
            build_path(_BRANDING + "/name_tags", webinarId=webinar_id_value(webinar_id)),
            params={"name_tag_ids": _ids_value(name_tag_ids, field="name_tag_ids")},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", _BRANDING + "/virtual_backgrounds", response=WebinarBrandingFile)
    async def upload_virtual_background(
        self,
        webinar_id: int | str,
        *,
        file: FileInput,
        filename: str | None = None,
        default: bool | None = None,
        set_default_for_all_panelists: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarBrandingFile:
        """Upload a virtual background image (JPG, GIF or PNG, at most 15 MB; 10 per webinar).

        ``file`` is bytes, a path or a binary file object; ``default`` makes it the default.
        """
        content, found_name = await read_file(file)
        upload = check_upload(
            content,
            filename=filename or found_name,
            allowed=BRANDING_IMAGE_TYPES,
            max_bytes=_MAX_BYTES,
            default_stem="virtual-background",
        )
        parts = {
            "file": upload.part(),
            "default": _flag(default),
            "set_default_for_all_panelists": _flag(set_default_for_all_panelists),
        }
        return await self._loop.request_model(
            WebinarBrandingFile,
            "POST",
            build_path(_BRANDING + "/virtual_backgrounds", webinarId=webinar_id_value(webinar_id)),
            files={name: part for name, part in parts.items() if part is not None},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _BRANDING + "/virtual_backgrounds")
    async def set_virtual_background(
        self,
        webinar_id: int | str,
        *,
        id: str,
        set_default_for_all_panelists: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Make one uploaded virtual background the default."""
        await self._loop.request(
            "PATCH",
            build_path(_BRANDING + "/virtual_backgrounds", webinarId=webinar_id_value(webinar_id)),
            params={
                "id": _ids_value(id, field="id"),
                "set_default_for_all_panelists": set_default_for_all_panelists,
            },
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _BRANDING + "/virtual_backgrounds")
    async def delete_virtual_backgrounds(
        self,
        webinar_id: int | str,
        *,
        ids: Sequence[str] | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete the named virtual background files."""
        await self._loop.request(
            "DELETE",
            build_path(_BRANDING + "/virtual_backgrounds", webinarId=webinar_id_value(webinar_id)),
            params={"ids": _ids_value(ids, field="ids")},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", _BRANDING + "/wallpaper", response=WebinarBrandingFile)
    async def upload_wallpaper(
        self,
        webinar_id: int | str,
        *,
        file: FileInput,
        filename: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarBrandingFile:
        """Upload the wallpaper (JPG, GIF or PNG, 16:9, at most 15 MB); it replaces the old one."""
        content, found_name = await read_file(file)
        upload = check_upload(
            content,
            filename=filename or found_name,
            allowed=BRANDING_IMAGE_TYPES,
            max_bytes=_MAX_BYTES,
            default_stem="wallpaper",
        )
        return await self._loop.request_model(
            WebinarBrandingFile,
            "POST",
            build_path(_BRANDING + "/wallpaper", webinarId=webinar_id_value(webinar_id)),
            files={"file": upload.part()},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _BRANDING + "/wallpaper")
    async def delete_wallpaper(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete the wallpaper."""
        await self._loop.request(
            "DELETE",
            build_path(_BRANDING + "/wallpaper", webinarId=webinar_id_value(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )
