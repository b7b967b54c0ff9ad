"""The Cloud Recording REST operations: lists, one recording, trash and recovery, settings,
analytics.

Operations: ``recordingsList`` (``GET /users/{userId}/recordings``, Medium), ``recordingGet``,
``recordingDelete``, ``recordingDeleteOne``, ``recordingStatusUpdate``,
``recordingStatusUpdateOne``, ``recordingSettingUpdate`` (GET) and ``recordingSettingsUpdate``
(PATCH) (Light), ``analytics_details`` and ``analytics_summary`` (Medium).

``meetingId`` is a meeting id (its latest recorded instance) or an instance UUID; a UUID that
starts with ``/`` or contains ``//`` must arrive double-encoded. Deleting moves files to the
trash (``action=trash``, the default) or removes them for good (``action=delete``); the trash is
listed with ``trash=true`` and emptied by recovery. Date-ranged calls take UTC days and refuse a
range over a month (code 300), as Zoom does. Each state change raises Zoom's webhook event.
"""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ._app import Route
from ._history import MAX_RANGE_DAYS, RANGE_TOO_LONG
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._pagination import paginate
from ._recording_registrants import ROUTES as REGISTRANT_ROUTES
from ._recordings import (
    DOWNLOAD_TOKEN_TTL,
    NO_RECORDING,
    StoredRecording,
    find_recording,
    lifecycle_event,
    live_files,
    render,
)
from ._state import State

__all__ = ["ROUTES"]

_MAX_TTL = 604_800
_SHARE = ("publicly", "internally", "none")
_BOOLEAN_SETTINGS = (
    "recording_authentication",
    "viewer_download",
    "on_demand",
    "send_email_to_host",
    "show_social_share_buttons",
    "auto_delete",
)
_TEXT_SETTINGS = ("authentication_option", "authentication_domains")


# -- dates ----------------------------------------------------------------------------------------


def _today(state: State) -> date:
    return datetime.fromtimestamp(state.now(), UTC).date()


def _day(call: Call, name: str) -> date | None:
    raw = call.query.get(name, "")
    if raw == "":
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ZoomAPIError(400, 300, f"Invalid parameter: {name}.") from None


def _range(state: State, call: Call) -> tuple[date, date]:
    """``from``..``to`` as Zoom reads it: UTC days, ``from`` today by default, a month at most."""
    today = _today(state)
    start = _day(call, "from")
    end = _day(call, "to")
    if end is None:
        end = today + timedelta(days=1) if start is None else max(start, today)
    start = start or today
    if end < start:
        raise ZoomAPIError(400, 300, "Invalid parameter: to.")
    if (end - start).days > MAX_RANGE_DAYS:
        raise ZoomAPIError(400, 300, RANGE_TOO_LONG)
    return start, end


def _started_on(stored: StoredRecording) -> date:
    return datetime.strptime(stored.recording["start_time"], "%Y-%m-%dT%H:%M:%SZ").date()


# -- lists and one recording ------------------------------------------------------------------


def _user_id(state: State, call: Call) -> str:
    user = state.find_user(call.params["userId"], call.me)
    if user is None:
        raise ZoomAPIError(404, 1001, f"User does not exist: {call.params['userId']}.")
    user_id: str = user["id"]
    return user_id


def _list(state: State, call: Call) -> Response:
    host_id = _user_id(state, call)
    mine = sorted(
        (s for s in state.recordings.values() if s.recording["host_id"] == host_id),
        key=lambda s: (s.recording["start_time"], s.recording["uuid"]),
    )
    meeting_id = call.query.get("meeting_id", "")
    if meeting_id:
        mine = [s for s in mine if str(s.recording["id"]) == meeting_id]
    body: dict[str, Any] = {}
    if call.query.get("trash", "false").lower() == "true":
        kind = call.query.get("trash_type", "meeting_recordings") or "meeting_recordings"
        if kind not in ("meeting_recordings", "recording_file"):
            raise ZoomAPIError(400, 300, "Invalid parameter: trash_type.")
        shown = [_trash_view(s, kind) for s in mine]
        meetings = [item for item in shown if item is not None]
    else:
        start, end = _range(state, call)
        body = {"from": start.isoformat(), "to": end.isoformat()}
        meetings = []
        for stored in mine:
            files = live_files(stored)
            if files and start <= _started_on(stored) <= end:
                meetings.append(_listed(stored, files))
    page = paginate(
        meetings,
        call.query,
        key="meetings",
        scope=call.raw_path,
        pages=state.pages,
        now=state.now(),
    )
    return Response(200, {**body, **page})


def _listed(stored: StoredRecording, files: list[dict[str, Any]], **kwargs: Any) -> dict[str, Any]:
    """A recording as lists show it: no passcode (Zoom dropped it from lists in 2023)."""
    shown = render(stored, files, **kwargs)
    shown.pop("password", None)
    return shown


def _trash_view(stored: StoredRecording, kind: str) -> dict[str, Any] | None:
    if kind == "meeting_recordings":
        if not stored.trashed:
            return None
        return _listed(stored, stored.recording["recording_files"], deleted_at=stored.trashed_at)
    if stored.trashed or not stored.trashed_files:
        return None
    trashed = [f for f in stored.recording["recording_files"] if f["id"] in stored.trashed_files]
    return _listed(stored, trashed)


def _get(state: State, call: Call) -> Response:
    stored = find_recording(state, call.params["meetingId"])
    files = live_files(stored)
    if not files:
        raise ZoomAPIError(404, 3301, NO_RECORDING)
    shown = render(stored, files)
    if "download_access_token" in call.query.get("include_fields", ""):
        shown["download_access_token"] = _access_token(state, stored, call.query.get("ttl", ""))
    return Response(200, shown)


def _access_token(state: State, stored: StoredRecording, raw_ttl: str) -> str:
    """A token that opens this recording's files for ``ttl`` seconds (Zoom's default: a day)."""
    ttl = DOWNLOAD_TOKEN_TTL
    if raw_ttl:
        if not raw_ttl.isdigit() or int(raw_ttl) > _MAX_TTL:
            raise validation_failed([{"field": "ttl", "message": "Invalid field."}])
        ttl = int(raw_ttl)
    token = secrets.token_urlsafe(48)
    stored.extra_tokens[token] = state.now() + ttl
    return token


# -- trash, delete, recover -----------------------------------------------------------------------


def _action(call: Call) -> str:
    action = call.query.get("action", "trash") or "trash"
    if action not in ("trash", "delete"):
        raise ZoomAPIError(400, 300, "Invalid parameter: action.")
    return action


def _acting(state: State, call: Call) -> dict[str, Any] | None:
    return state.users.get(call.me.user_id)


def _delete(state: State, call: Call) -> Response:
    stored = find_recording(state, call.params["meetingId"])
    action = _action(call)
    if action == "trash":
        if stored.trashed or not live_files(stored):
            raise ZoomAPIError(404, 3301, NO_RECORDING)
        stored.trashed, stored.trashed_at = True, state.now()
        lifecycle_event(state, stored, "recording.trashed", acting=_acting(state, call))
    else:
        del state.recordings[stored.recording["uuid"]]
        lifecycle_event(state, stored, "recording.deleted", acting=_acting(state, call))
    return Response.empty()


def _file(stored: StoredRecording, file_id: str) -> dict[str, Any]:
    files: list[dict[str, Any]] = stored.recording["recording_files"]
    for item in files:
        if item["id"] == file_id:
            return item
    raise ZoomAPIError(404, 3301, NO_RECORDING)


def _delete_file(state: State, call: Call) -> Response:
    stored = find_recording(state, call.params["meetingId"])
    item = _file(stored, call.params["recordingId"])
    acting = _acting(state, call)
    if _action(call) == "trash":
        if stored.trashed or item["id"] in stored.trashed_files:
            raise ZoomAPIError(404, 3301, NO_RECORDING)
        stored.trashed_files[item["id"]] = state.now()
        lifecycle_event(state, stored, "recording.trashed", acting=acting, files=[item])
        return Response.empty()
    stored.recording["recording_files"].remove(item)
    stored.trashed_files.pop(item["id"], None)
    lifecycle_event(state, stored, "recording.deleted", acting=acting, files=[item])
    if not stored.recording["recording_files"]:
        del state.recordings[stored.recording["uuid"]]
    return Response.empty()


def _recover_body(call: Call) -> None:
    if call.json_object().get("action") != "recover":
        raise validation_failed([{"field": "action", "message": "Invalid field."}])


def _recover(state: State, call: Call) -> Response:
    _recover_body(call)
    stored = find_recording(state, call.params["meetingUUID"])
    if not stored.trashed and not stored.trashed_files:
        return Response.empty()  # nothing in the trash: nothing to do
    stored.trashed = False
    stored.trashed_files.clear()
    lifecycle_event(state, stored, "recording.recovered", acting=_acting(state, call))
    return Response.empty()


def _recover_file(state: State, call: Call) -> Response:
    _recover_body(call)
    stored = find_recording(state, call.params["meetingId"])
    item = _file(stored, call.params["recordingId"])
    if stored.trashed_files.pop(item["id"], None) is not None:
        acting = _acting(state, call)
        lifecycle_event(state, stored, "recording.recovered", acting=acting, files=[item])
    return Response.empty()


# -- settings -------------------------------------------------------------------------------------


def _get_settings(state: State, call: Call) -> Response:
    stored = find_recording(state, call.params["meetingId"])
    shown = {key: value for key, value in stored.settings.items() if value is not None}
    return Response(200, shown)


def _setting_problems(body: dict[str, Any]) -> list[dict[str, str]]:
    bad: list[str] = []
    if "share_recording" in body and body["share_recording"] not in _SHARE:
        bad.append("share_recording")
    approval = body.get("approval_type", 0)
    if isinstance(approval, bool) or approval not in (0, 1, 2):
        bad.append("approval_type")
    password = body.get("password", "12345678")
    if not isinstance(password, str) or not 8 <= len(password) <= 10:
        bad.append("password")
    topic = body.get("topic", "topic")
    if not isinstance(topic, str) or not 1 <= len(topic) <= 200:
        bad.append("topic")
    bad += [name for name in _BOOLEAN_SETTINGS if name in body and not isinstance(body[name], bool)]
    bad += [name for name in _TEXT_SETTINGS if name in body and not isinstance(body[name], str)]
    return [{"field": name, "message": "Invalid field."} for name in bad]


def _update_settings(state: State, call: Call) -> Response:
    stored = find_recording(state, call.params["meetingId"])
    body = call.json_object()
    problems = _setting_problems(body)
    if problems:
        raise validation_failed(problems)
    known = (*_BOOLEAN_SETTINGS, *_TEXT_SETTINGS, "share_recording", "approval_type", "password")
    stored.settings.update({key: body[key] for key in known if key in body})
    if "topic" in body:
        stored.settings["topic"] = stored.recording["topic"] = body["topic"]
    if "password" in body:
        stored.recording["password"] = body["password"]
    return Response.empty()


# -- analytics ------------------------------------------------------------------------------------


def _events_in(stored: StoredRecording, start: date, end: date) -> list[dict[str, Any]]:
    chosen = []
    for event in stored.analytics:
        day = datetime.strptime(event["date_time"], "%Y-%m-%dT%H:%M:%SZ").date()
        if start <= day <= end:
            chosen.append(event)
    return chosen


def _analytics_details(state: State, call: Call) -> Response:
    stored = find_recording(state, call.params["meetingId"])
    start, end = _range(state, call)
    kind = call.query.get("type", "by_view") or "by_view"
    if kind not in ("by_view", "by_download"):
        raise ZoomAPIError(400, 300, "Invalid parameter: type.")
    details = [
        {key: event[key] for key in ("date_time", "name", "email", "duration")}
        for event in _events_in(stored, start, end)
        if event["type"] == kind
    ]
    page = paginate(
        details,
        call.query,
        key="analytics_details",
        scope=call.raw_path,
        pages=state.pages,
        now=state.now(),
    )
    return Response(200, {"from": start.isoformat(), "to": end.isoformat(), **page})


def _analytics_summary(state: State, call: Call) -> Response:
    stored = find_recording(state, call.params["meetingId"])
    start, end = _range(state, call)
    events = _events_in(stored, start, end)
    days = []
    for offset in range((end - start).days + 1):
        day = (start + timedelta(days=offset)).isoformat()
        on_day = [e for e in events if e["date_time"].startswith(day)]
        days.append(
            {
                "date": day,
                "views_total_count": sum(e["type"] == "by_view" for e in on_day),
                "downloads_total_count": sum(e["type"] == "by_download" for e in on_day),
            }
        )
    body = {"from": start.isoformat(), "to": end.isoformat(), "analytics_summary": days}
    return Response(200, body)


_BASE = "/v2/meetings/{meetingId}/recordings"

ROUTES = [
    *REGISTRANT_ROUTES,
    Route("GET", "/v2/users/{userId}/recordings", "recordingsList", _list),
    Route("GET", _BASE, "recordingGet", _get),
    Route("DELETE", _BASE, "recordingDelete", _delete),
    Route("GET", _BASE + "/settings", "recordingSettingUpdate", _get_settings),
    Route("PATCH", _BASE + "/settings", "recordingSettingsUpdate", _update_settings),
    Route("GET", _BASE + "/analytics_details", "analytics_details", _analytics_details),
    Route("GET", _BASE + "/analytics_summary", "analytics_summary", _analytics_summary),
    Route("PUT", "/v2/meetings/{meetingUUID}/recordings/status", "recordingStatusUpdate", _recover),
    Route("DELETE", _BASE + "/{recordingId}", "recordingDeleteOne", _delete_file),
    Route("PUT", _BASE + "/{recordingId}/status", "recordingStatusUpdateOne", _recover_file),
]
"""Literal paths (registrants first) come before ``{recordingId}`` ones, which would match them."""
