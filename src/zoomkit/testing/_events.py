"""Webhook events raised by FakeZoom's state changes, and the object shapes Zoom puts in them.

API handlers are synchronous and cannot send anything, so a state change only drops an
:class:`Event` into the state's :class:`EventOutbox`; ``fake.webhooks.flush()`` later fans it out
to subscriptions. A payload is built only when some subscription wants the event, so a fake
without subscribers (most tests, and every benchmark) pays nothing for it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._http import Call
    from ._state import State

__all__ = [
    "Event",
    "EventOutbox",
    "acting_user",
    "changes",
    "created_object",
    "emit",
    "emit_updated",
    "meeting_object",
    "operator",
]

Payload = dict[str, Any]


@dataclass(frozen=True)
class Event:
    """One thing that happened: Zoom's event name, when (ms epoch), and ``payload``."""

    name: str
    ts_ms: int
    payload: Payload


def _nobody(_name: str) -> bool:
    return False


class EventOutbox:
    """Events waiting for the webhook dispatcher; ``wants`` says which names anyone listens to."""

    def __init__(self) -> None:
        self._events: list[Event] = []
        self.wants: Callable[[str], bool] = _nobody

    def emit(self, name: str, now: float, build: Callable[[], Payload]) -> None:
        """Queue ``name`` if anyone wants it; the payload is copied, so later changes miss it."""
        if self.wants(name):
            self._events.append(Event(name, int(now * 1000), copy.deepcopy(build())))

    def drain(self) -> list[Event]:
        events, self._events = self._events, []
        return events


def emit(state: State, name: str, build: Callable[[], Payload]) -> None:
    """Raise ``name`` now; ``build`` gives the payload without ``account_id``, which is added."""
    state.events.emit(name, state.now(), lambda: {"account_id": state.account_id, **build()})


def acting_user(state: State, call: Call) -> dict[str, Any]:
    """Who made the call, as events name the operator (the owner for account credentials)."""
    principal = call.principal
    found = state.users.get(principal.user_id) if principal is not None else None
    return found or state.users[state.owner_id]


# Secrets and start links Zoom leaves out of ``*.updated`` events.
_NOT_IN_EVENTS = frozenset({"encrypted_password", "h323_password", "pstn_password", "start_url"})


def changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fields that differ, as (new values, old values); settings compared key by key.

    ``meeting.updated`` and ``webinar.updated`` carry these as ``object`` and ``old_object``.
    """
    after: dict[str, Any] = {}
    before: dict[str, Any] = {}
    for name in [*new, *(name for name in old if name not in new)]:
        if name in _NOT_IN_EVENTS or old.get(name) == new.get(name):
            continue
        if name == "settings":
            after[name], before[name] = changes(old[name], new[name])
            continue
        if name in new:
            after[name] = new[name]
        if name in old:
            before[name] = old[name]
    return after, before


def operator(user: dict[str, Any]) -> Payload:
    """Who acted, as Zoom names them in ``payload``: email and user id."""
    return {"operator": user["email"], "operator_id": user["id"]}


def meeting_object(meeting: dict[str, Any], *, id_as_string: bool = False) -> Payload:
    """The meeting summary that meeting, participant and recording events carry.

    Zoom sends the meeting id as a number in some events (created, deleted, recordings) and as
    a string in others (started, ended, participants, sharing); ``id_as_string`` picks which.
    """
    shown = {
        "id": str(meeting["id"]) if id_as_string else meeting["id"],
        "uuid": meeting["uuid"],
        "host_id": meeting["host_id"],
        "topic": meeting["topic"],
        "type": meeting["type"],
        "start_time": meeting.get("start_time"),  # absent for meetings with no fixed time
        "timezone": meeting.get("timezone", ""),
        "duration": meeting.get("duration", 0),
    }
    if shown["start_time"] is None:
        del shown["start_time"]
    return shown


def created_object(item: dict[str, Any]) -> Payload:
    """The object of ``meeting.created`` and ``webinar.created``: the summary, the join link,
    the passcode, the settings and any recurrence."""
    shown = meeting_object(item)
    shown["join_url"] = item["join_url"]
    shown["password"] = item["password"]
    shown["settings"] = item["settings"]
    for name in ("recurrence", "occurrences"):
        if name in item:
            shown[name] = item[name]
    return shown


def emit_updated(
    state: State,
    call: Call,
    name: str,
    *,
    operation: str,
    after: dict[str, Any],
    before: dict[str, Any],
) -> None:
    """Raise ``meeting.updated`` or ``webinar.updated``: what changed, and what it was."""
    emit(
        state,
        name,
        lambda: {
            **operator(acting_user(state, call)),
            "operation": operation,
            "object": after,
            "old_object": before,
            "time_stamp": int(state.now() * 1000),
        },
    )
