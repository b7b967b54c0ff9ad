"""The client sends at the moment its slot was granted, however long the limiter took to answer.

A shared limiter (Redis) answers after a round trip; the wait it returns counts from when it was
asked. Sleeping the whole wait after a slow answer would send late, and late sends from one
process bunch up with the on-time sends of the others.
"""

from __future__ import annotations

from typing import Any

import pytest
import respx

from zoomkit import Category, QuotaState, ZoomClient
from zoomkit.auth import StaticTokenAuth
from zoomkit.ratelimit import Observation

pytestmark = pytest.mark.anyio

ME_URL = "https://api.zoom.us/v2/users/me"


class SlowLimiter:
    """Grants every slot ``wait`` seconds after it is asked, and answers ``latency`` later."""

    def __init__(self, clock: Any, *, wait: float, latency: float) -> None:
        self.clock, self.wait, self.latency = clock, wait, latency

    async def acquire(self, category: Category, *, cost: int = 1) -> float:
        self.clock.advance(self.latency)  # the round trip
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
