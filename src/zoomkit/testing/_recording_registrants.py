"""Registrants of on-demand recordings, and their registration form.

Operations: ``meetingRecordingRegistrants`` (GET, Medium), ``meetingRecordingRegistrantCreate``
(POST, Light), ``meetingRecordingRegistrantStatus`` (PUT .../status, Medium),
``recordingRegistrantsQuestionsGet`` and ``recordingRegistrantQuestionUpdate`` (Light), all under
``/meetings/{meetingId}/recordings/registrants``. Registrants belong to the meeting's latest
recording; a new one is ``pending`` when the recording's settings approve manually
(``approval_type`` 1), else ``approved``. Registering the same email again answers with the
existing registration, as Zoom does.
"""

from __future__ import annotations

import copy
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._pagination import paginate
from ._recordings import StoredRecording, find_recording
from ._registrant_rules import QUESTION_FIELDS
from ._state import State

__all__ = ["ROUTES"]

_STATUSES = ("approved", "pending", "denied")
_MAX_STATUS = 30
_TEXT_FIELDS = (
    "last_name",
    "address",
    "city",
    "state",
    "zip",
    "country",
    "phone",
    "comments",
    "industry",
    "job_title",
    "org",
)
_CHOICES: dict[str, tuple[str, ...]] = {
    "no_of_employees": (
        "",
        "1-20",
        "21-50",
        "51-100",
        "101-250",
        "251-500",
        "501-1,000",
        "1,001-5,000",
        "5,001-10,000",
        "More than 10,000",
    ),
    "purchasing_time_frame": (
        "",
        "Within a month",
        "1-3 months",
        "4-6 months",
        "More than 6 months",
        "No timeframe",
    ),
    "role_in_purchase_process": (
        "",
        "Decision Maker",
        "Evaluator/Recommender",
        "Influencer",
        "Not involved",
    ),
    "status": _STATUSES,
}


def _recording(state: State, call: Call) -> StoredRecording:
    raw = call.params["meetingId"]
    if not raw.isdigit():  # Zoom names the recording by its meeting id (int64) here
        raise ZoomAPIError(404, 3301, "There is no recording for this meeting.")
    return find_recording(state, raw)


def _registrant_problems(body: dict[str, Any]) -> list[str]:
    bad = []
    email = body.get("email")
    if not isinstance(email, str) or "@" not in email or len(email) > 128:
        bad.append("email")
    first = body.get("first_name")
    if not isinstance(first, str) or not 1 <= len(first) <= 64:
        bad.append("first_name")
    last = body.get("last_name", "")
    if not isinstance(last, str) or len(last) > 64:
        bad.append("last_name")
    bad += [name for name in _TEXT_FIELDS if name in body and not isinstance(body[name], str)]
    bad += [name for name, ok in _CHOICES.items() if name in body and body[name] not in ok]
    answers = body.get("custom_questions", [])
    if not isinstance(answers, list) or not all(
        isinstance(a, dict)
        and isinstance(a.get("title"), str)
        and isinstance(a.get("value", ""), str)
        and len(a.get("value", "")) <= 128
        for a in answers
    ):
        bad.append("custom_questions")
    return bad


def _create(state: State, call: Call) -> Response:
    stored = _recording(state, call)
    body = call.json_object()
    problems = _registrant_problems(body)
    if problems:
        raise validation_failed([{"field": name, "message": "Invalid field."} for name in problems])
    recording = stored.recording
    email = body["email"].casefold()
    same = (r for r in stored.registrants.values() if r["email"].casefold() == email)
    existing = next(same, None)
    if existing is None:
        manual = stored.settings.get("approval_type") == 1
        existing = {
            "id": state.ids.opaque(),
            "email": body["email"],
            "first_name": body["first_name"],
            **{name: body[name] for name in (*_TEXT_FIELDS, *_CHOICES) if name in body},
            "custom_questions": copy.deepcopy(body.get("custom_questions", [])),
        }
        existing.setdefault("status", "pending" if manual else "approved")
        stored.registrants[existing["id"]] = existing
    answer = {
        "id": recording["id"],
        "registrant_id": existing["id"],
        "share_url": recording.get("share_url", ""),
        "topic": recording["topic"],
    }
    return Response(201, answer)


def _list(state: State, call: Call) -> Response:
    stored = _recording(state, call)
    status = call.query.get("status", "approved") or "approved"
    if status not in _STATUSES:
        raise ZoomAPIError(400, 300, "Invalid parameter: status.")
    chosen = [copy.deepcopy(r) for r in stored.registrants.values() if r["status"] == status]
    page = paginate(
        chosen,
        call.query,
        key="registrants",
        scope=call.raw_path,
        pages=state.pages,
        now=state.now(),
    )
    return Response(200, page)


def _update_status(state: State, call: Call) -> Response:
    stored = _recording(state, call)
    body = call.json_object()
    action = body.get("action")
    if action not in ("approve", "deny"):
        raise validation_failed([{"field": "action", "message": "Invalid field."}])
    named = body.get("registrants")
    if named is None:  # none named: every pending registrant
        chosen = [r for r in stored.registrants.values() if r["status"] == "pending"]
    elif (
        isinstance(named, list)
        and 1 <= len(named) <= _MAX_STATUS
        and all(isinstance(item, dict) and isinstance(item.get("id"), str) for item in named)
    ):
        chosen = [stored.registrants[i["id"]] for i in named if i["id"] in stored.registrants]
    else:
        raise validation_failed([{"field": "registrants", "message": "Invalid field."}])
    for registrant in chosen:
        registrant["status"] = "approved" if action == "approve" else "denied"
    return Response.empty()


def _get_questions(state: State, call: Call) -> Response:
    return Response(200, copy.deepcopy(_recording(state, call).questions))


def _question_problems(body: dict[str, Any]) -> list[str]:
    bad = []
    questions = body.get("questions", [])
    if not isinstance(questions, list) or not all(
        isinstance(q, dict)
        and q.get("field_name") in QUESTION_FIELDS
        and isinstance(q.get("required", False), bool)
        for q in questions
    ):
        bad.append("questions")
    custom = body.get("custom_questions", [])
    if not isinstance(custom, list) or not all(
        isinstance(q, dict)
        and isinstance(q.get("title"), str)
        and q.get("type") in ("short", "single", "multiple")
        and isinstance(q.get("answers", []), list)
        for q in custom
    ):
        bad.append("custom_questions")
    return bad


def _update_questions(state: State, call: Call) -> Response:
    stored = _recording(state, call)
    body = call.json_object()
    problems = _question_problems(body)
    if problems:
        raise validation_failed([{"field": name, "message": "Invalid field."} for name in problems])
    for key in ("questions", "custom_questions"):
        if key in body:
            stored.questions[key] = copy.deepcopy(body[key])
    return Response.empty()


_PATH = "/v2/meetings/{meetingId}/recordings/registrants"

ROUTES = [
    Route("GET", _PATH, "meetingRecordingRegistrants", _list),
    Route("POST", _PATH, "meetingRecordingRegistrantCreate", _create),
    Route("PUT", _PATH + "/status", "meetingRecordingRegistrantStatus", _update_status),
    Route("GET", _PATH + "/questions", "recordingRegistrantsQuestionsGet", _get_questions),
    Route("PATCH", _PATH + "/questions", "recordingRegistrantQuestionUpdate", _update_questions),
]
