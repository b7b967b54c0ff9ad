"""Meeting history for reports and dashboards: seeding it in bulk, and reading it by date.

Reports and dashboards are derived from the past meetings FakeZoom already keeps
(``state.past_meetings`` and ``state.past_participants``, filled by ``fake.end_meeting()`` and
``fake.add_past_meeting()``), so a test seeds history once and every report agrees with it.
:func:`seed_history` adds volume: days of meetings with participants, reproducible by seed.

The date rules Zoom applies to ``from``/``to`` live here too: ``yyyy-mm-dd`` dates, a range of
at most one month per request (more is refused with code 300, so a client that does not split
long ranges fails here as it would on Zoom) and data for the last six months only.
"""

from __future__ import annotations

import calendar
import hashlib
import math
import random
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import unquote

from ._http import Call, ZoomAPIError
from ._past_meetings import add_past_meeting
from ._state import State
from ._times import iso_z

if TYPE_CHECKING:
    from ._fake import FakeZoom

__all__ = [
    "MAX_RANGE_DAYS",
    "RANGE_TOO_LONG",
    "add_months",
    "attendance",
    "date_range",
    "day_of",
    "days",
    "find_instance",
    "instances_in",
    "live_webinar_attendance",
    "live_webinar_instances",
    "minutes_between",
    "seconds",
    "seed_history",
    "stable_int",
    "today",
    "webinar_attendance",
    "webinar_instances",
    "webinar_record",
    "without_empty",
    "zoom_clock_text",
]

MAX_RANGE_DAYS = 30
"""``to`` may be at most 30 days after ``from`` (Zoom: "smaller or equal to 30 days")."""
RANGE_TOO_LONG = "The date range must be within a month."
_RETENTION_MONTHS = 6
_TOO_OLD = "Only provide report in recent 6 months."
_DAY = 86_400


# --- time ---------------------------------------------------------------------------------


def seconds(iso: str) -> float:
    """Epoch seconds of one of FakeZoom's ``...Z`` timestamps."""
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()


def day_of(iso: str) -> date:
    """The UTC day of a ``...Z`` timestamp."""
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").date()


def today(state: State) -> date:
    return datetime.fromtimestamp(state.now(), UTC).date()


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the month's end."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def days(start: date, end: date) -> list[date]:
    """Every day of ``start``..``end``, both included."""
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def zoom_clock_text(iso: str) -> str:
    """``MM/DD/YYYY HH:MM``: how some report fields carry times (real Zoom does this)."""
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").strftime("%m/%d/%Y %H:%M")


def without_empty(row: dict[str, Any], *names: str) -> dict[str, Any]:
    """``row`` without the named fields where they are ``""`` (an email format rejects it)."""
    for name in names:
        if row.get(name) == "":
            del row[name]
    return row


def stable_int(*parts: object) -> int:
    """A number derived from ``parts``: the same on every run, so derived data is stable."""
    digest = hashlib.sha256(":".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big")


# --- from/to --------------------------------------------------------------------------------


def _query_day(call: Call, name: str) -> date | None:
    raw = call.query.get(name, "")
    if raw == "":
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ZoomAPIError(400, 300, f"Invalid parameter: {name}.") from None


def date_range(state: State, call: Call, *, required: bool = True) -> tuple[date, date]:
    """The request's ``from``..``to`` as Zoom checks it.

    Missing or malformed dates, ``to`` before ``from``, a range over 30 days and a ``from``
    older than six months are refused with code 300. Where Zoom makes the dates optional
    (``required=False``) the range defaults to the month up to today.
    """
    start, end = _query_day(call, "from"), _query_day(call, "to")
    if required and start is None:
        raise ZoomAPIError(400, 300, "Invalid parameter: from.")
    if required and end is None:
        raise ZoomAPIError(400, 300, "Invalid parameter: to.")
    end = end or today(state)
    start = start or add_months(end, -1) + timedelta(days=1)
    if end < start:
        raise ZoomAPIError(400, 300, "Invalid parameter: to.")
    if (end - start).days > MAX_RANGE_DAYS:
        raise ZoomAPIError(400, 300, RANGE_TOO_LONG)
    if start < add_months(today(state), -_RETENTION_MONTHS):
        raise ZoomAPIError(400, 300, _TOO_OLD)
    return start, end


# --- instances --------------------------------------------------------------------------------


def instances_in(
    instances: Iterable[dict[str, Any]], start: date, end: date, *, overlap: bool = False
) -> list[dict[str, Any]]:
    """Instances that started in ``start``..``end`` (UTC days), oldest first.

    With ``overlap`` an instance counts on every day it ran, so one that runs past midnight
    belongs to both days, and to both windows when midnight is a window edge.
    """
    chosen = []
    for instance in instances:
        first = day_of(instance["start_time"])
        last = day_of(instance["end_time"]) if overlap else first
        if first <= end and last >= start:
            chosen.append(instance)
    return sorted(chosen, key=lambda i: (i["start_time"], i["uuid"]))


def find_instance(instances: dict[str, dict[str, Any]], raw: str, not_found: str) -> dict[str, Any]:
    """The instance a path names: the latest one of a numeric id, or one UUID.

    A UUID that starts with ``/`` or holds ``//`` must arrive double-encoded, as Zoom requires
    (the router decoded it once already).
    """
    if raw.isdigit():
        found = [i for i in instances.values() if i["id"] == int(raw)]
        if found:
            return max(found, key=lambda i: (i.get("end_time", ""), i["start_time"]))
        raise ZoomAPIError(404, 3001, not_found)
    if "%" in raw:
        uuid = unquote(raw)
    elif raw.startswith("/") or "//" in raw:
        raise ZoomAPIError(404, 3001, not_found)
    else:
        uuid = raw
    instance = instances.get(uuid)
    if instance is None:
        raise ZoomAPIError(404, 3001, not_found)
    return instance


def attendance(state: State, instance: dict[str, Any]) -> list[dict[str, Any]]:
    """The join records of a past meeting instance."""
    return state.past_participants.get(instance["uuid"], [])


def _as_attendance(record: dict[str, Any]) -> dict[str, Any]:
    """A webinar join record under the field names meeting attendance uses."""
    return {
        **record,
        "user_name": record.get("user_name", record.get("name", "")),
        "email": record.get("email", record.get("user_email", "")),
    }


def _with_host(state: State, instance: dict[str, Any]) -> dict[str, Any]:
    host = state.users.get(instance.get("host_id", ""), {})
    instance.setdefault("user_name", host.get("display_name", ""))
    instance.setdefault("user_email", host.get("email", ""))
    instance.setdefault("dept", host.get("dept", ""))
    return instance


def webinar_record(
    state: State, instance: dict[str, Any], what: Literal["participants", "poll_answers", "qa"]
) -> list[dict[str, Any]]:
    """The participants, poll answers or Q&A of an ended webinar instance."""
    past = state.webinar_store.past.get(instance["uuid"])
    if past is None:
        return []
    found: list[dict[str, Any]] = getattr(past, what)
    return found


def webinar_attendance(state: State, instance: dict[str, Any]) -> list[dict[str, Any]]:
    """The join records of an ended webinar instance, shaped like meeting attendance."""
    return [_as_attendance(r) for r in webinar_record(state, instance, "participants")]


def webinar_instances(state: State) -> dict[str, dict[str, Any]]:
    """Ended webinar instances by UUID, with the host and minute totals reports show."""
    found: dict[str, dict[str, Any]] = {}
    for uuid, past in state.webinar_store.past.items():
        instance = _with_host(state, dict(past.instance))
        end: str = instance["end_time"]
        records = [_as_attendance(r) for r in past.participants]
        minutes = sum(minutes_between(r["join_time"], r.get("leave_time") or end) for r in records)
        instance.setdefault("participants_count", len(records))
        instance.setdefault("total_minutes", minutes)
        found[uuid] = instance
    return found


def live_webinar_instances(state: State) -> dict[str, dict[str, Any]]:
    """Webinars in progress by instance UUID, shaped like ended instances (no ``end_time``)."""
    found: dict[str, dict[str, Any]] = {}
    for webinar_id, live in state.webinar_store.live.items():
        webinar = state.webinar_store.webinars[webinar_id]
        found[live.uuid] = _with_host(
            state,
            {
                "uuid": live.uuid,
                "id": webinar_id,
                "host_id": webinar["host_id"],
                "topic": webinar["topic"],
                "type": webinar["type"],
                "start_time": iso_z(live.started_at),
                "live": True,
            },
        )
    return found


def live_webinar_attendance(state: State, instance: dict[str, Any]) -> list[dict[str, Any]]:
    """The join records so far of a webinar in progress."""
    live = state.webinar_store.live.get(instance["id"])
    return [_as_attendance(r) for r in live.attendance] if live is not None else []


# --- seeding ------------------------------------------------------------------------------


def seed_history(
    self: FakeZoom,
    *,
    days: int = 95,
    meetings_per_day: int = 3,
    participants: int = 5,
    hosts: int = 1,
    end: date | None = None,
    seed: int | None = 0,
) -> list[dict[str, Any]]:
    """Seed ``days`` days of ended meetings, ``meetings_per_day`` a day, up to ``end``.

    ``end`` defaults to yesterday (UTC). Meetings go round-robin to the owner and ``hosts - 1``
    extra users (``host2@example.com``...), start between 08:00 and 20:00 UTC, last 15 to 90
    minutes and have ``participants`` attendees each. The same ``seed`` gives the same history.
    Returns the ``GET /past_meetings/{uuid}`` objects, oldest first.
    """
    if days < 1 or meetings_per_day < 0 or participants < 0 or hosts < 1:
        raise ValueError("days and hosts must be >= 1; meetings_per_day and participants >= 0")
    state = self._state
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not crypto
    owner = state.users[state.owner_id]
    host_users = [owner]
    for number in range(2, hosts + 1):
        email = f"host{number}@example.com"
        user = state.find_user(email, None)
        if user is None:
            self.add_user(email, first_name="Host", last_name=str(number))
            user = state.find_user(email, None)
        assert user is not None
        host_users.append(user)
    last_day = end or today(state) - timedelta(days=1)
    seeded = []
    count = 0
    for offset in range(days - 1, -1, -1):
        day = last_day - timedelta(days=offset)
        midnight = datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()
        starts = sorted(rng.randrange(8 * 60, 20 * 60) for _ in range(meetings_per_day))
        for minute in starts:
            host = host_users[count % len(host_users)]
            count += 1
            seeded.append(
                add_past_meeting(
                    state,
                    host,
                    topic=f"History meeting {count}",
                    start=midnight + minute * 60,
                    duration=rng.randrange(15, 91),
                    participants=participants,
                )
            )
    return seeded


def minutes_between(join: str, leave: str) -> int:
    """Whole minutes from ``join`` to ``leave`` (rounded up), as Zoom counts attendance."""
    return math.ceil((seconds(leave) - seconds(join)) / 60)
