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
from ._webinar_common import webinar_or_404
from ._webinar_store import WebinarExtras

__all__ = ["ROUTES"]

_CUSTOM_TYPES = frozenset({"short", "single_radio", "single_dropdown", "multiple"})


def _registering(state: State, call: Call) -> tuple[dict[str, Any], WebinarExtras]:
    """The webinar, which must take registrations, and its stored extras."""
    webinar = webinar_or_404(state, call.params["webinarId"])
    if webinar["settings"].get("approval_type", 2) not in (0, 1):
        raise ZoomAPIError(
            400, 3000, f"Registration has not been enabled for this webinar: {webinar['id']}."
        )
    return webinar, state.webinar_store.of(webinar["id"])


def _field_errors(body: dict[str, Any], prefix: str = "") -> list[dict[str, str]]:
    return field_errors(body, prefix, strict=True)


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
        **{name: copy.deepcopy(body[name]) for name in OPTIONAL_FIELDS if name in body},
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
    given = batch_items(body, _field_errors)
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
    if status not in STATUSES:
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


def _status(state: State, call: Call) -> Response:
    """Apply an action to the named registrants (all of them when none are named).

    Registrants Zoom cannot find are skipped, as Zoom does; at most 30 may be named.
    """
    webinar, extras = _registering(state, call)
    action, chosen = chosen_for_status(call.json_object(), extras.registrants)
    if action == "approve":
        newly = sum(1 for r in chosen if r["status"] != "approved")
        limit = webinar["settings"].get("registrants_restrict_number", 0)
        if limit and _approved_count(extras) + newly > limit:
            raise ZoomAPIError(400, 3035, "Webinar has reached maximum attendee capacity.")
    transition(action, chosen)
    return Response.empty()


def _get_questions(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    return Response(200, copy.deepcopy(state.webinar_store.of(webinar["id"]).questions))


def _update_questions(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    body = call.json_object()
    errors = question_errors(body, _CUSTOM_TYPES)
    if errors:
        raise validation_failed(errors)
    store_questions(state.webinar_store.of(webinar["id"]).questions, body)
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
