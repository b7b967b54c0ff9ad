"""Fixtures for FakeZoom's own tests: a fake clock, a fresh fake, and plain httpx clients.

These tests talk to FakeZoom with bare httpx (not zoomkit's client), so they pin down Zoom's wire
behaviour independently of the SDK.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass

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


@dataclass(frozen=True)
class ServedFakeZoom:
    """A FakeZoom served by ``python -m zoomkit.testing serve`` in a child process."""

    base: str
    settings: dict[str, str]

    def token(self, client: httpx.Client) -> str:
        form = {"grant_type": "account_credentials", "account_id": self.settings["ZOOM_ACCOUNT_ID"]}
        response = client.post(
            f"{self.base}/oauth/token",
            data=form,
            auth=(self.settings["ZOOM_CLIENT_ID"], self.settings["ZOOM_CLIENT_SECRET"]),
        )
        assert response.status_code == 200, response.text
        value: str = response.json()["access_token"]
        return value


@pytest.fixture(scope="module")
def serve_fakezoom() -> Iterator[Callable[..., ServedFakeZoom]]:
    """Start served FakeZooms on free 127.0.0.1 ports (extra CLI options as arguments)."""
    pytest.importorskip("uvicorn")
    processes: list[subprocess.Popen[str]] = []

    def start(*options: str) -> ServedFakeZoom:
        process = subprocess.Popen(
            [sys.executable, "-m", "zoomkit.testing", "serve", "--port", "0", *options],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        processes.append(process)
        assert process.stdout is not None
        settings: dict[str, str] = {}
        while "ZOOM_CLIENT_SECRET" not in settings:
            line = process.stdout.readline()
            assert line, "FakeZoom exited before announcing itself"
            key, sep, value = line.strip().partition("=")
            if sep:
                settings[key] = value
        base = settings["ZOOM_OAUTH_BASE_URL"]
        deadline = time.monotonic() + 20
        with httpx.Client(timeout=2) as client:
            while True:  # the socket is bound before the announcement; wait for uvicorn to serve
                try:
                    client.get(f"{base}/_fakezoom/clock")
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "served FakeZoom never answered"
                    time.sleep(0.05)
        return ServedFakeZoom(base, settings)

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
