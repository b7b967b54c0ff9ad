"""Rate limiting in the request loop: pacing, daily budgets, Zoom's headers, per-host writes."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import anyio
import httpx
import pytest
import respx

from zoomkit import Category, ConfigurationError, MemoryRateLimiter, RateLimits, ZoomClient
from zoomkit.auth import StaticTokenAuth
from zoomkit.errors import DailyLimitExceeded
from zoomkit.ratelimit import DailyBudget, LimitType, Observation, QuotaState, Rate
from zoomkit.testing import FakeClock

API = "https://api.zoom.us/v2"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC).timestamp()
MIDNIGHT = datetime(2026, 3, 3, tzinfo=UTC)
HOST_LIMIT_BODY = {
    "code": 429,
    "message": "You have exceeded the daily rate limit (100) of Meeting Create/Update API "
    "requests permitted for this particular user. You may resume these requests at GMT 00:00:00.",
}
DAILY_BODY = {
    "code": 429,
    "message": "You have reached the maximum daily rate limit for this API. Refer to the "
    "response header for details on when you can make another request.",
}
PER_SECOND_BODY = {
    "code": 429,
    "message": "You have reached the maximum per-second rate limit for this API. Try again later.",
}


class VirtualClock:
    """Virtual time for concurrent tests: sleepers wake in deadline order, and time jumps to
    the next deadline only once every task is waiting."""

    def __init__(self, start: float) -> None:
        self.now = start
        self._sleepers: list[tuple[float, int, anyio.Event]] = []
        self._order = itertools.count()

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        event = anyio.Event()
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), next(self._order), event))
        await event.wait()

    async def run(self) -> None:
        while True:
            await anyio.wait_all_tasks_blocked()
            if self._sleepers:
                deadline, _, event = heapq.heappop(self._sleepers)
                self.now = max(self.now, deadline)
                event.set()
            else:
                await anyio.lowlevel.checkpoint()


def small(**overrides: object) -> RateLimits:
    options: dict[str, object] = {
        "light": Rate(5),
        "medium": Rate(3),
        "heavy": Rate(2),
        "resource_intensive": Rate(1, per=60.0),
        "daily": (DailyBudget(3, [Category.HEAVY, Category.RESOURCE_INTENSIVE]),),
    }
    options.update(overrides)
    return RateLimits(**options)  # type: ignore[arg-type]


def make_client(clock: object, limits: object = None, **options: object) -> ZoomClient:
    return ZoomClient(
        auth=StaticTokenAuth("t"),
        clock=clock,  # type: ignore[arg-type]
        rate_limits=limits,  # type: ignore[arg-type]
        **options,  # type: ignore[arg-type]
    )


def sent_at(
    clock: object, times: list[float], response: httpx.Response
) -> Callable[[httpx.Request], httpx.Response]:
    def record(request: httpx.Request) -> httpx.Response:
        times.append(clock.time())  # type: ignore[attr-defined]
        return response

    return record


def most_in_any_window(times: list[float], window: float) -> int:
    return max(sum(start <= t < start + window for t in times) for start in times)


def meeting(meeting_id: int, host_id: str) -> dict[str, object]:
    return {"id": meeting_id, "host_id": host_id, "topic": "Sync", "type": 2}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=API, assert_all_called=False) as router:
        yield router


# -- pacing ------------------------------------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("smooth", "schedule"),
    [
        (True, [i / 5 for i in range(12)]),  # the default: 200 ms apart
        (False, [0.0] * 5 + [1.0] * 5 + [2.0] * 2),  # a window's budget at once
    ],
)
async def test_a_concurrent_burst_is_spread_over_seconds_with_no_window_over_the_limit(
    api: respx.MockRouter, smooth: bool, schedule: list[float]
) -> None:
    clock = VirtualClock(START)
    times: list[float] = []
    api.get("/users/me").mock(side_effect=sent_at(clock, times, httpx.Response(200, json={})))
    limiter = MemoryRateLimiter(small(), clock=clock, smooth=smooth)
    async with make_client(clock, limiter) as zoom, anyio.create_task_group() as driver:
        driver.start_soon(clock.run)
        async with anyio.create_task_group() as workers:
            for _ in range(12):
                workers.start_soon(zoom.users.me)
        driver.cancel_scope.cancel()
    assert sorted(times) == pytest.approx([START + offset for offset in schedule])
    assert most_in_any_window(times, 1.0) == 5


@pytest.mark.anyio
async def test_sequential_calls_wait_on_the_injected_clock(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    times: list[float] = []
    api.get("/report/daily").mock(side_effect=sent_at(clock, times, httpx.Response(200, json={})))
    async with make_client(clock, small(daily=())) as zoom:
        for _ in range(5):
            await zoom.request("GET", "/report/daily")
    assert times == pytest.approx([START + 0.5 * i for i in range(5)])  # Heavy: 2 a second


@pytest.mark.anyio
async def test_a_per_second_429_is_retried_once_at_zooms_retry_after(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    times: list[float] = []
    answers = iter(
        [
            httpx.Response(429, json=PER_SECOND_BODY, headers={"Retry-After": "2"}),
            httpx.Response(200, json={}),
        ]
    )

    def answer(request: httpx.Request) -> httpx.Response:
        times.append(clock.time())
        return next(answers)

    api.get("/users/me").mock(side_effect=answer)
    async with make_client(clock, small()) as zoom:
        await zoom.users.me()
    assert times == [START, START + 2]


@pytest.mark.anyio
async def test_every_attempt_acquires_and_zooms_daily_counts_are_observed(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    class Recording(MemoryRateLimiter):
        acquired: list[Category]
        observed: list[tuple[Category, Observation]]

        async def acquire(self, category: Category, *, cost: int = 1) -> float:
            self.acquired.append(category)
            return await super().acquire(category, cost=cost)

        async def observe(self, category: Category, observation: Observation) -> None:
            self.observed.append((category, observation))
            await super().observe(category, observation)

    limiter = Recording(RateLimits.pro(), clock=clock)
    limiter.acquired, limiter.observed = [], []
    daily = {"X-RateLimit-Type": "Daily-limit", "X-RateLimit-Limit": "30000"}
    api.get("/report/daily").mock(
        side_effect=[
            httpx.Response(500, json={"code": 500, "message": "oops"}),
            httpx.Response(200, json={}, headers={**daily, "X-RateLimit-Remaining": "29000"}),
        ]
    )
    async with make_client(clock, limiter) as zoom:
        await zoom.request("GET", "/report/daily")
    assert limiter.acquired == [Category.HEAVY, Category.HEAVY]
    assert limiter.observed == [
        (Category.HEAVY, Observation(LimitType.DAILY, remaining=29_000, limit=30_000))
    ]


# -- daily budgets -----------------------------------------------------------------------------


@pytest.mark.anyio
async def test_a_spent_daily_budget_raises_before_any_request_is_sent(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    route = api.get("/report/daily").respond(200, json={})
    async with make_client(clock, small()) as zoom:
        for _ in range(3):
            await zoom.request("GET", "/report/daily")
        with pytest.raises(DailyLimitExceeded) as caught:
            await zoom.request("GET", "/metrics/meetings")  # shares Heavy's daily budget
    assert route.call_count == 3
    assert caught.value.retry_at == MIDNIGHT
    assert caught.value.response is None


@pytest.mark.anyio
async def test_remaining_zero_with_daily_type_blocks_the_category(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    headers = {
        "X-RateLimit-Category": "Heavy",
        "X-RateLimit-Type": "Daily-limit",
        "X-RateLimit-Limit": "30000",
        "X-RateLimit-Remaining": "0",
    }
    first = api.get("/report/daily").respond(200, json={}, headers=headers)
    second = api.get("/report/users").respond(200, json={})
    async with make_client(clock, RateLimits.pro()) as zoom:
        await zoom.request("GET", "/report/daily")
        with pytest.raises(DailyLimitExceeded) as caught:
            await zoom.request("GET", "/report/users")
        quota = await zoom.quota()
    assert (first.call_count, second.call_count) == (1, 0)
    assert caught.value.retry_at == MIDNIGHT
    assert quota.categories[Category.HEAVY].remaining_today == 0
    assert quota.categories[Category.LIGHT].blocked_until is None


@pytest.mark.anyio
async def test_a_daily_429_from_zoom_blocks_later_calls_without_a_request(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    headers = {
        "X-RateLimit-Category": "Medium",
        "X-RateLimit-Type": "Daily-limit",
        "X-RateLimit-Limit": "2000",
        "X-RateLimit-Remaining": "0",
        "Retry-After": "2026-03-03T00:00:00Z",
    }
    route = api.get("/users").respond(429, json=DAILY_BODY, headers=headers)
    async with make_client(clock, RateLimits.pro()) as zoom:
        with pytest.raises(DailyLimitExceeded) as from_zoom:
            await zoom.request("GET", "/users")
        with pytest.raises(DailyLimitExceeded) as from_zoomkit:
            await zoom.request("GET", "/users/me/meetings")  # another Medium operation
    assert route.call_count == 1
    assert from_zoom.value.response is not None
    assert from_zoomkit.value.response is None
    assert from_zoomkit.value.retry_at == MIDNIGHT


@pytest.mark.anyio
async def test_one_registrants_daily_limit_blocks_nothing_else(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    # Zoom refuses a registrant's fourth registration of the day with a daily 429. That is the
    # registrant's limit, not the account's: every other Light call must still go out.
    body = {
        "code": 429,
        "message": "You have exceeded the daily rate limit of (3) for Add a meeting registrant "
        "API requests for the registrant (ada@example.com). You can resume these API requests "
        "at GMT 00:00:00.",
    }
    api.post("/meetings/81234567890/registrants").respond(
        429, json=body, headers={"X-RateLimit-Category": "Light"}
    )
    meeting = api.get("/meetings/81234567890").respond(200, json={"id": 81234567890})
    async with make_client(clock, RateLimits.pro()) as zoom:
        with pytest.raises(DailyLimitExceeded, match="for the registrant"):
            await zoom.meetings.registrants.create(
                81234567890, email="ada@example.com", first_name="Ada"
            )
        await zoom.meetings.get(81234567890)  # a Light call, sent
        quota = await zoom.quota()
    assert meeting.call_count == 1
    assert quota.categories[Category.LIGHT].blocked_until is None


# -- meeting creates and updates per host ------------------------------------------------------


@pytest.mark.anyio
async def test_the_101st_create_for_a_host_raises_without_a_request(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    route = api.post("/users/u1/meetings").respond(201, json=meeting(1, "u1"))
    async with make_client(clock, RateLimits.pro()) as zoom:
        for _ in range(100):
            await zoom.meetings.create("u1", topic="Sync")
        with pytest.raises(DailyLimitExceeded) as caught:
            await zoom.meetings.create("u1", topic="Sync")
    assert route.call_count == 100
    assert caught.value.retry_at == MIDNIGHT


@pytest.mark.anyio
async def test_another_host_is_unaffected_and_the_next_utc_day_resets(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    limits = RateLimits.pro(meeting_writes_per_host_per_day=2)
    u1 = api.post("/users/u1/meetings").respond(201, json=meeting(1, "u1"))
    api.post("/users/u2/meetings").respond(201, json=meeting(2, "u2"))
    async with make_client(clock, limits) as zoom:
        for _ in range(2):
            await zoom.meetings.create("u1", topic="Sync")
        with pytest.raises(DailyLimitExceeded):
            await zoom.meetings.create("u1", topic="Sync")
        await zoom.meetings.create("u2", topic="Sync")
        clock.advance(MIDNIGHT.timestamp() - clock.time())
        await zoom.meetings.create("u1", topic="Sync")
        quota = await zoom.quota()
    assert u1.call_count == 3
    assert quota.meeting_writes == {"u1": 1}


@pytest.mark.anyio
async def test_me_is_resolved_to_the_users_id_once(api: respx.MockRouter, clock: FakeClock) -> None:
    lookup = api.get("/users/me").respond(200, json={"id": "u-self", "email": "me@example.com"})
    api.post("/users/me/meetings").respond(201, json=meeting(1, "u-self"))
    async with make_client(clock, RateLimits.pro()) as zoom:
        await zoom.meetings.create("me", topic="Sync")
        await zoom.meetings.create("me", topic="Sync")
        quota = await zoom.quota()
    assert lookup.call_count == 1
    assert quota.meeting_writes == {"u-self": 2}


@pytest.mark.anyio
async def test_an_email_and_the_id_of_one_host_share_one_count(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    api.get("/users/ann%40example.com").respond(200, json={"id": "u-ann"})
    api.post("/users/Ann%40example.com/meetings").respond(201, json=meeting(1, "u-ann"))
    api.post("/users/u-ann/meetings").respond(201, json=meeting(2, "u-ann"))
    async with make_client(clock, RateLimits.pro()) as zoom:
        await zoom.meetings.create("Ann@example.com", topic="Sync")
        await zoom.meetings.create("u-ann", topic="Sync")
        quota = await zoom.quota()
    assert quota.meeting_writes == {"u-ann": 2}


@pytest.mark.anyio
async def test_when_zoom_refuses_the_lookup_writes_count_under_the_name(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    lookup = api.get("/users/me").respond(
        403, json={"code": 4711, "message": "Invalid access token, does not contain scopes:[x]"}
    )
    api.post("/users/me/meetings").respond(201, json=meeting(1, "u-self"))
    async with make_client(clock, RateLimits.pro()) as zoom:
        await zoom.meetings.create("me", topic="Sync")
        await zoom.meetings.create("me", topic="Sync")
        quota = await zoom.quota()
    assert lookup.call_count == 1
    assert quota.meeting_writes == {"me": 2}


@pytest.mark.anyio
async def test_an_update_counts_against_the_host_learned_from_a_get(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    api.get("/meetings/85746065432").respond(200, json=meeting(85746065432, "u-host"))
    api.patch("/meetings/85746065432").respond(204)
    async with make_client(clock, RateLimits.pro()) as zoom:
        await zoom.meetings.get(85746065432)
        await zoom.meetings.update(85746065432, topic="Renamed")
        quota = await zoom.quota()
    assert quota.meeting_writes == {"u-host": 1}


@pytest.mark.anyio
async def test_a_list_page_teaches_the_hosts_of_its_meetings(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    page = {"meetings": [meeting(11, "u-a"), meeting(12, "u-b")], "next_page_token": ""}
    api.get("/users/u-a/meetings").respond(200, json=page)
    api.patch("/meetings/12").respond(204)
    async with make_client(clock, RateLimits.pro()) as zoom:
        await zoom.meetings.list("u-a")
        await zoom.meetings.update(12, topic="Renamed")
        quota = await zoom.quota()
    assert quota.meeting_writes == {"u-b": 1}


@pytest.mark.anyio
async def test_an_update_of_a_meeting_never_seen_is_sent_uncounted(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    route = api.patch("/meetings/99").respond(204)
    async with make_client(clock, RateLimits.pro()) as zoom:
        await zoom.meetings.update(99, topic="Renamed")
        quota = await zoom.quota()
    assert route.call_count == 1
    assert quota.meeting_writes == {}


@pytest.mark.anyio
async def test_zoom_refusing_a_hosts_create_blocks_that_host_only(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    # Zoom's per-user 429 came with Light's daily headers and no type (devforum t/18928).
    headers = {
        "X-RateLimit-Category": "Light",
        "X-RateLimit-Limit": "6000",
        "X-RateLimit-Remaining": "5893",
    }
    refused = api.post("/users/u1/meetings").respond(429, json=HOST_LIMIT_BODY, headers=headers)
    api.post("/users/u2/meetings").respond(201, json=meeting(2, "u2"))
    async with make_client(clock, RateLimits.pro()) as zoom:
        with pytest.raises(DailyLimitExceeded):
            await zoom.meetings.create("u1", topic="Sync")
        with pytest.raises(DailyLimitExceeded) as caught:
            await zoom.meetings.create("u1", topic="Sync")
        await zoom.meetings.create("u2", topic="Sync")
        quota = await zoom.quota()
    assert refused.call_count == 1
    assert caught.value.response is None
    assert quota.meeting_writes_remaining("u1") == 0
    assert quota.blocked_until_for(Category.LIGHT, Category.MEDIUM) is None


# -- the client surface ------------------------------------------------------------------------


@pytest.mark.anyio
async def test_without_rate_limits_nothing_is_paced_or_looked_up(
    api: respx.MockRouter, clock: FakeClock
) -> None:
    times: list[float] = []
    api.get("/users/me").mock(side_effect=sent_at(clock, times, httpx.Response(200, json={})))
    create = api.post("/users/me/meetings").respond(201, json=meeting(1, "u-self"))
    async with make_client(clock) as zoom:
        for _ in range(40):
            await zoom.users.me()
        await zoom.meetings.create("me", topic="Sync")
        assert zoom.rate_limiter is None
        with pytest.raises(ConfigurationError, match="no rate limiter"):
            await zoom.quota()
    assert times == [START] * 40
    assert create.call_count == 1


@pytest.mark.anyio
async def test_client_quota_reads_the_limiter(api: respx.MockRouter, clock: FakeClock) -> None:
    api.get("/report/daily").respond(200, json={})
    async with make_client(clock, RateLimits.business()) as zoom:
        await zoom.request("GET", "/report/daily")
        quota = await zoom.quota()
    assert isinstance(quota, QuotaState)
    assert quota.plan == "business"
    assert quota.categories[Category.HEAVY].remaining_today == 59_999
    assert quota.categories[Category.LIGHT].requests_per_second == 80


@pytest.mark.anyio
async def test_with_options_shares_the_rate_limiter(clock: FakeClock) -> None:
    async with make_client(clock, RateLimits.pro()) as zoom:
        clone = zoom.with_options(max_retries=0)
        other = zoom.with_options(rate_limits=RateLimits.free())
        assert clone.rate_limiter is zoom.rate_limiter
        assert other.rate_limiter is not zoom.rate_limiter
        assert (await other.quota()).plan == "free"


def test_a_rate_limits_table_builds_a_memory_limiter_on_the_clients_clock(
    clock: FakeClock,
) -> None:
    zoom = make_client(clock, RateLimits.pro())
    assert isinstance(zoom.rate_limiter, MemoryRateLimiter)
    assert zoom.rate_limiter.clock is clock


def test_rate_limits_of_the_wrong_type_are_refused(clock: FakeClock) -> None:
    with pytest.raises(ConfigurationError, match="rate_limits must be a RateLimits table"):
        make_client(clock, {"light": 30})
