"""CPU per request: zoomkit's client against plain httpx, on httpx's own and the aiohttp transport.

    .venv/bin/python benchmarks/request_overhead.py [--requests 3000] [--concurrency 32]
                                                     [--repeat 3] [--transports httpx aiohttp]

A child process serves one canned ``GET /v2/users/{userId}`` answer (a full user object, as
Zoom sends it) with uvicorn on 127.0.0.1; its CPU is not counted. In this process, each way of
calling runs ``--requests`` requests with ``--concurrency`` in flight and is timed with
``time.process_time()``, so only the client's own work counts (building, sending, reading and
parsing), not the server's or other processes'. Best of ``--repeat`` rounds, after a warm-up:

* ``httpx + json.loads``: ``AsyncClient.get()`` and ``json.loads`` of the body, the floor;
* ``zoomkit``: ``client.users.get(id)`` with a static token: path building, auth, the retry
  wrapper, error mapping and parsing into the ``User`` model;
* ``zoomkit + rate limiter``: the same with ``MemoryRateLimiter`` at limits far above the load,
  so the gate's bookkeeping is measured and never a wait.

Each runs on httpx's default transport and on ``httpx_aiohttp.AiohttpTransport`` (the
``zoomkit[aiohttp]`` extra). It prints CPU milliseconds per request and zoomkit's extra cost
over the plain call on the same transport. Figures, not assertions: nothing here is a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

USER_ID = "KDcuGIm1QgePTO8WbOqwIQ"
USER = {
    "id": USER_ID,
    "created_at": "2019-06-01T07:58:03Z",
    "dept": "Engineering",
    "email": "ada@example.com",
    "first_name": "Ada",
    "last_name": "Lovelace",
    "display_name": "Ada Lovelace",
    "group_ids": ["RSMaSp8sTEGK0_oamiA2_w"],
    "im_group_ids": ["t-_-d56CSWG-7BF15LLrOw"],
    "jid": "kdcugim1qgepto8wboqwiq@xmpp.zoom.us",
    "job_title": "Analyst",
    "language": "en-US",
    "last_client_version": "5.17.11.34827(mac)",
    "last_login_time": "2026-03-01T21:48:17Z",
    "location": "London",
    "login_types": [101],
    "personal_meeting_url": "https://us05web.zoom.us/j/6352606562?pwd=dGVzdA",
    "phone_number": "+44 20 7946 0958",
    "pic_url": "https://us05web.zoom.us/p/KDcuGIm1QgePTO8WbOqwIQ/4f0",
    "pmi": 6352606562,
    "role_id": "0",
    "role_name": "Owner",
    "status": "active",
    "timezone": "Europe/London",
    "type": 2,
    "use_pmi": False,
    "vanity_url": "https://example.zoom.us/my/ada",
    "verified": 1,
    "cluster": "us05",
    "account_id": "q6gBJVO5TzexKYTb_I2rpg",
    "account_number": 10009239,
    "user_created_at": "2019-06-01T07:58:03Z",
}


# -- the server (a child process) ---------------------------------------------------------------


def serve(port: int) -> None:
    import uvicorn

    body = json.dumps(USER).encode()
    headers = [
        (b"content-type", b"application/json;charset=UTF-8"),
        (b"content-length", str(len(body)).encode()),
        (b"x-zm-trackingid", b"v=2.0;clid=us05;rid=WEB_0"),
    ]

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("the server did not start")


# -- the ways of calling --------------------------------------------------------------------------

Call = Callable[[], Awaitable[object]]


async def cpu_per_request(call: Call, requests: int, concurrency: int) -> float:
    """CPU seconds per request for ``requests`` calls, ``concurrency`` in flight."""
    remaining = requests

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await call()

    started = time.process_time()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return (time.process_time() - started) / requests


def transport_for(name: str) -> httpx.AsyncBaseTransport:
    if name == "aiohttp":
        from httpx_aiohttp import AiohttpTransport

        return AiohttpTransport()
    return httpx.AsyncHTTPTransport()


async def measure(base: str, transport: str, args: argparse.Namespace) -> dict[str, float]:
    from zoomkit import MemoryRateLimiter, RateLimits, ZoomClient
    from zoomkit.auth import StaticTokenAuth
    from zoomkit.ratelimit import Rate

    plenty = RateLimits(
        light=Rate(1_000_000),
        medium=Rate(1_000_000),
        heavy=Rate(1_000_000),
        resource_intensive=Rate(1_000_000),
    )
    figures: dict[str, float] = {}
    async with httpx.AsyncClient(
        transport=transport_for(transport),
        headers={"authorization": "Bearer benchmark"},
    ) as plain:

        async def plain_call() -> object:
            response = await plain.get(f"{base}/v2/users/{USER_ID}")
            return json.loads(response.content)

        async with (
            ZoomClient(
                auth=StaticTokenAuth("benchmark"),
                base_url=f"{base}/v2",
                transport=transport_for(transport),
            ) as zoom,
            ZoomClient(
                auth=StaticTokenAuth("benchmark"),
                base_url=f"{base}/v2",
                transport=transport_for(transport),
                rate_limits=MemoryRateLimiter(plenty),
            ) as paced,
        ):
            ways: dict[str, Call] = {
                "httpx + json.loads": plain_call,
                "zoomkit": lambda: zoom.users.get(USER_ID),
                "zoomkit + rate limiter": lambda: paced.users.get(USER_ID),
            }
            for name, call in ways.items():
                await cpu_per_request(call, 200, args.concurrency)  # warm-up: connections, caches
                figures[name] = min(
                    [
                        await cpu_per_request(call, args.requests, args.concurrency)
                        for _ in range(args.repeat)
                    ]
                )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--transports", nargs="+", choices=["httpx", "aiohttp"], default=["httpx", "aiohttp"]
    )
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port)], env={**os.environ, "PYTHONHASHSEED": "0"}
    )
    try:
        wait_for(port)
        base = f"http://127.0.0.1:{port}"
        print(
            f"GET /v2/users/{{userId}}: {args.requests} requests, {args.concurrency} in flight, "
            f"CPU of this process only, best of {args.repeat}"
        )
        print(f"{'transport':>9} {'way':>24} {'CPU ms/request':>15} {'zoomkit extra':>14}")
        for transport in args.transports:
            figures = asyncio.run(measure(base, transport, args))
            floor = figures["httpx + json.loads"]
            for name, seconds in figures.items():
                extra = "" if name == "httpx + json.loads" else f"{(seconds - floor) * 1e3:+.3f} ms"
                print(f"{transport:>9} {name:>24} {seconds * 1e3:>15.3f} {extra:>14}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
