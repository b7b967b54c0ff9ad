"""``PUT /meetings/{meetingId}/status`` (``meetingStatus``): end a meeting, or recover one.

``end`` on a running meeting ends it as the host would (everyone leaves, the instance becomes a
past meeting, ``meeting.ended`` is raised); on a meeting that is not running it does nothing.
``recover`` brings back a meeting deleted in the last 7 days, with its registrants and polls.
"""

from __future__ import annotations

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._live import end_meeting
from ._meeting_store import TRASH_DAYS
from ._meetings import meeting_or_404
from ._state import State

__all__ = ["ROUTES"]


def _recover(state: State, raw_id: str) -> None:
    if not raw_id.isdigit():
        raise ZoomAPIError(400, 300, "Invalid meeting id.")
    meeting_id = int(raw_id)
    if meeting_id in state.meetings:
        return  # nothing to recover
    trashed = state.meeting_store.trash.get(meeting_id)
    if trashed is None or state.now() - trashed.deleted_at > TRASH_DAYS * 86_400:
        raise ZoomAPIError(404, 3001, f"Meeting does not exist: {meeting_id}.")
    del state.meeting_store.trash[meeting_id]
    state.meetings[meeting_id] = trashed.meeting


def _status(state: State, call: Call) -> Response:
    action = call.json_object().get("action")
    if action == "recover":
        _recover(state, call.params["meetingId"])
        return Response.empty()
    if action != "end":
        raise validation_failed([{"field": "action", "message": "Invalid field."}])
    meeting = meeting_or_404(state, call.params["meetingId"])
    if meeting["status"] == "started":
        end_meeting(state, meeting["id"])
    return Response.empty()


ROUTES = [Route("PUT", "/v2/meetings/{meetingId}/status", "meetingStatus", _status)]
