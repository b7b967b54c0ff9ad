"""FakeZoom served over 127.0.0.1: the quickstart's credentials path, and the aiohttp transport."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from zoomkit import ZoomClient

ROOT = Path(__file__).resolve().parents[2]
pytest.importorskip("uvicorn")


@pytest.fixture(scope="module")
def served() -> Iterator[dict[str, str]]:
    """Start ``python -m zoomkit.testing serve --port 0`` and read the settings it prints."""
    process = subprocess.Popen(
        [sys.executable, "-m", "zoomkit.testing", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        settings: dict[str, str] = {}
        deadline = time.monotonic() + 30
        while "ZOOM_CLIENT_SECRET" not in settings or "ZOOM_BASE_URL" not in settings:
            assert time.monotonic() < deadline, "FakeZoom did not announce itself"
            line = process.stdout.readline()
            assert line, "FakeZoom exited early"
            key, sep, value = line.strip().partition("=")
            if sep and key.startswith("ZOOM_"):
                settings[key] = value
        yield settings
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_quickstart_with_credentials_in_the_environment_runs_unchanged(
    served: dict[str, str],
) -> None:
    # Exactly what a user with a Server-to-Server app does, pointed at FakeZoom's address.
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZOOM_")} | served
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quickstart.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "credentials from the environment" in result.stdout
    assert "6. Deleted meeting" in result.stdout
    assert served["ZOOM_CLIENT_SECRET"] not in result.stdout + result.stderr


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])  # aiohttp runs on asyncio only
async def test_an_aiohttp_transport_plugs_in_with_one_argument(served: dict[str, str]) -> None:
    httpx_aiohttp = pytest.importorskip("httpx_aiohttp")
    from zoomkit.auth import ServerToServerOAuth

    auth = ServerToServerOAuth(
        served["ZOOM_ACCOUNT_ID"], served["ZOOM_CLIENT_ID"], served["ZOOM_CLIENT_SECRET"]
    )
    async with ZoomClient(
        auth=auth,
        base_url=served["ZOOM_BASE_URL"],
        oauth_base_url=served["ZOOM_OAUTH_BASE_URL"],
        transport=httpx_aiohttp.AiohttpTransport(),
    ) as zoom:
        me = await zoom.users.me()
        created = await zoom.meetings.create(me.id or "me", topic="over aiohttp")
        assert (await zoom.meetings.get(created.id)).topic == "over aiohttp"
        await zoom.meetings.delete(created.id)
