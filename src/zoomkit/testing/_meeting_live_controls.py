"""Controls for a meeting in progress: in-meeting events, chat moderation, RTMS apps.

Operations: ``inMeetingControl`` (202; recording controls move ``recording`` between stopped,
recording and paused), ``deleteMeetingChatMessageById`` and ``updateMeetingChatMessageById``
(204) and ``meetingRTMSStatusUpdate`` (204). The meeting must be running, except for call-outs.
"""

from __future__ import annotations

import copy
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._meetings import meeting_or_404
from ._state import State

__all__ = ["ROUTES"]

# Each recording control: the states it acts in, and the state it leaves.
_RECORDING: dict[str, tuple[frozenset[str], str]] = {
    "recording.start": (frozenset({"stopped"}), "recording"),
    "recording.stop": (frozenset({"recording", "paused"}), "stopped"),
    "recording.pause": (frozenset({"recording"}), "paused"),
    "recording.resume": (frozenset({"paused"}), "recording"),
}
_METHODS = frozenset(
    {
        *_RECORDING,
        "participant.invite",
        "participant.invite.callout",
        "participant.invite.room_system_callout",
        "waiting_room.update",
    }
)
_WORKS_BEFORE_START = frozenset(
    {"participant.invite.callout", "participant.invite.room_system_callout"}
)


def _running(state: State, call: Call) -> dict[str, Any]:
    meeting = meeting_or_404(state, call.params["meetingId"])
    if meeting["status"] != "started":
        raise ZoomAPIError(400, 3000, f"Meeting {meeting['id']} has not started.")
    return meeting


def _control(state: State, call: Call) -> Response:
    body = call.json_object()
    method = body.get("method")
    if method not in _METHODS:
        raise validation_failed([{"field": "method", "message": "Invalid field."}])
    if method in _WORKS_BEFORE_START:
        meeting = meeting_or_404(state, call.params["meetingId"])
    else:
        meeting = _running(state, call)
    extras = state.meeting_store.of(meeting["id"])
    if method in _RECORDING:
        acts_in, leaves = _RECORDING[method]
        if extras.recording in acts_in:
            extras.recording = leaves
    extras.controls.append(copy.deepcopy(body))
    return Response.empty(202)


def _delete_message(state: State, call: Call) -> Response:
    _running(state, call)
    return Response.empty()


def _update_message(state: State, call: Call) -> Response:
    _running(state, call)
    content = call.json_object().get("message_content")
    if not isinstance(content, str) or not content:
        raise validation_failed([{"field": "message_content", "message": "Invalid field."}])
    return Response.empty()


def _rtms(state: State, call: Call) -> Response:
    meeting = _running(state, call)
    body = call.json_object()
    action = body.get("action")
    settings = body.get("settings")
    if not isinstance(settings, dict):
        settings = {}
    client_id = settings.get("client_id")
    if action not in ("start", "stop") or not client_id:
        raise validation_failed([{"field": "settings.client_id", "message": "Invalid field."}])
    apps = state.meeting_store.of(meeting["id"]).rtms
    user = settings.get("participant_user_id", "")
    if action == "stop" and apps.get(client_id) != "started":
        raise ZoomAPIError(
            400,
            13277,
            f"Unable to stop the RTMS app for user '{user}' because it has not been started.",
        )
    apps[client_id] = "started" if action == "start" else "stopped"
    return Response.empty()


_PATH = "/v2/live_meetings/{meetingId}"

ROUTES = [
    Route("PATCH", _PATH + "/events", "inMeetingControl", _control),
    Route(
        "DELETE",
        _PATH + "/chat/messages/{messageId}",
        "deleteMeetingChatMessageById",
        _delete_message,
    ),
    Route(
        "PATCH",
        _PATH + "/chat/messages/{messageId}",
        "updateMeetingChatMessageById",
        _update_message,
    ),
    Route("PATCH", _PATH + "/rtms_app/status", "meetingRTMSStatusUpdate", _rtms),
]
