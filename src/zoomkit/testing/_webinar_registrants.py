"""Webinar registrants: add (one or a batch of 30), list by status, get, delete, approve.

Operations: ``webinarRegistrantCreate`` (201), ``addBatchWebinarRegistrants`` (200, webinars of
type 5 only), ``webinarRegistrants`` (paginated, ``status`` filter, default ``approved``, and
``tracking_source_id``), ``webinarRegistrantGet``, ``deleteWebinarRegistrant`` (204),
``webinarRegistrantStatus`` (204: approve, deny, or cancel an approved registration),
``webinarRegistrantsQuestionsGet`` and ``webinarRegistrantQuestionUpdate`` (204).

Registration must be on (``settings.approval_type`` 0 or 1). Registering an email twice gives
back the first registration, as Zoom does; ``registrants_restrict_number`` caps approvals.
"""

from __future__ import annotations

import copy
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._pagination import paginate
from ._state import State
from ._times import iso_z
from ._webinar_common import webinar_or_404
from ._webinar_store import WebinarExtras

__all__ = ["ROUTES"]

_BATCH_SIZE = 30
_STATUSES = ("approved", "pending", "denied")
_OPTIONAL_FIELDS = (
    "last_name",
    "address",
    "city",
    "state",
    "zip",
    "country",
    "phone",
    "comments",
    "custom_questions",
    "industry",
    "job_title",
    "no_of_employees",
    "org",
    "purchasing_time_frame",
    "role_in_purchase_process",
    "language",
)
_FIELD_NAMES = frozenset(
    {
        "last_name",
        "address",
        "city",
        "country",
        "zip",
        "state",
        "phone",
        "industry",
        "org",
        "job_title",
        "purchasing_time_frame",
        "role_in_purchase_process",
        "no_of_employees",
        "comments",
    }
)
_CUSTOM_TYPES = frozenset({"short", "single_radio", "single_dropdown", "multiple"})
# A registrant goes from one status to another by each action; others are left as they are.
_TRANSITIONS = {
    "approve": {"pending": "approved", "denied": "approved"},
    "deny": {"pending": "denied", "approved": "denied"},
    "cancel": {"approved": "denied"},
}


def _registering(state: State, call: Call) -> tuple[dict[str, Any], WebinarExtras]:
    """The webinar, which must take registrations, and its stored extras."""
    webinar = webinar_or_404(state, call.params["webinarId"])
    if webinar["settings"].get("approval_type", 2) not in (0, 1):
        raise ZoomAPIError(
            400, 3000, f"Registration has not been enabled for this webinar: {webinar['id']}."
        )
    return webinar, state.webinar_store.of(webinar["id"])


def _field_errors(body: dict[str, Any], prefix: str = "") -> list[dict[str, str]]:
    errors = []
    email = body.get("email")
    if not isinstance(email, str) or "@" not in email or len(email) > 128:
        errors.append({"field": f"{prefix}email", "message": "Invalid field."})
    first_name = body.get("first_name")
    if not isinstance(first_name, str) or not 0 < len(first_name) <= 64:
        errors.append({"field": f"{prefix}first_name", "message": "Invalid field."})
    if len(str(body.get("last_name", ""))) > 64:
        errors.append({"field": f"{prefix}last_name", "message": "Invalid field."})
    answers = body.get("custom_questions", [])
    if not isinstance(answers, list) or not all(
        isinstance(a, dict) and len(str(a.get("value", ""))) <= 128 for a in answers
    ):
        errors.append({"field": f"{prefix}custom_questions", "message": "Invalid field."})
    return errors


def _approved_count(extras: WebinarExtras) -> int:
    return sum(1 for r in extras.registrants.values() if r["status"] == "approved")


def _check_capacity(webinar: dict[str, Any], extras: WebinarExtras, adding: int) -> None:
    limit = webinar["settings"].get("registrants_restrict_number", 0)
    if limit and _approved_count(extras) + adding > limit:
        raise ZoomAPIError(
            400,
            3000,
            "You have reached the limit for the number of attendees you can add. "
            "Contact Zoom Support for more information.",
        )


def _register(
    state: State,
    webinar: dict[str, Any],
    extras: WebinarExtras,
    body: dict[str, Any],
    *,
    approve: bool,
) -> dict[str, Any]:
    """Store a registration (or find the one this email already has) and return it."""
    email = body["email"]
    if email.casefold() == webinar["host_email"].casefold():
        raise ZoomAPIError(400, 3027, "Host cannot register.")
    for existing in extras.registrants.values():
        if existing["email"].casefold() == email.casefold():
            return existing
    if approve:
        _check_capacity(webinar, extras, 1)
    registrant_id = state.ids.opaque()
    pwd = f"&pwd={webinar['encrypted_passcode']}" if webinar.get("encrypted_passcode") else ""
    registrant: dict[str, Any] = {
        "id": registrant_id,
        "first_name": body["first_name"],
        "last_name": "",
        "email": email,
        **{name: copy.deepcopy(body[name]) for name in _OPTIONAL_FIELDS if name in body},
        "status": "approved" if approve else "pending",
        "create_time": iso_z(state.now()),
        "join_url": f"https://us05web.zoom.us/w/{webinar['id']}?tk={state.ids.secret(43)}{pwd}",
    }
    registrant.setdefault("custom_questions", [])
    extras.registrants[registrant_id] = registrant
    source_id = body.get("source_id")
    for source in extras.tracking_sources:
        if source["id"] == source_id:
            source["registration_count"] += 1
            extras.sources[registrant_id] = source["id"]
    return registrant


def _create(state: State, call: Call) -> Response:
    webinar, extras = _registering(state, call)
    body = call.json_object()
    errors = _field_errors(body)
    if errors:
        raise validation_failed(errors)
    state.limits.count_registrations("webinar", webinar["id"], [body["email"]], state.now())
    approve = webinar["settings"].get("approval_type") == 0
    registrant = _register(state, webinar, extras, body, approve=approve)
    answer: dict[str, Any] = {
        "id": str(webinar["id"]),
        "registrant_id": registrant["id"],
        "join_url": registrant["join_url"],
        "topic": webinar["topic"],
    }
    if "start_time" in webinar:
        answer["start_time"] = webinar["start_time"]
    if webinar.get("occurrences"):
        wanted = [o for o in call.query.get("occurrence_ids", "").split(",") if o]
        answer["occurrences"] = [
            copy.deepcopy(o)
            for o in webinar["occurrences"]
            if not wanted or o["occurrence_id"] in wanted
        ]
    return Response(201, answer)


def _batch(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    if webinar["type"] != 5:
        raise ZoomAPIError(
            400,
            300,
            "This API can only be used for scheduled webinars (type 5). "
            "Batch registration is not supported for other webinar types.",
        )
    webinar, extras = _registering(state, call)
    body = call.json_object()
    given = body.get("registrants")
    if not isinstance(given, list) or not 0 < len(given) <= _BATCH_SIZE:
        raise validation_failed([{"field": "registrants", "message": "Invalid field."}])
    errors = [
        error
        for index, item in enumerate(given)
        for error in (
            _field_errors(item, f"registrants[{index}].")
            if isinstance(item, dict)
            else [{"field": f"registrants[{index}]", "message": "Invalid field."}]
        )
    ]
    if errors:
        raise validation_failed(errors)
    emails = [item["email"] for item in given]
    state.limits.count_registrations("webinar", webinar["id"], emails, state.now())
    approve = bool(body.get("auto_approve")) or webinar["settings"].get("approval_type") == 0
    known = {r["email"].casefold() for r in extras.registrants.values()}
    if approve:
        new = {item["email"].casefold() for item in given} - known
        _check_capacity(webinar, extras, len(new))
    created = [_register(state, webinar, extras, item, approve=approve) for item in given]
    listed = [
        {"registrant_id": r["id"], "email": r["email"], "join_url": r["join_url"]} for r in created
    ]
    return Response(200, {"registrants": listed})


def _list(state: State, call: Call) -> Response:
    _webinar, extras = _registering(state, call)
    status = call.query.get("status") or "approved"
    if status not in _STATUSES:
        raise validation_failed([{"field": "status", "message": "Invalid field."}])
    source = call.query.get("tracking_source_id")
    selected = [
        copy.deepcopy(r)
        for r in extras.registrants.values()
        if r["status"] == status and (not source or extras.sources.get(r["id"]) == source)
    ]
    page = paginate(
        selected,
        call.query,
        key="registrants",
        scope=call.raw_path,
        pages=state.pages,
        now=state.now(),
    )
    return Response(200, page)


def _get(state: State, call: Call) -> Response:
    _webinar, extras = _registering(state, call)
    registrant_id = call.params["registrantId"]
    registrant = extras.registrants.get(registrant_id)
    if registrant is None:
        raise ZoomAPIError(400, 3079, f"This registrant does not exist: {registrant_id}.")
    return Response(200, copy.deepcopy(registrant))


def _delete(state: State, call: Call) -> Response:
    _webinar, extras = _registering(state, call)
    registrant_id = call.params["registrantId"]
    if registrant_id not in extras.registrants:
        raise ZoomAPIError(400, 3000, f"Registrant {registrant_id} was not found.")
    del extras.registrants[registrant_id]
    extras.sources.pop(registrant_id, None)
    return Response.empty()


def _named(extras: WebinarExtras, ref: object) -> dict[str, Any] | None:
    if not isinstance(ref, dict):
        return None
    if ref.get("id"):
        return extras.registrants.get(ref["id"])
    email = str(ref.get("email", "")).casefold()
    return next((r for r in extras.registrants.values() if r["email"].casefold() == email), None)


def _status(state: State, call: Call) -> Response:
    """Apply an action to the named registrants (all of them when none are named).

    Registrants Zoom cannot find are skipped, as Zoom does; at most 30 may be named.
    """
    webinar, extras = _registering(state, call)
    body = call.json_object()
    action = body.get("action")
    if action not in _TRANSITIONS:
        raise validation_failed([{"field": "action", "message": "Invalid field."}])
    refs = body.get("registrants")
    if refs is not None and (not isinstance(refs, list) or len(refs) > _BATCH_SIZE):
        raise validation_failed([{"field": "registrants", "message": "Invalid field."}])
    if refs is None:
        chosen = list(extras.registrants.values())
    else:
        found = (_named(extras, ref) for ref in refs)
        chosen = [r for r in found if r is not None]
    if action == "approve":
        newly = sum(1 for r in chosen if r["status"] != "approved")
        limit = webinar["settings"].get("registrants_restrict_number", 0)
        if limit and _approved_count(extras) + newly > limit:
            raise ZoomAPIError(400, 3035, "Webinar has reached maximum attendee capacity.")
    for registrant in chosen:
        registrant["status"] = _TRANSITIONS[action].get(registrant["status"], registrant["status"])
    return Response.empty()


def _get_questions(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    return Response(200, copy.deepcopy(state.webinar_store.of(webinar["id"]).questions))


def _update_questions(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    body = call.json_object()
    errors = [
        {"field": f"questions[{index}].field_name", "message": "Invalid field."}
        for index, question in enumerate(body.get("questions") or [])
        if not isinstance(question, dict) or question.get("field_name") not in _FIELD_NAMES
    ]
    errors += [
        {"field": f"custom_questions[{index}].type", "message": "Invalid field."}
        for index, question in enumerate(body.get("custom_questions") or [])
        if not isinstance(question, dict) or question.get("type") not in _CUSTOM_TYPES
    ]
    if errors:
        raise validation_failed(errors)
    questions = state.webinar_store.of(webinar["id"]).questions
    for name in ("questions", "custom_questions"):
        if name in body:
            questions[name] = copy.deepcopy(body[name])
    return Response.empty()


_PATH = "/v2/webinars/{webinarId}/registrants"

ROUTES = [
    Route("GET", _PATH + "/questions", "webinarRegistrantsQuestionsGet", _get_questions),
    Route("PATCH", _PATH + "/questions", "webinarRegistrantQuestionUpdate", _update_questions),
    Route("PUT", _PATH + "/status", "webinarRegistrantStatus", _status),
    Route("GET", _PATH, "webinarRegistrants", _list),
    Route("POST", _PATH, "webinarRegistrantCreate", _create),
    Route("GET", _PATH + "/{registrantId}", "webinarRegistrantGet", _get),
    Route("DELETE", _PATH + "/{registrantId}", "deleteWebinarRegistrant", _delete),
    Route(
        "POST", "/v2/webinars/{webinarId}/batch_registrants", "addBatchWebinarRegistrants", _batch
    ),
]
