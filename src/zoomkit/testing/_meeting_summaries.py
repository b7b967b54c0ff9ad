"""AI Companion meeting summaries, derived from ended instances.

Operations: ``Getameetingsummary`` (``GET /meetings/{meetingUUID}/meeting_summary``) and
``Listmeetingsummaries`` (``GET /meetings/meeting_summaries``, paginated, ``from``/``to`` on the
summary's creation time). An ended instance has a summary when its meeting has
``settings.auto_start_meeting_summary`` on; the summary is created when the instance ends.
A summary is looked up by instance UUID only: a meeting id is Zoom's 400 code 300.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._pagination import paginate
from ._past_meetings import _instance
from ._state import State

__all__ = ["ROUTES"]


def _summarised(state: State, instance: dict[str, Any]) -> bool:
    meeting = state.meetings.get(instance["id"])
    if meeting is None and instance["id"] in state.meeting_store.trash:
        meeting = state.meeting_store.trash[instance["id"]].meeting
    return bool(meeting and meeting["settings"].get("auto_start_meeting_summary"))


def _list_item(state: State, instance: dict[str, Any]) -> dict[str, Any]:
    host = state.users.get(instance["host_id"], {})
    return {
        "meeting_host_id": instance["host_id"],
        "meeting_host_email": host.get("email", instance.get("user_email", "")),
        "meeting_uuid": instance["uuid"],
        "meeting_id": instance["id"],
        "meeting_topic": instance["topic"],
        "meeting_start_time": instance["start_time"],
        "meeting_end_time": instance["end_time"],
        "summary_start_time": instance["start_time"],
        "summary_end_time": instance["end_time"],
        "summary_created_time": instance["end_time"],
        "summary_last_modified_time": instance["end_time"],
    }


def _summary(state: State, instance: dict[str, Any]) -> dict[str, Any]:
    people = state.past_participants.get(instance["uuid"], [])
    names = ", ".join(sorted({p.get("user_name", "") for p in people if p.get("user_name")}))
    overview = (
        f"{instance['topic']} ran {instance['duration']} minutes with {len(people)} participant(s)."
    )
    return {
        **_list_item(state, instance),
        "summary_title": f"Meeting summary for {instance['topic']}",
        "summary_overview": overview,
        "summary_details": [
            {"label": "Attendance", "summary": f"Attended by: {names or 'the host only'}."}
        ],
        "next_steps": [],
        "summary_content": f"## {instance['topic']}\n\n{overview}\n",
    }


def _get(state: State, call: Call) -> Response:
    raw = call.params["meetingId"]
    if raw.isdigit():
        raise ZoomAPIError(400, 300, "Invalid meeting id.")
    instance = _instance(state, raw, f"Meeting does not exist: {raw}.")
    if not _summarised(state, instance):
        raise ZoomAPIError(404, 3001, f"Meeting summary does not exist: {instance['uuid']}.")
    return Response(200, _summary(state, instance))


def _moment(query: dict[str, str], name: str) -> str:
    """A ``from``/``to`` bound as ``YYYY-MM-DDTHH:MM:SSZ``, comparable as text."""
    raw = query.get(name, "")
    if not raw:
        return "" if name == "from" else "9999"
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise validation_failed([{"field": name, "message": "Invalid field."}]) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _list(state: State, call: Call) -> Response:
    since, until = _moment(call.query, "from"), _moment(call.query, "to")
    items = sorted(
        (
            _list_item(state, instance)
            for instance in state.past_meetings.values()
            if _summarised(state, instance) and since <= instance["end_time"] <= until
        ),
        key=lambda item: (item["summary_created_time"], item["meeting_uuid"]),
    )
    page = paginate(
        items, call.query, key="summaries", scope=call.raw_path, pages=state.pages, now=state.now()
    )
    page.pop("total_records", None)  # Zoom's summary list carries no total
    for name in ("from", "to"):
        if name in call.query:
            page[name] = _moment(call.query, name)
    return Response(200, page)


ROUTES = [
    Route("GET", "/v2/meetings/meeting_summaries", "Listmeetingsummaries", _list),
    Route("GET", "/v2/meetings/{meetingId}/meeting_summary", "Getameetingsummary", _get),
]
