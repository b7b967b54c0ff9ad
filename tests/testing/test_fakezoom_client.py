"""``fake.client()`` hands out a ZoomClient wired to the fake in process."""

from __future__ import annotations

import pytest

from zoomkit.testing import FakeClock, FakeZoom


@pytest.mark.asyncio
async def test_client_authenticates_with_the_built_in_s2s_app(
    fake: FakeZoom, clock: FakeClock
) -> None:
    async with fake.client() as client:
        assert client.clock is clock
        response = await client.request("GET", "/users/me")
    assert response.status_code == 200
    assert fake.counters.token_requests["account_credentials"] == 1
    assert fake.counters.calls["user"] == 1
