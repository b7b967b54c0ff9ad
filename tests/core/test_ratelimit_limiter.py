"""MemoryRateLimiter: pacing, daily budgets, per-host meeting writes, Zoom's reports, quota."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from zoomkit import Category, MemoryRateLimiter, RateLimiter, RateLimits
from zoomkit.errors import DailyLimitExceeded
from zoomkit.ratelimit import DailyBudget, LimitType, Observation, Rate
from zoomkit.testing import FakeClock

L, M, H, R = Category.LIGHT, Category.MEDIUM, Category.HEAVY, Category.RESOURCE_INTENSIVE
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC).timestamp()
MIDNIGHT = datetime(2026, 3, 3, tzinfo=UTC)


def small(**overrides: object) -> RateLimits:
    options: dict[str, object] = {
        "light": Rate(5),
        "medium": Rate(3),
        "heavy": Rate(2),
        "resource_intensive": Rate(1, per=60.0),
        "daily": (DailyBudget(4, [H, R]),),
        "meeting_writes_per_host_per_day": 3,
    }
    options.update(overrides)
    return RateLimits(**options)  # type: ignore[arg-type]


def jump_to(clock: FakeClock, moment: float) -> None:
    clock.advance(moment - clock.time())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def limiter(clock: FakeClock) -> MemoryRateLimiter:
    """The sliding window alone (``smooth=False``): smooth grants are tested on their own."""
    return MemoryRateLimiter(small(), clock=clock, smooth=False)


def test_the_memory_limiter_implements_the_protocol(limiter: MemoryRateLimiter) -> None:
    assert isinstance(limiter, RateLimiter)


@pytest.mark.anyio
async def test_a_burst_is_granted_in_slots_one_window_apart(limiter: MemoryRateLimiter) -> None:
    waits = [await limiter.acquire(L) for _ in range(12)]
    assert waits == [0.0] * 5 + [1.0] * 5 + [2.0] * 2


@pytest.mark.anyio
async def test_a_smooth_limiter_spreads_the_same_burst_evenly(clock: FakeClock) -> None:
    limiter = MemoryRateLimiter(small(), clock=clock)  # smooth: the default
    waits = [await limiter.acquire(L) for _ in range(12)]
    assert waits == pytest.approx([i / 5 for i in range(12)])  # 5 a second, 200 ms apart
    assert "smooth=True" in repr(limiter)


@pytest.mark.anyio
async def test_a_smooth_limiter_still_lets_a_per_minute_budget_go_at_once(
    clock: FakeClock,
) -> None:
    # Ten dashboard pages a minute: spread, the tenth would wait 54 s; its headroom is seconds.
    limiter = MemoryRateLimiter(small(resource_intensive=Rate(3, per=60.0)), clock=clock)
    waits = [await limiter.acquire(R) for _ in range(4)]
    assert waits == [0.0, 0.0, 0.0, 60.0]


def test_the_grant_gap_spreads_per_second_budgets_only() -> None:
    limits = RateLimits.pro(safety=0.8)
    assert limits.grant_gap(L, smooth=True) == pytest.approx(1.25 / 30)
    assert limits.grant_gap(L, smooth=False) == 0.0
    assert limits.grant_gap(R, smooth=True) == 0.0


@pytest.mark.anyio
async def test_categories_are_paced_independently(limiter: MemoryRateLimiter) -> None:
    for _ in range(5):
        await limiter.acquire(L)
    assert await limiter.acquire(M) == 0.0
    assert await limiter.acquire(L) == 1.0


@pytest.mark.anyio
async def test_resource_intensive_is_paced_per_minute(limiter: MemoryRateLimiter) -> None:
    assert await limiter.acquire(R) == 0.0
    assert await limiter.acquire(R) == 60.0


@pytest.mark.anyio
async def test_safety_stretches_the_pace(clock: FakeClock) -> None:
    limiter = MemoryRateLimiter(small(safety=0.5), clock=clock, smooth=False)
    waits = [await limiter.acquire(M) for _ in range(4)]
    assert waits == [0.0, 0.0, 0.0, 2.0]


@pytest.mark.anyio
async def test_a_spent_daily_budget_raises_with_retry_at_next_midnight(
    limiter: MemoryRateLimiter, clock: FakeClock
) -> None:
    for _ in range(4):
        await limiter.acquire(H)
        clock.advance(1)
    with pytest.raises(DailyLimitExceeded) as caught:
        await limiter.acquire(H)
    error = caught.value
    assert error.retry_at == MIDNIGHT
    assert error.category == "Heavy"
    assert error.response is None
    assert str(error).startswith("HTTP 429: not sent: the daily budget of 4 Heavy+Resource")


@pytest.mark.anyio
async def test_heavy_and_resource_intensive_spend_one_daily_budget(
    limiter: MemoryRateLimiter, clock: FakeClock
) -> None:
    for _ in range(4):
        await limiter.acquire(H)
        clock.advance(1)
    with pytest.raises(DailyLimitExceeded):
        await limiter.acquire(R)
    assert await limiter.acquire(L) == 0.0


@pytest.mark.anyio
async def test_the_daily_budget_comes_back_at_midnight_utc(
    limiter: MemoryRateLimiter, clock: FakeClock
) -> None:
    for _ in range(4):
        await limiter.acquire(H)
        clock.advance(1)
    jump_to(clock, MIDNIGHT.timestamp())
    assert await limiter.acquire(H) == 0.0


@pytest.mark.anyio
async def test_a_refused_acquire_spends_nothing(limiter: MemoryRateLimiter) -> None:
    await limiter.observe(H, Observation(LimitType.DAILY, remaining=1, limit=4))
    await limiter.acquire(H)
    with pytest.raises(DailyLimitExceeded):
        await limiter.acquire(H)
    assert (await limiter.quota()).categories[H].remaining_today == 0


@pytest.mark.anyio
async def test_zoom_reporting_a_daily_budget_spent_blocks_the_category(
    clock: FakeClock,
) -> None:
    limiter = MemoryRateLimiter(RateLimits.pro(), clock=clock)
    await limiter.observe(H, Observation(LimitType.DAILY, remaining=0, limit=30_000))
    with pytest.raises(DailyLimitExceeded) as caught:
        await limiter.acquire(R)  # shares Heavy's daily budget on Pro
    assert caught.value.retry_at == MIDNIGHT


@pytest.mark.anyio
async def test_a_zero_remaining_report_blocks_a_category_without_a_known_budget(
    clock: FakeClock,
) -> None:
    limiter = MemoryRateLimiter(RateLimits.pro(), clock=clock)  # Light has no daily cap on Pro
    await limiter.observe(L, Observation(LimitType.DAILY, remaining=0, limit=6_000))
    with pytest.raises(DailyLimitExceeded) as caught:
        await limiter.acquire(L)
    assert caught.value.retry_at == MIDNIGHT
    assert await limiter.acquire(M) == 0.0


@pytest.mark.anyio
async def test_a_daily_429_blocks_the_budget_until_zooms_retry_at(
    limiter: MemoryRateLimiter, clock: FakeClock
) -> None:
    retry_at = START + 3_600
    await limiter.observe(H, Observation(LimitType.DAILY, rejected=True, retry_at=retry_at))
    with pytest.raises(DailyLimitExceeded) as caught:
        await limiter.acquire(R)
    assert caught.value.retry_at == datetime.fromtimestamp(retry_at, UTC)
    assert "Zoom reported the daily Resource-intensive limit spent" in str(caught.value)
    jump_to(clock, retry_at)
    assert await limiter.acquire(H) == 0.0


@pytest.mark.anyio
async def test_a_per_second_429_pushes_the_next_grant_to_retry_at(
    limiter: MemoryRateLimiter,
) -> None:
    await limiter.observe(L, Observation(LimitType.QPS, rejected=True, retry_at=START + 3))
    assert await limiter.acquire(L) == 3.0


@pytest.mark.anyio
async def test_a_per_second_429_without_retry_after_waits_one_window(
    limiter: MemoryRateLimiter,
) -> None:
    await limiter.observe(L, Observation(LimitType.QPS, rejected=True))
    assert await limiter.acquire(L) == 1.0


@pytest.mark.anyio
async def test_per_second_remaining_on_a_success_changes_nothing(
    limiter: MemoryRateLimiter,
) -> None:
    await limiter.observe(L, Observation(LimitType.QPS, remaining=0, limit=5))
    assert await limiter.acquire(L) == 0.0


@pytest.mark.anyio
async def test_the_write_after_the_hosts_daily_limit_raises(limiter: MemoryRateLimiter) -> None:
    for _ in range(3):
        await limiter.acquire_meeting_write("host-a")
    with pytest.raises(DailyLimitExceeded) as caught:
        await limiter.acquire_meeting_write("host-a")
    assert caught.value.retry_at == MIDNIGHT
    assert "host 'host-a' has made 3 meeting creates/updates today" in str(caught.value)


@pytest.mark.anyio
async def test_another_host_keeps_its_own_meeting_writes(limiter: MemoryRateLimiter) -> None:
    for _ in range(3):
        await limiter.acquire_meeting_write("host-a")
    await limiter.acquire_meeting_write("host-b")
    assert (await limiter.quota()).meeting_writes == {"host-a": 3, "host-b": 1}


@pytest.mark.anyio
async def test_meeting_writes_reset_at_midnight_utc(
    limiter: MemoryRateLimiter, clock: FakeClock
) -> None:
    for _ in range(3):
        await limiter.acquire_meeting_write("host-a")
    jump_to(clock, MIDNIGHT.timestamp())
    await limiter.acquire_meeting_write("host-a")
    assert (await limiter.quota()).meeting_writes == {"host-a": 1}


@pytest.mark.anyio
async def test_no_per_host_limit_when_turned_off(clock: FakeClock) -> None:
    limiter = MemoryRateLimiter(small(meeting_writes_per_host_per_day=None), clock=clock)
    for _ in range(500):
        await limiter.acquire_meeting_write("host-a")
    assert (await limiter.quota()).meeting_writes_remaining("host-a") is None


@pytest.mark.anyio
async def test_zoom_refusing_a_hosts_write_blocks_only_that_host(
    limiter: MemoryRateLimiter,
) -> None:
    observation = Observation(
        LimitType.DAILY, rejected=True, retry_at=MIDNIGHT.timestamp(), host_key="host-a"
    )
    await limiter.observe(M, observation)
    with pytest.raises(DailyLimitExceeded, match="Zoom reported host 'host-a'"):
        await limiter.acquire_meeting_write("host-a")
    await limiter.acquire_meeting_write("host-b")
    assert await limiter.acquire(M) == 0.0
    assert (await limiter.quota()).meeting_writes["host-a"] == 3


@pytest.mark.anyio
async def test_quota_reports_every_budget(limiter: MemoryRateLimiter, clock: FakeClock) -> None:
    await limiter.acquire(H)
    await limiter.acquire(R)
    await limiter.acquire_meeting_write("host-a")
    await limiter.observe(L, Observation(LimitType.DAILY, rejected=True, retry_at=START + 60))
    quota = await limiter.quota()
    assert quota.plan == "custom"
    assert quota.taken_at == datetime.fromtimestamp(START, UTC)
    assert quota.resets_at == MIDNIGHT
    heavy = quota.categories[H]
    assert (heavy.window_requests, heavy.window_seconds, heavy.requests_per_second) == (2, 1, 2)
    assert (heavy.daily_limit, heavy.remaining_today, heavy.blocked_until) == (4, 2, None)
    assert quota.categories[R].requests_per_second == pytest.approx(1 / 60)
    assert quota.categories[R].remaining_today == 2
    assert quota.categories[M].daily_limit is None
    assert quota.categories[M].remaining_today is None
    assert quota.categories[L].blocked_until == datetime.fromtimestamp(START + 60, UTC)
    assert quota.blocked_until is None  # Medium, Heavy and Resource-intensive still work
    assert quota.blocked_until_for(H, L) == datetime.fromtimestamp(START + 60, UTC)
    assert quota.blocked_until_for(H, M) is None
    assert quota.meeting_writes == {"host-a": 1}
    assert quota.meeting_writes_limit == 3
    assert quota.meeting_writes_remaining("host-a") == 2
    assert quota.meeting_writes_remaining("host-b") == 3


@pytest.mark.anyio
async def test_quota_shows_a_spent_budget_blocked_until_midnight(
    limiter: MemoryRateLimiter,
) -> None:
    await limiter.observe(H, Observation(LimitType.DAILY, remaining=0, limit=4))
    quota = await limiter.quota()
    assert quota.categories[H].blocked_until == MIDNIGHT
    assert quota.categories[R].blocked_until == MIDNIGHT


@pytest.mark.anyio
async def test_the_account_is_blocked_when_every_category_is(
    limiter: MemoryRateLimiter,
) -> None:
    for category, hours in ((L, 1), (M, 2), (H, 3)):
        await limiter.observe(
            category, Observation(LimitType.DAILY, rejected=True, retry_at=START + hours * 3600)
        )
    quota = await limiter.quota()
    assert quota.blocked_until == datetime.fromtimestamp(START + 3600, UTC)
