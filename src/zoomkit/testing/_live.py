"""Meetings in progress: start, participants joining and leaving, screen sharing, end.

No Zoom API starts a meeting or joins a participant (people do that in the Zoom client), so
tests drive these through ``fake.start_meeting()`` and friends. Each change raises the webhook
event Zoom would send; ending a meeting records a past instance (as ``GET /past_meetings/{uuid}``
shows it) and, as Zoom does, gives the meeting a fresh UUID for its next instance.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import Any

from ._events import emit, meeting_object
from ._state import State
from ._times import iso_z, parse_start_time

__all__ = [
    "LiveMeeting",
    "add_participant",
    "end_meeting",
    "find_meeting",
    "remove_participant",
    "start_meeting",
    "start_sharing",
    "stop_sharing",
]

_FIRST_PARTICIPANT_USER_ID = 16778240  # Zoom's per-meeting participant ids look like this
_LEFT = "left the meeting. Reason : left the meeting"
_HOST_ENDED = "left the meeting. Reason : Host ended the meeting"


@dataclass
class LiveMeeting:
    """One meeting instance in progress."""

    uuid: str
    started_at: float
    participants: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Who is in the meeting now, by their per-meeting ``user_id``."""
    attendance: list[dict[str, Any]] = field(default_factory=list)
    """Every join of this instance, with ``leave_time`` once left: the past participants."""
    sharing: set[str] = field(default_factory=set)
    next_user_id: int = _FIRST_PARTICIPANT_USER_ID


def find_meeting(state: State, meeting_id: int | str) -> dict[str, Any]:
    """The stored meeting, or ValueError naming the id."""
    meeting = state.meetings.get(int(meeting_id)) if str(meeting_id).isdigit() else None
    if meeting is None:
        raise ValueError(f"unknown meeting id {meeting_id!r}")
    return meeting


def _live(state: State, meeting: dict[str, Any]) -> LiveMeeting:
    live = state.live_meetings.get(meeting["id"])
    if live is None and meeting["status"] == "started":  # seeded with add_meeting(status=...)
        live = state.live_meetings[meeting["id"]] = LiveMeeting(meeting["uuid"], state.now())
    if live is None:
        raise ValueError(f"meeting {meeting['id']} is not started; call start_meeting() first")
    return live


def _instance(meeting: dict[str, Any], live: LiveMeeting) -> dict[str, Any]:
    """The object live-meeting events carry: this instance's UUID and actual start time."""
    shown = meeting_object(meeting, id_as_string=True)
    shown["uuid"] = live.uuid
    shown["start_time"] = iso_z(live.started_at)
    return shown


def start_meeting(state: State, meeting_id: int | str) -> None:
    meeting = find_meeting(state, meeting_id)
    if meeting["status"] == "started":
        raise ValueError(f"meeting {meeting['id']} is already started")
    live = state.live_meetings[meeting["id"]] = LiveMeeting(meeting["uuid"], state.now())
    meeting["status"] = "started"
    emit(state, "meeting.started", lambda: {"object": _instance(meeting, live)})


def _participant(live: LiveMeeting, participant_id: str) -> dict[str, Any]:
    """A present participant by ``user_id``, ``participant_uuid`` or (non-empty) ``id``."""
    for participant in live.participants.values():
        keys = (participant["user_id"], participant["participant_uuid"], participant["id"])
        if participant_id and participant_id in keys:
            return participant
    raise ValueError(f"no participant {participant_id!r} in meeting instance {live.uuid!r}")


def add_participant(
    state: State, meeting_id: int | str, *, name: str, email: str | None = None
) -> dict[str, Any]:
    meeting = find_meeting(state, meeting_id)
    live = _live(state, meeting)
    user = state.find_user(email, None) if email else None
    participant = {
        "user_id": str(live.next_user_id),
        "user_name": name,
        "id": user["id"] if user is not None else "",
        "participant_uuid": state.ids.opaque(),
        "join_time": iso_z(state.now()),
        "email": email or "",
    }
    live.next_user_id += 1
    live.participants[participant["user_id"]] = participant
    live.attendance.append(copy.deepcopy(participant))
    joined = copy.deepcopy(participant)
    emit(
        state,
        "meeting.participant_joined",
        lambda: {"object": {**_instance(meeting, live), "participant": joined}},
    )
    return copy.deepcopy(participant)


def _leave(
    state: State, meeting: dict[str, Any], live: LiveMeeting, user_id: str, why: str
) -> None:
    if user_id in live.sharing:
        _sharing_event(state, meeting, live, live.participants[user_id], "meeting.sharing_ended")
    participant = live.participants.pop(user_id)
    leave_time = iso_z(state.now())
    for record in live.attendance:
        if record["user_id"] == user_id and "leave_time" not in record:
            record["leave_time"] = leave_time
    left = {
        "user_id": participant["user_id"],
        "user_name": participant["user_name"],
        "id": participant["id"],
        "participant_uuid": participant["participant_uuid"],
        "leave_time": leave_time,
        "leave_reason": why,
        "email": participant["email"],
    }
    emit(
        state,
        "meeting.participant_left",
        lambda: {"object": {**_instance(meeting, live), "participant": left}},
    )


def remove_participant(state: State, meeting_id: int | str, participant_id: str) -> None:
    meeting = find_meeting(state, meeting_id)
    live = _live(state, meeting)
    participant = _participant(live, participant_id)
    _leave(state, meeting, live, participant["user_id"], _LEFT)


def _sharing_event(
    state: State, meeting: dict[str, Any], live: LiveMeeting, who: dict[str, Any], name: str
) -> None:
    if name == "meeting.sharing_started":
        live.sharing.add(who["user_id"])
    else:
        live.sharing.discard(who["user_id"])
    sharer = {
        "user_id": who["user_id"],
        "user_name": who["user_name"],
        "id": who["id"],
        "sharing_details": {
            "content": "application",
            "link_source": "",
            "file_link": "",
            "date_time": iso_z(state.now()),
            "source": "",
        },
    }
    emit(state, name, lambda: {"object": {**_instance(meeting, live), "participant": sharer}})


def start_sharing(state: State, meeting_id: int | str, participant_id: str) -> None:
    meeting = find_meeting(state, meeting_id)
    live = _live(state, meeting)
    who = _participant(live, participant_id)
    if who["user_id"] in live.sharing:
        raise ValueError(f"participant {participant_id!r} is already sharing")
    _sharing_event(state, meeting, live, who, "meeting.sharing_started")


def stop_sharing(state: State, meeting_id: int | str, participant_id: str) -> None:
    meeting = find_meeting(state, meeting_id)
    live = _live(state, meeting)
    who = _participant(live, participant_id)
    if who["user_id"] not in live.sharing:
        raise ValueError(f"participant {participant_id!r} is not sharing")
    _sharing_event(state, meeting, live, who, "meeting.sharing_ended")


def end_meeting(state: State, meeting_id: int | str) -> None:
    meeting = find_meeting(state, meeting_id)
    live = _live(state, meeting)
    for user_id in list(live.participants):
        _leave(state, meeting, live, user_id, _HOST_ENDED)
    now = state.now()
    ended = {**_instance(meeting, live), "end_time": iso_z(now)}
    emit(state, "meeting.ended", lambda: {"object": ended})
    host = state.users.get(meeting["host_id"], {})
    state.past_meetings[live.uuid] = {
        "uuid": live.uuid,
        "id": meeting["id"],
        "host_id": meeting["host_id"],
        "type": meeting["type"],
        "topic": meeting["topic"],
        "user_name": host.get("display_name", ""),
        "user_email": host.get("email", ""),
        "start_time": iso_z(live.started_at),
        "end_time": iso_z(now),
        "duration": math.ceil((now - live.started_at) / 60),
        "total_minutes": _total_minutes(live.attendance),
        "participants_count": len(live.attendance),
        "dept": host.get("dept", ""),
        "source": "Zoom",
    }
    state.past_participants[live.uuid] = live.attendance
    del state.live_meetings[meeting["id"]]
    meeting["status"] = "waiting"
    meeting["uuid"] = state.ids.meeting_uuid()


def _total_minutes(attendance: list[dict[str, Any]]) -> int:
    seconds = 0.0
    for record in attendance:
        left = parse_start_time(record["leave_time"], "UTC")
        seconds += left - parse_start_time(record["join_time"], "UTC")
    return math.ceil(seconds / 60)
