"""Meetings: create, list, get, update and delete, with Zoom's defaults and statuses.

Operations: ``meetingCreate`` (201 + object), ``meetings`` (paginated list), ``meeting``,
``meetingUpdate`` (204), ``meetingDelete`` (204, the meeting goes to the trash for 7 days) and
``listUpcomingMeeting`` (unpaginated, with passcodes). A meeting is stored as the object
``GET /meetings/{meetingId}`` returns, with ``start_time`` always in UTC.
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
from ._meeting_store import TrashedMeeting
from ._occurrences import find_occurrence, update_occurrence
from ._pagination import paginate
from ._recurrence import occurrences
from ._state import State
from ._times import iso_z, parse_start_time, zone
from ._users import require_user
from ._webinar_common import is_webinar_id

__all__ = ["ROUTES", "create_meeting", "meeting_or_404"]

_SCHEDULED, _INSTANT, _NO_FIXED_TIME, _RECURRING = 2, 1, 3, 8
_LIST_TYPES = ("scheduled", "live", "upcoming", "upcoming_meetings", "previous_meetings")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UPDATABLE = (
    "topic",
    "type",
    "duration",
    "timezone",
    "agenda",
    "tracking_fields",
    "pre_schedule",
    "recurrence",
)

DEFAULT_SETTINGS: dict[str, Any] = {
    "host_video": False,
    "participant_video": False,
    "cn_meeting": False,
    "in_meeting": False,
    "join_before_host": False,
    "jbh_time": 0,
    "mute_upon_entry": False,
    "watermark": False,
    "use_pmi": False,
    "approval_type": 2,
    "audio": "voip",
    "auto_recording": "none",
    "enforce_login": False,
    "enforce_login_domains": "",
    "alternative_hosts": "",
    "alternative_hosts_email_notification": True,
    "alternative_host_update_polls": False,
    "close_registration": False,
    "show_share_button": False,
    "allow_multiple_devices": False,
    "registrants_confirmation_email": True,
    "waiting_room": False,
    "registrants_email_notification": True,
    "meeting_authentication": False,
    "encryption_type": "enhanced_encryption",
    "approved_or_denied_countries_or_regions": {"enable": False},
    "breakout_room": {"enable": False},
    "language_interpretation": {"enable": False},
    "email_notification": True,
    "focus_mode": False,
    "private_meeting": False,
    "host_save_video_order": False,
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


def _set_password(state: State, meeting: dict[str, Any], password: str) -> None:
    meeting["password"] = password
    if password:
        meeting["h323_password"] = password if password.isdigit() else state.ids.digits(6)
        meeting["pstn_password"] = meeting["h323_password"]
        meeting["encrypted_password"] = state.ids.secret(32)
        pwd = f"?pwd={meeting['encrypted_password']}"
    else:
        meeting["h323_password"] = meeting["pstn_password"] = meeting["encrypted_password"] = ""
        pwd = ""
    meeting["join_url"] = f"https://us05web.zoom.us/j/{meeting['id']}{pwd}"


def _refresh_registration(meeting: dict[str, Any]) -> None:
    """A meeting that takes registrations (approval type 0 or 1) shows its registration page."""
    if meeting["settings"].get("approval_type", 2) in (0, 1):
        meeting["registration_url"] = f"https://us05web.zoom.us/meeting/register/{meeting['id']}"
    else:
        meeting.pop("registration_url", None)


def _refresh_schedule(meeting: dict[str, Any]) -> None:
    """Keep ``start_time``/``occurrences`` consistent with the meeting type and recurrence."""
    if meeting["type"] == _NO_FIXED_TIME:
        meeting.pop("start_time", None)
        meeting.pop("occurrences", None)
        return
    if meeting["type"] != _RECURRING:
        meeting.pop("occurrences", None)
        meeting.pop("recurrence", None)
        return
    recurrence = meeting["recurrence"]
    end = recurrence.get("end_date_time")
    tz = zone(meeting["timezone"]) or ZoneInfo("UTC")
    series = occurrences(
        _epoch(meeting["start_time"]),
        tz,
        meeting["duration"],
        recurrence,
        limit_epoch=_epoch(end) if end else math.inf,
    )
    meeting["occurrences"] = series
    if series:  # Zoom moves the start onto the first real occurrence
        meeting["start_time"] = series[0]["start_time"]


def create_meeting(
    state: State,
    host: dict[str, Any],
    body: dict[str, Any],
    *,
    uuid: str | None = None,
    acting: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Validate ``body`` like Zoom, store the meeting and return the stored object.

    Raises ``meeting.created`` with ``acting`` (default: the host) as the operator.
    """
    errors = meeting_errors(body, timezone_fallback=host["timezone"])
    meeting_type = body.get("type", _SCHEDULED)
    if not errors and meeting_type == _RECURRING and "recurrence" not in body:
        errors.append({"field": "recurrence", "message": "Recurrence is required for type 8."})
    if errors:
        raise validation_failed(errors)
    now = state.now()
    timezone = body.get("timezone") or host["timezone"]
    meeting_id = state.ids.meeting_id()
    meeting: dict[str, Any] = {
        "uuid": uuid if uuid is not None else state.ids.meeting_uuid(),
        "id": meeting_id,
        "host_id": host["id"],
        "host_email": host["email"],
        "assistant_id": "",
        "topic": body.get("topic", "Zoom meeting"),
        "type": meeting_type,
        "status": "waiting",
        "start_time": iso_z(now),
        "duration": body.get("duration", 60),
        "timezone": timezone,
        "agenda": body.get("agenda", ""),
        "created_at": iso_z(now),
        "start_url": f"https://us05web.zoom.us/s/{meeting_id}?zak={state.ids.secret(40)}",
        "join_url": "",
        "settings": _deep_merge(DEFAULT_SETTINGS, body.get("settings", {})),
        "pre_schedule": bool(body.get("pre_schedule", False)),
    }
    if meeting_type != _INSTANT and "start_time" in body:
        meeting["start_time"] = iso_z(parse_start_time(body["start_time"], timezone))
    _set_password(state, meeting, body["password"] if "password" in body else state.ids.password())
    if "recurrence" in body:
        meeting["recurrence"] = copy.deepcopy(body["recurrence"])
    if "tracking_fields" in body:
        meeting["tracking_fields"] = copy.deepcopy(body["tracking_fields"])
    _refresh_schedule(meeting)
    _refresh_registration(meeting)
    state.meetings[meeting_id] = meeting
    emit(
        state,
        "meeting.created",
        lambda: {**operator(acting or host), "object": created_object(meeting)},
    )
    return meeting


def _post_meeting(state: State, call: Call) -> Response:
    host = require_user(state, call, call.params["userId"])
    body = call.json_object()
    created = create_meeting(state, host, body, acting=acting_user(state, call))
    return Response(201, copy.deepcopy(created))


def meeting_or_404(state: State, raw_id: str) -> dict[str, Any]:
    """The meeting a path id names, or Zoom's 400 (not a number) or 404 (code 3001).

    A webinar's id gets Zoom's 400 code 3000, which is how a client tells the kinds apart.
    """
    if not raw_id.isdigit():
        raise ZoomAPIError(400, 300, "Invalid meeting id.")
    meeting = state.meetings.get(int(raw_id))
    if meeting is None:
        if is_webinar_id(state, raw_id):
            raise ZoomAPIError(400, 3000, "Cannot access webinar info.")
        raise ZoomAPIError(404, 3001, f"Meeting does not exist: {raw_id}.")
    return meeting


def _get_meeting(state: State, call: Call) -> Response:
    meeting = copy.deepcopy(meeting_or_404(state, call.params["meetingId"]))
    occurrence_id = call.query.get("occurrence_id")
    if occurrence_id:
        occurrence = find_occurrence(meeting, occurrence_id)
        meeting["start_time"] = occurrence["start_time"]
        meeting["duration"] = occurrence["duration"]
    return Response(200, meeting)


def _patch_meeting(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    body = call.json_object()
    timezone = body.get("timezone", meeting["timezone"])
    errors = meeting_errors(body, timezone_fallback=meeting["timezone"])
    if errors:
        raise validation_failed(errors)
    occurrence_id = call.query.get("occurrence_id")
    if occurrence_id:
        update_occurrence(state, call, "meeting.updated", meeting, occurrence_id, body, timezone)
        return Response.empty()
    updated = copy.deepcopy(meeting)
    for name in _UPDATABLE:
        if name in body:
            updated[name] = copy.deepcopy(body[name])
    if "start_time" in body:
        updated["start_time"] = iso_z(parse_start_time(body["start_time"], timezone))
    elif "start_time" not in updated:
        updated["start_time"] = iso_z(state.now())
    if "settings" in body:
        updated["settings"] = _deep_merge(meeting["settings"], body["settings"])
    if "password" in body:
        _set_password(state, updated, body["password"])
    if updated["type"] == _RECURRING and "recurrence" not in updated:
        raise validation_failed(
            [{"field": "recurrence", "message": "Recurrence is required for type 8."}]
        )
    _refresh_schedule(updated)
    _refresh_registration(updated)
    state.meetings[meeting["id"]] = updated
    after, before = changes(meeting, updated)
    ids = {"id": meeting["id"], "uuid": meeting["uuid"]}
    emit_updated(
        state,
        call,
        "meeting.updated",
        operation="all",
        after={**ids, **after},
        before={**ids, **before},
    )
    return Response.empty()


def _delete_meeting(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    occurrence_id = call.query.get("occurrence_id")
    deleted = meeting_object(meeting)
    if occurrence_id:
        occurrence = find_occurrence(meeting, occurrence_id)
        occurrence["status"] = "deleted"
        picked = {"occurrence_id": occurrence_id, "start_time": occurrence["start_time"]}
        deleted["occurrences"] = [picked]
    else:
        del state.meetings[meeting["id"]]
        state.meeting_store.trash[meeting["id"]] = TrashedMeeting(meeting, state.now())
    emit(
        state,
        "meeting.deleted",
        lambda: {
            **operator(acting_user(state, call)),
            "operation": "single" if occurrence_id else "all",
            "object": deleted,
        },
    )
    return Response.empty()


def _starts(meeting: dict[str, Any]) -> list[float]:
    if meeting["type"] == _RECURRING:
        return [
            _epoch(item["start_time"])
            for item in meeting["occurrences"]
            if item["status"] != "deleted"
        ]
    return [_epoch(meeting["start_time"])] if "start_time" in meeting else []


def _in_list(meeting: dict[str, Any], kind: str, now: float) -> bool:
    starts = _starts(meeting)
    if kind == "live":
        return bool(meeting["status"] == "started")
    if kind in ("upcoming", "upcoming_meetings"):
        return meeting["type"] == _NO_FIXED_TIME or any(start >= now for start in starts)
    if kind == "previous_meetings":
        return any(start < now for start in starts)
    return bool(meeting["type"] != _INSTANT)


def _date_filter(query: dict[str, str]) -> tuple[str, str]:
    errors = [
        {"field": name, "message": "Invalid field."}
        for name in ("from", "to")
        if name in query and not _DATE.match(query[name])
    ]
    if errors:
        raise validation_failed(errors)
    return query.get("from", ""), query.get("to", "")


def _list_item(meeting: dict[str, Any]) -> dict[str, Any]:
    names = ("uuid", "id", "host_id", "topic", "type", "start_time", "duration", "timezone")
    item = {name: meeting[name] for name in names if name in meeting}
    item["created_at"] = meeting["created_at"]
    item["join_url"] = meeting["join_url"]
    if meeting["agenda"]:
        item["agenda"] = meeting["agenda"]
    return item


def _list_meetings(state: State, call: Call) -> Response:
    host = require_user(state, call, call.params["userId"])
    kind = call.query.get("type") or "scheduled"
    if kind not in _LIST_TYPES:
        raise validation_failed([{"field": "type", "message": "Invalid field."}])
    start_date, end_date = _date_filter(call.query)
    now = state.now()
    selected = [
        meeting
        for meeting in state.meetings.values()
        if meeting["host_id"] == host["id"]
        and _in_list(meeting, kind, now)
        and (not start_date or meeting.get("start_time", "")[:10] >= start_date)
        and (not end_date or meeting.get("start_time", "9999")[:10] <= end_date)
    ]
    selected.sort(key=lambda meeting: (meeting.get("start_time", "9999"), meeting["id"]))
    page = paginate(
        [_list_item(meeting) for meeting in selected],
        call.query,
        key="meetings",
        scope=call.raw_path,
        pages=state.pages,
        now=now,
    )
    return Response(200, page)


def _upcoming_item(meeting: dict[str, Any]) -> dict[str, Any]:
    names = ("id", "topic", "type", "start_time", "duration", "timezone", "created_at", "join_url")
    item = {name: meeting[name] for name in names if name in meeting}
    item["passcode"] = meeting["password"]
    item["use_pmi"] = bool(meeting["settings"].get("use_pmi", False))
    return item


def _upcoming_meetings(state: State, call: Call) -> Response:
    """``listUpcomingMeeting``: the host's meetings still to come, unpaginated, with passcodes."""
    host = require_user(state, call, call.params["userId"])
    now = state.now()
    upcoming = sorted(
        (
            meeting
            for meeting in state.meetings.values()
            if meeting["host_id"] == host["id"] and _in_list(meeting, "upcoming", now)
        ),
        key=lambda meeting: (meeting.get("start_time", "9999"), meeting["id"]),
    )
    items = [_upcoming_item(meeting) for meeting in upcoming]
    return Response(200, {"total_records": len(items), "meetings": items})


ROUTES = [
    Route("POST", "/v2/users/{userId}/meetings", "meetingCreate", _post_meeting),
    Route("GET", "/v2/users/{userId}/meetings", "meetings", _list_meetings),
    Route("GET", "/v2/meetings/{meetingId}", "meeting", _get_meeting),
    Route("PATCH", "/v2/meetings/{meetingId}", "meetingUpdate", _patch_meeting),
    Route("DELETE", "/v2/meetings/{meetingId}", "meetingDelete", _delete_meeting),
    Route("GET", "/v2/users/{userId}/upcoming_meetings", "listUpcomingMeeting", _upcoming_meetings),
]
