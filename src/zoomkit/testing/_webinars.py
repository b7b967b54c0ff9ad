"""Webinars: create, list, get, update, delete and end, with Zoom's defaults.

Operations: ``webinarCreate`` (201 + object), ``webinars`` (paginated list), ``webinar``,
``webinarUpdate`` (204), ``webinarDelete`` (204) and ``webinarStatus`` (204, ``end``). Types
are 5 (a webinar), 6 (recurring, no fixed time) and 9 (recurring with occurrences). Field rules
are the meeting ones (topic, passcode, timezone, recurrence, settings enums). ``ROUTES`` here
is every webinar operation FakeZoom answers, from this module and its siblings.
"""

from __future__ import annotations

import copy
import math
import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from ._app import Route
from ._events import (
    acting_user,
    changes,
    created_object,
    emit,
    emit_updated,
    meeting_object,
    operator,
)
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._meeting_rules import meeting_errors
from ._occurrences import find_occurrence, update_occurrence
from ._pagination import paginate
from ._recurrence import occurrences
from ._state import State
from ._times import iso_z, parse_start_time, zone
from ._users import require_user
from ._webinar_branding import ROUTES as BRANDING_ROUTES
from ._webinar_common import webinar_or_404
from ._webinar_extras import ROUTES as EXTRA_ROUTES
from ._webinar_live import end_webinar
from ._webinar_panelists import ROUTES as PANELIST_ROUTES
from ._webinar_past import ROUTES as PAST_ROUTES
from ._webinar_polls import ROUTES as POLL_ROUTES
from ._webinar_registrants import ROUTES as REGISTRANT_ROUTES

__all__ = ["DEFAULT_SETTINGS", "ROUTES", "create_webinar"]

_WEBINAR, _NO_FIXED_TIME, _RECURRING = 5, 6, 9
_PASSCODE = re.compile(r"^[A-Za-z0-9@\-_*!]{0,10}$")
_TYPES = (_WEBINAR, _NO_FIXED_TIME, _RECURRING)
_LIST_TYPES = ("scheduled", "upcoming")
_UPDATABLE = (
    "topic",
    "type",
    "duration",
    "timezone",
    "agenda",
    "tracking_fields",
    "recurrence",
    "is_simulive",
    "record_file_id",
    "transition_to_live",
)

DEFAULT_SETTINGS: dict[str, Any] = {
    "host_video": False,
    "panelists_video": False,
    "practice_session": False,
    "hd_video": False,
    "hd_video_for_attendees": False,
    "send_1080p_video_to_attendees": False,
    "approval_type": 2,
    "registration_type": 1,
    "audio": "both",
    "auto_recording": "none",
    "enforce_login": False,
    "enforce_login_domains": "",
    "alternative_hosts": "",
    "alternative_host_update_polls": False,
    "close_registration": False,
    "show_share_button": False,
    "allow_multiple_devices": False,
    "on_demand": False,
    "global_dial_in_countries": ["US"],
    "contact_name": "",
    "contact_email": "",
    "registrants_restrict_number": 0,
    "registrants_confirmation_email": True,
    "registrants_email_notification": True,
    "notify_registrants": True,
    "post_webinar_survey": False,
    "survey_url": "",
    "meeting_authentication": False,
    "panelist_authentication": False,
    "authentication_option": "",
    "authentication_domains": "",
    "panelists_invitation_email_notification": True,
    "attendees_and_panelists_reminder_email_notification": {"enable": True, "type": 0},
    "follow_up_attendees_email_notification": {"enable": False, "type": 0},
    "follow_up_absentees_email_notification": {"enable": False, "type": 0},
    "email_language": "en-US",
    "add_watermark": False,
    "add_audio_watermark": False,
    "enable_session_branding": False,
    "allow_host_control_participant_mute_state": False,
    "question_and_answer": {
        "enable": True,
        "allow_submit_questions": True,
        "allow_anonymous_questions": True,
        "answer_questions": "all",
        "attendees_can_comment": True,
        "attendees_can_upvote": True,
        "allow_auto_reply": False,
        "auto_reply_text": "",
    },
    "language_interpretation": {"enable": False, "interpreters": []},
}


def _deep_merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _epoch(iso: str) -> float:
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()


def _errors(body: dict[str, Any], timezone_fallback: str) -> list[dict[str, str]]:
    """Zoom's field rules: the meeting ones, with webinar types instead of meeting types."""
    errors = meeting_errors(
        {name: value for name, value in body.items() if name not in ("type", "password")},
        timezone_fallback=timezone_fallback,
    )
    if "password" in body:
        passcode = body["password"]
        if not isinstance(passcode, str) or not _PASSCODE.match(passcode):
            errors.append(
                {
                    "field": "password",
                    "message": "At most 10 of [A-Za-z0-9@-_*!] characters are allowed.",
                }
            )
    settings = body.get("settings")
    restrict = settings.get("registrants_restrict_number", 0) if isinstance(settings, dict) else 0
    if isinstance(restrict, bool) or not isinstance(restrict, int) or not 0 <= restrict <= 20000:
        errors.append(
            {"field": "settings.registrants_restrict_number", "message": "Invalid field."}
        )
    webinar_type = body.get("type", _WEBINAR)
    if isinstance(webinar_type, bool) or webinar_type not in _TYPES:
        errors.append({"field": "type", "message": "Invalid webinar type."})
    elif webinar_type == _RECURRING and "recurrence" not in body and not errors:
        errors.append({"field": "recurrence", "message": "Recurrence is required for type 9."})
    return errors


def _set_passcode(state: State, webinar: dict[str, Any], passcode: str) -> None:
    webinar["password"] = passcode
    if passcode:
        webinar["h323_passcode"] = passcode if passcode.isdigit() else state.ids.digits(6)
        webinar["encrypted_passcode"] = state.ids.secret(32)
        pwd = f"?pwd={webinar['encrypted_passcode']}"
    else:
        webinar["h323_passcode"] = webinar["encrypted_passcode"] = ""
        pwd = ""
    webinar["join_url"] = f"https://us05web.zoom.us/j/{webinar['id']}{pwd}"


def _refresh_schedule(webinar: dict[str, Any]) -> None:
    """Keep ``start_time``/``occurrences`` consistent with the type and recurrence."""
    if webinar["type"] == _NO_FIXED_TIME:
        webinar.pop("start_time", None)
        webinar.pop("occurrences", None)
        return
    if webinar["type"] != _RECURRING:
        webinar.pop("occurrences", None)
        webinar.pop("recurrence", None)
        return
    recurrence = webinar["recurrence"]
    end = recurrence.get("end_date_time")
    series = occurrences(
        _epoch(webinar["start_time"]),
        zone(webinar["timezone"]) or ZoneInfo("UTC"),
        webinar["duration"],
        recurrence,
        limit_epoch=_epoch(end) if end else math.inf,
    )
    webinar["occurrences"] = series
    if series:
        webinar["start_time"] = series[0]["start_time"]


def _template_settings(state: State, host: dict[str, Any], template_id: str) -> dict[str, Any]:
    for template in state.webinar_store.templates.get(host["id"], []):
        if template["id"] == template_id:
            saved: dict[str, Any] = template["settings"]
            return saved
    raise validation_failed([{"field": "template_id", "message": "Invalid field."}])


def create_webinar(
    state: State,
    host: dict[str, Any],
    body: dict[str, Any],
    *,
    uuid: str | None = None,
    acting: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Validate ``body`` like Zoom, store the webinar (``webinar.created``) and return it."""
    errors = _errors(body, host["timezone"])
    if errors:
        raise validation_failed(errors)
    settings = copy.deepcopy(DEFAULT_SETTINGS)
    if "template_id" in body:
        settings = _deep_merge(settings, _template_settings(state, host, body["template_id"]))
    now = state.now()
    timezone = body.get("timezone") or host["timezone"]
    webinar_id = state.ids.meeting_id()
    webinar: dict[str, Any] = {
        "uuid": uuid if uuid is not None else state.ids.meeting_uuid(),
        "id": webinar_id,
        "host_id": host["id"],
        "host_email": host["email"],
        "topic": body.get("topic", "Zoom Webinar"),
        "type": body.get("type", _WEBINAR),
        "start_time": iso_z(now),
        "duration": body.get("duration", 60),
        "timezone": timezone,
        "agenda": body.get("agenda", ""),
        "created_at": iso_z(now),
        "start_url": f"https://us05web.zoom.us/s/{webinar_id}?zak={state.ids.secret(40)}",
        "join_url": "",
        "settings": _deep_merge(settings, body.get("settings", {})),
        "is_simulive": bool(body.get("is_simulive", False)),
        "record_file_id": body.get("record_file_id", ""),
        "transition_to_live": bool(body.get("transition_to_live", False)),
        "creation_source": "open_api",
    }
    if "start_time" in body:
        webinar["start_time"] = iso_z(parse_start_time(body["start_time"], timezone))
    _set_passcode(state, webinar, body["password"] if "password" in body else state.ids.password())
    for name in ("recurrence", "tracking_fields"):
        if name in body:
            webinar[name] = copy.deepcopy(body[name])
    _refresh_schedule(webinar)
    state.webinar_store.webinars[webinar_id] = webinar
    emit(
        state,
        "webinar.created",
        lambda: {**operator(acting or host), "object": created_object(webinar)},
    )
    return webinar


def _post_webinar(state: State, call: Call) -> Response:
    host = require_user(state, call, call.params["userId"])
    body = call.json_object()
    created = copy.deepcopy(create_webinar(state, host, body, acting=acting_user(state, call)))
    created["registrants_confirmation_email"] = created["settings"][
        "registrants_confirmation_email"
    ]
    if "template_id" in body:
        created["template_id"] = body["template_id"]
    return Response(201, created)


def _get_webinar(state: State, call: Call) -> Response:
    webinar = copy.deepcopy(webinar_or_404(state, call.params["webinarId"]))
    occurrence_id = call.query.get("occurrence_id")
    if occurrence_id:
        occurrence = find_occurrence(webinar, occurrence_id)
        webinar["start_time"] = occurrence["start_time"]
        webinar["duration"] = occurrence["duration"]
    return Response(200, webinar)


def _patch_webinar(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    body = call.json_object()
    errors = _errors({"type": webinar["type"], **body}, webinar["timezone"])
    errors = [error for error in errors if error["field"] != "recurrence"]
    if errors:
        raise validation_failed(errors)
    timezone = body.get("timezone", webinar["timezone"])
    occurrence_id = call.query.get("occurrence_id")
    if occurrence_id:
        update_occurrence(state, call, "webinar.updated", webinar, occurrence_id, body, timezone)
        return Response.empty()
    updated = copy.deepcopy(webinar)
    for name in _UPDATABLE:
        if name in body:
            updated[name] = copy.deepcopy(body[name])
    if "start_time" in body:
        updated["start_time"] = iso_z(parse_start_time(body["start_time"], timezone))
    elif "start_time" not in updated:
        updated["start_time"] = iso_z(state.now())
    if "settings" in body:
        updated["settings"] = _deep_merge(webinar["settings"], body["settings"])
    if "password" in body:
        _set_passcode(state, updated, body["password"])
    if updated["type"] == _RECURRING and "recurrence" not in updated:
        raise validation_failed(
            [{"field": "recurrence", "message": "Recurrence is required for type 9."}]
        )
    _refresh_schedule(updated)
    state.webinar_store.webinars[webinar["id"]] = updated
    after, before = changes(webinar, updated)
    ids = {"id": webinar["id"], "uuid": webinar["uuid"]}
    emit_updated(
        state,
        call,
        "webinar.updated",
        operation="all",
        after={**ids, **after},
        before={**ids, **before},
    )
    return Response.empty()


def _delete_webinar(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    store = state.webinar_store
    if webinar["id"] in store.live:
        raise ZoomAPIError(
            400, 3002, "Sorry, you cannot delete this webinar since it is in progress."
        )
    occurrence_id = call.query.get("occurrence_id")
    deleted = meeting_object(webinar)
    if occurrence_id:
        occurrence = find_occurrence(webinar, occurrence_id)
        occurrence["status"] = "deleted"
        picked = {"occurrence_id": occurrence_id, "start_time": occurrence["start_time"]}
        deleted["occurrences"] = [picked]
    else:
        del store.webinars[webinar["id"]]
        store.extras.pop(webinar["id"], None)  # past instances stay, as on Zoom
    emit(
        state,
        "webinar.deleted",
        lambda: {
            **operator(acting_user(state, call)),
            "operation": "single" if occurrence_id else "all",
            "object": deleted,
        },
    )
    return Response.empty()


def _put_status(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    if call.json_object().get("action") != "end":
        raise validation_failed([{"field": "action", "message": "Invalid field."}])
    if webinar["id"] not in state.webinar_store.live:
        raise ZoomAPIError(400, 3000, f"Webinar {webinar['id']} has not started.")
    end_webinar(state, webinar["id"])
    return Response.empty()


def _starts(webinar: dict[str, Any]) -> list[float]:
    if webinar["type"] == _RECURRING:
        return [
            _epoch(item["start_time"])
            for item in webinar.get("occurrences", [])
            if item["status"] != "deleted"
        ]
    return [_epoch(webinar["start_time"])] if "start_time" in webinar else []


def _list_item(webinar: dict[str, Any]) -> dict[str, Any]:
    names = ("uuid", "id", "host_id", "topic", "type", "start_time", "duration", "timezone")
    item = {name: webinar[name] for name in names if name in webinar}
    item["agenda"] = webinar["agenda"][:250]
    item["created_at"] = webinar["created_at"]
    item["join_url"] = webinar["join_url"]
    item["is_simulive"] = webinar["is_simulive"]
    return item


def _list_webinars(state: State, call: Call) -> Response:
    host = require_user(state, call, call.params["userId"])
    kind = call.query.get("type") or "scheduled"
    if kind not in _LIST_TYPES:
        raise validation_failed([{"field": "type", "message": "Invalid field."}])
    now = state.now()
    selected = [
        webinar
        for webinar in state.webinar_store.webinars.values()
        if webinar["host_id"] == host["id"]
        and (
            kind == "scheduled"
            or webinar["type"] == _NO_FIXED_TIME
            or any(start >= now for start in _starts(webinar))
        )
    ]
    selected.sort(key=lambda webinar: (webinar.get("start_time", "9999"), webinar["id"]))
    page = paginate(
        [_list_item(webinar) for webinar in selected],
        call.query,
        key="webinars",
        scope=call.raw_path,
        pages=state.pages,
        now=now,
    )
    return Response(200, page)


ROUTES = [
    Route("POST", "/v2/users/{userId}/webinars", "webinarCreate", _post_webinar),
    Route("GET", "/v2/users/{userId}/webinars", "webinars", _list_webinars),
    Route("GET", "/v2/webinars/{webinarId}", "webinar", _get_webinar),
    Route("PATCH", "/v2/webinars/{webinarId}", "webinarUpdate", _patch_webinar),
    Route("DELETE", "/v2/webinars/{webinarId}", "webinarDelete", _delete_webinar),
    Route("PUT", "/v2/webinars/{webinarId}/status", "webinarStatus", _put_status),
    *REGISTRANT_ROUTES,
    *PANELIST_ROUTES,
    *POLL_ROUTES,
    *BRANDING_ROUTES,
    *EXTRA_ROUTES,
    *PAST_ROUTES,
]
