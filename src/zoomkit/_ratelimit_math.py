"""Rate-limit arithmetic as pure functions: slot reservations, UTC days, daily tightening.

Every limiter (the in-memory one, and a Redis one whose Lua script mirrors these rules) makes
the same three decisions, so they live here without I/O and are table-tested:

* :func:`reserve`: when may the next request go, given the send times already granted? A
  sliding log of the last ``limit`` grants: a new grant comes ``window`` seconds after the grant
  ``limit`` places before it, so no ``window``-long span ever holds more than ``limit`` sends.
  Grants may lie in the future: the caller sleeps until its slot instead of asking again.
* :func:`push_back`: Zoom answered 429 per-second anyway; move every slot to ``until``.
* :func:`tighten_daily`: Zoom said how much of a daily budget is left; never believe more.
"""

from __future__ import annotations

import math

__all__ = [
    "SECONDS_PER_DAY",
    "next_midnight",
    "push_back",
    "reserve",
    "tighten_daily",
    "utc_day",
]

SECONDS_PER_DAY = 86_400.0


def utc_day(now: float) -> int:
    """The UTC day number of an epoch time (epoch days have no leap seconds)."""
    return math.floor(now / SECONDS_PER_DAY)


def next_midnight(now: float) -> float:
    """The next 00:00 UTC after ``now``, when Zoom's daily limits reset."""
    return (utc_day(now) + 1) * SECONDS_PER_DAY


def reserve(
    slots: tuple[float, ...],
    now: float,
    *,
    limit: int,
    window: float,
    cost: int = 1,
    min_gap: float = 0.0,
) -> tuple[float, tuple[float, ...]]:
    """Grant ``cost`` sends: return (seconds to wait, the new slot log).

    ``slots`` are earlier grants, oldest first, at most ``limit`` of them. The grant time is
    the earliest moment at or after ``now`` when the send ``limit`` places back has left the
    window; the log keeps only the newest ``limit`` grants, which is all the rule needs.

    A grant never comes before the newest one, so the log stays sorted even when callers'
    clocks hand in a ``now`` a little out of order (processes sharing one log); with one
    steady clock this changes nothing. ``min_gap`` keeps it that long after the newest grant,
    which spreads a window's budget evenly instead of granting it in one burst.
    """
    if not 1 <= cost <= limit:
        raise ValueError(f"cost must be from 1 to the window's limit ({limit}), got {cost}")
    earliest = max(now, slots[-1] + min_gap) if slots else now
    index = len(slots) + cost - 1 - limit
    granted = earliest if index < 0 else max(earliest, slots[index] + window)
    log = (*slots, *([granted] * cost))
    return granted - now, log[-limit:]


def push_back(
    slots: tuple[float, ...], until: float, *, limit: int, window: float
) -> tuple[float, ...]:
    """A slot log in which no grant comes before ``until`` (after a 429 from Zoom)."""
    floor = until - window
    padded = (floor,) * max(0, limit - len(slots)) + slots[-limit:]
    return tuple(max(slot, floor) for slot in padded)


def tighten_daily(used: int, *, limit: int, remaining: int) -> int:
    """Today's count after Zoom reported ``remaining`` of ``limit``: the larger of ours and
    Zoom's (``limit`` is Zoom's own number, before any safety factor).

    Zoom's number includes other apps on the account and requests of other processes; ours
    includes requests still in flight. Reports can arrive out of order, so only ever tighten.
    """
    return max(used, limit - max(0, remaining))
