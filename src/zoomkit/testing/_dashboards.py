"""Dashboards (``GET /metrics/...``), derived from FakeZoom's live and past meetings.

What is derived from state: meeting lists, details and participants come from live meetings
(``type=live``, Zoom's default) and past instances with their attendance (``past``; ``pastOne``
keeps those one person attended). A past meeting is listed in every window its run touches, so
one that runs past midnight at a window edge shows up on both sides (clients dedupe by UUID).
Device, network, QoS samples, sharing and end-of-meeting feedback are not things FakeZoom
records, so they are generated from each participant's ids: the same every run, and consistent
across the participants, QoS, satisfaction, feedback and quality dashboards. Client versions
come from users' ``last_client_version``. Zoom Rooms are two static rooms; chat, IM and CRC
figures are generated per day, so a range's total is the sum of its windows. Webinar dashboards
read the webinar store's live and ended instances the same way as meetings.
"""

from __future__ import annotations

import base64
from collections import Counter
from datetime import date
from typing import Any

from ._app import Route
from ._history import (
    attendance,
    date_range,
    day_of,
    days,
    find_instance,
    instances_in,
    live_webinar_attendance,
    live_webinar_instances,
    seconds,
    stable_int,
    webinar_attendance,
    webinar_instances,
    without_empty,
)
from ._http import Call, Response, ZoomAPIError
from ._pagination import paginate
from ._state import State
from ._times import iso_z

__all__ = ["FEEDBACK_REASONS", "ROUTES"]

FEEDBACK_REASONS = {"1": "Audio echo", "2": "Video froze", "3": "Could not share screen"}
"""The end-of-meeting feedback reasons FakeZoom's participants pick from."""

_QOS_PAGE_MAX = 10
_RATINGS = ("good", "good", "good", "fair", "poor")
_DEVICES = ("Mac", "Windows", "iOS", "Android")
_NETWORKS = ("Wifi", "Wired", "Cellular")
_LOCATIONS = ("Berlin (DE)", "New York (US)", "Sydney (AU)", "Tokyo (JP)")
_MEDIA = (("audio", "audio"), ("video", "video"), ("screen_share", "share"))


# --- which instance, and its attendance -----------------------------------------------------


def _kind(call: Call, allowed: tuple[str, ...]) -> str:
    kind = call.query.get("type") or "live"
    if kind not in allowed:
        raise ZoomAPIError(400, 300, "Invalid parameter: type.")
    return kind


def _live_instance(state: State, meeting_id: int) -> dict[str, Any]:
    live = state.live_meetings[meeting_id]
    meeting = state.meetings[meeting_id]
    host = state.users.get(meeting["host_id"], {})
    return {
        "uuid": live.uuid,
        "id": meeting_id,
        "host_id": meeting["host_id"],
        "topic": meeting["topic"],
        "type": meeting["type"],
        "user_name": host.get("display_name", ""),
        "user_email": host.get("email", ""),
        "start_time": iso_z(live.started_at),
        "dept": host.get("dept", ""),
        "live": True,
    }


def _live_instances(state: State) -> list[dict[str, Any]]:
    return [_live_instance(state, meeting_id) for meeting_id in state.live_meetings]


def _meeting_instance(state: State, call: Call, kind: str, not_found: str) -> dict[str, Any]:
    """The live instance (``type=live``) or a past one, by meeting id or instance UUID."""
    raw = call.params["meetingId"]
    if kind != "live":
        return find_instance(state.past_meetings, raw, not_found)
    lives = {instance["uuid"]: instance for instance in _live_instances(state)}
    return find_instance(lives, raw, not_found)


def _records(state: State, instance: dict[str, Any]) -> list[dict[str, Any]]:
    if instance.get("webinar"):
        if instance.get("live"):
            return live_webinar_attendance(state, instance)
        return webinar_attendance(state, instance)
    if instance.get("live"):
        return list(state.live_meetings[instance["id"]].attendance)
    return attendance(state, instance)


def _webinar_instance(state: State, call: Call, not_found: str) -> dict[str, Any]:
    """The live webinar instance (``type=live``) or an ended one, by id or instance UUID."""
    kind = _kind(call, ("past", "pastOne", "live"))
    instances = live_webinar_instances(state) if kind == "live" else webinar_instances(state)
    found = find_instance(instances, call.params["webinarId"], not_found)
    return {**found, "webinar": True}


def _page(state: State, call: Call, items: list[dict[str, Any]], key: str) -> dict[str, Any]:
    return paginate(
        items, call.query, key=key, scope=call.raw_path, pages=state.pages, now=state.now()
    )


def _ranged(start: date, end: date, body: dict[str, Any]) -> dict[str, Any]:
    """``body`` with the ``from``/``to`` echo Zoom puts first."""
    return {"from": start.isoformat(), "to": end.isoformat(), **body}


# --- generated per participant ---------------------------------------------------------------


def _rating(*parts: object) -> str:
    return _RATINGS[stable_int(*parts) % len(_RATINGS)]


def _clock_text(total_seconds: float) -> str:
    whole = max(int(total_seconds), 0)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _device(instance: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """Where a participant joined from: generated from their ids, stable across calls."""
    n = stable_int(instance["uuid"], record["user_id"])
    return {
        "device": _DEVICES[n % len(_DEVICES)],
        "version": "5.17.11.34827",
        "ip_address": f"198.51.100.{n % 250 + 1}",
        "location": _LOCATIONS[n % len(_LOCATIONS)],
        "network_type": _NETWORKS[n % len(_NETWORKS)],
        "domain": "example.com",
        "pc_name": f"pc-{n % 1000:03d}",
        "mac_addr": "",
        "harddisk_id": "",
    }


def _ended(instance: dict[str, Any], record: dict[str, Any], now: float) -> str:
    return str(record.get("leave_time") or instance.get("end_time") or iso_z(now))


def _dashboard_participant(
    state: State, instance: dict[str, Any], record: dict[str, Any], registrant: bool
) -> dict[str, Any]:
    who = "webinar" if instance.get("webinar") else "meeting"
    host_email = instance.get("user_email", "").casefold()
    row: dict[str, Any] = {
        "id": record.get("id", ""),
        "user_id": record["user_id"],
        "participant_user_id": record.get("id", ""),
        "user_name": record["user_name"],
        "email": record.get("email", ""),
        "role": "host" if record.get("email", "").casefold() == host_email else "attendee",
        "status": "in_meeting",
        "join_time": record["join_time"],
        **_device(instance, record),
        "connection_type": "UDP",
        "data_center": "US",
        "full_data_center": "United States;US (Main)",
        "microphone": "Built-in Microphone",
        "speaker": "Built-in Speakers",
        "camera": "FaceTime HD Camera",
        "share_application": False,
        "share_desktop": bool(_shares(instance, record)),
        "share_whiteboard": False,
        "recording": False,
        "audio_quality": _rating(instance["uuid"], record["user_id"], "audio"),
        "video_quality": _rating(instance["uuid"], record["user_id"], "video"),
        "screen_share_quality": "",
        "customer_key": "",
    }
    if record.get("leave_time"):
        row["leave_time"] = record["leave_time"]
        # Zoom's schema enumerates the reason with a literal "$name" placeholder.
        row["leave_reason"] = f"$name left the {who}."
    if registrant:
        row["registrant_id"] = record.get("registrant_id", "")
    return without_empty(row, "email")  # guests may have none


def _qos_metrics(n: int, *, video: bool) -> dict[str, str]:
    metrics = {
        "bitrate": f"{(600 if video else 20) + n % 40} kbps",
        "latency": f"{20 + n % 60} ms",
        "jitter": f"{n % 9} ms",
        "avg_loss": f"{n % 5 / 10:.1f}%",
        "max_loss": f"{n % 5 / 5:.1f}%",
    }
    if video:
        metrics["resolution"] = "640*360"
        metrics["frame_rate"] = f"{20 + n % 11} fps"
    return metrics


def _qos_samples(instance: dict[str, Any], record: dict[str, Any], now: float) -> list[Any]:
    """A sample at join and every 15 minutes after, at most four."""
    begin, end = seconds(record["join_time"]), seconds(_ended(instance, record, now))
    samples = []
    for index in range(4):
        moment = begin + index * 900
        if index and moment >= end:
            break
        n = stable_int(instance["uuid"], record["user_id"], index)
        samples.append(
            {
                "date_time": iso_z(moment),
                "audio_input": _qos_metrics(n, video=False),
                "audio_output": _qos_metrics(n >> 8, video=False),
                "video_input": _qos_metrics(n >> 16, video=True),
                "video_output": _qos_metrics(n >> 24, video=True),
                "as_input": _qos_metrics(n >> 32, video=True),
                "as_output": _qos_metrics(n >> 40, video=True),
                "cpu_usage": {
                    "zoom_min_cpu_usage": f"{n % 3 + 1}%",
                    "zoom_avg_cpu_usage": f"{n % 10 + 5}%",
                    "zoom_max_cpu_usage": f"{n % 20 + 15}%",
                    "system_max_cpu_usage": f"{n % 30 + 40}%",
                },
            }
        )
    return samples


def _participant_qos(
    state: State, instance: dict[str, Any], record: dict[str, Any]
) -> dict[str, Any]:
    device = _device(instance, record)
    row: dict[str, Any] = {
        "id": record.get("id", ""),
        "user_id": record["user_id"],
        "user_name": record["user_name"],
        "device": device["device"],
        "version": device["version"],
        "ip_address": device["ip_address"],
        "location": device["location"],
        "domain": device["domain"],
        "pc_name": device["pc_name"],
        "mac_addr": "",
        "harddisk_id": "",
        "join_time": record["join_time"],
        "user_qos": _qos_samples(instance, record, state.now()),
    }
    if record.get("leave_time"):
        row["leave_time"] = record["leave_time"]
    return row


def _shares(instance: dict[str, Any], record: dict[str, Any]) -> list[dict[str, str]]:
    """One in three participants shared their desktop for the first five minutes."""
    if stable_int(instance["uuid"], record["user_id"], "share") % 3:
        return []
    begin = seconds(record["join_time"])
    return [
        {"content": "desktop", "start_time": iso_z(begin), "end_time": iso_z(begin + 300)},
    ]


def _feedback(instance: dict[str, Any], record: dict[str, Any]) -> tuple[str, str] | None:
    """A participant's thumbs down with its reason id, or None for a thumbs up."""
    n = stable_int(instance["uuid"], record["user_id"], "feedback")
    if n % 4:
        return None
    reason = sorted(FEEDBACK_REASONS)[n // 4 % len(FEEDBACK_REASONS)]
    return "NOT GOOD", reason


# --- meetings and webinars -----------------------------------------------------------------


def _instance_row(
    state: State, instance: dict[str, Any], *, tracking: bool, meeting: bool
) -> dict[str, Any]:
    host = state.users.get(instance["host_id"], {})
    records = _records(state, instance)
    end = instance.get("end_time")
    stored = state.meetings.get(instance["id"], {}) if meeting else {}
    row: dict[str, Any] = {
        "uuid": instance["uuid"],
        "id": instance["id"],
        "topic": instance["topic"],
        "host": host.get("display_name", instance.get("user_name", "")),
        "email": host.get("email", instance.get("user_email", "")),
        "user_type": "Licensed" if host.get("type") == 2 else "Basic",
        "dept": host.get("dept", ""),
        "start_time": instance["start_time"],
        "duration": _clock_text(
            (seconds(end) if end else state.now()) - seconds(instance["start_time"])
        ),
        "participants": len(records),
        "has_pstn": False,
        "has_voip": True,
        "has_3rd_party_audio": False,
        "has_video": True,
        "has_screen_share": any(_shares(instance, r) for r in records),
        "has_recording": instance["uuid"] in state.recordings,
        "has_sip": False,
        "has_archiving": False,
        "has_manual_captions": False,
        "has_automated_captions": False,
        "audio_quality": _rating(instance["uuid"], "audio"),
        "video_quality": _rating(instance["uuid"], "video"),
        "screen_share_quality": _rating(instance["uuid"], "share"),
        "custom_keys": [],
    }
    if end:
        row["end_time"] = end
    if meeting:
        row["in_room_participants"] = 0
    if tracking:
        row["tracking_fields"] = [
            {"field": t.get("field", ""), "value": t.get("value", "")}
            for t in stored.get("tracking_fields", [])
        ]
    return row


def _meetings(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    kind = _kind(call, ("past", "pastOne", "live"))
    if kind == "live":
        chosen = [i for i in _live_instances(state) if day_of(i["start_time"]) <= end]
    else:
        chosen = instances_in(state.past_meetings.values(), start, end, overlap=True)
        if kind == "pastOne":
            chosen = [i for i in chosen if len(attendance(state, i)) <= 1]
    tracking = call.query.get("include_fields") == "tracking_fields"
    rows = [_instance_row(state, i, tracking=tracking, meeting=True) for i in chosen]
    return Response(
        200,
        _ranged(start, end, _page(state, call, rows, "meetings")),
    )


def _meeting_detail(state: State, call: Call) -> Response:
    kind = _kind(call, ("past", "pastOne", "live"))
    instance = _meeting_instance(
        state,
        call,
        kind,
        "Meeting ID is invalid or the meeting has not ended yet. "
        "This meeting's details are not available.",
    )
    return Response(200, _instance_row(state, instance, tracking=False, meeting=True))


def _participants_of(state: State, call: Call, instance: dict[str, Any]) -> list[dict[str, Any]]:
    registrant = call.query.get("include_fields") == "registrant_id"
    return [
        _dashboard_participant(state, instance, record, registrant)
        for record in _records(state, instance)
    ]


def _meeting_participants(state: State, call: Call) -> Response:
    kind = _kind(call, ("past", "pastOne", "live"))
    instance = _meeting_instance(state, call, kind, "Meeting ID is invalid or has not ended.")
    rows = _participants_of(state, call, instance)
    return Response(200, _page(state, call, rows, "participants"))


def _qos_page(state: State, call: Call, instance: dict[str, Any]) -> Response:
    query = dict(call.query)
    asked = query.get("page_size") or "1"  # Zoom's default here is 1, its maximum 10
    if not asked.isdigit():
        raise ZoomAPIError(400, 300, "Invalid parameter: page_size.")
    query["page_size"] = str(min(int(asked), _QOS_PAGE_MAX))
    rows = [_participant_qos(state, instance, r) for r in _records(state, instance)]
    page = paginate(
        rows, query, key="participants", scope=call.raw_path, pages=state.pages, now=state.now()
    )
    return Response(200, page)


def _meeting_participants_qos(state: State, call: Call) -> Response:
    kind = _kind(call, ("past", "live"))
    instance = _meeting_instance(state, call, kind, "This meeting's detail info is not available.")
    return _qos_page(state, call, instance)


def _one_qos(state: State, call: Call, instance: dict[str, Any]) -> Response:
    wanted = call.params["participantId"]
    for record in _records(state, instance):
        if wanted in (record["user_id"], record.get("id"), record.get("participant_uuid")):
            return Response(200, _participant_qos(state, instance, record))
    raise ZoomAPIError(404, 3001, f"Participant {wanted} not found in this instance.")


def _meeting_participant_qos(state: State, call: Call) -> Response:
    kind = _kind(call, ("past", "live"))
    instance = _meeting_instance(state, call, kind, "This meeting's detail info is not available.")
    return _one_qos(state, call, instance)


def _sharing_rows(state: State, instance: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    live = state.live_meetings.get(instance["id"]) if instance.get("live") else None
    for record in _records(state, instance):
        details = _shares(instance, record)
        if live is not None and record["user_id"] in live.sharing:
            details = [{"content": "application", "start_time": record["join_time"]}]
        if details:
            rows.append(
                {
                    "id": record.get("id", ""),
                    "user_id": record["user_id"],
                    "user_name": record["user_name"],
                    "details": details,
                }
            )
    return rows


def _meeting_sharing(state: State, call: Call) -> Response:
    kind = _kind(call, ("past", "live"))
    instance = _meeting_instance(
        state, call, kind, "This meeting's detail info is not available or ID is not valid."
    )
    return Response(200, _page(state, call, _sharing_rows(state, instance), "participants"))


def _satisfaction_rows(state: State, instance: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for record in _records(state, instance):
        verdict = _feedback(instance, record)
        row = {
            "user_id": record["user_id"],
            "email": record.get("email", ""),
            "date_time": _ended(instance, record, state.now()),
            "quality": "GOOD" if verdict is None else verdict[0],
        }
        if verdict is not None:
            row["comment"] = FEEDBACK_REASONS[verdict[1]]
        rows.append(without_empty(row, "email"))
    return rows


def _satisfaction_page(state: State, call: Call, instance: dict[str, Any]) -> Response:
    page = _page(state, call, _satisfaction_rows(state, instance), "participants")
    body = {  # Zoom sends no totals here
        "page_size": page["page_size"],
        "next_page_token": page["next_page_token"],
        "participants": page["participants"],
    }
    return Response(200, body)


def _meeting_satisfaction(state: State, call: Call) -> Response:
    kind = _kind(call, ("past", "pastOne", "live"))
    instance = _meeting_instance(state, call, kind, "Meeting ID is invalid or not end.")
    return _satisfaction_page(state, call, instance)


def _webinars(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    kind = _kind(call, ("past", "live"))
    if kind == "past":
        found = instances_in(webinar_instances(state).values(), start, end, overlap=True)
    else:
        live = live_webinar_instances(state).values()
        found = [i for i in live if day_of(i["start_time"]) <= end]
    chosen = [{**i, "webinar": True} for i in found]
    rows = [_instance_row(state, i, tracking=False, meeting=False) for i in chosen]
    return Response(
        200,
        _ranged(start, end, _page(state, call, rows, "webinars")),
    )


def _webinar_detail(state: State, call: Call) -> Response:
    instance = _webinar_instance(
        state, call, "The webinar has not ended yet or the Webinar ID is not valid."
    )
    return Response(200, _instance_row(state, instance, tracking=False, meeting=False))


def _webinar_participants(state: State, call: Call) -> Response:
    instance = _webinar_instance(
        state, call, "This webinar's detail info is not available or ID is not valid."
    )
    return Response(
        200, _page(state, call, _participants_of(state, call, instance), "participants")
    )


def _webinar_participants_qos(state: State, call: Call) -> Response:
    instance = _webinar_instance(
        state, call, "This webinar's detail is not available or the Webinar ID is not valid."
    )
    return _qos_page(state, call, instance)


def _webinar_participant_qos(state: State, call: Call) -> Response:
    instance = _webinar_instance(
        state, call, "This webinar's detail info is not available or ID is not valid."
    )
    return _one_qos(state, call, instance)


def _webinar_sharing(state: State, call: Call) -> Response:
    instance = _webinar_instance(
        state, call, "This webinar's detail info is not available or ID is not valid."
    )
    return Response(200, _page(state, call, _sharing_rows(state, instance), "participants"))


def _webinar_satisfaction(state: State, call: Call) -> Response:
    instance = _webinar_instance(state, call, "Webinar ID is invalid or not end.")
    return _satisfaction_page(state, call, instance)


# --- Zoom Rooms ------------------------------------------------------------------------------


def _rooms(state: State) -> list[dict[str, Any]]:
    """Two static rooms per account: one available, one offline with an issue."""
    rooms = []
    for number, (name, status, issues) in enumerate(
        [("Boardroom", "Available", []), ("Huddle Room", "Offline", ["Zoom room is offline"])]
    ):
        digest = stable_int(state.account_id, "room", number).to_bytes(8, "big") * 2
        rooms.append(
            {
                "id": base64.urlsafe_b64encode(digest).decode()[:22],
                "room_name": name,
                "email": f"room{number + 1}@example.com",
                "account_type": "Work Email",
                "calender_name": f"room{number + 1}@example.com",
                "status": status,
                "health": "critical" if issues else "healthy",
                "issues": issues,
                "device_ip": f"Computer : 192.0.2.{10 + number}",
                "camera": "Logitech Rally",
                "microphone": "Logitech Rally",
                "speaker": "Logitech Rally",
                "location": "HQ",
                "location_id": "",
                "last_start_time": "2026-01-05T09:00:00Z",
            }
        )
    return rooms


def _room(state: State, call: Call) -> dict[str, Any]:
    wanted = call.params["zoomroomId"]
    for room in _rooms(state):
        if room["id"] == wanted:
            return room
    raise ZoomAPIError(404, 1012, f"Zoom Room does not exist: {wanted}.")


def _offline_days(state: State, room: dict[str, Any], start: date, end: date) -> list[date]:
    """An offline room reports an issue every seventh day."""
    if not room["issues"]:
        return []
    return [d for d in days(start, end) if d.toordinal() % 7 == 0]


def _zoom_rooms(state: State, call: Call) -> Response:
    return Response(200, _page(state, call, _rooms(state), "zoom_rooms"))


def _zoom_room(state: State, call: Call) -> Response:
    room = _room(state, call)
    start, end = date_range(state, call)
    meetings = _page(state, call, [], "meetings")
    room_fields = {k: v for k, v in room.items() if k != "location_id"}
    return Response(
        200,
        {
            **room_fields,
            "past_meetings": {"from": start.isoformat(), "to": end.isoformat(), **meetings},
        },
    )


def _zoom_room_issues(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    counts: Counter[str] = Counter()
    for room in _rooms(state):
        if _offline_days(state, room, start, end):
            counts.update(room["issues"])
    issues = [{"issue_name": name, "zoom_rooms_count": n} for name, n in counts.most_common()]
    return Response(
        200,
        {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "total_records": len(issues),
            "issues": issues,
        },
    )


def _issues_zoom_rooms(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    rows = [
        {"id": room["id"], "room_name": room["room_name"], "issues_count": len(found)}
        for room in _rooms(state)
        if (found := _offline_days(state, room, start, end))
    ]
    return Response(
        200,
        {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "total_records": len(rows),
            "zoom_rooms": rows,
        },
    )


def _issue_zoom_room(state: State, call: Call) -> Response:
    room = _room(state, call)
    start, end = date_range(state, call)
    rows = [
        {"issue": issue, "time": f"{day.isoformat()}T03:00:00Z"}
        for day in _offline_days(state, room, start, end)
        for issue in room["issues"]
    ]
    return Response(
        200,
        {
            "from": start.isoformat(),
            "to": end.isoformat(),
            **_page(state, call, rows, "issue_details"),
        },
    )


# --- chat, CRC, clients, quality -------------------------------------------------------------


def _per_day(user_id: str, what: str, start: date, end: date) -> int:
    """A user's count of ``what`` over the range: a generated figure per day, summed."""
    return sum(stable_int(user_id, what, day.isoformat()) % 4 for day in days(start, end))


def _chat(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    rows = []
    for user in state.users.values():
        counts = {
            f"{kind}_sent": _per_day(user["id"], f"chat-{kind}", start, end)
            for kind in ("text", "audio", "video", "images", "files", "giphys", "code_sippet")
        }
        rows.append(
            {
                "user_id": user["id"],
                "user_name": user["display_name"],
                "email": user["email"],
                **counts,
                "p2p_sent": counts["text_sent"] // 2,
                "group_sent": counts["text_sent"] - counts["text_sent"] // 2,
                "total_sent": sum(counts.values()),
            }
        )
    page = _page(state, call, rows, "users")
    body = {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "page_size": page["page_size"],
        "next_page_token": page["next_page_token"],
        "users": page["users"],
    }
    return Response(200, body)


def _im(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    rows = []
    for user in state.users.values():
        counts = {
            f"{kind}_{way}": _per_day(user["id"], f"im-{kind}-{way}", start, end)
            for kind in ("group", "calls", "files", "images", "voice", "videos", "emoji")
            for way in ("send", "receive")
        }
        rows.append(
            {
                "user_id": user["id"],
                "user_name": user["display_name"],
                "email": user["email"],
                **counts,
                "total_send": sum(v for k, v in counts.items() if k.endswith("_send")),
                "total_receive": sum(v for k, v in counts.items() if k.endswith("_receive")),
            }
        )
    return Response(200, _ranged(start, end, _page(state, call, rows, "users")))


def _crc(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    rows = []
    for day in days(start, end):
        hours = []
        for hour in (9, 13, 16):
            n = stable_int(state.account_id, "crc", day.isoformat(), hour)
            hours.append({"hour": f"{hour:02d}", "max_usage": n % 5, "total_usage": n % 5 * 3})
        rows.append({"date_time": day.isoformat(), "crc_ports_hour_usage": hours})
    return Response(
        200, {"from": start.isoformat(), "to": end.isoformat(), "crc_ports_usage": rows}
    )


def _feedback_in(
    state: State, start: date, end: date
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Every (instance, join record) of past meetings that started in the range."""
    return [
        (instance, record)
        for instance in instances_in(state.past_meetings.values(), start, end)
        for record in attendance(state, instance)
    ]


def _client_feedback(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    counts: Counter[str] = Counter()
    for instance, record in _feedback_in(state, start, end):
        verdict = _feedback(instance, record)
        if verdict is not None:
            counts[verdict[1]] += 1
    rows = [
        {"feedback_id": key, "feedback_name": FEEDBACK_REASONS[key], "participants_count": n}
        for key, n in sorted(counts.items())
    ]
    return Response(
        200,
        {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "total_records": len(rows),
            "client_feedbacks": rows,
        },
    )


def _client_feedback_detail(state: State, call: Call) -> Response:
    feedback_id = call.params["feedbackId"]
    if feedback_id not in FEEDBACK_REASONS:
        raise ZoomAPIError(400, 300, "Invalid parameter: feedbackId.")
    start, end = date_range(state, call, required=False)
    rows = []
    for instance, record in _feedback_in(state, start, end):
        verdict = _feedback(instance, record)
        if verdict is not None and verdict[1] == feedback_id:
            rows.append(
                {
                    "participant_name": record["user_name"],
                    "email": record.get("email", ""),
                    "meeting_id": str(instance["id"]),
                    "time": _ended(instance, record, state.now()),
                }
            )
    page = _page(state, call, rows, "client_feedback_details")
    body = {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "page_size": page["page_size"],
        "next_page_token": page["next_page_token"],
        "client_feedback_details": page["client_feedback_details"],
    }
    return Response(200, body)


def _client_satisfaction(state: State, call: Call) -> Response:
    start, end = date_range(state, call, required=False)
    good: Counter[date] = Counter()
    bad: Counter[date] = Counter()
    for instance, record in _feedback_in(state, start, end):
        day = day_of(instance["start_time"])
        if _feedback(instance, record) is None:
            good[day] += 1
        else:
            bad[day] += 1
    rows = []
    for day in days(start, end):
        answered = good[day] + bad[day]
        rows.append(
            {
                "date": day.isoformat(),
                "good_count": good[day],
                "not_good_count": bad[day],
                "none_count": 0,
                "satisfaction_percent": round(100.0 * good[day] / answered, 2) if answered else 0.0,
            }
        )
    return Response(
        200,
        {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "total_records": len(rows),
            "client_satisfaction": rows,
        },
    )


def _client_versions(state: State, call: Call) -> Response:
    counts = Counter(
        str(user.get("last_client_version", "")).split("(")[0]
        for user in state.users.values()
        if user.get("last_client_version")
    )
    rows = [{"client_version": v, "total_count": n} for v, n in counts.most_common()]
    return Response(200, {"client_versions": rows})


def _quality(state: State, call: Call) -> Response:
    start, end = date_range(state, call)
    kind = call.query.get("type") or "meeting"
    if kind not in ("meeting", "participants"):
        raise ZoomAPIError(400, 300, "Invalid parameter: type.")
    tallies = {medium: Counter[str]() for medium in ("audio", "video", "screen_share")}
    for instance in instances_in(state.past_meetings.values(), start, end):
        keys: list[tuple[str, ...]] = [(instance["uuid"],)]
        if kind == "participants":
            keys = [(instance["uuid"], r["user_id"]) for r in attendance(state, instance)]
        for key in keys:
            for medium, label in _MEDIA:
                tallies[medium][_rating(*key, label)] += 1
    quality = {
        medium: {rating: counts[rating] for rating in ("good", "fair", "poor", "bad")}
        for medium, counts in tallies.items()
    }
    return Response(200, {"from": start.isoformat(), "to": end.isoformat(), "quality": quality})


ROUTES = [
    Route("GET", "/v2/metrics/meetings", "dashboardMeetings", _meetings),
    Route("GET", "/v2/metrics/meetings/{meetingId}", "dashboardMeetingDetail", _meeting_detail),
    Route(
        "GET",
        "/v2/metrics/meetings/{meetingId}/participants",
        "dashboardMeetingParticipants",
        _meeting_participants,
    ),
    Route(
        "GET",
        "/v2/metrics/meetings/{meetingId}/participants/qos",
        "dashboardMeetingParticipantsQOS",
        _meeting_participants_qos,
    ),
    Route(
        "GET",
        "/v2/metrics/meetings/{meetingId}/participants/sharing",
        "dashboardMeetingParticipantShare",
        _meeting_sharing,
    ),
    Route(
        "GET",
        "/v2/metrics/meetings/{meetingId}/participants/satisfaction",
        "participantFeedback",
        _meeting_satisfaction,
    ),
    Route(
        "GET",
        "/v2/metrics/meetings/{meetingId}/participants/{participantId}/qos",
        "dashboardMeetingParticipantQOS",
        _meeting_participant_qos,
    ),
    Route("GET", "/v2/metrics/webinars", "dashboardWebinars", _webinars),
    Route("GET", "/v2/metrics/webinars/{webinarId}", "dashboardWebinarDetail", _webinar_detail),
    Route(
        "GET",
        "/v2/metrics/webinars/{webinarId}/participants",
        "dashboardWebinarParticipants",
        _webinar_participants,
    ),
    Route(
        "GET",
        "/v2/metrics/webinars/{webinarId}/participants/qos",
        "dashboardWebinarParticipantsQOS",
        _webinar_participants_qos,
    ),
    Route(
        "GET",
        "/v2/metrics/webinars/{webinarId}/participants/sharing",
        "dashboardWebinarParticipantShare",
        _webinar_sharing,
    ),
    Route(
        "GET",
        "/v2/metrics/webinars/{webinarId}/participants/satisfaction",
        "participantWebinarFeedback",
        _webinar_satisfaction,
    ),
    Route(
        "GET",
        "/v2/metrics/webinars/{webinarId}/participants/{participantId}/qos",
        "dashboardWebinarParticipantQOS",
        _webinar_participant_qos,
    ),
    Route("GET", "/v2/metrics/zoomrooms", "dashboardZoomRooms", _zoom_rooms),
    Route("GET", "/v2/metrics/zoomrooms/issues", "dashboardZoomRoomIssue", _zoom_room_issues),
    Route("GET", "/v2/metrics/zoomrooms/{zoomroomId}", "dashboardZoomRoom", _zoom_room),
    Route("GET", "/v2/metrics/issues/zoomrooms", "dashboardIssueZoomRoom", _issues_zoom_rooms),
    Route(
        "GET",
        "/v2/metrics/issues/zoomrooms/{zoomroomId}",
        "dashboardIssueDetailZoomRoom",
        _issue_zoom_room,
    ),
    Route("GET", "/v2/metrics/chat", "dashboardChat", _chat),
    Route("GET", "/v2/metrics/im", "dashboardIM", _im),
    Route("GET", "/v2/metrics/crc", "dashboardCRC", _crc),
    Route("GET", "/v2/metrics/client/feedback", "dashboardClientFeedback", _client_feedback),
    Route(
        "GET",
        "/v2/metrics/client/feedback/{feedbackId}",
        "dashboardClientFeedbackDetail",
        _client_feedback_detail,
    ),
    Route(
        "GET", "/v2/metrics/client/satisfaction", "listMeetingSatisfaction", _client_satisfaction
    ),
    Route("GET", "/v2/metrics/client_versions", "getClientVersions", _client_versions),
    Route("GET", "/v2/metrics/quality", "dashboardQuality", _quality),
]
