"""Cloud recordings: the stored recordings, their lifecycle, and their files' download.

Tests drive recordings with ``fake.complete_recording()`` (one MP4 per meeting instance),
``fake.add_recording_file()`` for more files, and the trash, delete and recover controls; each
raises the webhook event Zoom sends. Files have deterministic content (pseudo-random bytes
seeded by the file id, generated block by block), so a test can download one twice, or from any
offset, and compare without storing it, and a 1 GiB file costs no memory.

Operations: ``recordingDownload``, ``GET /rec/download/{fileId}``, and ``recordingStorage``,
``GET /cmr/replay/{fileId}``. Like Zoom's ``download_url`` they are not under ``/v2``; they open
with the recording's ``download_token`` (from ``recording.completed`` or ``include_fields=
download_access_token``) or with any valid access token, sent as ``Authorization: Bearer``. Both
answer ``Range: bytes=N-`` with 206 and ``Content-Range``. With
``fake.redirect_recording_downloads()`` the download URL answers 302 to the storage host
(``ssrweb.zoom.us``), as Zoom does; FakeZoom's storage host asks for the same Bearer (stricter
than Zoom's signed URLs), so a client that drops the header on the redirect fails visibly.

The REST operations on recordings live in :mod:`._recording_api` and
:mod:`._recording_registrants`; they share the lookups and renderings defined here.
"""

from __future__ import annotations

import copy
import hashlib
import math
import random
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from ._app import Route
from ._events import emit, meeting_object, operator
from ._http import Call, Response, StreamedResponse, ZoomAPIError
from ._live import find_meeting
from ._oauth import authenticate
from ._state import State
from ._times import iso_z, parse_start_time

__all__ = [
    "DEFAULT_FILE_SIZE",
    "DOWNLOAD_TOKEN_TTL",
    "FILE_KINDS",
    "NO_RECORDING",
    "ROUTES",
    "StoredRecording",
    "add_recording_file",
    "complete_recording",
    "delete_recording",
    "file_bytes",
    "file_parts",
    "find_recording",
    "lifecycle_event",
    "live_files",
    "recover_recording",
    "render",
    "trash_recording",
]

DEFAULT_FILE_SIZE = 4096
DOWNLOAD_TOKEN_TTL = 24 * 3600
"""Zoom's ``download_token`` opens the files for 24 hours."""
NO_RECORDING = "There is no recording for this meeting."
_BLOCK = 1 << 18
"""Files are generated in 256 KiB blocks."""
_STRIDE = 7919
"""A prime, so the rotations of a file's blocks differ for the first 262,144 blocks (64 GiB)."""

FILE_KINDS: dict[str, tuple[str, str, str]] = {
    "MP4": ("MP4", "shared_screen_with_speaker_view", "video/mp4"),
    "M4A": ("M4A", "audio_only", "audio/mp4"),
    "TRANSCRIPT": ("VTT", "audio_transcript", "text/vtt"),
    "CC": ("VTT", "closed_caption", "text/vtt"),
    "CHAT": ("TXT", "chat_file", "text/plain"),
    "CSV": ("CSV", "poll", "text/csv"),
    "SUMMARY": ("JSON", "summary", "application/json"),
}
"""File types FakeZoom records: extension, default ``recording_type``, content type."""


def _default_settings(topic: str) -> dict[str, Any]:
    return {
        "share_recording": "publicly",
        "recording_authentication": False,
        "authentication_option": "",
        "authentication_domains": "",
        "viewer_download": True,
        "on_demand": False,
        "approval_type": 2,
        "send_email_to_host": False,
        "show_social_share_buttons": True,
        "topic": topic,
        "auto_delete": False,
        "auto_delete_date": "",
    }


@dataclass
class StoredRecording:
    """A meeting instance's recording, as ``GET /meetings/{id}/recordings`` shows it.

    ``recording`` holds every file; which are in the trash is kept beside it (``trashed`` for
    the whole recording, ``trashed_files`` for single files, by file id, with the time).
    """

    recording: dict[str, Any]
    download_token: str = field(repr=False)
    token_expires_at: float
    file_size: int
    trashed: bool = False
    trashed_at: float = 0.0
    trashed_files: dict[str, float] = field(default_factory=dict)
    extra_tokens: dict[str, float] = field(default_factory=dict, repr=False)
    """More ``download_access_token`` values (``include_fields``), with their expiry."""
    settings: dict[str, Any] = field(default_factory=dict)
    registrants: dict[str, dict[str, Any]] = field(default_factory=dict)
    questions: dict[str, Any] = field(
        default_factory=lambda: {
            "questions": [{"field_name": "last_name", "required": False}],
            "custom_questions": [],
        }
    )
    analytics: list[dict[str, Any]] = field(default_factory=list)
    """Views and downloads: ``type`` (``by_view``/``by_download``), ``date_time``, who, how long."""


# -- file content ---------------------------------------------------------------------------------


def _block(base: bytes, index: int, length: int) -> bytes:
    """Block ``index``: the file's random base block rotated by a different amount each time."""
    shift = index * _STRIDE % len(base)
    return (base[shift:] + base[:shift])[:length]


def file_parts(file_id: str, size: int, start: int = 0, end: int | None = None) -> Iterator[bytes]:
    """Bytes ``start``..``end`` (exclusive) of a file, a block at a time: memory stays flat.

    One random block is drawn per file (seeded by its id); the others are rotations of it, so
    a gigabyte costs copies, not random numbers, and no two blocks of a file are alike.
    """
    stop = size if end is None else min(end, size)
    if start >= stop:
        return
    base = random.Random(file_id).randbytes(min(_BLOCK, size))  # noqa: S311 - test data
    position = start
    while position < stop:
        index, skip = divmod(position, _BLOCK)
        block = _block(base, index, min(_BLOCK, size - index * _BLOCK))
        piece = block[skip : skip + stop - position]
        yield piece
        position += len(piece)


def file_bytes(file_id: str, size: int) -> bytes:
    """A file's content: pseudo-random bytes seeded by its id, the same on every download."""
    return b"".join(file_parts(file_id, size))


# -- creating recordings --------------------------------------------------------------------------


def _web_base(api_url: str) -> str:
    """Where Zoom's web links live: ``https://api.zoom.us`` → ``https://zoom.us``."""
    return api_url.replace("://api.", "://", 1)


def _storage_base(api_url: str) -> str:
    """Where a download redirects: Zoom's storage host, or the served fake itself."""
    web = _web_base(api_url)
    host = urlsplit(web).hostname or ""
    if host == "zoom.us" or host.endswith(".zoom.us"):
        return f"{urlsplit(web).scheme}://ssrweb.zoom.us"
    return web


def _derived_id(*parts: str) -> str:
    """A UUID-shaped id derived from ``parts``, so seeded fakes give the same ids every run."""
    digest = hashlib.sha256(":".join(parts).encode()).hexdigest()
    return str(uuid.UUID(hex=digest[:32], version=4))


def _utc(iso: str) -> float:
    return parse_start_time(iso, "UTC")


def _instance(state: State, meeting: dict[str, Any]) -> tuple[str, float, float]:
    """UUID, start and end of the instance a new recording belongs to.

    The live instance if the meeting is running, else the latest ended one, else (a meeting
    never held in the fake) an instance of the scheduled length that ends now.
    """
    now = state.now()
    live = state.live_meetings.get(meeting["id"])
    if live is not None:
        return live.uuid, live.started_at, now
    past = [item for item in state.past_meetings.values() if item["id"] == meeting["id"]]
    if past:
        latest = max(past, key=lambda item: (item["end_time"], item["start_time"]))
        return latest["uuid"], _utc(latest["start_time"]), _utc(latest["end_time"])
    return meeting["uuid"], now - 60 * meeting.get("duration", 60), now


def _new_file(
    state: State,
    instance_uuid: str,
    start: str,
    end: str,
    *,
    file_type: str,
    file_size: int,
    recording_type: str | None = None,
) -> dict[str, Any]:
    extension, default_type, _ = FILE_KINDS[file_type]
    kind = recording_type or default_type
    web = _web_base(state.api_url)
    file_id = _derived_id(instance_uuid, kind, file_type)
    return {
        "id": file_id,
        "meeting_id": instance_uuid,
        "recording_start": start,
        "recording_end": end,
        "file_type": file_type,
        "file_extension": extension,
        "file_size": file_size,
        "play_url": f"{web}/rec/play/{file_id}",
        "download_url": f"{web}/rec/download/{file_id}",
        "status": "completed",
        "recording_type": kind,
    }


def complete_recording(
    state: State, meeting_id: int | str, *, file_size: int = DEFAULT_FILE_SIZE
) -> dict[str, Any]:
    meeting = find_meeting(state, meeting_id)
    if file_size < 0:
        raise ValueError(f"file_size must not be negative, got {file_size}")
    instance_uuid, start, end = _instance(state, meeting)
    if instance_uuid in state.recordings:
        raise ValueError(
            f"meeting instance {instance_uuid!r} already has a recording; "
            "start and end the meeting again to record another instance"
        )
    web = _web_base(state.api_url)
    recording_file = _new_file(
        state, instance_uuid, iso_z(start), iso_z(end), file_type="MP4", file_size=file_size
    )
    summary = {
        **meeting_object(meeting),
        "uuid": instance_uuid,
        "start_time": iso_z(start),
        "duration": math.ceil((end - start) / 60),
    }
    recording = {
        **summary,
        "account_id": state.account_id,
        "host_email": state.users.get(meeting["host_id"], {}).get("email", ""),
        "total_size": file_size,
        "recording_count": 1,
        "share_url": f"{web}/rec/share/{_derived_id(instance_uuid, 'share')}",
        "recording_files": [recording_file],
        "password": "",
        "recording_play_passcode": "",
    }
    token = secrets.token_urlsafe(48)
    state.recordings[instance_uuid] = StoredRecording(
        recording,
        token,
        state.now() + DOWNLOAD_TOKEN_TTL,
        file_size,
        settings=_default_settings(meeting["topic"]),
    )
    started = {"recording_start": iso_z(start)}
    stopped = {"recording_start": iso_z(start), "recording_end": iso_z(end)}
    emit(state, "recording.started", lambda: {"object": {**summary, "recording_file": started}})
    emit(state, "recording.stopped", lambda: {"object": {**summary, "recording_file": stopped}})
    emit(
        state,
        "recording.completed",
        lambda: {"object": copy.deepcopy(recording), "download_token": token},
    )
    return {**copy.deepcopy(recording), "download_access_token": token}


def _latest(state: State, meeting_id: int | str) -> StoredRecording:
    wanted = int(meeting_id) if str(meeting_id).isdigit() else None
    mine = [item for item in state.recordings.values() if item.recording["id"] == wanted]
    if not mine:
        raise ValueError(f"meeting {meeting_id!r} has no recording")
    return max(mine, key=lambda item: item.recording["start_time"])


def add_recording_file(
    state: State,
    meeting_id: int | str,
    *,
    file_type: str = "M4A",
    file_size: int = DEFAULT_FILE_SIZE,
    recording_type: str | None = None,
) -> dict[str, Any]:
    """Add a file (audio, transcript, chat...) to the meeting's latest recording."""
    if file_type not in FILE_KINDS:
        raise ValueError(f"file_type must be one of {sorted(FILE_KINDS)}, got {file_type!r}")
    if file_size < 0:
        raise ValueError(f"file_size must not be negative, got {file_size}")
    stored = _latest(state, meeting_id)
    recording = stored.recording
    first = recording["recording_files"][0]
    new = _new_file(
        state,
        recording["uuid"],
        first["recording_start"],
        first["recording_end"],
        file_type=file_type,
        file_size=file_size,
        recording_type=recording_type,
    )
    if any(item["id"] == new["id"] for item in recording["recording_files"]):
        raise ValueError(f"the recording already has a {file_type} file of that kind")
    recording["recording_files"].append(new)
    recording["recording_count"] = len(recording["recording_files"])
    recording["total_size"] = sum(item["file_size"] for item in recording["recording_files"])
    return copy.deepcopy(new)


# -- lifecycle ------------------------------------------------------------------------------------


def lifecycle_event(
    state: State,
    stored: StoredRecording,
    name: str,
    *,
    acting: dict[str, Any] | None = None,
    files: list[dict[str, Any]] | None = None,
) -> None:
    """Raise ``recording.trashed``/``recovered``/``deleted`` for the recording (or ``files``)."""
    recording = stored.recording
    who = acting or state.users.get(recording["host_id"]) or state.users[state.owner_id]
    shown = {**copy.deepcopy(recording)}
    if files is not None:
        shown["recording_files"] = copy.deepcopy(files)
    emit(state, name, lambda: {**operator(who), "object": shown})


def trash_recording(state: State, meeting_id: int | str) -> None:
    stored = _latest(state, meeting_id)
    if stored.trashed:
        raise ValueError(f"the recording of meeting {meeting_id!r} is already in the trash")
    stored.trashed = True
    stored.trashed_at = state.now()
    lifecycle_event(state, stored, "recording.trashed")


def recover_recording(state: State, meeting_id: int | str) -> None:
    stored = _latest(state, meeting_id)
    if not stored.trashed:
        raise ValueError(f"the recording of meeting {meeting_id!r} is not in the trash")
    stored.trashed = False
    lifecycle_event(state, stored, "recording.recovered")


def delete_recording(state: State, meeting_id: int | str) -> None:
    """Delete permanently (from the trash or not), as ``action=delete`` does."""
    stored = _latest(state, meeting_id)
    del state.recordings[stored.recording["uuid"]]
    lifecycle_event(state, stored, "recording.deleted")


# -- lookups and renderings shared with the REST handlers -----------------------------------------


def live_files(stored: StoredRecording) -> list[dict[str, Any]]:
    """The files not in the trash (none while the whole recording is)."""
    if stored.trashed:
        return []
    return [f for f in stored.recording["recording_files"] if f["id"] not in stored.trashed_files]


def render(
    stored: StoredRecording, files: list[dict[str, Any]], *, deleted_at: float | None = None
) -> dict[str, Any]:
    """The recording as the API shows it, with ``files`` (and their ``deleted_time`` in trash).

    ``type`` is left out: the 2023 spec types it as a string but lists integers as its values,
    so no value satisfies Zoom's own schema (models read ``"1"`` and ``1`` alike).
    """
    shown = copy.deepcopy(stored.recording)
    shown.pop("type", None)
    shown["recording_files"] = copy.deepcopy(files)
    for item in shown["recording_files"]:
        trashed_at = stored.trashed_files.get(item["id"], deleted_at)
        if trashed_at is not None:
            item["deleted_time"] = iso_z(trashed_at)
    shown["recording_count"] = len(files)
    shown["total_size"] = sum(item["file_size"] for item in files)
    return shown


def find_recording(state: State, raw: str) -> StoredRecording:
    """The recording a path names: the latest of a meeting id, or one instance by UUID.

    A UUID that starts with ``/`` or holds ``//`` must arrive double-encoded, as Zoom requires
    (the router decoded it once already). Unknown: 404 code 3301, Zoom's "no recording".
    """
    if raw.isdigit():
        mine = [s for s in state.recordings.values() if s.recording["id"] == int(raw)]
        if not mine:
            raise ZoomAPIError(404, 3301, NO_RECORDING)
        return max(mine, key=lambda item: item.recording["start_time"])
    if "%" in raw:
        raw = unquote(raw)
    elif raw.startswith("/") or "//" in raw:
        raise ZoomAPIError(404, 3301, NO_RECORDING)
    stored = state.recordings.get(raw)
    if stored is None:
        raise ZoomAPIError(404, 3301, NO_RECORDING)
    return stored


# -- download ---------------------------------------------------------------------------------


def _find_file(state: State, file_id: str) -> tuple[StoredRecording, dict[str, Any]] | None:
    for stored in state.recordings.values():
        for recording_file in stored.recording["recording_files"]:
            if recording_file["id"] == file_id:
                return stored, recording_file
    return None


def _opens(stored: StoredRecording, call: Call, now: float) -> bool:
    """Whether the request carries one of this recording's unexpired download tokens."""
    scheme, _, value = call.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return False
    given = value.strip()
    tokens = {stored.download_token: stored.token_expires_at, **stored.extra_tokens}
    return any(
        secrets.compare_digest(given, token) and now < expires for token, expires in tokens.items()
    )


def _authorized_file(state: State, call: Call) -> tuple[StoredRecording, dict[str, Any]]:
    """The file a download names, once the caller proved they may have it."""
    found = _find_file(state, call.params["fileId"])
    if found is None or not _opens(found[0], call, state.now()):
        authenticate(state, call)  # a normal access token opens every file; else 401 code 124
    if found is None or found[1]["id"] not in {item["id"] for item in live_files(found[0])}:
        raise ZoomAPIError(404, 3301, NO_RECORDING)
    return found


def _byte_range(header: str, size: int) -> tuple[int, int] | None:
    """``bytes=N-`` or ``bytes=N-M`` as (start, end exclusive); None to send the whole file.

    Malformed or multi-range headers are ignored (the whole file), as HTTP allows; a start at
    or past the end is unsatisfiable (416).
    """
    unit, _, spec = header.strip().partition("=")
    first, dash, last = spec.strip().partition("-")
    if unit.strip().lower() != "bytes" or not dash or "," in spec or not first.isdigit():
        return None
    start = int(first)
    end = int(last) + 1 if last.isdigit() else size
    if start >= size:
        raise ZoomAPIError(416, 416, "Requested range not satisfiable.")
    if end <= start:
        return None
    return start, min(end, size)


def _serve(state: State, call: Call, stored: StoredRecording, file: dict[str, Any]) -> Response:
    size = int(file["file_size"])
    headers = {
        "content-type": FILE_KINDS.get(file["file_type"], ("", "", "video/mp4"))[2],
        "content-disposition": (
            f'attachment; filename="{file["id"]}.{file["file_extension"].lower()}"'
        ),
        "accept-ranges": "bytes",
    }
    try:
        wanted = _byte_range(call.headers.get("range", ""), size)
    except ZoomAPIError as error:
        error.headers["content-range"] = f"bytes */{size}"
        raise
    status, start, end = (200, 0, size) if wanted is None else (206, *wanted)
    if status == 206:
        headers["content-range"] = f"bytes {start}-{end - 1}/{size}"
    if start == 0:
        _count_download(state, call, stored)
    return StreamedResponse(
        status,
        None,
        headers,
        length=end - start,
        parts=lambda: file_parts(file["id"], size, start, end),
    )


def _count_download(state: State, call: Call, stored: StoredRecording) -> None:
    """A download from byte 0 counts once in the recording's analytics."""
    viewer = state.users.get(call.principal.user_id) if call.principal is not None else None
    who = viewer or state.users.get(stored.recording["host_id"]) or {}
    stored.analytics.append(
        {
            "type": "by_download",
            "date_time": iso_z(state.now()),
            "name": who.get("display_name", ""),
            "email": who.get("email", ""),
            "duration": 0,
        }
    )


def download(state: State, call: Call) -> Response:
    stored, recording_file = _authorized_file(state, call)
    if state.recording_redirects:
        target = f"{_storage_base(state.api_url)}/cmr/replay/{recording_file['id']}"
        return Response.redirect(target)
    return _serve(state, call, stored, recording_file)


def storage(state: State, call: Call) -> Response:
    """The storage host a download redirects to; it serves the bytes."""
    stored, recording_file = _authorized_file(state, call)
    return _serve(state, call, stored, recording_file)


ROUTES = [
    Route("GET", "/rec/download/{fileId}", "recordingDownload", download, auth=False),
    Route("GET", "/cmr/replay/{fileId}", "recordingStorage", storage, auth=False),
]
