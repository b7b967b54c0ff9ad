"""Past webinars: ended instances, participants, absentees, poll answers and Q&A.

Operations: ``pastWebinars`` (``GET /past_webinars/{webinarId}/instances``, Light),
``listWebinarParticipants`` (paginated, Medium), ``webinarAbsentees`` (paginated, Heavy),
``listPastWebinarPollResults`` and ``listPastWebinarQA`` (Medium). The path names the latest
instance by webinar id, or one instance by UUID; a UUID that starts with ``/`` or contains
``//`` must arrive double-encoded, as Zoom requires. Instances come from ending a webinar.
"""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import unquote

from ._app import Route
from ._http import Call, Response, ZoomAPIError
from ._pagination import paginate
from ._state import State
from ._webinar_store import PastWebinar

__all__ = ["ROUTES"]

_NOT_ENDED = "Webinar ID is invalid or not end."


def _instance(state: State, raw: str, not_found: str = _NOT_ENDED) -> PastWebinar:
    """The instance a path names: the latest one of a webinar id, or one UUID."""
    past = state.webinar_store.past
    if raw.isdigit():
        webinar_id = int(raw)
        ended = [item for item in past.values() if item.instance["id"] == webinar_id]
        if not ended:
            raise ZoomAPIError(404, 3001, not_found)
        return max(ended, key=lambda item: item.instance["end_time"])
    if "%" in raw:
        uuid = unquote(raw)  # double-encoded: the router decoded it once already
    elif raw.startswith("/") or "//" in raw:
        raise ZoomAPIError(404, 3001, not_found)  # Zoom needs these double-encoded
    else:
        uuid = raw
    found = past.get(uuid)
    if found is None:
        raise ZoomAPIError(404, 3001, not_found)
    return found


def _instances(state: State, call: Call) -> Response:
    raw = call.params["webinarId"]
    if not raw.isdigit():
        raise ZoomAPIError(400, 300, "Invalid webinar ID.")
    webinar_id = int(raw)
    ended = [
        item.instance
        for item in state.webinar_store.past.values()
        if item.instance["id"] == webinar_id
    ]
    if not ended and webinar_id not in state.webinar_store.webinars:
        raise ZoomAPIError(404, 3001, f"Webinar does not exist: {raw}.")
    listed = [{"uuid": item["uuid"], "start_time": item["start_time"]} for item in ended]
    return Response(200, {"webinars": listed})


def _participant(record: dict[str, Any]) -> dict[str, Any]:
    shown = {name: value for name, value in record.items() if value != "" or name == "id"}
    shown.setdefault("leave_time", record["join_time"])
    shown.setdefault("duration", 0)
    return shown


def _participants(state: State, call: Call) -> Response:
    past = _instance(state, call.params["webinarId"], "Webinar does not exist.")
    page = paginate(
        [_participant(record) for record in past.participants],
        call.query,
        key="participants",
        scope=call.raw_path,
        pages=state.pages,
        now=state.now(),
    )
    return Response(200, page)


def _absentees(state: State, call: Call) -> Response:
    past = _instance(state, call.params["webinarId"])
    page = paginate(
        copy.deepcopy(past.absentees),
        call.query,
        key="registrants",
        scope=call.raw_path,
        pages=state.pages,
        now=state.now(),
    )
    return Response(200, page)


def _summary(past: PastWebinar, key: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": past.instance["id"],
        "uuid": past.instance["uuid"],
        "start_time": past.instance["start_time"],
        key: copy.deepcopy(entries),
    }


def _polls(state: State, call: Call) -> Response:
    past = _instance(state, call.params["webinarId"])
    return Response(200, _summary(past, "questions", past.poll_answers))


def _qa(state: State, call: Call) -> Response:
    past = _instance(state, call.params["webinarId"])
    return Response(200, _summary(past, "questions", past.qa))


ROUTES = [
    Route("GET", "/v2/past_webinars/{webinarId}/instances", "pastWebinars", _instances),
    Route(
        "GET",
        "/v2/past_webinars/{webinarId}/participants",
        "listWebinarParticipants",
        _participants,
    ),
    Route("GET", "/v2/past_webinars/{webinarId}/absentees", "webinarAbsentees", _absentees),
    Route("GET", "/v2/past_webinars/{webinarId}/polls", "listPastWebinarPollResults", _polls),
    Route("GET", "/v2/past_webinars/{webinarId}/qa", "listPastWebinarQA", _qa),
]
