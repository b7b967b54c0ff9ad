"""Reports (``GET /report/...``), derived from FakeZoom's users, meetings and past meetings.

What is derived from state: daily usage, active and inactive hosts, a user's meetings (hosted,
one-person and joined), instance details, history meetings and in-meeting activity logs come
from the past meetings and their attendance; upcoming events from scheduled meetings; cloud
recording storage from the recordings; operation logs from user creation; sign-in activity from
users' last sign-in. Telephone usage is empty (FakeZoom has no phone legs); billing is static.
Poll answers and Q&A are those recorded while the meeting ran (``fake.answer_poll``,
``fake.ask_question``); surveys have no answers. Webinar reports read the webinar store's ended
instances the same way.

``reportMeetingParticipants`` lives with the past meetings (``_past_meetings.py``).
Every date-ranged report checks ``from``/``to`` as Zoom does (see ``_history.date_range``).
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

from ._app import Route
from ._history import (
    add_months,
    attendance,
    date_range,
    day_of,
    days,
    find_instance,
    instances_in,
    seconds,
    today,
    webinar_attendance,
    webinar_instances,
    webinar_record,
    without_empty,
    zoom_clock_text,
)
from ._http import Call, Response, ZoomAPIError
from ._pagination import paginate
from ._state import State

__all__ = ["ROUTES"]

_DAILY_TOO_OLD = (
    "Daily report can only be provided for a month that falls within the recent 6 months."
)
_ACTIVITY_TYPES = (
    "All Activities",
    "Meeting Created",
    "Meeting Started",
    "User Join",
    "User Left",
    "Remote Control",
    "In-Meeting Chat",
    "Meeting Ended",
)
_MB = 1024 * 1024
_PLAN_STORAGE_MB = 5 * 1024


def _page(state: State, call: Call, items: list[dict[str, Any]], key: str) -> dict[str, Any]:
    return paginate(
        items, call.query, key=key, scope=call.raw_path, pages=state.pages, now=state.now()
    )


def _ranged_page(
    state: State, call: Call, items: list[dict[str, Any]], key: str, start: date, end: date
) -> dict[str, Any]:
    return {"from": start.isoformat(), "to": end.isoformat(), **_page(state, call, items, key)}


def _host(state: State, instance: dict[str, Any]) -> dict[str, Any]:
    return state.users.get(instance["host_id"], {})


def _account_emails(state: State) -> set[str]:
    return {user["email"].casefold() for user in state.users.values()}


# --- daily, hosts, a user's meetings --------------------------------------------------------


def _int_query(call: Call, name: str, default: int) -> int:
    raw = call.query.get(name, "")
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ZoomAPIError(400, 300, f"Invalid parameter: {name}.") from None


def _daily(state: State, call: Call) -> Response:
    now = today(state)
    year = _int_query(call, "year", now.year)
    month = _int_query(call, "month", now.month)
    if not 1 <= month <= 12:
        raise ZoomAPIError(400, 300, "Invalid parameter: month.")
    if not 1 <= year <= 9999:
        raise ZoomAPIError(400, 300, "Invalid parameter: year.")
    first = date(year, month, 1)
    if first > now or first < add_months(now.replace(day=1), -6):
        raise ZoomAPIError(400, 300, _DAILY_TOO_OLD)
    last = min(add_months(first, 1) - timedelta(days=1), now)
    instances = instances_in(state.past_meetings.values(), first, last)
    rows = []
    for day in days(first, last):
        held = [i for i in instances if day_of(i["start_time"]) == day]
        rows.append(
            {
                "date": day.isoformat(),
                "new_users": sum(1 for u in state.users.values() if day_of(u["created_at"]) == day),
                "meetings": len(held),
                "participants": sum(i["participants_count"] for i in held),
                "meeting_minutes": sum(i["duration"] for i in held),
            }
        )
    return Response(200, {"year": year, "month": month, "dates": rows})


def _hosts(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    kind = call.query.get("type") or "active"
    if kind not in ("active", "inactive"):
        raise ZoomAPIError(400, 300, "Invalid parameter: type.")
    group_id = call.query.get("group_id")
    held: dict[str, list[dict[str, Any]]] = {}
    for instance in instances_in(state.past_meetings.values(), start, end):
        held.setdefault(instance["host_id"], []).append(instance)
    rows = []
    for user in state.users.values():
        if group_id and group_id not in user.get("group_ids", []):
            continue
        hosted = held.get(user["id"], [])
        if (kind == "active") != bool(hosted):
            continue
        rows.append(
            {
                "id": user["id"],
                "email": user["email"],
                "user_name": user["display_name"],
                "type": user["type"],
                "dept": user.get("dept", ""),
                "meetings": len(hosted),
                "participants": sum(i["participants_count"] for i in hosted),
                "meeting_minutes": sum(i["duration"] for i in hosted),
            }
        )
    body = _ranged_page(state, call, rows, "users", start, end)
    body["total_meetings"] = sum(r["meetings"] for r in rows)
    body["total_participants"] = sum(r["participants"] for r in rows)
    body["total_meeting_minutes"] = sum(r["meeting_minutes"] for r in rows)
    return Response(200, body)


def _user_meeting(
    state: State, instance: dict[str, Any], joined: dict[str, Any] | None
) -> dict[str, Any]:
    host = _host(state, instance)
    meeting = state.meetings.get(instance["id"], {})
    records = attendance(state, instance)
    account = _account_emails(state)
    row: dict[str, Any] = {
        "uuid": instance["uuid"],
        "id": instance["id"],
        "type": instance["type"],
        "topic": instance["topic"],
        "user_name": instance["user_name"],
        "user_email": instance["user_email"],
        "host_name": host.get("display_name", ""),
        "host_organization": "",
        "start_time": instance["start_time"],
        "end_time": instance["end_time"],
        "duration": instance["duration"],
        "total_minutes": instance["total_minutes"],
        "participants_count": instance["participants_count"],
        "participants_count_my_account": sum(
            1 for r in records if r.get("email", "").casefold() in account
        ),
        "source": instance.get("source", "Zoom"),
        "session_key": "",
        "has_screen_share": False,
        "has_recording": instance["uuid"] in state.recordings,
        "has_chat": False,
        "meeting_encryption_status": 1,
        "custom_keys": [],
    }
    if "start_time" in meeting:  # real Zoom sends these as MM/DD/YYYY HH:MM
        row["schedule_time"] = zoom_clock_text(meeting["start_time"])
    if joined is not None:
        row["join_time"] = zoom_clock_text(joined["join_time"])
        row["leave_time"] = zoom_clock_text(joined.get("leave_time", instance["end_time"]))
    return row


def _user_meetings(state: State, call: Call) -> Response:
    user_id = call.params["userId"]
    user = state.find_user(user_id, call.principal)
    if user is None:
        raise ZoomAPIError(404, 1001, f"User {user_id} not exist or not belong to this account.")
    start, end = date_range(state, call)
    kind = call.query.get("type") or "past"
    if kind not in ("past", "pastOne", "pastJoined"):
        raise ZoomAPIError(400, 300, "Invalid parameter: type.")
    rows: list[dict[str, Any]] = []
    email = user["email"].casefold()
    for instance in instances_in(state.past_meetings.values(), start, end):
        records = attendance(state, instance)
        if kind == "pastJoined":
            mine = [r for r in records if r.get("email", "").casefold() == email]
            rows.extend(_user_meeting(state, instance, record) for record in mine)
        elif instance["host_id"] == user["id"] and (kind == "past" or len(records) <= 1):
            rows.append(_user_meeting(state, instance, None))
    return Response(200, _ranged_page(state, call, rows, "meetings", start, end))


# --- one instance ----------------------------------------------------------------------------


def _details(instance: dict[str, Any], meeting: dict[str, Any]) -> dict[str, Any]:
    return {
        "uuid": instance["uuid"],
        "id": instance["id"],
        "type": instance["type"],
        "topic": instance["topic"],
        "user_name": instance["user_name"],
        "user_email": instance["user_email"],
        "dept": instance.get("dept", ""),
        "start_time": instance["start_time"],
        "end_time": instance["end_time"],
        "duration": instance["duration"],
        "total_minutes": instance["total_minutes"],
        "participants_count": instance["participants_count"],
        "custom_keys": copy.deepcopy(meeting.get("settings", {}).get("custom_keys", [])),
        "tracking_fields": [
            {"field": t.get("field", ""), "value": t.get("value", "")}
            for t in meeting.get("tracking_fields", [])
        ],
    }


def _meeting(state: State, call: Call) -> dict[str, Any]:
    raw = call.params["meetingId"]
    return find_instance(state.past_meetings, raw, f"Meeting {raw} not found or has expired.")


def _webinar(state: State, call: Call) -> dict[str, Any]:
    raw = call.params["webinarId"]
    return find_instance(webinar_instances(state), raw, f'Webinar "{raw}" not found or has expired')


def _meeting_details(state: State, call: Call) -> Response:
    instance = _meeting(state, call)
    return Response(200, _details(instance, state.meetings.get(instance["id"], {})))


def _webinar_details(state: State, call: Call) -> Response:
    instance = _webinar(state, call)
    return Response(200, _details(instance, {}))


def _header(instance: dict[str, Any]) -> dict[str, Any]:
    return {"id": instance["id"], "uuid": instance["uuid"], "start_time": instance["start_time"]}


def _qa_report(recorded: list[dict[str, Any]], instance: dict[str, Any]) -> list[dict[str, Any]]:
    """Recorded Q&A (``name``, ``email``, questions with an optional answer) as the report
    shows it: a status and id per question, the host's public answer as an answer detail."""
    questions = []
    for number, asker in enumerate(recorded):
        details = []
        for index, item in enumerate(asker.get("question_details", [])):
            answer = item.get("answer", "")
            detail: dict[str, Any] = {
                "question_id": f"{instance['uuid'][:8]}-{number}-{index}",
                "question": item.get("question", ""),
                "answer": answer,
                "question_status": "answered" if answer else "open",
                "answer_details": [],
            }
            if answer:
                detail["answer_details"].append(
                    {
                        "name": instance.get("user_name", ""),
                        "email": instance.get("user_email", ""),
                        "content": answer,
                        "type": "host_answered_publicly",
                    }
                )
            details.append(detail)
        questions.append(
            {
                "name": asker.get("name", ""),
                "email": asker.get("email", ""),
                "question_details": details,
            }
        )
    return questions


def _poll_report(recorded: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Recorded poll answers as the report lists them (a guest without an email has none)."""
    return [without_empty(copy.deepcopy(voter), "email") for voter in recorded]


def _meeting_polls(state: State, call: Call) -> Response:
    instance = _meeting(state, call)
    answers = state.meeting_store.poll_answers.get(instance["uuid"], [])
    return Response(200, {**_header(instance), "questions": _poll_report(answers)})


def _meeting_qa(state: State, call: Call) -> Response:
    instance = _meeting(state, call)
    recorded = state.meeting_store.qa.get(instance["uuid"], [])
    return Response(200, {**_header(instance), "questions": _qa_report(recorded, instance)})


def _meeting_survey(state: State, call: Call) -> Response:
    instance = _meeting(state, call)
    return Response(
        200,
        {
            "meeting_id": instance["id"],
            "meeting_uuid": instance["uuid"],
            "start_time": instance["start_time"],
            "survey_id": "",
            "survey_name": "",
            "survey_answers": [],
        },
    )


def _report_participant(record: dict[str, Any], end_time: str) -> dict[str, Any]:
    leave = record.get("leave_time", end_time)
    row = {
        "id": record.get("id", ""),
        "user_id": record["user_id"],
        "participant_user_id": record.get("id", ""),
        "name": record["user_name"],
        "user_email": record.get("email", ""),
        "join_time": record["join_time"],
        "leave_time": leave,
        "duration": int(seconds(leave) - seconds(record["join_time"])),
        "failover": False,
        "status": "in_meeting",
        "customer_key": "",
    }
    return without_empty(row, "user_email")


def _webinar_participants(state: State, call: Call) -> Response:
    instance = _webinar(state, call)
    registrant = call.query.get("include_fields") == "registrant_id"
    rows = []
    for record in webinar_attendance(state, instance):
        row = _report_participant(record, instance["end_time"])
        if registrant:
            row["registrant_id"] = record.get("registrant_id", "")
        rows.append(row)
    return Response(200, _page(state, call, rows, "participants"))


def _webinar_polls(state: State, call: Call) -> Response:
    instance = _webinar(state, call)
    answers = webinar_record(state, instance, "poll_answers")
    return Response(200, {**_header(instance), "questions": _poll_report(answers)})


def _webinar_qa(state: State, call: Call) -> Response:
    instance = _webinar(state, call)
    recorded = webinar_record(state, instance, "qa")
    return Response(200, {**_header(instance), "questions": _qa_report(recorded, instance)})


def _webinar_survey(state: State, call: Call) -> Response:
    instance = _webinar(state, call)
    return Response(
        200,
        {
            "webinar_id": instance["id"],
            "webinar_uuid": instance["uuid"],
            "start_time": instance["start_time"],
            "survey_id": "",
            "survey_name": "",
            "survey_answers": [],
        },
    )


# --- account-wide ------------------------------------------------------------------------------


def _size(byte_count: int) -> str:
    return f"{byte_count / _MB:.2f} MB"


def _cloud_recording(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    kept = [
        (day_of(stored.recording["start_time"]), stored.file_size)
        for stored in state.recordings.values()
        if not stored.trashed
    ]
    rows = []
    for day in days(start, end):
        used = sum(size for when, size in kept if when <= day)
        rows.append(
            {
                "date": day.isoformat(),
                "usage": _size(used),
                "plan_usage": f"{_PLAN_STORAGE_MB} MB",
                "free_usage": _size(max(_PLAN_STORAGE_MB * _MB - used, 0)),
            }
        )
    return Response(
        200, {"from": start.isoformat(), "to": end.isoformat(), "cloud_recording_storage": rows}
    )


def _in_range(iso: str, start: date, end: date) -> bool:
    return start <= day_of(iso) <= end


def _operation_logs(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    category = call.query.get("category_type") or "all"
    owner = state.users.get(state.owner_id, {})
    rows = [
        {
            "time": user["created_at"],
            "operator": owner.get("email", ""),
            "category_type": "User",
            "action": "Add",
            "operation_detail": f"Add User {user['email']}",
        }
        for user in sorted(state.users.values(), key=lambda u: u["created_at"])
        if _in_range(user["created_at"], start, end) and category in ("all", "user")
    ]
    page = _page(state, call, rows, "operation_logs")
    body = {  # Zoom sends no totals on this report
        "page_size": page["page_size"],
        "next_page_token": page["next_page_token"],
        "operation_logs": page["operation_logs"],
    }
    return Response(200, body)


def _activities(state: State, call: Call) -> Response:
    start, end = date_range(state, call, required=False)
    rows = [
        {
            "email": user["email"],
            "time": user["last_login_time"],
            "type": "Sign in",
            "ip_address": f"203.0.113.{number % 250 + 1}",
            "client_type": "Browser",
            "version": "-",
        }
        for number, user in enumerate(state.users.values())
        if user.get("last_login_time") and _in_range(user["last_login_time"], start, end)
    ]
    page = _page(state, call, rows, "activity_logs")
    body = {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "page_size": page["page_size"],
        "next_page_token": page["next_page_token"],
        "activity_logs": page["activity_logs"],
    }
    return Response(200, body)


def _telephone(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    if call.query.get("type", "1") not in ("1", "2", "3"):
        raise ZoomAPIError(400, 300, "Invalid parameter: type.")
    return Response(200, _ranged_page(state, call, [], "telephony_usage", start, end))


def _starts(meeting: dict[str, Any]) -> list[str]:
    """When a scheduled meeting runs: its occurrences, or its one start time."""
    occurrences = meeting.get("occurrences") or []
    if occurrences:
        return [o["start_time"] for o in occurrences if o.get("status") != "deleted"]
    return [meeting["start_time"]] if meeting.get("type") in (2, 8) else []


def _upcoming_events(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    kind = call.query.get("type") or "all"
    if kind not in ("meeting", "webinar", "all"):
        raise ZoomAPIError(400, 300, "Invalid parameter: type.")
    now = state.now()
    rows = []
    if kind in ("meeting", "all"):
        for meeting in state.meetings.values():
            host = state.users.get(meeting["host_id"], {})
            for when in _starts(meeting):
                if seconds(when) >= now and _in_range(when, start, end):
                    rows.append(
                        {
                            "id": str(meeting["id"]),
                            "topic": meeting["topic"],
                            "start_time": when,
                            "host_id": meeting["host_id"],
                            "host_name": host.get("display_name", ""),
                            "dept": host.get("dept", ""),
                        }
                    )
    rows.sort(key=lambda r: (r["start_time"], r["id"]))
    page = _page(state, call, rows, "upcoming_events")
    body = {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "page_size": page["page_size"],
        "next_page_token": page["next_page_token"],
        "upcoming_events": page["upcoming_events"],
    }
    return Response(200, body)


def _billing_periods(state: State) -> list[dict[str, Any]]:
    """The last three monthly periods of a static Pro plan, newest first."""
    first = today(state).replace(day=1)
    periods = []
    for back in range(1, 4):
        begin = add_months(first, -back)
        periods.append(
            {
                "id": f"{begin:%Y%m}-{state.account_id[:6]}",
                "type": 0,
                "start_date": begin.isoformat(),
                "end_date": (add_months(begin, 1) - timedelta(days=1)).isoformat(),
                "total_amount": "149.90",
                "tax_amount": "0.00",
            }
        )
    return periods


def _billing(state: State, call: Call) -> Response:
    return Response(
        200,
        {
            "currency": "USD",
            "download_url": f"{state.api_url}/v2/report/billing/download",
            "billing_reports": _billing_periods(state),
        },
    )


def _billing_invoices(state: State, call: Call) -> Response:
    billing_id = call.query.get("billing_id", "")
    if not billing_id:
        raise ZoomAPIError(400, 300, 'Invalid parameter "billing_id"')
    period = next((p for p in _billing_periods(state) if p["id"] == billing_id), None)
    if period is None:
        raise ZoomAPIError(404, 5010, "Report does not exist.")
    invoice = {
        "invoice_number": f"INV{billing_id.replace('-', '')}",
        "invoice_charge_name": "Pro Monthly",
        "quantity": 10,
        "start_date": period["start_date"],
        "end_date": period["end_date"],
        "total_amount": period["total_amount"],
        "tax_amount": period["tax_amount"],
    }
    return Response(200, {"currency": "USD", "invoices": [invoice]})


def _history_row(state: State, instance: dict[str, Any]) -> dict[str, Any]:
    meeting = state.meetings.get(instance["id"], {})
    host = _host(state, instance)
    records = attendance(state, instance)
    return {
        "meeting_uuid": instance["uuid"],
        "meeting_id": instance["id"],
        "type": "Meeting",
        "topic": instance["topic"],
        "host_display_name": host.get("display_name", instance["user_name"]),
        "host_email": instance["user_email"],
        "department": instance.get("dept", ""),
        "group": [],
        "source": instance.get("source", "Zoom"),
        "create_time": meeting.get("created_at", instance["start_time"]),
        "start_time": instance["start_time"],
        "end_time": instance["end_time"],
        "duration": instance["duration"],
        "participants": len(records),
        "unique_viewers": len({r.get("email") or r["user_id"] for r in records}),
        "max_concurrent_views": len(records),
        "total_participant_minutes": instance["total_minutes"],
        "custom_fields": [],
        "tracking_fields": [
            {"field": t.get("field", ""), "value": t.get("value", "")}
            for t in meeting.get("tracking_fields", [])
        ],
        "feature_used": {
            "video_on": True,
            "screen_sharing": False,
            "in_meeting_chat": False,
            "record_to_cloud": instance["uuid"] in state.recordings,
            "waiting_room": bool(meeting.get("settings", {}).get("waiting_room", False)),
        },
    }


def _history_meetings(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    date_type = call.query.get("date_type") or "start_time"
    meeting_type = call.query.get("meeting_type") or "all"
    if date_type not in ("start_time", "end_time"):
        raise ZoomAPIError(400, 300, "Invalid parameter: date_type.")
    if meeting_type not in ("meeting", "webinar", "all"):
        raise ZoomAPIError(400, 300, "Invalid parameter: meeting_type.")
    search = (call.query.get("search_key") or "").casefold()
    rows = []
    if meeting_type in ("meeting", "all"):
        chosen = [i for i in state.past_meetings.values() if _in_range(i[date_type], start, end)]
        chosen.sort(key=lambda i: (i[date_type], i["uuid"]))
        rows = [
            _history_row(state, i)
            for i in chosen
            if not search or search in i["topic"].casefold() or search == str(i["id"])
        ]
    page = _page(state, call, rows, "history_meetings")
    body = {
        "page_size": page["page_size"],
        "next_page_token": page["next_page_token"],
        "history_meetings": page["history_meetings"],
    }
    return Response(200, body)


def _activity_logs(state: State, instance: dict[str, Any]) -> list[dict[str, Any]]:
    host = _host(state, instance)
    number = str(instance["id"])

    def log(when: str, category: str, who: str, email: str, detail: str) -> dict[str, Any]:
        return {
            "meeting_number": number,
            "activity_time": when,
            "activity_category": category,
            "operator": who,
            "operator_email": email,
            "activity_detail": detail,
        }

    host_name, host_email = host.get("display_name", ""), host.get("email", "")
    logs = [log(instance["start_time"], "Meeting Started", host_name, host_email, "")]
    for record in attendance(state, instance):
        name, email = record["user_name"], record.get("email", "")
        logs.append(log(record["join_time"], "User Join", name, email, f"{name} joined"))
        left = record.get("leave_time", instance["end_time"])
        logs.append(log(left, "User Left", name, email, f"{name} left"))
    logs.append(log(instance["end_time"], "Meeting Ended", host_name, host_email, ""))
    return logs


def _meeting_activities(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    activity = call.query.get("activity_type") or ""
    if activity not in _ACTIVITY_TYPES:
        raise ZoomAPIError(400, 300, "Invalid parameter: activity_type.")
    wanted_number = call.query.get("meeting_number") or ""
    search = (call.query.get("search_key") or "").casefold()
    rows = []
    for instance in instances_in(state.past_meetings.values(), start, end):
        if wanted_number and wanted_number != str(instance["id"]):
            continue
        for entry in _activity_logs(state, instance):
            if activity != "All Activities" and entry["activity_category"] != activity:
                continue
            if search and search not in (entry["operator"] + entry["operator_email"]).casefold():
                continue
            if _in_range(entry["activity_time"], start, end):
                rows.append(entry)
    rows.sort(key=lambda r: r["activity_time"])
    page = _page(state, call, rows, "meeting_activity_logs")
    body = {
        "page_size": page["page_size"],
        "next_page_token": page["next_page_token"],
        "meeting_activity_logs": page["meeting_activity_logs"],
    }
    return Response(200, body)


ROUTES = [
    Route("GET", "/v2/report/daily", "reportDaily", _daily),
    Route("GET", "/v2/report/users", "reportUsers", _hosts),
    Route("GET", "/v2/report/users/{userId}/meetings", "reportMeetings", _user_meetings),
    Route("GET", "/v2/report/meetings/{meetingId}", "reportMeetingDetails", _meeting_details),
    Route("GET", "/v2/report/meetings/{meetingId}/polls", "reportMeetingPolls", _meeting_polls),
    Route("GET", "/v2/report/meetings/{meetingId}/qa", "reportMeetingQA", _meeting_qa),
    Route("GET", "/v2/report/meetings/{meetingId}/survey", "reportMeetingSurvey", _meeting_survey),
    Route("GET", "/v2/report/webinars/{webinarId}", "reportWebinarDetails", _webinar_details),
    Route(
        "GET",
        "/v2/report/webinars/{webinarId}/participants",
        "reportWebinarParticipants",
        _webinar_participants,
    ),
    Route("GET", "/v2/report/webinars/{webinarId}/polls", "reportWebinarPolls", _webinar_polls),
    Route("GET", "/v2/report/webinars/{webinarId}/qa", "reportWebinarQA", _webinar_qa),
    Route("GET", "/v2/report/webinars/{webinarId}/survey", "reportWebinarSurvey", _webinar_survey),
    Route("GET", "/v2/report/cloud_recording", "reportCloudRecording", _cloud_recording),
    Route("GET", "/v2/report/operationlogs", "reportOperationLogs", _operation_logs),
    Route("GET", "/v2/report/activities", "reportSignInSignOutActivities", _activities),
    Route("GET", "/v2/report/telephone", "reportTelephone", _telephone),
    Route("GET", "/v2/report/upcoming_events", "reportUpcomingEvents", _upcoming_events),
    Route("GET", "/v2/report/billing", "getBillingReport", _billing),
    Route("GET", "/v2/report/billing/invoices", "getBillingInvoicesReports", _billing_invoices),
    Route(
        "GET", "/v2/report/history_meetings", "Gethistorymeetingandwebinarlist", _history_meetings
    ),
    Route("GET", "/v2/report/meeting_activities", "reportMeetingactivitylogs", _meeting_activities),
]
