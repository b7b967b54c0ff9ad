"""The pure rate-limit arithmetic: slot reservations, 429 push-backs, UTC days, daily tightening."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from zoomkit._ratelimit_math import next_midnight, push_back, reserve, tighten_daily, utc_day

T = 1_000.0


@pytest.mark.parametrize(
    ("slots", "now", "limit", "window", "cost", "wait", "log"),
    [
        # an empty log grants at once
        ((), T, 3, 1.0, 1, 0.0, (T,)),
        # room left in the window: at once, appended
        ((T, T), T, 3, 1.0, 1, 0.0, (T, T, T)),
        # full window: the grant waits until the oldest leaves it
        ((T, T, T), T, 3, 1.0, 1, 1.0, (T, T, T + 1.0)),
        # the oldest left long ago: at once, and the log keeps only the newest `limit`
        ((T - 5, T - 4, T - 3), T, 3, 1.0, 1, 0.0, (T - 4, T - 3, T)),
        # the oldest leaves the window partway: wait only the rest
        ((T - 0.25, T, T), T, 3, 1.0, 1, 0.75, (T, T, T + 0.75)),
        # grants already in the future (queued waiters): the next queues behind them
        ((T + 1, T + 1, T + 1), T, 3, 1.0, 1, 2.0, (T + 1, T + 1, T + 2)),
        # a per-minute window (Resource-intensive)
        ((T,) * 10, T + 30, 10, 60.0, 1, 30.0, (T,) * 9 + (T + 60,)),
        # cost 2 needs two free places: the second-oldest sets the time
        ((T - 0.5, T - 0.2, T), T, 3, 1.0, 2, 0.8, (T, T + 0.8, T + 0.8)),
        # cost 2 with one free place: the oldest sets the time
        ((T - 0.5, T), T, 3, 1.0, 2, 0.5, (T, T + 0.5, T + 0.5)),
    ],
)
def test_reserve_grants_the_earliest_slot_the_sliding_window_allows(
    slots: tuple[float, ...],
    now: float,
    limit: int,
    window: float,
    cost: int,
    wait: float,
    log: tuple[float, ...],
) -> None:
    granted_wait, granted_log = reserve(slots, now, limit=limit, window=window, cost=cost)
    assert granted_wait == pytest.approx(wait)
    assert granted_log == pytest.approx(log)


@pytest.mark.parametrize(
    ("slots", "now", "min_gap", "wait", "log"),
    [
        # an empty log grants at once, gap or not
        ((), T, 0.25, 0.0, (T,)),
        # the gap holds the next grant back from the newest one
        ((T,), T, 0.25, 0.25, (T, T + 0.25)),
        # a newest grant older than the gap: at once
        ((T - 1,), T, 0.25, 0.0, (T - 1, T)),
        # the window rule still applies when it asks for more than the gap
        ((T, T + 0.25, T + 0.5), T + 0.5, 0.25, 0.5, (T + 0.25, T + 0.5, T + 1.0)),
        # no gap, but `now` behind the newest grant (another process's clock): not before it
        ((T + 0.1,), T, 0.0, 0.1, (T + 0.1, T + 0.1)),
    ],
)
def test_reserve_keeps_grants_in_order_and_min_gap_apart(
    slots: tuple[float, ...], now: float, min_gap: float, wait: float, log: tuple[float, ...]
) -> None:
    granted_wait, granted_log = reserve(slots, now, limit=3, window=1.0, min_gap=min_gap)
    assert granted_wait == pytest.approx(wait)
    assert granted_log == pytest.approx(log)


def test_smooth_grants_spread_a_burst_evenly_over_the_window() -> None:
    slots: tuple[float, ...] = ()
    granted = []
    for _ in range(9):  # nine callers at the same moment
        wait, slots = reserve(slots, T, limit=3, window=1.0, min_gap=1.0 / 3)
        granted.append(T + wait)
    assert granted == pytest.approx([T + i / 3 for i in range(9)])


@pytest.mark.parametrize("cost", [0, 4])
def test_reserve_refuses_a_cost_the_window_can_never_hold(cost: int) -> None:
    with pytest.raises(ValueError, match="cost must be from 1 to"):
        reserve((), T, limit=3, window=1.0, cost=cost)


def test_a_stream_of_grants_never_puts_more_than_the_limit_in_any_window() -> None:
    slots: tuple[float, ...] = ()
    granted = []
    now = T
    for step in range(200):
        now += 0.013 * (step % 7)  # irregular arrivals, some bursts
        wait, slots = reserve(slots, now, limit=7, window=1.0)
        granted.append(now + wait)
    assert granted == sorted(granted)
    for start in granted:
        assert sum(start <= g < start + 1.0 for g in granted) <= 7


@pytest.mark.parametrize(
    ("slots", "until", "expected"),
    [
        # nothing granted yet: every slot is taken until `until`
        ((), T + 2, (T + 1,) * 3),
        # earlier grants move up to `until - window`
        ((T - 3, T - 2, T), T + 2, (T + 1,) * 3),
        # a grant already past `until - window` stays where it is
        ((T, T, T + 5), T + 2, (T + 1, T + 1, T + 5)),
        # a short log is padded to the window's limit
        ((T + 4,), T + 2, (T + 1, T + 1, T + 4)),
    ],
)
def test_push_back_moves_every_slot_past_the_429(
    slots: tuple[float, ...], until: float, expected: tuple[float, ...]
) -> None:
    assert push_back(slots, until, limit=3, window=1.0) == expected


def test_after_a_push_back_the_next_grant_is_at_until() -> None:
    pushed = push_back((T, T), T + 2.5, limit=3, window=1.0)
    assert reserve(pushed, T, limit=3, window=1.0)[0] == pytest.approx(2.5)


@pytest.mark.parametrize(
    ("moment", "midnight"),
    [
        (datetime(2026, 3, 2, 9, 0, tzinfo=UTC), datetime(2026, 3, 3, tzinfo=UTC)),
        (datetime(2026, 3, 2, 0, 0, tzinfo=UTC), datetime(2026, 3, 3, tzinfo=UTC)),
        (datetime(2026, 3, 2, 23, 59, 59, tzinfo=UTC), datetime(2026, 3, 3, tzinfo=UTC)),
        (datetime(2026, 12, 31, 18, 0, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)),
    ],
)
def test_daily_limits_reset_at_the_next_midnight_utc(moment: datetime, midnight: datetime) -> None:
    assert next_midnight(moment.timestamp()) == midnight.timestamp()


def test_a_utc_day_runs_from_midnight_to_midnight() -> None:
    midnight = datetime(2026, 3, 3, tzinfo=UTC).timestamp()
    assert utc_day(midnight - 0.001) == utc_day(midnight) - 1
    assert utc_day(midnight) == utc_day(midnight + 86_399.9)


@pytest.mark.parametrize(
    ("used", "limit", "remaining", "expected"),
    [
        (10, 1_000, 990, 10),  # Zoom agrees
        (10, 1_000, 900, 100),  # others used some: tighten to Zoom's count
        (100, 1_000, 950, 100),  # an older report arrived late: keep ours
        (10, 1_000, 0, 1_000),  # Zoom says spent
        (10, 1_000, -5, 1_000),  # a nonsense negative reads as spent, not more
    ],
)
def test_daily_counts_only_ever_tighten_to_what_zoom_reports(
    used: int, limit: int, remaining: int, expected: int
) -> None:
    assert tighten_daily(used, limit=limit, remaining=remaining) == expected
