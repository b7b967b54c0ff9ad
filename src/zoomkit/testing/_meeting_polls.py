"""Meeting polls, and the answers participants give while the meeting runs.

Operations: ``meetingPolls`` (unpaginated, ``anonymous`` filter), ``meetingPollCreate`` (201),
``meetingPollGet``, ``meetingPollUpdate`` (PUT replaces, 204), ``meetingPollDelete`` (204) and
``createBatchPolls`` (201). Unknown polls answer Zoom's 404 with code 404.

No API answers a poll; a test calls ``fake.answer_poll(...)`` for a participant of a started
meeting. Answers are kept by the instance UUID, so they become the past instance's when the
meeting ends (``GET /past_meetings/{uuid}/polls``).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._meeting_store import MeetingExtras
from ._meetings import meeting_or_404
from ._state import State
from ._times import iso_z

__all__ = ["ROUTES", "answer_poll"]

_QUESTION_TYPES = frozenset(
    {
        "single",
        "multiple",
        "matching",
        "rank_order",
        "short_answer",
        "long_answer",
        "fill_in_the_blank",
        "rating_scale",
    }
)
_QUESTION_DEFAULTS = {"answer_required": False, "case_sensitive": False, "show_as_dropdown": False}


def _poll_errors(body: object, prefix: str = "") -> list[dict[str, str]]:
    if not isinstance(body, dict):
        return [{"field": prefix.rstrip(".") or "body", "message": "Invalid field."}]
    errors = []
    title = body.get("title")
    if not isinstance(title, str) or not 0 < len(title) <= 64:
        errors.append({"field": f"{prefix}title", "message": "Invalid field."})
    questions = body.get("questions")
    if not isinstance(questions, list) or not questions:
        errors.append({"field": f"{prefix}questions", "message": "Invalid field."})
        return errors
    for index, question in enumerate(questions):
        where = f"{prefix}questions[{index}]"
        if not isinstance(question, dict) or not question.get("name"):
            errors.append({"field": f"{where}.name", "message": "Invalid field."})
        elif question.get("type") not in _QUESTION_TYPES:
            errors.append({"field": f"{where}.type", "message": "Invalid field."})
        elif question["type"] in ("single", "multiple") and not question.get("answers"):
            errors.append({"field": f"{where}.answers", "message": "Invalid field."})
    if body.get("poll_type", 1) not in (1, 2, 3):
        errors.append({"field": f"{prefix}poll_type", "message": "Invalid field."})
    return errors


def _stored_poll(poll_id: str, body: dict[str, Any], status: str = "notstart") -> dict[str, Any]:
    return {
        "id": poll_id,
        "title": body["title"],
        "anonymous": bool(body.get("anonymous", False)),
        "poll_type": body.get("poll_type", 1),
        "status": status,
        "questions": [{**_QUESTION_DEFAULTS, **copy.deepcopy(q)} for q in body["questions"]],
    }


def _extras(state: State, call: Call) -> tuple[dict[str, Any], MeetingExtras]:
    meeting = meeting_or_404(state, call.params["meetingId"])
    return meeting, state.meeting_store.of(meeting["id"])


def _poll(extras: MeetingExtras, poll_id: str) -> dict[str, Any]:
    poll = extras.polls.get(poll_id)
    if poll is None:
        raise ZoomAPIError(404, 404, "Meeting Poll not found.")
    return poll


def _list(state: State, call: Call) -> Response:
    _meeting, extras = _extras(state, call)
    anonymous = call.query.get("anonymous")
    polls = [
        copy.deepcopy(poll)
        for poll in extras.polls.values()
        if anonymous is None or poll["anonymous"] == (anonymous == "true")
    ]
    return Response(200, {"total_records": len(polls), "polls": polls})


def _create(state: State, call: Call) -> Response:
    _meeting, extras = _extras(state, call)
    body = call.json_object()
    errors = _poll_errors(body)
    if errors:
        raise validation_failed(errors)
    poll = _stored_poll(state.ids.opaque(), body)
    extras.polls[poll["id"]] = poll
    return Response(201, copy.deepcopy(poll))


def _batch(state: State, call: Call) -> Response:
    _meeting, extras = _extras(state, call)
    polls = call.json_object().get("polls")
    if not isinstance(polls, list) or not polls:
        raise validation_failed([{"field": "polls", "message": "Invalid field."}])
    errors = [e for n, body in enumerate(polls) for e in _poll_errors(body, f"polls[{n}].")]
    if errors:
        raise validation_failed(errors)
    created = [_stored_poll(state.ids.opaque(), body) for body in polls]
    for poll in created:
        extras.polls[poll["id"]] = poll
    return Response(201, {"polls": copy.deepcopy(created)})


def _get(state: State, call: Call) -> Response:
    _meeting, extras = _extras(state, call)
    return Response(200, copy.deepcopy(_poll(extras, call.params["pollId"])))


def _update(state: State, call: Call) -> Response:
    _meeting, extras = _extras(state, call)
    poll = _poll(extras, call.params["pollId"])
    body = call.json_object()
    errors = _poll_errors(body)
    if errors:
        raise validation_failed(errors)
    extras.polls[poll["id"]] = _stored_poll(poll["id"], body, poll["status"])
    return Response.empty()


def _delete(state: State, call: Call) -> Response:
    _meeting, extras = _extras(state, call)
    poll = _poll(extras, call.params["pollId"])
    del extras.polls[poll["id"]]
    return Response.empty()


def answer_poll(
    state: State,
    meeting_id: int | str,
    participant_id: str,
    poll_id: str,
    answers: Mapping[str, str | Sequence[str]],
) -> None:
    """A participant of the started meeting answers ``poll_id`` (question name → answer).

    Several answers to one question (a ``multiple`` question) are joined with ``;`` as Zoom
    reports them. Raises ValueError for an unknown meeting, participant, poll or question.
    """
    meeting = state.meetings.get(int(meeting_id)) if str(meeting_id).isdigit() else None
    live = state.live_meetings.get(meeting["id"]) if meeting is not None else None
    if meeting is None or live is None:
        raise ValueError(f"meeting {meeting_id!r} is not started; call start_meeting() first")
    who = next(
        (p for p in live.participants.values() if participant_id in (p["user_id"], p["id"])),
        None,
    )
    if who is None:
        raise ValueError(f"no participant {participant_id!r} in meeting {meeting_id}")
    poll = state.meeting_store.of(meeting["id"]).polls.get(poll_id)
    if poll is None:
        raise ValueError(f"meeting {meeting_id} has no poll {poll_id!r}")
    names = {question["name"] for question in poll["questions"]}
    unknown = sorted(set(answers) - names)
    if unknown:
        raise ValueError(f"poll {poll_id!r} has no question {unknown[0]!r}")
    now = iso_z(state.now())
    details = [
        {
            "question": question,
            "answer": answer if isinstance(answer, str) else ";".join(answer),
            "polling_id": poll_id,
            "date_time": now,
        }
        for question, answer in answers.items()
    ]
    voters = state.meeting_store.poll_answers.setdefault(live.uuid, [])
    voter = next(
        (v for v in voters if (v["name"], v["email"]) == (who["user_name"], who["email"])), None
    )
    if voter is None:
        voter = {"name": who["user_name"], "email": who["email"], "question_details": []}
        voters.append(voter)
    voter["question_details"].extend(details)


_PATH = "/v2/meetings/{meetingId}/polls"

ROUTES = [
    Route("GET", _PATH, "meetingPolls", _list),
    Route("POST", _PATH, "meetingPollCreate", _create),
    Route("GET", _PATH + "/{pollId}", "meetingPollGet", _get),
    Route("PUT", _PATH + "/{pollId}", "meetingPollUpdate", _update),
    Route("DELETE", _PATH + "/{pollId}", "meetingPollDelete", _delete),
    Route("POST", "/v2/meetings/{meetingId}/batch_polls", "createBatchPolls", _batch),
]
