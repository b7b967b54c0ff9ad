"""Profile pictures and virtual backgrounds: the multipart uploads of ``client.users``.

Zoom takes these files as ``multipart/form-data``. zoomkit reads the file whole (pictures are
at most 2 MB, backgrounds 15 MB), so a retried request sends the same bytes again, and checks
size and type before sending: the type is read from the file's first bytes (JPEG, PNG, GIF,
MP4/MOV), falling back to the file name's extension.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, BinaryIO, Final

import anyio
import httpx

from .._http import build_path
from ..errors import RequestValidationError
from ..models.user_settings import VirtualBackgroundFile
from ._base import Resource, operation, options

__all__ = [
    "PICTURE_TYPES",
    "VIRTUAL_BACKGROUND_TYPES",
    "FileInput",
    "Upload",
    "UserMediaMethods",
    "check_upload",
    "file_ids_value",
    "read_file",
]

FileInput = bytes | bytearray | memoryview | str | os.PathLike[str] | BinaryIO
"""Bytes, a path to read, or a binary file object (read synchronously, whole)."""

MB: Final = 1024 * 1024
PICTURE_TYPES: Final = frozenset({"image/jpeg", "image/png"})
VIRTUAL_BACKGROUND_TYPES: Final = frozenset(
    {"image/jpeg", "image/png", "image/gif", "video/mp4", "video/quicktime"}
)
PICTURE_MAX_BYTES: Final = 2 * MB
VIRTUAL_BACKGROUND_MAX_BYTES: Final = 15 * MB

_SIGNATURES: Final = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
_EXTENSIONS: Final = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".mp4": "video/mp4",
    ".mov": "video/quicktime",
}
_SUFFIX_FOR: Final = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "video/mp4": "mp4",
    "video/quicktime": "mov",
}


@dataclass(frozen=True, slots=True)
class Upload:
    """A checked file, ready to be one part of a multipart request."""

    filename: str
    content: bytes
    content_type: str

    def part(self) -> tuple[str, bytes, str]:
        return (self.filename, self.content, self.content_type)


def _sniff(content: bytes) -> str | None:
    for signature, content_type in _SIGNATURES:
        if content.startswith(signature):
            return content_type
    if content[4:8] == b"ftyp":  # ISO base media: MP4, or QuickTime when the brand says so
        return "video/quicktime" if content[8:12] == b"qt  " else "video/mp4"
    return None


def check_upload(
    content: bytes,
    *,
    filename: str | None,
    allowed: frozenset[str],
    max_bytes: int,
    default_stem: str,
) -> Upload:
    """Check a file's size and type the way Zoom will, and name it if it has no name."""
    if not content:
        raise RequestValidationError("file: is empty", field="file")
    if len(content) > max_bytes:
        raise RequestValidationError(
            f"file: Zoom takes at most {max_bytes // MB} MB here (got {len(content) / MB:.1f} MB)",
            field="file",
        )
    content_type = _sniff(content)
    if content_type is None and filename:
        content_type = _EXTENSIONS.get(PurePath(filename).suffix.lower())
    if content_type not in allowed:
        kinds = ", ".join(sorted(_SUFFIX_FOR[kind].upper() for kind in allowed))
        found = content_type or "an unknown type"
        raise RequestValidationError(
            f"file: Zoom takes {kinds} files here (got {found})", field="file"
        )
    name = filename or f"{default_stem}.{_SUFFIX_FOR[content_type]}"
    return Upload(name, content, content_type)


async def read_file(file: FileInput) -> tuple[bytes, str | None]:
    """The file's bytes and its name, if it has one (a path's or a file object's)."""
    if isinstance(file, bytes | bytearray | memoryview):
        return bytes(file), None
    if isinstance(file, str | os.PathLike):
        path = anyio.Path(os.fspath(file))
        try:
            return await path.read_bytes(), path.name
        except OSError as exc:
            raise RequestValidationError(
                f"file: cannot read {os.fspath(file)!r} ({exc.strerror or type(exc).__name__})",
                field="file",
            ) from exc
    read = getattr(file, "read", None)
    if read is None:
        raise RequestValidationError(
            f"file: expected bytes, a path or a binary file, got {type(file).__name__}",
            field="file",
        )
    content = read()
    if not isinstance(content, bytes):
        raise RequestValidationError(
            "file: the file object must be opened in binary mode ('rb')", field="file"
        )
    name = getattr(file, "name", None)
    return content, PurePath(name).name if isinstance(name, str) else None


def file_ids_value(file_ids: Sequence[str] | str) -> str:
    """Zoom's comma-separated ``file_ids``, from a list (or an already joined string)."""
    ids = [file_ids] if isinstance(file_ids, str) else list(file_ids)
    if not ids or not all(isinstance(item, str) and item.strip() for item in ids):
        raise RequestValidationError(
            "file_ids: name at least one virtual background file id", field="file_ids"
        )
    return ",".join(item.strip() for item in ids)


class UserMediaMethods(Resource):
    """The upload half of ``client.users``."""

    @operation("POST", "/users/{userId}/picture")
    async def upload_picture(
        self,
        user_id: str,
        *,
        file: FileInput,
        filename: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Set the user's profile picture: a JPG or PNG of at most 2 MB.

        ``file`` is bytes, a path, or a binary file object; ``filename`` names bytes (by
        default ``picture.jpg``/``.png`` from the content).
        """
        content, name = await read_file(file)
        upload = check_upload(
            content,
            filename=filename or name,
            allowed=PICTURE_TYPES,
            max_bytes=PICTURE_MAX_BYTES,
            default_stem="picture",
        )
        await self._loop.request(
            "POST",
            build_path("/users/{userId}/picture", userId=user_id),
            files={"pic_file": upload.part()},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/users/{userId}/picture")
    async def delete_picture(
        self,
        user_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Remove the user's profile picture."""
        await self._loop.request(
            "DELETE",
            build_path("/users/{userId}/picture", userId=user_id),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation(
        "POST", "/users/{userId}/settings/virtual_backgrounds", response=VirtualBackgroundFile
    )
    async def upload_virtual_background(
        self,
        user_id: str,
        *,
        file: FileInput,
        filename: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> VirtualBackgroundFile:
        """Add a virtual background (JPG, PNG or GIF image, MP4 or MOV video; at most 15 MB).

        Zoom keeps at most 10 per user. Returns the stored file with its ``id``.
        """
        content, name = await read_file(file)
        upload = check_upload(
            content,
            filename=filename or name,
            allowed=VIRTUAL_BACKGROUND_TYPES,
            max_bytes=VIRTUAL_BACKGROUND_MAX_BYTES,
            default_stem="background",
        )
        return await self._loop.request_model(
            VirtualBackgroundFile,
            "POST",
            build_path("/users/{userId}/settings/virtual_backgrounds", userId=user_id),
            files={"file": upload.part()},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/users/{userId}/settings/virtual_backgrounds")
    async def delete_virtual_backgrounds(
        self,
        user_id: str,
        *,
        file_ids: Sequence[str] | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete the user's virtual backgrounds with these ids."""
        await self._loop.request(
            "DELETE",
            build_path("/users/{userId}/settings/virtual_backgrounds", userId=user_id),
            params={"file_ids": file_ids_value(file_ids)},
            options=options(extra_headers, extra_query, None, timeout),
        )
