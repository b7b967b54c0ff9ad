"""Fixtures for FakeZoom's own tests: a fake clock, a fresh fake, and plain httpx clients.

These tests talk to FakeZoom with bare httpx (not zoomkit's client), so they pin down Zoom's wire
behaviour independently of the SDK.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest
import pytest_asyncio

from zoomkit.testing import FakeClock, FakeZoom


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake(clock: FakeClock) -> FakeZoom:
    return FakeZoom(clock=clock, seed=7)


@pytest_asyncio.fixture
async def http(fake: FakeZoom) -> AsyncIterator[httpx.AsyncClient]:
    """An unauthenticated client; OAuth calls go to zoom.us, API calls to api.zoom.us."""
    async with httpx.AsyncClient(
        transport=fake.transport(), base_url="https://api.zoom.us"
    ) as client:
        yield client


async def _fetch_s2s_token(http: httpx.AsyncClient, fake: FakeZoom) -> str:
    response = await http.post(
        "https://zoom.us/oauth/token",
        data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
        auth=(fake.s2s.client_id, fake.s2s.client_secret),
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


@pytest_asyncio.fixture
async def api(fake: FakeZoom) -> AsyncIterator[httpx.AsyncClient]:
    """A client already holding a valid S2S bearer token for the v2 API."""
    async with httpx.AsyncClient(
        transport=fake.transport(), base_url="https://api.zoom.us/v2"
    ) as client:
        token = await _fetch_s2s_token(client, fake)
        client.headers["Authorization"] = f"Bearer {token}"
        yield client


@pytest.fixture
def new_s2s_token(http: httpx.AsyncClient, fake: FakeZoom) -> Callable[[], Awaitable[str]]:
    """Fetch a fresh S2S access token each time it is awaited."""
    return lambda: _fetch_s2s_token(http, fake)
