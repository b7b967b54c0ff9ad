"""Ways into a meeting: the invitation text, invite links, tokens and SIP dialing.

Operations: ``meetingInvitation`` (text derived from the stored meeting),
``meetingInviteLinksCreate`` (201), ``meetingToken``, ``meetingLiveStreamingJoinToken``,
``meetingLocalArchivingArchiveToken``, ``meetingLocalRecordingJoinToken`` (2-minute tokens)
and ``getSipDialingWithPasscode``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from ._app import Route
from ._http import Call, Response, validation_failed
from ._meetings import meeting_or_404
from ._state import State
from ._times import zone

__all__ = ["ROUTES", "format_meeting_id", "invitation_text"]

JOIN_TOKEN_SECONDS = 120
MAX_INVITE_TTL = 7_776_000
_DIAL_IN = ("+1 646 558 8656", "US (New York)")
_RECURRENCE_WORDS = {1: "day", 2: "week", 3: "month"}


def format_meeting_id(meeting_id: int) -> str:
    """A meeting id as Zoom prints it: ``123 4567 8901`` (11 digits), ``123 456 7890`` (10)."""
    digits = str(meeting_id)
    if len(digits) == 11:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return " ".join(digits[i : i + 3] for i in range(0, 9, 3)) + digits[9:]


def _when(meeting: dict[str, Any]) -> str:
    if "start_time" not in meeting:
        return "This is a recurring meeting Meet anytime"
    start = datetime.strptime(meeting["start_time"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    local = start.astimezone(zone(meeting["timezone"]) or ZoneInfo("UTC"))
    text = f"{local.strftime('%b %d, %Y %I:%M %p')} {meeting['timezone']}"
    recurrence = meeting.get("recurrence")
    if meeting["type"] == 8 and recurrence:
        every = _RECURRENCE_WORDS.get(recurrence.get("type"), "time")
        text += f"\n        Every {every}, {len(meeting.get('occurrences', []))} occurrence(s)"
    return text


def invitation_text(state: State, meeting: dict[str, Any]) -> str:
    """The invitation as Zoom words it, from the meeting as it is stored now."""
    host = state.users.get(meeting["host_id"], {})
    name = host.get("display_name") or host.get("email", "")
    kind = "a scheduled" if meeting["type"] in (2, 3, 8) else "a"
    pretty_id = format_meeting_id(meeting["id"])
    number, where = _DIAL_IN
    tap = number.replace(" ", "")
    lines = [f"{name} is inviting you to {kind} Zoom meeting.", ""]
    lines += [f"Topic: {meeting['topic']}", f"Time: {_when(meeting)}", ""]
    if "registration_url" in meeting:
        lines += ["Register in advance for this meeting:", meeting["registration_url"], ""]
        lines += ["After registering, you will receive a confirmation email.", ""]
    else:
        lines += ["Join Zoom Meeting", meeting["join_url"], ""]
    lines.append(f"Meeting ID: {pretty_id}")
    if meeting.get("password"):
        lines.append(f"Passcode: {meeting['password']}")
    lines += ["", "---", "", "One tap mobile"]
    pstn = f",,,,*{meeting['pstn_password']}#" if meeting.get("pstn_password") else ""
    lines += [f"{tap},,{meeting['id']}#{pstn} {where}", "", "---", "", "Dial by your location"]
    lines += [f"• {number} {where}", "", f"Meeting ID: {pretty_id}"]
    if meeting.get("pstn_password"):
        lines.append(f"Passcode: {meeting['pstn_password']}")
    lines += ["", f"Find your local number: https://us05web.zoom.us/u/{meeting['id']}"]
    return "\n".join(lines) + "\n"


def _invitation(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    sip = [f"{meeting['id']}@zoomcrc.com"]
    return Response(200, {"invitation": invitation_text(state, meeting), "sip_links": sip})


def _invite_links(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    body = call.json_object()
    attendees = body.get("attendees")
    errors = []
    if not isinstance(attendees, list) or not attendees:
        errors.append({"field": "attendees", "message": "Invalid field."})
        attendees = []
    for index, attendee in enumerate(attendees):
        name = attendee.get("name") if isinstance(attendee, dict) else None
        if not isinstance(name, str) or not 0 < len(name) <= 64:
            errors.append({"field": f"attendees[{index}].name", "message": "Invalid field."})
    ttl = body.get("ttl", 7200)
    if isinstance(ttl, bool) or not isinstance(ttl, int) or not 0 <= ttl <= MAX_INVITE_TTL:
        errors.append({"field": "ttl", "message": "Invalid field."})
    if errors:
        raise validation_failed(errors)
    links = [
        {
            "name": attendee["name"],
            "join_url": f"https://us05web.zoom.us/j/{meeting['id']}?tk={state.ids.secret(43)}",
        }
        for attendee in attendees
    ]
    return Response(201, {"attendees": links})


def _token(state: State, call: Call) -> Response:
    meeting_or_404(state, call.params["meetingId"])
    kind = call.query.get("type") or "closed_caption_token"
    if kind != "closed_caption_token":
        raise validation_failed([{"field": "type", "message": "Invalid field."}])
    return Response(200, {"token": state.ids.secret(64)})


def _join_token(state: State, call: Call) -> Response:
    meeting_or_404(state, call.params["meetingId"])
    return Response(200, {"token": state.ids.secret(64), "expire_in": JOIN_TOKEN_SECONDS})


def _sip_dialing(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    body = call.json_object() if call.body.strip() else {}
    passcode = body.get("passcode", meeting.get("password", ""))
    code = state.ids.digits(10)
    return Response(
        200,
        {
            "sip_dialing": f"{meeting['id']}.{passcode}.{code}@zoomcrc.com",
            "paid_crc_plan_participant": False,
            "participant_identifier_code": code,
            "expire_in": 7200,
        },
    )


_PATH = "/v2/meetings/{meetingId}"

ROUTES = [
    Route("GET", _PATH + "/invitation", "meetingInvitation", _invitation),
    Route("POST", _PATH + "/invite_links", "meetingInviteLinksCreate", _invite_links),
    Route("GET", _PATH + "/token", "meetingToken", _token),
    Route(
        "GET",
        _PATH + "/jointoken/live_streaming",
        "meetingLiveStreamingJoinToken",
        _join_token,
    ),
    Route(
        "GET",
        _PATH + "/jointoken/local_archiving",
        "meetingLocalArchivingArchiveToken",
        _join_token,
    ),
    Route(
        "GET",
        _PATH + "/jointoken/local_recording",
        "meetingLocalRecordingJoinToken",
        _join_token,
    ),
    Route("POST", _PATH + "/sip_dialing", "getSipDialingWithPasscode", _sip_dialing),
]
