"""Past meetings: ended instances and who attended them.

Operations: ``pastMeetingDetails`` (``GET /past_meetings/{meetingId}``, Light),
``pastMeetingParticipants`` (``GET /past_meetings/{meetingId}/participants``, Medium) and the
report ``reportMeetingParticipants`` (``GET /report/meetings/{meetingId}/participants``, Heavy).
``meetingId`` is a meeting id (the latest instance) or an instance UUID; a UUID that starts with
``/`` or contains ``//`` must arrive double-encoded, as Zoom requires.

Instances are stored in ``state.past_meetings`` by UUID, and their attendance records in
``state.past_participants`` (one record per join: ``user_id``, ``user_name``, ``id``,
``participant_uuid``, ``email``, ``join_time``, ``leave_time``), whether a test seeded them or a
live meeting ended.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

from ._app import Route
from ._http import Call, Response, ZoomAPIError
from ._meetings import create_meeting
from ._pagination import paginate
from ._state import State
from ._times import iso_z

__all__ = ["ROUTES", "add_past_meeting", "seed_past_meetings"]

_FIRST_PARTICIPANT_USER_ID = 16778240
_DAY = 86_400


def _attendee(state: State, number: int, join: str, leave: str) -> dict[str, Any]:
    return {
        "user_id": str(_FIRST_PARTICIPANT_USER_ID + number),
        "user_name": f"Participant {number + 1}",
        "id": state.ids.opaque(),
        "participant_uuid": state.ids.opaque(),
        "email": f"participant{number + 1}@example.com",
        "join_time": join,
        "leave_time": leave,
    }


def add_past_meeting(
    state: State,
    host: dict[str, Any],
    *,
    topic: str,
    start: float,
    duration: int,
    participants: int | Sequence[Mapping[str, Any]],
    meeting_id: int | None = None,
    uuid: str | None = None,
) -> dict[str, Any]:
    """Record an ended instance (creating its scheduled meeting unless ``meeting_id`` is given).

    ``participants`` is a number of attendees to generate, or attendance records to store as
    given (missing fields are filled in). Returns the stored ``GET /past_meetings`` object.
    """
    if duration < 1:
        raise ValueError(f"duration must be at least 1 minute, got {duration}")
    if meeting_id is None:
        body = {"topic": topic, "type": 2, "duration": duration, "start_time": iso_z(start)}
        meeting = create_meeting(state, host, body)
    else:
        found = state.meetings.get(meeting_id)
        if found is None:
            raise ValueError(f"unknown meeting id {meeting_id!r}")
        meeting = found
    instance_uuid = uuid if uuid is not None else meeting["uuid"]
    if instance_uuid in state.past_meetings:
        raise ValueError(f"a past instance with UUID {instance_uuid!r} already exists")
    end = start + duration * 60
    join, leave = iso_z(start), iso_z(end)
    if isinstance(participants, int):
        attendance = [_attendee(state, n, join, leave) for n in range(participants)]
    else:
        attendance = [
            {**_attendee(state, n, join, leave), **copy.deepcopy(dict(given))}
            for n, given in enumerate(participants)
        ]
    state.past_meetings[instance_uuid] = {
        "uuid": instance_uuid,
        "id": meeting["id"],
        "host_id": host["id"],
        "type": meeting["type"],
        "topic": topic,
        "user_name": host.get("display_name", ""),
        "user_email": host.get("email", ""),
        "start_time": join,
        "end_time": leave,
        "duration": duration,
        "total_minutes": duration * len(attendance),
        "participants_count": len(attendance),
        "dept": host.get("dept", ""),
        "source": "Zoom",
    }
    state.past_participants[instance_uuid] = attendance
    if instance_uuid == meeting["uuid"]:  # as after a real end: the next instance gets a new one
        meeting["uuid"] = state.ids.meeting_uuid()
    return copy.deepcopy(state.past_meetings[instance_uuid])


def seed_past_meetings(
    state: State, host: dict[str, Any], *, count: int, participants: int
) -> list[dict[str, Any]]:
    """``count`` ended meetings of ``host``, one a day before now, each with ``participants``."""
    if count < 0 or participants < 0:
        raise ValueError("count and participants must be >= 0")
    now = state.now()
    seeded = []
    for number in range(count):
        start = math.floor(now / 60) * 60 - _DAY - number * 3600
        seeded.append(
            add_past_meeting(
                state,
                host,
                topic=f"Past meeting {number + 1}",
                start=start,
                duration=30,
                participants=participants,
            )
        )
    return seeded


def _instance(state: State, raw: str, not_found: str) -> dict[str, Any]:
    """The instance a path names: the latest one of a meeting id, or one UUID."""
    if raw.isdigit():
        latest = state.past_latest.uuid_for(state.past_meetings, int(raw))
        if latest is None:
            raise ZoomAPIError(404, 3001, not_found)
        return state.past_meetings[latest]
    if "%" in raw:
        uuid = unquote(raw)  # double-encoded: the router decoded it once already
    elif raw.startswith("/") or "//" in raw:
        raise ZoomAPIError(404, 3001, not_found)  # Zoom needs these double-encoded
    else:
        uuid = raw
    instance = state.past_meetings.get(uuid)
    if instance is None:
        raise ZoomAPIError(404, 3001, not_found)
    return instance


def _details(state: State, call: Call) -> Response:
    instance = _instance(
        state,
        call.params["meetingId"],
        "This meeting is not available or the meeting ID is invalid.",
    )
    return Response(200, copy.deepcopy(instance))


def _participants(state: State, call: Call) -> Response:
    instance = _instance(
        state, call.params["meetingId"], "This meeting is not available or ID is not valid."
    )
    records = [
        {"id": record["id"], "name": record["user_name"], "user_email": record["email"]}
        for record in state.past_participants.get(instance["uuid"], [])
    ]
    page = paginate(
        records,
        call.query,
        key="participants",
        scope=call.raw_path,
        pages=state.pages,
        now=state.now(),
    )
    return Response(200, page)


def _seconds(iso: str) -> float:
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()


def _report_record(record: Mapping[str, Any]) -> dict[str, Any]:
    leave = record.get("leave_time", record["join_time"])
    return {
        "id": record["id"],
        "user_id": record["user_id"],
        "name": record["user_name"],
        "user_email": record["email"],
        "join_time": record["join_time"],
        "leave_time": leave,
        "duration": int(_seconds(leave) - _seconds(record["join_time"])),
        "failover": False,
        "status": "in_meeting",
    }


def _report_participants(state: State, call: Call) -> Response:
    raw = call.params["meetingId"]
    instance = _instance(state, raw, f"Meeting {raw} not found or has expired.")
    records = [_report_record(r) for r in state.past_participants.get(instance["uuid"], [])]
    page = paginate(
        records,
        call.query,
        key="participants",
        scope=call.raw_path,
        pages=state.pages,
        now=state.now(),
    )
    return Response(200, page)


ROUTES = [
    Route("GET", "/v2/past_meetings/{meetingId}", "pastMeetingDetails", _details),
    Route(
        "GET",
        "/v2/past_meetings/{meetingId}/participants",
        "pastMeetingParticipants",
        _participants,
    ),
    Route(
        "GET",
        "/v2/report/meetings/{meetingId}/participants",
        "reportMeetingParticipants",
        _report_participants,
    ),
]
