"""Cloud recordings, minimally: one MP4 per meeting instance, its lifecycle events, its download.

Tests drive recordings with ``fake.complete_recording()`` and the trash, delete and recover
controls; each raises the webhook event Zoom sends. Files have deterministic content (bytes
seeded by the file id), so a test can download one twice and compare, without storing it.

Operation: ``recordingDownload``, ``GET /rec/download/{fileId}``. Like Zoom's ``download_url`` it
is not under ``/v2``; it opens with the recording's ``download_token`` (from
``recording.completed``) or with any valid access token, sent as ``Authorization: Bearer``.
"""

from __future__ import annotations

import copy
import hashlib
import math
import random
import secrets
import uuid
from dataclasses import dataclass, field
from typing import Any

from ._app import Route
from ._events import emit, meeting_object, operator
from ._http import Call, Response, ZoomAPIError
from ._live import find_meeting
from ._oauth import authenticate
from ._state import State
from ._times import iso_z, parse_start_time

__all__ = [
    "DEFAULT_FILE_SIZE",
    "DOWNLOAD_TOKEN_TTL",
    "ROUTES",
    "StoredRecording",
    "complete_recording",
    "delete_recording",
    "file_bytes",
    "recover_recording",
    "trash_recording",
]

DEFAULT_FILE_SIZE = 4096
DOWNLOAD_TOKEN_TTL = 24 * 3600
"""Zoom's ``download_token`` opens the files for 24 hours."""


@dataclass
class StoredRecording:
    """A meeting instance's recording, as ``GET /meetings/{id}/recordings`` shows it."""

    recording: dict[str, Any]
    download_token: str = field(repr=False)
    token_expires_at: float
    file_size: int
    trashed: bool = False


def file_bytes(file_id: str, size: int) -> bytes:
    """A file's content: pseudo-random bytes seeded by its id, the same on every download."""
    return random.Random(file_id).randbytes(size)  # noqa: S311 - test data, not crypto


def _web_base(api_url: str) -> str:
    """Where Zoom's web links live: ``https://api.zoom.us`` → ``https://zoom.us``."""
    return api_url.replace("://api.", "://", 1)


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
    file_id = _derived_id(instance_uuid, "shared_screen_with_speaker_view")
    recording_file = {
        "id": file_id,
        "meeting_id": instance_uuid,
        "recording_start": iso_z(start),
        "recording_end": iso_z(end),
        "file_type": "MP4",
        "file_extension": "MP4",
        "file_size": file_size,
        "play_url": f"{web}/rec/play/{file_id}",
        "download_url": f"{web}/rec/download/{file_id}",
        "status": "completed",
        "recording_type": "shared_screen_with_speaker_view",
    }
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
        recording, token, state.now() + DOWNLOAD_TOKEN_TTL, file_size
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


def _lifecycle_event(state: State, stored: StoredRecording, name: str) -> None:
    recording = stored.recording
    acting = state.users.get(recording["host_id"]) or state.users[state.owner_id]
    emit(
        state,
        name,
        lambda: {**operator(acting), "object": copy.deepcopy(recording)},
    )


def trash_recording(state: State, meeting_id: int | str) -> None:
    stored = _latest(state, meeting_id)
    if stored.trashed:
        raise ValueError(f"the recording of meeting {meeting_id!r} is already in the trash")
    stored.trashed = True
    _lifecycle_event(state, stored, "recording.trashed")


def recover_recording(state: State, meeting_id: int | str) -> None:
    stored = _latest(state, meeting_id)
    if not stored.trashed:
        raise ValueError(f"the recording of meeting {meeting_id!r} is not in the trash")
    stored.trashed = False
    _lifecycle_event(state, stored, "recording.recovered")


def delete_recording(state: State, meeting_id: int | str) -> None:
    """Delete permanently (from the trash or not), as ``action=delete`` does."""
    stored = _latest(state, meeting_id)
    del state.recordings[stored.recording["uuid"]]
    _lifecycle_event(state, stored, "recording.deleted")


# -- download ---------------------------------------------------------------------------------


@dataclass
class _FileResponse(Response):
    """A binary answer; the app sends ``encode()`` as the body."""

    content: bytes = b""

    def encode(self) -> bytes:
        return self.content


def _find_file(state: State, file_id: str) -> tuple[StoredRecording, dict[str, Any]] | None:
    for stored in state.recordings.values():
        for recording_file in stored.recording["recording_files"]:
            if recording_file["id"] == file_id:
                return stored, recording_file
    return None


def _opens(stored: StoredRecording, call: Call, now: float) -> bool:
    """Whether the request carries this recording's unexpired ``download_token``."""
    scheme, _, value = call.headers.get("authorization", "").partition(" ")
    return (
        scheme.lower() == "bearer"
        and secrets.compare_digest(value.strip(), stored.download_token)
        and now < stored.token_expires_at
    )


def download(state: State, call: Call) -> Response:
    found = _find_file(state, call.params["fileId"])
    if found is None or not _opens(found[0], call, state.now()):
        authenticate(state, call)  # a normal access token opens every file; else 401 code 124
    if found is None or found[0].trashed:
        raise ZoomAPIError(404, 3301, "There is no recording for this meeting.")
    stored, recording_file = found
    headers = {
        "content-type": "video/mp4",
        "content-disposition": f'attachment; filename="{recording_file["id"]}.mp4"',
    }
    content = file_bytes(recording_file["id"], stored.file_size)
    return _FileResponse(200, None, headers, content)


ROUTES = [Route("GET", "/rec/download/{fileId}", "recordingDownload", download, auth=False)]
