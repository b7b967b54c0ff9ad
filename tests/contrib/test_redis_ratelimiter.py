"""RedisRateLimiter's Lua scripts against a real Redis, on a fake clock.

The tables are those of tests/core/test_ratelimit_math.py (the pure rules the scripts mirror);
a seeded random run then checks that the Redis limiter decides exactly as MemoryRateLimiter.
"""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis

from zoomkit import Category, MemoryRateLimiter, RateLimiter, RateLimits
from zoomkit.contrib.redis import RedisRateLimiter
from zoomkit.errors import ConfigurationError, DailyLimitExceeded
from zoomkit.ratelimit import DailyBudget, LimitType, Observation, Rate
from zoomkit.testing import FakeClock, FakeZoom

pytestmark = pytest.mark.anyio

L, M, H, R = Category.LIGHT, Category.MEDIUM, Category.HEAVY, Category.RESOURCE_INTENSIVE
T = datetime(2026, 3, 2, 9, 0, tzinfo=UTC).timestamp()
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


def light_window(limit: int, window: float) -> RateLimits:
    return small(light=Rate(limit, per=window))


def jump_to(clock: FakeClock, moment: float) -> None:
    clock.advance(moment - clock.time())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T)


@pytest.fixture
def limiter(redis: Redis, clock: FakeClock) -> RedisRateLimiter:
    """The sliding window alone (``smooth=False``): smooth grants are tested on their own."""
    return RedisRateLimiter(redis, small(), account_key="acct-1", clock=clock, smooth=False)


async def log_of(limiter: RedisRateLimiter, category: Category) -> tuple[float, ...]:
    return tuple(
        float(slot) for slot in await limiter.redis.lrange(limiter.slots_key(category), 0, -1)
    )


async def seed_log(limiter: RedisRateLimiter, category: Category, slots: tuple[float, ...]) -> None:
    if slots:
        await limiter.redis.rpush(limiter.slots_key(category), *(repr(s) for s in slots))


async def test_the_redis_limiter_implements_the_protocol(limiter: RedisRateLimiter) -> None:
    assert isinstance(limiter, RateLimiter)


# -- the arithmetic, as in _ratelimit_math's tables -------------------------------------------


@pytest.mark.parametrize(
    ("slots", "now", "limit", "window", "cost", "wait", "log"),
    [
        ((), T, 3, 1.0, 1, 0.0, (T,)),
        ((T, T), T, 3, 1.0, 1, 0.0, (T, T, T)),
        ((T, T, T), T, 3, 1.0, 1, 1.0, (T, T, T + 1.0)),
        ((T - 5, T - 4, T - 3), T, 3, 1.0, 1, 0.0, (T - 4, T - 3, T)),
        ((T - 0.25, T, T), T, 3, 1.0, 1, 0.75, (T, T, T + 0.75)),
        ((T + 1, T + 1, T + 1), T, 3, 1.0, 1, 2.0, (T + 1, T + 1, T + 2)),
        ((T,) * 10, T + 30, 10, 60.0, 1, 30.0, (T,) * 9 + (T + 60,)),
        ((T - 0.5, T - 0.2, T), T, 3, 1.0, 2, 0.8, (T, T + 0.8, T + 0.8)),
        ((T - 0.5, T), T, 3, 1.0, 2, 0.5, (T, T + 0.5, T + 0.5)),
    ],
)
async def test_acquire_grants_the_slot_reserve_grants(
    redis: Redis,
    clock: FakeClock,
    slots: tuple[float, ...],
    now: float,
    limit: int,
    window: float,
    cost: int,
    wait: float,
    log: tuple[float, ...],
) -> None:
    limiter = RedisRateLimiter(
        redis, light_window(limit, window), account_key="a", clock=clock, smooth=False
    )
    await seed_log(limiter, L, slots)
    jump_to(clock, now)
    assert await limiter.acquire(L, cost=cost) == pytest.approx(wait)
    assert await log_of(limiter, L) == pytest.approx(log)


async def test_a_now_older_than_the_newest_grant_waits_for_it(
    redis: Redis, clock: FakeClock
) -> None:
    # Another process, whose clock read came a moment later, was granted first: the log stays
    # sorted (reserve() needs it) at the cost of a short wait.
    limiter = RedisRateLimiter(
        redis, light_window(3, 1.0), account_key="a", clock=clock, smooth=False
    )
    await seed_log(limiter, L, (T + 0.25,))
    assert await limiter.acquire(L) == pytest.approx(0.25)
    assert await log_of(limiter, L) == pytest.approx((T + 0.25, T + 0.25))


@pytest.mark.parametrize("cost", [0, 6])
async def test_acquire_refuses_a_cost_the_window_can_never_hold(
    limiter: RedisRateLimiter, cost: int
) -> None:
    with pytest.raises(ValueError, match="cost must be from 1 to"):
        await limiter.acquire(L, cost=cost)


async def test_grants_never_put_more_than_the_limit_in_any_window(
    limiter: RedisRateLimiter, clock: FakeClock
) -> None:
    granted = []
    for step in range(200):
        clock.advance(0.013 * (step % 7))  # irregular arrivals, some bursts
        granted.append(clock.time() + await limiter.acquire(L))
    assert granted == sorted(granted)
    for start in granted:
        assert sum(start <= g < start + 1.0 for g in granted) <= 5


async def test_smooth_grants_spread_a_window_evenly(redis: Redis, clock: FakeClock) -> None:
    limiter = RedisRateLimiter(redis, small(), account_key="a", clock=clock)  # smooth: the default
    waits = [await limiter.acquire(L) for _ in range(7)]
    assert waits == pytest.approx([0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2])


async def test_smooth_grants_still_wait_for_the_window(redis: Redis, clock: FakeClock) -> None:
    # The gap never lets more than the limit into a window: a burst already in the log (from
    # a limiter without smooth, say) still holds the next grant back a whole window.
    limiter = RedisRateLimiter(redis, small(), account_key="a", clock=clock, smooth=True)
    await seed_log(limiter, L, (T,) * 5)
    assert await limiter.acquire(L) == pytest.approx(1.0)


async def test_concurrent_callers_each_get_their_own_slot(limiter: RedisRateLimiter) -> None:
    waits = await asyncio.gather(*(limiter.acquire(L) for _ in range(12)))
    assert sorted(waits) == [0.0] * 5 + [1.0] * 5 + [2.0] * 2


@pytest.mark.parametrize(
    ("slots", "until", "expected"),
    [
        ((), T + 2, (T + 1,) * 3),
        ((T - 3, T - 2, T), T + 2, (T + 1,) * 3),
        ((T, T, T + 5), T + 2, (T + 1, T + 1, T + 5)),
        ((T + 4,), T + 2, (T + 1, T + 1, T + 4)),
    ],
)
async def test_a_per_second_429_pushes_every_slot_past_retry_at(
    redis: Redis,
    clock: FakeClock,
    slots: tuple[float, ...],
    until: float,
    expected: tuple[float, ...],
) -> None:
    limiter = RedisRateLimiter(redis, light_window(3, 1.0), account_key="a", clock=clock)
    await seed_log(limiter, L, slots)
    await limiter.observe(L, Observation(LimitType.QPS, rejected=True, retry_at=until))
    assert await log_of(limiter, L) == pytest.approx(expected)


async def test_a_per_second_429_without_retry_after_waits_one_window(
    limiter: RedisRateLimiter,
) -> None:
    await limiter.observe(M, Observation(LimitType.QPS, remaining=0, rejected=True))
    assert await limiter.acquire(M) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("used", "limit", "remaining", "expected_left"),
    [
        (1, 4, 3, 3),  # Zoom agrees
        (1, 4, 1, 1),  # others used some: tighten to Zoom's count
        (2, 4, 3, 2),  # an older report arrived late: keep ours
        (1, 4, 0, 0),  # Zoom says spent
        (1, 4, -5, 0),  # a nonsense negative reads as spent, not more
    ],
)
async def test_daily_counts_only_ever_tighten_to_what_zoom_reports(
    limiter: RedisRateLimiter, used: int, limit: int, remaining: int, expected_left: int
) -> None:
    for _ in range(used):
        await limiter.acquire(H)
    await limiter.observe(H, Observation(LimitType.DAILY, remaining=remaining, limit=limit))
    assert (await limiter.quota()).categories[H].remaining_today == expected_left


# -- daily budgets and blocks -------------------------------------------------------------------


async def test_a_spent_daily_budget_raises_before_reserving(limiter: RedisRateLimiter) -> None:
    for category in (H, H, H, R):  # Heavy and Resource-intensive share 4 a day
        await limiter.acquire(category, cost=1)
    with pytest.raises(DailyLimitExceeded) as raised:
        await limiter.acquire(H)
    error = raised.value
    assert error.retry_at == MIDNIGHT
    assert error.response is None
    assert error.category == "Heavy"
    assert error.message.startswith("not sent: the daily budget of 4 Heavy+Resource-intensive")
    assert len(await log_of(limiter, H)) == 2  # the refused call took no slot


async def test_the_daily_budget_returns_at_midnight_utc(
    limiter: RedisRateLimiter, clock: FakeClock
) -> None:
    for _ in range(4):
        await limiter.acquire(R)
        clock.advance(60)
    jump_to(clock, MIDNIGHT.timestamp())
    assert await limiter.acquire(H) == 0.0


async def test_a_daily_429_blocks_the_budgets_categories_until_retry_at(
    limiter: RedisRateLimiter, clock: FakeClock
) -> None:
    until = T + 3600
    await limiter.observe(H, Observation(LimitType.DAILY, rejected=True, retry_at=until))
    for category in (H, R):
        with pytest.raises(DailyLimitExceeded, match="Zoom reported the daily") as raised:
            await limiter.acquire(category)
        assert raised.value.retry_at == datetime.fromtimestamp(until, UTC)
    assert await limiter.acquire(L) == 0.0  # other categories are not blocked
    jump_to(clock, until)
    assert await limiter.acquire(H) == 0.0


async def test_zoom_reporting_none_left_blocks_a_category_without_a_budget_until_midnight(
    limiter: RedisRateLimiter,
) -> None:
    await limiter.observe(L, Observation(LimitType.DAILY, remaining=0, limit=6000))
    with pytest.raises(DailyLimitExceeded) as raised:
        await limiter.acquire(L)
    assert raised.value.retry_at == MIDNIGHT


async def test_day_keys_expire_an_hour_after_their_utc_day(limiter: RedisRateLimiter) -> None:
    await limiter.acquire(H)
    await limiter.acquire_meeting_write("host-1")
    to_midnight_ms = (MIDNIGHT.timestamp() - T) * 1000
    for key in (limiter.daily_key(limiter.limits.budget(H), T), limiter.hosts_key(T)):
        ttl = await limiter.redis.pttl(key)
        assert to_midnight_ms + 3_599_000 < ttl <= to_midnight_ms + 3_600_000


# -- meeting creates/updates per host ---------------------------------------------------------


async def test_a_hosts_writes_past_the_limit_raise_and_other_hosts_are_unaffected(
    limiter: RedisRateLimiter,
) -> None:
    for _ in range(3):
        await limiter.acquire_meeting_write("host-1")
    with pytest.raises(DailyLimitExceeded) as raised:
        await limiter.acquire_meeting_write("host-1")
    assert raised.value.retry_at == MIDNIGHT
    assert raised.value.response is None
    assert "has made 3 meeting creates/updates today" in str(raised.value)
    await limiter.acquire_meeting_write("host-2")
    assert (await limiter.quota()).meeting_writes == {"host-1": 3, "host-2": 1}


async def test_a_hosts_count_starts_again_each_utc_day(
    limiter: RedisRateLimiter, clock: FakeClock
) -> None:
    for _ in range(3):
        await limiter.acquire_meeting_write("host-1")
    jump_to(clock, MIDNIGHT.timestamp())
    await limiter.acquire_meeting_write("host-1")
    assert (await limiter.quota()).meeting_writes == {"host-1": 1}


async def test_a_host_zoom_refused_stays_blocked_until_retry_at(
    limiter: RedisRateLimiter, clock: FakeClock
) -> None:
    until = MIDNIGHT.timestamp()
    refusal = Observation(LimitType.DAILY, rejected=True, retry_at=until, host_key="host-1")
    await limiter.observe(M, refusal)
    with pytest.raises(DailyLimitExceeded, match="Zoom reported host 'host-1'"):
        await limiter.acquire_meeting_write("host-1")
    assert (await limiter.quota()).meeting_writes == {"host-1": 3}
    assert await limiter.acquire(M) == 0.0  # the category is not blocked
    jump_to(clock, until)
    await limiter.acquire_meeting_write("host-1")


async def test_limiters_of_different_accounts_share_nothing(redis: Redis, clock: FakeClock) -> None:
    one = RedisRateLimiter(redis, small(), account_key="acct-1", clock=clock, smooth=False)
    two = RedisRateLimiter(redis, small(), account_key="acct-2", clock=clock, smooth=False)
    same = RedisRateLimiter(redis, small(), account_key="acct-1", clock=clock, smooth=False)
    for _ in range(5):
        await one.acquire(L)
    assert await two.acquire(L) == 0.0
    assert await same.acquire(L) == 1.0


@pytest.mark.parametrize("account_key", ["", "a{b}"])
async def test_an_account_key_must_be_a_plain_name(redis: Redis, account_key: str) -> None:
    with pytest.raises(ConfigurationError, match="account_key"):
        RedisRateLimiter(redis, small(), account_key=account_key)


# -- the same decisions as MemoryRateLimiter ----------------------------------------------------


@pytest.mark.parametrize("smooth", [False, True])
async def test_a_random_run_decides_exactly_as_the_memory_limiter(
    redis: Redis, smooth: bool
) -> None:
    rng = random.Random(20260302)
    clock = FakeClock(T + 86_400 - 40)  # the run crosses midnight UTC
    memory = MemoryRateLimiter(small(), clock=clock, smooth=smooth)
    shared = RedisRateLimiter(redis, small(), account_key="acct-1", clock=clock, smooth=smooth)
    hosts = ["host-1", "host-2"]
    for step in range(400):
        choice = rng.random()
        if choice < 0.45:
            category, cost = rng.choice(list(Category)), 1
            action = ("acquire", category)
            calls = [limiter.acquire(category, cost=cost) for limiter in (memory, shared)]
        elif choice < 0.6:
            host = rng.choice(hosts)
            action = ("write", host)
            calls = [limiter.acquire_meeting_write(host) for limiter in (memory, shared)]
        else:
            category = rng.choice(list(Category))
            observation = rng.choice(
                [
                    Observation(LimitType.QPS, rejected=True, retry_at=clock.time() + 0.5),
                    Observation(LimitType.QPS, rejected=True),
                    Observation(LimitType.DAILY, remaining=rng.randint(-1, 4), limit=4),
                    Observation(LimitType.DAILY, rejected=True, retry_at=clock.time() + 5),
                    Observation(
                        LimitType.DAILY,
                        rejected=True,
                        retry_at=clock.time() + 3,
                        host_key=rng.choice(hosts),
                    ),
                ]
            )
            action = ("observe", category, observation)
            calls = [limiter.observe(category, observation) for limiter in (memory, shared)]
        outcomes = []
        for call in calls:
            try:
                outcomes.append(("ok", await call))
            except DailyLimitExceeded as error:
                outcomes.append(("raised", str(error), error.retry_at, error.category))
        assert outcomes[0] == outcomes[1], (step, action)
        if rng.random() < 0.3:
            clock.advance(rng.choice([0.1, 0.4, 1.0, 7.0]))
        if step % 25 == 0:
            assert await memory.quota() == await shared.quota(), step


# -- through the client ---------------------------------------------------------------------------


async def test_the_101st_create_of_a_host_raises_without_a_request(redis: Redis) -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, plan="pro")
    limiter = RedisRateLimiter(redis, RateLimits.pro(), account_key=fake.account_id, clock=clock)
    async with fake.client(rate_limits=limiter) as zoom:
        for number in range(100):
            await zoom.meetings.create("me", topic=f"Lesson {number}")
        with pytest.raises(DailyLimitExceeded) as raised:
            await zoom.meetings.create("me", topic="Lesson 100")
    assert raised.value.response is None
    assert fake.counters.calls["meetingCreate"] == 100
    assert fake.counters.rate_limited == {}
