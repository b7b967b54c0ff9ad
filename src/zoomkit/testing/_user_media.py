"""Uploads: a user's profile picture and the virtual backgrounds of users and groups.

Operations: ``userPicture``, ``userPictureDelete``, ``uploadVBuser`` and ``delUserVB`` (the
group ones, ``uploadGroupVB`` and ``delGroupVB``, use :func:`add_background` and
:func:`delete_backgrounds`). Files arrive as ``multipart/form-data``; FakeZoom reads the part
Zoom names (``pic_file`` or ``file``), checks size and type by the file's first bytes, and keeps
the name, size and type (the bytes are not kept). A stored background shows in the owner's
settings, ``in_meeting.virtual_background_settings.files``.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, Final

from ._app import Route
from ._http import Call, Response, ZoomAPIError
from ._state import State
from ._user_data import data_of, require_user
from ._user_settings import SettingsStore

__all__ = ["ROUTES", "Uploaded", "add_background", "delete_backgrounds", "uploaded_file"]

MB: Final = 1024 * 1024
MAX_BACKGROUNDS: Final = 10
_IMAGE_TYPES: Final = ("image/jpeg", "image/png", "image/gif")
_VIDEO_TYPES: Final = ("video/mp4", "video/quicktime")


@dataclass(frozen=True)
class Uploaded:
    """One file part of a multipart request."""

    name: str
    content: bytes
    content_type: str | None
    """The type read from the first bytes (None when it is none Zoom takes)."""


def _sniff(content: bytes) -> str | None:
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if content.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if content[4:8] == b"ftyp":
        return "video/quicktime" if content[8:12] == b"qt  " else "video/mp4"
    return None


def uploaded_file(call: Call, field: str, *, missing: str) -> Uploaded:
    """The file in the multipart part named ``field``, or Zoom's 400 code 120 ``missing``."""
    content_type = call.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        raise ZoomAPIError(400, 120, missing)
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + call.body
    )
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") != field:
            continue
        content = part.get_payload(decode=True)
        if not isinstance(content, bytes):
            break
        return Uploaded(part.get_filename() or field, content, _sniff(content))
    raise ZoomAPIError(400, 120, missing)


def upload_picture(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    upload = uploaded_file(call, "pic_file", missing="File is empty.")
    if not upload.content:
        raise ZoomAPIError(400, 120, "File is empty.")
    if len(upload.content) > 2 * MB:
        raise ZoomAPIError(400, 120, "File size cannot exceed 2M.")
    if upload.content_type not in ("image/jpeg", "image/png"):
        raise ZoomAPIError(400, 120, "Only jpg/jpeg or png image file can be uploaded.")
    data_of(state, user).picture = {
        "name": upload.name,
        "size": len(upload.content),
        "content_type": upload.content_type,
    }
    user["pic_url"] = f"https://us05web.zoom.us/p/v2/{user['id']}/{state.ids.secret(12)}"
    return Response.empty(201)


def delete_picture(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    data_of(state, user).picture = None
    user["pic_url"] = ""
    return Response.empty()


def _files(store: SettingsStore) -> list[dict[str, Any]]:
    files: list[dict[str, Any]] = store.sections["in_meeting"]["virtual_background_settings"][
        "files"
    ]
    return files


def add_background(state: State, store: SettingsStore, call: Call) -> Response:
    """Store the uploaded background in ``store`` and answer 201 with it (size as a string)."""
    upload = uploaded_file(
        call, "file", missing="No file uploaded, verify that a file has been uploaded."
    )
    if not upload.content:
        raise ZoomAPIError(400, 120, "No file uploaded, verify that a file has been uploaded.")
    if len(upload.content) > 15 * MB:
        raise ZoomAPIError(400, 120, "File size cannot exceed 15M.")
    if upload.content_type not in (*_IMAGE_TYPES, *_VIDEO_TYPES):
        raise ZoomAPIError(400, 120, "Only jpg/jpeg, gif or png image file can be uploaded.")
    files = _files(store)
    if len(files) >= MAX_BACKGROUNDS:
        raise ZoomAPIError(400, 120, "A maximum of 10 files are allowed for a user.")
    stored = {
        "id": state.ids.opaque(),
        "is_default": False,
        "name": upload.name,
        "size": len(upload.content),
        "type": "video" if upload.content_type in _VIDEO_TYPES else "image",
    }
    files.append(stored)
    return Response(201, {**stored, "size": str(stored["size"])})


def delete_backgrounds(store: SettingsStore, call: Call) -> Response:
    """Delete the backgrounds ``file_ids`` names; an unknown id refuses them all."""
    wanted = [item for item in call.query.get("file_ids", "").split(",") if item]
    files = _files(store)
    known = {item["id"] for item in files}
    if not wanted or any(item not in known for item in wanted):
        raise ZoomAPIError(400, 300, "Invalid parameter: file_ids")
    files[:] = [item for item in files if item["id"] not in wanted]
    return Response.empty()


def upload_user_background(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    return add_background(state, data_of(state, user).settings, call)


def delete_user_backgrounds(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    return delete_backgrounds(data_of(state, user).settings, call)


ROUTES = [
    Route("POST", "/v2/users/{userId}/picture", "userPicture", upload_picture),
    Route("DELETE", "/v2/users/{userId}/picture", "userPictureDelete", delete_picture),
    Route(
        "POST",
        "/v2/users/{userId}/settings/virtual_backgrounds",
        "uploadVBuser",
        upload_user_background,
    ),
    Route(
        "DELETE",
        "/v2/users/{userId}/settings/virtual_backgrounds",
        "delUserVB",
        delete_user_backgrounds,
    ),
]
