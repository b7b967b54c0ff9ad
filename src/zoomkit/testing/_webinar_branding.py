"""Webinar session branding: wallpaper, virtual backgrounds and name tags.

Operations: ``getWebinarBranding``; ``createWebinarBrandingNameTag`` (201),
``updateWebinarBrandingNameTag`` and ``deleteWebinarBrandingNameTag`` (204);
``uploadWebinarBrandingVB`` (201, multipart), ``setWebinarBrandingVB`` and
``deleteWebinarBrandingVB`` (204); ``uploadWebinarBrandingWallpaper`` (201, multipart) and
``deleteWebinarBrandingWallpaper`` (204). Every change needs the webinar's
``enable_session_branding`` setting, as on Zoom; at most 10 virtual backgrounds.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._state import State
from ._webinar_common import webinar_or_404
from ._webinar_store import WebinarExtras

__all__ = ["ROUTES", "UploadedPart", "multipart_parts"]

MAX_VIRTUAL_BACKGROUNDS = 10
_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")
_COLORS = ("text_color", "accent_color", "background_color")


@dataclass(frozen=True)
class UploadedPart:
    """One part of a ``multipart/form-data`` body."""

    name: str
    filename: str | None
    content: bytes


def multipart_parts(content_type: str, body: bytes) -> dict[str, UploadedPart]:
    """The parts of a form upload by field name; empty when the body is not multipart."""
    if not content_type.startswith("multipart/form-data"):
        return {}
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    )
    parts: dict[str, UploadedPart] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            parts[name] = UploadedPart(name, part.get_filename(), payload)
    return parts


def _branded(state: State, call: Call) -> tuple[dict[str, Any], WebinarExtras]:
    """The webinar, which must have session branding on, and its extras."""
    webinar = webinar_or_404(state, call.params["webinarId"])
    if not webinar["settings"].get("enable_session_branding"):
        raise ZoomAPIError(400, 3000, "This webinar does not have session branding enabled.")
    return webinar, state.webinar_store.of(webinar["id"])


def _uploaded_file(call: Call) -> tuple[UploadedPart, dict[str, UploadedPart]]:
    parts = multipart_parts(call.headers.get("content-type", ""), call.body)
    upload = parts.get("file")
    if upload is None or not upload.content:
        raise ZoomAPIError(400, 120, "No file uploaded. Verify that a file has been uploaded.")
    return upload, parts


def _flag(parts: dict[str, UploadedPart], name: str, default: bool) -> bool:
    part = parts.get(name)
    return default if part is None else part.content.strip().lower() == b"true"


def _get(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    extras = state.webinar_store.of(webinar["id"])
    branding: dict[str, Any] = {
        "virtual_backgrounds": [
            {name: item[name] for name in ("id", "name", "is_default")}
            for item in extras.virtual_backgrounds
        ],
        "name_tags": copy.deepcopy(extras.name_tags),
    }
    if extras.wallpaper is not None:
        branding["wallpaper"] = {"id": extras.wallpaper["id"]}
    return Response(200, branding)


def _color_errors(body: dict[str, Any], required: bool) -> list[dict[str, str]]:
    errors = []
    for name in _COLORS:
        value = body.get(name)
        if (value is None and required) or (value is not None and not _HEX.match(str(value))):
            errors.append({"field": name, "message": "Invalid field."})
    tag_name = body.get("name")
    if (tag_name is None and required) or (
        tag_name is not None and not 0 < len(str(tag_name)) <= 50
    ):
        errors.append({"field": "name", "message": "Invalid field."})
    return errors


def _make_default(items: list[dict[str, Any]], chosen: dict[str, Any]) -> None:
    for item in items:
        item["is_default"] = item is chosen


def _create_name_tag(state: State, call: Call) -> Response:
    _webinar, extras = _branded(state, call)
    body = call.json_object()
    errors = _color_errors(body, required=True)
    if errors:
        raise validation_failed(errors)
    tag = {
        "id": state.ids.opaque(),
        "name": body["name"],
        **{name: body[name] for name in _COLORS},
        "is_default": False,
    }
    extras.name_tags.append(tag)
    if body.get("is_default") or len(extras.name_tags) == 1:
        _make_default(extras.name_tags, tag)
    return Response(201, copy.deepcopy(tag))


def _name_tag(extras: WebinarExtras, name_tag_id: str) -> dict[str, Any]:
    for tag in extras.name_tags:
        if tag["id"] == name_tag_id:
            return tag
    raise ZoomAPIError(400, 300, f"Invalid parameter: {name_tag_id}.")


def _update_name_tag(state: State, call: Call) -> Response:
    _webinar, extras = _branded(state, call)
    tag = _name_tag(extras, call.params["nameTagId"])
    body = call.json_object()
    errors = _color_errors(body, required=False)
    if errors:
        raise validation_failed(errors)
    tag.update({name: body[name] for name in ("name", *_COLORS) if name in body})
    if body.get("is_default"):
        _make_default(extras.name_tags, tag)
    return Response.empty()


def _ids(call: Call, name: str) -> list[str]:
    ids = [item for item in call.query.get(name, "").split(",") if item]
    if not ids:
        raise ZoomAPIError(400, 300, f"Invalid parameter: {name}.")
    return ids


def _delete_name_tags(state: State, call: Call) -> Response:
    _webinar, extras = _branded(state, call)
    doomed = set(_ids(call, "name_tag_ids"))
    extras.name_tags[:] = [tag for tag in extras.name_tags if tag["id"] not in doomed]
    return Response.empty()


def _upload_virtual_background(state: State, call: Call) -> Response:
    _webinar, extras = _branded(state, call)
    upload, parts = _uploaded_file(call)
    if len(extras.virtual_backgrounds) >= MAX_VIRTUAL_BACKGROUNDS:
        raise ZoomAPIError(
            400, 3000, "A webinar cannot exceed more than 10 Virtual Background files."
        )
    background = {
        "id": state.ids.opaque(),
        "name": upload.filename or "virtual-background",
        "is_default": False,
        "size": len(upload.content),
        "type": "image",
    }
    extras.virtual_backgrounds.append(background)
    if _flag(parts, "default", default=False):
        _make_default(extras.virtual_backgrounds, background)
    return Response(201, copy.deepcopy(background))


def _set_virtual_background(state: State, call: Call) -> Response:
    _webinar, extras = _branded(state, call)
    wanted = call.query.get("id", "")
    for background in extras.virtual_backgrounds:
        if background["id"] == wanted:
            _make_default(extras.virtual_backgrounds, background)
            return Response.empty()
    raise ZoomAPIError(400, 300, f"Invalid parameter: {wanted}.")


def _delete_virtual_backgrounds(state: State, call: Call) -> Response:
    _webinar, extras = _branded(state, call)
    doomed = set(_ids(call, "ids"))
    kept = [item for item in extras.virtual_backgrounds if item["id"] not in doomed]
    extras.virtual_backgrounds[:] = kept
    return Response.empty()


def _upload_wallpaper(state: State, call: Call) -> Response:
    _webinar, extras = _branded(state, call)
    upload, _parts = _uploaded_file(call)
    extras.wallpaper = {
        "id": state.ids.opaque(),
        "name": upload.filename or "wallpaper",
        "size": len(upload.content),
        "type": "image",
    }
    return Response(201, copy.deepcopy(extras.wallpaper))


def _delete_wallpaper(state: State, call: Call) -> Response:
    _webinar, extras = _branded(state, call)
    extras.wallpaper = None
    return Response.empty()


_BRANDING = "/v2/webinars/{webinarId}/branding"

ROUTES = [
    Route("GET", _BRANDING, "getWebinarBranding", _get),
    Route("POST", _BRANDING + "/name_tags", "createWebinarBrandingNameTag", _create_name_tag),
    Route("DELETE", _BRANDING + "/name_tags", "deleteWebinarBrandingNameTag", _delete_name_tags),
    Route(
        "PATCH",
        _BRANDING + "/name_tags/{nameTagId}",
        "updateWebinarBrandingNameTag",
        _update_name_tag,
    ),
    Route(
        "POST",
        _BRANDING + "/virtual_backgrounds",
        "uploadWebinarBrandingVB",
        _upload_virtual_background,
    ),
    Route(
        "PATCH",
        _BRANDING + "/virtual_backgrounds",
        "setWebinarBrandingVB",
        _set_virtual_background,
    ),
    Route(
        "DELETE",
        _BRANDING + "/virtual_backgrounds",
        "deleteWebinarBrandingVB",
        _delete_virtual_backgrounds,
    ),
    Route("POST", _BRANDING + "/wallpaper", "uploadWebinarBrandingWallpaper", _upload_wallpaper),
    Route("DELETE", _BRANDING + "/wallpaper", "deleteWebinarBrandingWallpaper", _delete_wallpaper),
]
