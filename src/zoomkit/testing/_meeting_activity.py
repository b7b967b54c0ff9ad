"""What happened in an ended instance beyond attendance: the list of instances, poll answers, Q&A.

Operations: ``pastMeetings`` (``GET /past_meetings/{meetingId}/instances``, unpaginated),
``listPastMeetingPolls`` and ``listPastMeetingQA``, both by meeting id (the latest instance) or
instance UUID (double-encoded when it starts with ``/`` or contains ``//``).

Answers and questions come from the live meeting: ``fake.answer_poll(...)`` and
``fake.ask_question(...)`` record them under the running instance's UUID, which the instance
keeps when the meeting ends.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError
from ._past_meetings import _instance
from ._state import State

__all__ = ["ROUTES", "ask_question"]

_POLL_RETENTION_SECONDS = 365 * 86_400
"""Zoom answers 12702 for poll results of meetings more than a year old."""


def ask_question(
    state: State,
    meeting_id: int | str,
    participant_id: str,
    question: str,
    *,
    answer: str | None = None,
) -> None:
    """A participant of the started meeting asks in Q&A (and, optionally, gets an ``answer``).

    The meeting must have Q&A on (``settings.question_and_answer.enable``). Raises ValueError
    for an unknown meeting or participant.
    """
    meeting = state.meetings.get(int(meeting_id)) if str(meeting_id).isdigit() else None
    live = state.live_meetings.get(meeting["id"]) if meeting is not None else None
    if meeting is None or live is None:
        raise ValueError(f"meeting {meeting_id!r} is not started; call start_meeting() first")
    if not meeting["settings"].get("question_and_answer", {}).get("enable"):
        raise ValueError(
            f"meeting {meeting_id} has Q&A off; create it with "
            "settings={'question_and_answer': {'enable': True}}"
        )
    who = next(
        (p for p in live.participants.values() if participant_id in (p["user_id"], p["id"])),
        None,
    )
    if who is None:
        raise ValueError(f"no participant {participant_id!r} in meeting {meeting_id}")
    askers = state.meeting_store.qa.setdefault(live.uuid, [])
    asker = next(
        (a for a in askers if (a["name"], a["email"]) == (who["user_name"], who["email"])), None
    )
    if asker is None:
        asker = {"name": who["user_name"], "email": who["email"], "question_details": []}
        askers.append(asker)
    asker["question_details"].append({"question": question, "answer": answer or ""})


def _instances(state: State, call: Call) -> Response:
    raw = call.params["meetingId"]
    if not raw.isdigit():
        raise ZoomAPIError(400, 300, "Invalid meeting id.")
    meeting_id = int(raw)
    ended = sorted(
        (p for p in state.past_meetings.values() if p["id"] == meeting_id),
        key=lambda p: p["start_time"],
    )
    if not ended and meeting_id not in state.meetings:
        raise ZoomAPIError(404, 3001, f"Meeting does not exist: {meeting_id}.")
    return Response(
        200, {"meetings": [{"uuid": p["uuid"], "start_time": p["start_time"]} for p in ended]}
    )


def _header(instance: dict[str, Any]) -> dict[str, Any]:
    return {"id": instance["id"], "uuid": instance["uuid"], "start_time": instance["start_time"]}


def _seconds(iso: str) -> float:
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()


def _polls(state: State, call: Call) -> Response:
    instance = _instance(
        state, call.params["meetingId"], "This meeting is not available or ID is not valid."
    )
    if state.now() - _seconds(instance["start_time"]) > _POLL_RETENTION_SECONDS:
        raise ZoomAPIError(400, 12702, "Can not access a meeting a year ago.")
    answers = state.meeting_store.poll_answers.get(instance["uuid"], [])
    return Response(200, {**_header(instance), "questions": copy.deepcopy(answers)})


def _qa(state: State, call: Call) -> Response:
    instance = _instance(state, call.params["meetingId"], "Meeting ID is invalid or not end.")
    questions = state.meeting_store.qa.get(instance["uuid"], [])
    return Response(200, {**_header(instance), "questions": copy.deepcopy(questions)})


ROUTES = [
    Route("GET", "/v2/past_meetings/{meetingId}/instances", "pastMeetings", _instances),
    Route("GET", "/v2/past_meetings/{meetingId}/polls", "listPastMeetingPolls", _polls),
    Route("GET", "/v2/past_meetings/{meetingId}/qa", "listPastMeetingQA", _qa),
]
