"""Webinars in progress: start, attendees joining and leaving, poll answers, Q&A, end.

No Zoom API starts a webinar or joins an attendee (people do that in the Zoom client), so tests
drive these through ``fake.start_webinar()`` and friends. Ending a webinar (a test control or
``PUT /webinars/{webinarId}/status``) records a past instance: its participants, the approved
registrants who never joined (absentees), poll answers and Q&A; and, as Zoom does, gives the
webinar a fresh UUID for its next instance.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ._events import emit, meeting_object
from ._times import iso_z
from ._webinar_store import LiveWebinar, PastWebinar

if TYPE_CHECKING:
    from ._state import State

__all__ = [
    "add_participant",
    "answer_poll",
    "ask_question",
    "end_webinar",
    "find_webinar",
    "remove_participant",
    "start_webinar",
]


def find_webinar(state: State, webinar_id: int | str) -> dict[str, Any]:
    """The stored webinar, or ValueError naming the id."""
    found = state.webinar_store.webinars.get(int(webinar_id)) if str(webinar_id).isdigit() else None
    if found is None:
        raise ValueError(f"unknown webinar id {webinar_id!r}")
    return found


def _live(state: State, webinar_id: int | str) -> tuple[dict[str, Any], LiveWebinar]:
    webinar = find_webinar(state, webinar_id)
    live = state.webinar_store.live.get(webinar["id"])
    if live is None:
        raise ValueError(f"webinar {webinar['id']} is not started; call start_webinar() first")
    return webinar, live


def _instance(webinar: dict[str, Any], live: LiveWebinar) -> dict[str, Any]:
    """The object live-webinar events carry: this instance's UUID and actual start time."""
    shown = meeting_object(webinar, id_as_string=True)
    shown["uuid"] = live.uuid
    shown["start_time"] = iso_z(live.started_at)
    return shown


def start_webinar(state: State, webinar_id: int | str) -> None:
    webinar = find_webinar(state, webinar_id)
    if webinar["id"] in state.webinar_store.live:
        raise ValueError(f"webinar {webinar['id']} is already started")
    live = state.webinar_store.live[webinar["id"]] = LiveWebinar(webinar["uuid"], state.now())
    emit(state, "webinar.started", lambda: {"object": _instance(webinar, live)})


def _registrant_for(state: State, webinar_id: int, email: str | None) -> dict[str, Any] | None:
    if not email:
        return None
    for registrant in state.webinar_store.of(webinar_id).registrants.values():
        if registrant["email"].casefold() == email.casefold():
            return registrant
    return None


def add_participant(
    state: State, webinar_id: int | str, *, name: str, email: str | None = None
) -> dict[str, Any]:
    """Someone joins; a registrant's email ties the attendance to the registration."""
    webinar, live = _live(state, webinar_id)
    user = state.find_user(email, None) if email else None
    registrant = _registrant_for(state, webinar["id"], email)
    user_id = str(live.next_user_id)
    live.next_user_id += 1
    record: dict[str, Any] = {
        "id": user["id"] if user is not None else "",
        "user_id": user_id,
        "name": name,
        "user_email": email or "",
        "registrant_id": registrant["id"] if registrant is not None else "",
        "join_time": iso_z(state.now()),
        "failover": False,
        "internal_user": user is not None,
        "status": "in_meeting",
    }
    live.present[user_id] = record
    live.attendance.append(record)
    joined = {
        "user_id": user_id,
        "user_name": name,
        "id": record["id"],
        "join_time": record["join_time"],
        "email": email or "",
        "registrant_id": record["registrant_id"],
    }
    emit(
        state,
        "webinar.participant_joined",
        lambda: {"object": {**_instance(webinar, live), "participant": joined}},
    )
    return copy.deepcopy(record)


def _leave(
    state: State, webinar: dict[str, Any], live: LiveWebinar, record: dict[str, Any]
) -> None:
    now = state.now()
    record["leave_time"] = iso_z(now)
    joined = _epoch_of(record["join_time"])
    record["duration"] = max(int(now - joined), 0)
    left = {
        "user_id": record["user_id"],
        "user_name": record["name"],
        "id": record["id"],
        "leave_time": record["leave_time"],
        "email": record["user_email"],
        "registrant_id": record["registrant_id"],
    }
    emit(
        state,
        "webinar.participant_left",
        lambda: {"object": {**_instance(webinar, live), "participant": left}},
    )


def _epoch_of(iso: str) -> float:
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()


def remove_participant(state: State, webinar_id: int | str, user_id: str) -> None:
    """The attendee (by the per-instance ``user_id`` ``add_participant`` gave) leaves."""
    webinar, live = _live(state, webinar_id)
    record = live.present.pop(user_id, None)
    if record is None:
        raise ValueError(f"no participant {user_id!r} is in webinar {webinar_id}")
    _leave(state, webinar, live, record)


def answer_poll(
    state: State,
    webinar_id: int | str,
    *,
    poll_id: str,
    name: str,
    email: str,
    answers: Mapping[str, str | Sequence[str]],
) -> None:
    """An attendee answers a poll: ``answers`` maps each question to the answer(s) given."""
    webinar, live = _live(state, webinar_id)
    poll = state.webinar_store.of(webinar["id"]).polls.get(poll_id)
    if poll is None:
        raise ValueError(f"webinar {webinar['id']} has no poll {poll_id!r}")
    asked = {question["name"] for question in poll["questions"]}
    unknown = sorted(set(answers) - asked)
    if unknown:
        raise ValueError(f"poll {poll_id!r} has no question {unknown[0]!r}")
    now = iso_z(state.now())
    details = [
        {
            "polling_id": poll_id,
            "question": question,
            "answer": answer if isinstance(answer, str) else ";".join(answer),
            "date_time": now,
        }
        for question, answer in answers.items()
    ]
    _entry_for(live.poll_answers, name, email)["question_details"].extend(details)


def ask_question(
    state: State,
    webinar_id: int | str,
    *,
    name: str,
    email: str,
    question: str,
    answer: str = "",
) -> None:
    """An attendee asks in the Q&A (``answer`` is what a panelist replied, if anything)."""
    _, live = _live(state, webinar_id)
    entry = _entry_for(live.qa, name, email)
    entry["question_details"].append({"question": question, "answer": answer})


def _entry_for(entries: list[dict[str, Any]], name: str, email: str) -> dict[str, Any]:
    for entry in entries:
        if entry["email"].casefold() == email.casefold():
            return entry
    entry = {"name": name, "email": email, "question_details": []}
    entries.append(entry)
    return entry


def end_webinar(state: State, webinar_id: int | str) -> dict[str, Any]:
    """Everyone still in leaves; the instance becomes a past webinar. Returns its details."""
    webinar, live = _live(state, webinar_id)
    for record in list(live.present.values()):
        _leave(state, webinar, live, record)
    live.present.clear()
    now = state.now()
    ended = {**_instance(webinar, live), "end_time": iso_z(now)}
    emit(state, "webinar.ended", lambda: {"object": ended})
    attended = {record["user_email"].casefold() for record in live.attendance}
    absentees = [
        copy.deepcopy(registrant)
        for registrant in state.webinar_store.of(webinar["id"]).registrants.values()
        if registrant["status"] == "approved" and registrant["email"].casefold() not in attended
    ]
    instance = {
        "uuid": live.uuid,
        "id": webinar["id"],
        "host_id": webinar["host_id"],
        "topic": webinar["topic"],
        "type": webinar["type"],
        "start_time": iso_z(live.started_at),
        "end_time": iso_z(now),
        "duration": max(round((now - live.started_at) / 60), 1),
        "participants_count": len(live.attendance),
    }
    state.webinar_store.past[live.uuid] = PastWebinar(
        instance=instance,
        participants=live.attendance,
        absentees=absentees,
        poll_answers=live.poll_answers,
        qa=live.qa,
    )
    del state.webinar_store.live[webinar["id"]]
    webinar["uuid"] = state.ids.meeting_uuid()  # the next instance gets a new one
    return copy.deepcopy(instance)
