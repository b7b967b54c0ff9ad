"""``python -m zoomkit.testing serve`` runs FakeZoom over real TCP on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

pytest.importorskip("uvicorn")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def read_settings(process: subprocess.Popen[str], deadline: float) -> dict[str, str]:
    """The KEY=value lines the server prints before serving."""
    assert process.stdout is not None
    settings: dict[str, str] = {}
    while "ZOOM_CLIENT_SECRET" not in settings:
        assert time.monotonic() < deadline, "server did not announce itself in time"
        line = process.stdout.readline()
        assert line, "server exited early"
        key, sep, value = line.strip().partition("=")
        if sep:
            settings[key] = value
    return settings


def test_serve_answers_token_and_api_calls_over_tcp() -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "zoomkit.testing", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 20
        settings = read_settings(process, deadline)
        base = f"http://127.0.0.1:{port}"
        assert settings["ZOOM_BASE_URL"] == f"{base}/v2"
        assert settings["ZOOM_OAUTH_BASE_URL"] == base
        with httpx.Client(timeout=2) as client:
            while True:  # a real process: poll briefly until it accepts requests
                try:
                    token_response = client.post(
                        f"{base}/oauth/token",
                        data={
                            "grant_type": "account_credentials",
                            "account_id": settings["ZOOM_ACCOUNT_ID"],
                        },
                        auth=(settings["ZOOM_CLIENT_ID"], settings["ZOOM_CLIENT_SECRET"]),
                    )
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "server never answered"
                    time.sleep(0.05)
            assert token_response.status_code == 200
            assert token_response.json()["api_url"] == base
            me = client.get(
                f"{base}/v2/users/me",
                headers={"Authorization": f"Bearer {token_response.json()['access_token']}"},
            )
        assert me.status_code == 200
        assert me.json()["email"] == "owner@example.com"
        assert me.headers["x-zm-trackingid"]
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
