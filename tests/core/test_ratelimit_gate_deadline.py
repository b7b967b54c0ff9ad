"""The client sends at the moment its slot was granted, however long the limiter took to answer.

A shared limiter (Redis) answers after a round trip; the wait it returns counts from when it was
asked. Sleeping the whole wait after a slow answer would send late, and late sends from one
process bunch up with the on-time sends of the others.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

from zoomkit import Category, QuotaState, RateLimits, ZoomClient
from zoomkit.auth import ServerToServerOAuth, StaticTokenAuth
from zoomkit.errors import ConfigurationError, CoordinationError
from zoomkit.ratelimit import Observation

pytestmark = pytest.mark.anyio

ME_URL = "https://api.zoom.us/v2/users/me"


class SlowLimiter:
    """Grants every slot ``wait`` seconds after it is asked, and answers ``latency`` later
    (``latencies``, one per call, when given). ``limits`` sets the lateness allowance."""

    def __init__(
        self,
        clock: Any,
        *,
        wait: float,
        latency: float = 0.0,
        latencies: list[float] | None = None,
        limits: RateLimits | None = None,
    ) -> None:
        self.clock, self.wait, self.latency = clock, wait, latency
        self.latencies = list(latencies or [])
        self.limits = limits or RateLimits.pro()  # safety 1: no headroom, no allowance
        self.calls = 0

    async def acquire(self, category: Category, *, cost: int = 1) -> float:
        self.calls += 1
        self.clock.advance(self.latencies.pop(0) if self.latencies else self.latency)
        return self.wait

    async def acquire_meeting_write(self, host_key: str) -> None:
        return None

    async def observe(self, category: Category, observation: Observation) -> None:
        return None

    async def quota(self) -> QuotaState:
        raise NotImplementedError


@pytest.mark.parametrize(
    ("wait", "latency", "sleeps"),
    [
        (1.0, 0.0, [1.0]),  # an instant answer: the whole wait
        (1.0, 0.25, [0.75]),  # a slow answer already used part of it
        (1.0, 1.5, []),  # the slot came while the answer travelled: send at once
    ],
)
@respx.mock
async def test_the_client_sleeps_until_the_granted_moment(
    clock: Any, wait: float, latency: float, sleeps: list[float]
) -> None:
    respx.get(ME_URL).respond(200, json={"id": "u"})
    limiter = SlowLimiter(clock, wait=wait, latency=latency)
    async with ZoomClient(auth=StaticTokenAuth("t"), clock=clock, rate_limits=limiter) as zoom:
        await zoom.users.me()
    assert clock.sleeps == pytest.approx(sleeps)


# Pro Light at safety 0.8: window 1.25 s, so a send may leave up to 125 ms after its slot.
HEADROOM = RateLimits.pro(safety=0.8)


def test_the_lateness_allowance_is_half_the_headroom_safety_buys() -> None:
    assert HEADROOM.lateness_allowance(Category.LIGHT) == pytest.approx(0.125)
    assert HEADROOM.lateness_allowance(Category.RESOURCE_INTENSIVE) == pytest.approx(7.5)
    assert RateLimits.pro().lateness_allowance(Category.LIGHT) == 0.0


@respx.mock
async def test_a_slot_missed_by_more_than_the_allowance_is_given_up_for_another(
    clock: Any,
) -> None:
    route = respx.get(ME_URL).respond(200, json={"id": "u"})
    # The first answer comes 0.3 s after a slot 0.1 s away: 200 ms late. The second is on time.
    limiter = SlowLimiter(clock, wait=0.1, latencies=[0.3, 0.0], limits=HEADROOM)
    async with ZoomClient(auth=StaticTokenAuth("t"), clock=clock, rate_limits=limiter) as zoom:
        await zoom.users.me()
    assert limiter.calls == 2
    assert clock.sleeps == pytest.approx([0.1])  # waited for the second slot, then sent
    assert route.call_count == 1


@respx.mock
async def test_a_slot_missed_within_the_allowance_is_kept(clock: Any) -> None:
    route = respx.get(ME_URL).respond(200, json={"id": "u"})
    limiter = SlowLimiter(clock, wait=0.1, latencies=[0.2], limits=HEADROOM)  # 100 ms late
    async with ZoomClient(auth=StaticTokenAuth("t"), clock=clock, rate_limits=limiter) as zoom:
        await zoom.users.me()
    assert limiter.calls == 1
    assert clock.sleeps == []
    assert route.call_count == 1


@respx.mock
async def test_a_send_that_keeps_missing_its_slot_goes_after_three_retakes(clock: Any) -> None:
    route = respx.get(ME_URL).respond(200, json={"id": "u"})
    limiter = SlowLimiter(clock, wait=0.0, latency=1.0, limits=HEADROOM)  # always 1 s late
    async with ZoomClient(auth=StaticTokenAuth("t"), clock=clock, rate_limits=limiter) as zoom:
        await zoom.users.me()
    assert limiter.calls == 4
    assert route.call_count == 1


class NotALimiter:
    async def acquire(self, category: Category, *, cost: int = 1) -> float:
        return 0.0


def test_a_limiter_missing_part_of_the_protocol_is_refused_naming_what_is_missing() -> None:
    with pytest.raises(ConfigurationError, match="it has no limits, acquire_meeting_write"):
        ZoomClient(auth=StaticTokenAuth("t"), rate_limits=NotALimiter())  # type: ignore[arg-type]


# -- the slot is taken as the API request leaves, after the token -------------------------------

TOKEN_URL = "https://zoom.us/oauth/token"


def token_answer(access_token: str) -> dict[str, object]:
    return {"access_token": access_token, "token_type": "bearer", "expires_in": 3600}


class RecordingLimiter(SlowLimiter):
    """Grants at once and notes the clock at each reservation."""

    def __init__(self, clock: Any) -> None:
        super().__init__(clock, wait=0.0, limits=HEADROOM)
        self.asked_at: list[float] = []

    async def acquire(self, category: Category, *, cost: int = 1) -> float:
        self.asked_at.append(self.clock.time())
        return await super().acquire(category, cost=cost)


@respx.mock
async def test_the_slot_is_reserved_after_the_token_arrives_not_before(clock: Any) -> None:
    start = clock.time()

    def slow_token(request: httpx.Request) -> httpx.Response:
        clock.advance(2.0)  # a token fetch that takes two seconds
        return httpx.Response(200, json=token_answer("AT-1"))

    token = respx.post(TOKEN_URL).mock(side_effect=slow_token)
    sent: list[float] = []

    def me(request: httpx.Request) -> httpx.Response:
        sent.append(clock.time())
        return httpx.Response(200, json={"id": "u"})

    respx.get(ME_URL).mock(side_effect=me)
    limiter = RecordingLimiter(clock)
    auth = ServerToServerOAuth("acct", "client", "secret")
    async with ZoomClient(auth=auth, clock=clock, rate_limits=limiter) as zoom:
        await zoom.users.me()
    assert token.call_count == 1
    assert limiter.asked_at == [start + 2.0]  # one slot, reserved once the token was there
    assert sent == [start + 2.0]


@respx.mock
async def test_a_replay_after_a_401_takes_a_slot_of_its_own(clock: Any) -> None:
    respx.post(TOKEN_URL).mock(
        side_effect=[
            httpx.Response(200, json=token_answer("AT-1")),
            httpx.Response(200, json=token_answer("AT-2")),
        ]
    )
    me = respx.get(ME_URL).mock(
        side_effect=[
            httpx.Response(401, json={"code": 124, "message": "Invalid access token."}),
            httpx.Response(200, json={"id": "u"}),
        ]
    )
    limiter = RecordingLimiter(clock)
    auth = ServerToServerOAuth("acct", "client", "secret")
    async with ZoomClient(auth=auth, clock=clock, rate_limits=limiter) as zoom:
        await zoom.users.me()
    assert me.call_count == 2
    assert limiter.calls == 2  # the 401 and its replay: two requests Zoom counts, two slots


class ForgetfulLimiter(SlowLimiter):
    """A limiter whose store fails when it is told what Zoom answered."""

    async def observe(self, category: Category, observation: Observation) -> None:
        raise CoordinationError("Redis could not record Zoom's limits (ConnectionError)")


@respx.mock
async def test_a_limiter_failing_to_record_an_answer_does_not_fail_the_call(
    clock: Any, caplog: pytest.LogCaptureFixture
) -> None:
    daily = {"x-ratelimit-type": "Daily-limit", "x-ratelimit-limit": "30000"}
    report = respx.get("https://api.zoom.us/v2/report/daily").respond(
        200, json={"dates": []}, headers={**daily, "x-ratelimit-remaining": "29000"}
    )
    limiter = ForgetfulLimiter(clock, wait=0.0)
    async with ZoomClient(auth=StaticTokenAuth("t"), clock=clock, rate_limits=limiter) as zoom:
        response = await zoom.request("GET", "/report/daily")
    assert response.json() == {"dates": []}
    assert report.call_count == 1  # answered once, not retried or raised
    assert "could not record Zoom's answer" in caplog.text
