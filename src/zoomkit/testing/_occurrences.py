"""One occurrence of a recurring meeting or webinar: find it by id, move it, tell webhooks.

Meetings and webinars keep their occurrences the same way, and Zoom answers and reports an
edit of one the same way (``*.updated`` with ``operation: "single"``), so both use these.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from ._events import emit_updated
from ._http import ZoomAPIError
from ._times import iso_z, parse_start_time

if TYPE_CHECKING:
    from ._http import Call
    from ._state import State

__all__ = ["find_occurrence", "update_occurrence"]


def find_occurrence(item: dict[str, Any], occurrence_id: str) -> dict[str, Any]:
    """The stored occurrence, or Zoom's 400 (code 3000) for an id it does not have."""
    for occurrence in item.get("occurrences", []):
        if occurrence["occurrence_id"] == occurrence_id:
            found: dict[str, Any] = occurrence
            return found
    raise ZoomAPIError(400, 3000, "Invalid occurrence_id.")


def update_occurrence(
    state: State,
    call: Call,
    event: str,
    item: dict[str, Any],
    occurrence_id: str,
    body: dict[str, Any],
    timezone: str,
) -> None:
    """Move one occurrence (``start_time``, ``duration``) and raise ``event`` for it."""
    occurrence = find_occurrence(item, occurrence_id)
    old = copy.deepcopy(occurrence)
    if "start_time" in body:
        occurrence["start_time"] = iso_z(parse_start_time(body["start_time"], timezone))
    occurrence["duration"] = body.get("duration", occurrence["duration"])
    ids = {"id": item["id"], "uuid": item["uuid"]}
    emit_updated(
        state,
        call,
        event,
        operation="single",
        after={**ids, "occurrences": [copy.deepcopy(occurrence)]},
        before={**ids, "occurrences": [old]},
    )
