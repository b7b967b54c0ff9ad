"""Meeting registrants: add (one or a batch of 30), list by status, get, delete, approve.

Operations: ``meetingRegistrantCreate`` (201), ``addBatchRegistrants`` (200, scheduled meetings
only), ``meetingRegistrants`` (paginated, ``status`` filter, default ``approved``),
``meetingRegistrantGet``, ``meetingregistrantdelete`` (204), ``meetingRegistrantStatus`` (204:
approve, deny, or cancel an approved registration), ``meetingRegistrantsQuestionsGet`` and
``meetingRegistrantQuestionUpdate`` (204).

Registration must be on (``settings.approval_type`` 0 or 1). Registering an email twice gives
back the first registration, as Zoom does; every registrant has a personal ``join_url``.
"""

from __future__ import annotations

import copy
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._meeting_store import MeetingExtras
from ._meetings import meeting_or_404
from ._pagination import paginate
from ._registrant_rules import (
    OPTIONAL_FIELDS,
    STATUSES,
    batch_items,
    chosen_for_status,
    field_errors,
    question_errors,
    store_questions,
    transition,
)
from ._state import State
from ._times import iso_z

__all__ = ["ROUTES"]

MAX_REGISTRANTS = 4_999


def _registering(state: State, call: Call) -> tuple[dict[str, Any], MeetingExtras]:
    """The meeting, which must take registrations, and its stored extras."""
    meeting = meeting_or_404(state, call.params["meetingId"])
    if meeting["settings"].get("approval_type", 2) not in (0, 1):
        raise ZoomAPIError(
            400, 300, f"This meeting has not set registration as required: {meeting['id']}."
        )
    return meeting, state.meeting_store.of(meeting["id"])


def _registration_off(meeting: dict[str, Any]) -> ZoomAPIError:
    return ZoomAPIError(
        400, 404, f"Registration has not been enabled for this meeting: {meeting['id']}."
    )


def _register(
    state: State, meeting: dict[str, Any], extras: MeetingExtras, body: dict[str, Any]
) -> dict[str, Any]:
    """Store a registration (or find the one this email already has) and return it."""
    email = body["email"]
    for existing in extras.registrants.values():
        if existing["email"].casefold() == email.casefold():
            return existing
    if len(extras.registrants) >= MAX_REGISTRANTS:
        raise ZoomAPIError(400, 3043, "Meeting has reached maximum attendee capacity.")
    manual = meeting["settings"].get("approval_type") == 1
    registrant_id = state.ids.opaque()
    pwd = f"&pwd={meeting['encrypted_password']}" if meeting.get("encrypted_password") else ""
    registrant: dict[str, Any] = {
        "id": registrant_id,
        "first_name": body["first_name"],
        "last_name": "",
        "email": email,
        **{name: copy.deepcopy(body[name]) for name in OPTIONAL_FIELDS if name in body},
        "status": "pending" if manual and not body.get("auto_approve") else "approved",
        "create_time": iso_z(state.now()),
        "join_url": (f"https://us05web.zoom.us/w/{meeting['id']}?tk={state.ids.secret(43)}{pwd}"),
        "participant_pin_code": int(state.ids.digits(6)),
    }
    registrant.setdefault("custom_questions", [])
    extras.registrants[registrant_id] = registrant
    return registrant


def _create(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    if meeting["settings"].get("approval_type", 2) not in (0, 1):
        raise _registration_off(meeting)
    body = call.json_object()
    errors = field_errors(body)
    if errors:
        raise validation_failed(errors)
    state.limits.count_registrations("meeting", meeting["id"], [body["email"]], state.now())
    registrant = _register(state, meeting, state.meeting_store.of(meeting["id"]), body)
    answer: dict[str, Any] = {
        "id": meeting["id"],
        "registrant_id": registrant["id"],
        "join_url": registrant["join_url"],
        "topic": meeting["topic"],
        "participant_pin_code": registrant["participant_pin_code"],
    }
    if "start_time" in meeting:
        answer["start_time"] = meeting["start_time"]
    if meeting.get("occurrences"):
        wanted = [o for o in call.query.get("occurrence_ids", "").split(",") if o]
        answer["occurrences"] = [
            copy.deepcopy(o)
            for o in meeting["occurrences"]
            if not wanted or o["occurrence_id"] in wanted
        ]
    return Response(201, answer)


def _batch(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    if meeting["type"] != 2:
        raise ZoomAPIError(
            400,
            303,
            "This API can only be used for scheduled meeting(meeting type: 2). "
            "Batch registration is not supported for other meeting types.",
        )
    if meeting["settings"].get("approval_type", 2) not in (0, 1):
        raise _registration_off(meeting)
    body = call.json_object()
    given = batch_items(body, field_errors)
    emails = [item["email"] for item in given]
    state.limits.count_registrations("meeting", meeting["id"], emails, state.now())
    extras = state.meeting_store.of(meeting["id"])
    auto_approve = bool(body.get("auto_approve"))
    created = [
        _register(state, meeting, extras, {**item, "auto_approve": auto_approve}) for item in given
    ]
    return Response(
        200,  # Zoom's files disagree (2023: 200, 2025: 201); both describe "200 OK"
        {
            "registrants": [
                {
                    "registrant_id": r["id"],
                    "email": r["email"],
                    "join_url": r["join_url"],
                    "participant_pin_code": r["participant_pin_code"],
                }
                for r in created
            ]
        },
    )


def _list(state: State, call: Call) -> Response:
    _meeting, extras = _registering(state, call)
    status = call.query.get("status") or "approved"
    if status not in STATUSES:
        raise validation_failed([{"field": "status", "message": "Invalid field."}])
    selected = [copy.deepcopy(r) for r in extras.registrants.values() if r["status"] == status]
    page = paginate(
        selected,
        call.query,
        key="registrants",
        scope=call.raw_path,
        pages=state.pages,
        now=state.now(),
    )
    return Response(200, page)


def _registrant(extras: MeetingExtras, registrant_id: str) -> dict[str, Any]:
    registrant = extras.registrants.get(registrant_id)
    if registrant is None:
        raise ZoomAPIError(400, 3000, f"Registrant {registrant_id} was not found.")
    return registrant


def _get(state: State, call: Call) -> Response:
    _meeting, extras = _registering(state, call)
    return Response(200, copy.deepcopy(_registrant(extras, call.params["registrantId"])))


def _delete(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    if meeting["settings"].get("approval_type", 2) not in (0, 1):
        raise _registration_off(meeting)
    extras = state.meeting_store.of(meeting["id"])
    registrant = _registrant(extras, call.params["registrantId"])
    del extras.registrants[registrant["id"]]
    return Response.empty()


def _status(state: State, call: Call) -> Response:
    """Apply an action to the named registrants (all of them when none are named).

    Registrants Zoom cannot find are skipped, as Zoom does; at most 30 may be named.
    """
    _meeting, extras = _registering(state, call)
    action, chosen = chosen_for_status(call.json_object(), extras.registrants)
    transition(action, chosen)
    return Response.empty()


def _get_questions(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    return Response(200, copy.deepcopy(state.meeting_store.of(meeting["id"]).questions))


def _update_questions(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    body = call.json_object()
    errors = question_errors(body, ("short", "single"))
    if errors:
        raise validation_failed(errors)
    store_questions(state.meeting_store.of(meeting["id"]).questions, body)
    return Response.empty()


_PATH = "/v2/meetings/{meetingId}/registrants"

ROUTES = [
    Route("GET", _PATH + "/questions", "meetingRegistrantsQuestionsGet", _get_questions),
    Route("PATCH", _PATH + "/questions", "meetingRegistrantQuestionUpdate", _update_questions),
    Route("PUT", _PATH + "/status", "meetingRegistrantStatus", _status),
    Route("GET", _PATH, "meetingRegistrants", _list),
    Route("POST", _PATH, "meetingRegistrantCreate", _create),
    Route("GET", _PATH + "/{registrantId}", "meetingRegistrantGet", _get),
    Route("DELETE", _PATH + "/{registrantId}", "meetingregistrantdelete", _delete),
    Route("POST", "/v2/meetings/{meetingId}/batch_registrants", "addBatchRegistrants", _batch),
]
