"""One worker process of the multi-process tests: ``python fleet_worker.py SCENARIO CONFIG_JSON``.

Each worker is what a host platform runs many of (a web worker, a cron task, a queue consumer):
its own ZoomClient, sharing only Redis with the others, calling FakeZoom served on 127.0.0.1.
It prints one JSON line with what it saw. Workers meet at barriers kept in Redis lists: each
pushes its index to ``fleet:ready`` and waits on ``fleet:go:<index>`` until the test lets it go.
"""

from __future__ import annotations

import asyncio
import json
import os
import struct
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

import anyio.lowlevel
import httpx
from redis.asyncio import BlockingConnectionPool, Redis

from zoomkit import RateLimits, ZoomClient, build_path
from zoomkit.auth import AuthorizationCodeOAuth, ServerToServerOAuth
from zoomkit.contrib.redis import RedisLock, RedisRateLimiter, RedisTokenStore
from zoomkit.errors import DailyLimitExceeded, ZoomError
from zoomkit.types import MeetingUUID


class SharedClock:
    """A fake clock that every worker reads from one file (8 bytes, a double) the test moves.

    Only the test moves it (after moving FakeZoom's clock the same way), so ``sleep`` does not
    wait: time passes when the test says so.
    """

    def __init__(self, path: str) -> None:
        self._fd = os.open(path, os.O_RDONLY)

    def time(self) -> float:
        value: float = struct.unpack("d", os.pread(self._fd, 8, 0))[0]
        return value

    async def sleep(self, seconds: float) -> None:
        await anyio.lowlevel.checkpoint()


async def barrier(redis: Redis, worker: int) -> None:
    await redis.rpush("fleet:ready", worker)
    if await redis.blpop([f"fleet:go:{worker}"], timeout=120) is None:
        raise RuntimeError("the test never said go")


async def gather_limited(jobs: list[Callable[[], Awaitable[Any]]], limit: int) -> list[Any]:
    """Run ``jobs`` with at most ``limit`` in flight; results in order."""
    gate = asyncio.Semaphore(limit)

    async def run(job: Callable[[], Awaitable[Any]]) -> Any:
        async with gate:
            return await job()

    return await asyncio.gather(*(run(job) for job in jobs))


def s2s_client(config: dict[str, Any], redis: Redis, **options: Any) -> ZoomClient:
    s2s = config["credentials"]["s2s"]
    auth = ServerToServerOAuth(
        s2s["account_id"],
        s2s["client_id"],
        s2s["client_secret"],
        token_store=RedisTokenStore(redis),
        refresh_lock=RedisLock.for_token_keys(redis),
    )
    base = config["base"]
    return ZoomClient(auth=auth, base_url=f"{base}/v2", oauth_base_url=base, **options)


def error_name(error: BaseException) -> str:
    return type(error).__name__


# -- scenarios --------------------------------------------------------------------------------


async def stampede(config: dict[str, Any], redis: Redis) -> dict[str, Any]:
    """``calls`` concurrent calls at once, on a cold token store."""
    errors: Counter[str] = Counter()
    async with s2s_client(config, redis) as zoom:

        async def call() -> None:
            try:
                await zoom.users.me()
            except ZoomError as error:
                errors[error_name(error)] += 1

        await barrier(redis, config["worker"])
        await asyncio.gather(*(call() for _ in range(config["calls"])))
    return {"calls": config["calls"], "errors": dict(errors)}


async def rotation(config: dict[str, Any], redis: Redis) -> dict[str, Any]:
    """Rounds of concurrent calls as one user; the test expires the token between rounds."""
    clock = SharedClock(config["clock_path"])
    app = config["credentials"]["oauth_app"]
    auth = AuthorizationCodeOAuth(
        app["client_id"],
        app["client_secret"],
        redirect_uri=app["redirect_uri"],
        token_store=RedisTokenStore(redis, clock=clock),
        user_id=config["user_id"],
        refresh_lock=RedisLock.for_token_keys(redis),
    )
    base = config["base"]
    errors: Counter[str] = Counter()
    calls = 0
    async with ZoomClient(
        auth=auth, base_url=f"{base}/v2", oauth_base_url=base, clock=clock
    ) as zoom:

        async def call() -> None:
            try:
                await zoom.users.me()
            except ZoomError as error:
                errors[error_name(error)] += 1

        for _round in range(config["rounds"]):
            await barrier(redis, config["worker"])
            await asyncio.gather(*(call() for _ in range(config["calls"])))
            calls += config["calls"]
    return {"calls": calls, "errors": dict(errors)}


PARTICIPANTS = "/past_meetings/{meetingId}/participants"


def write_lines(path: str, lines: list[str]) -> None:
    with open(path, "w") as out:
        out.write("".join(f"{line}\n" for line in lines))


async def crawl(config: dict[str, Any], redis: Redis) -> dict[str, Any]:
    """Take meeting UUIDs off a shared queue; write every participant as ``uuid id`` lines."""
    failed: Counter[str] = Counter()
    pages = 0
    timeout = httpx.Timeout(config["timeout"], connect=5.0)
    options = {"max_retries": config["max_retries"], "timeout": timeout}
    async with s2s_client(config, redis, **options) as zoom:

        async def participants(uuid: str) -> list[str]:
            nonlocal pages
            params: dict[str, Any] = {"page_size": 300}
            path = build_path(PARTICIPANTS, meetingId=MeetingUUID(uuid))
            found = []
            while True:
                body = (await zoom.request("GET", path, params=params)).json()
                pages += 1
                found += [f"{uuid} {p['id']}" for p in body["participants"]]
                if not body.get("next_page_token"):
                    return found
                params = {**params, "next_page_token": body["next_page_token"]}

        async def consume() -> None:
            while (raw := await redis.lpop("fleet:meetings")) is not None:
                try:
                    records.extend(await participants(raw.decode()))
                except ZoomError as error:
                    failed[error_name(error)] += 1

        records: list[str] = []
        await barrier(redis, config["worker"])
        await asyncio.gather(*(consume() for _ in range(config["concurrency"])))
    write_lines(os.path.join(config["out_dir"], f"worker-{config['worker']}.txt"), records)
    return {"pages": pages, "failed": dict(failed)}


async def create(config: dict[str, Any], redis: Redis) -> dict[str, Any]:
    """``creates`` logical meeting creates, each with its own topic: what succeeded, what raised."""
    created: list[str] = []
    raised: dict[str, str] = {}
    timeout = httpx.Timeout(config["timeout"], connect=5.0)
    options = {"max_retries": config["max_retries"], "timeout": timeout}
    async with s2s_client(config, redis, **options) as zoom:

        async def one(topic: str) -> None:
            try:
                await zoom.meetings.create("me", topic=topic, duration=30)
                created.append(topic)
            except ZoomError as error:
                raised[topic] = error_name(error)

        topics = [f"fleet w{config['worker']} #{n}" for n in range(config["creates"])]
        await barrier(redis, config["worker"])
        await gather_limited([lambda t=t: one(t) for t in topics], 8)  # type: ignore[misc]
    return {"created": created, "raised": raised}


MIXED_PATHS = {
    "Light": "/past_meetings/{meetingId}",
    "Medium": "/past_meetings/{meetingId}/participants",
    "Heavy": "/report/meetings/{meetingId}/participants",
}


async def warm_up(http: httpx.AsyncClient, config: dict[str, Any], connections: int) -> None:
    """Open the pool's connections before the clock starts, as a long-running worker has them.

    A cold pool opens them during the first burst, which then reaches Zoom late and bunches
    up with the next window's sends. FakeZoom's control endpoints are not rate limited.
    """
    clock_url = f"{config['base']}/_fakezoom/clock"
    await asyncio.gather(*(http.get(clock_url) for _ in range(connections)))


async def mixed(config: dict[str, Any], redis: Redis) -> dict[str, Any]:
    """Light, Medium and Heavy calls from shared queues, paced by one RedisRateLimiter."""
    limits = RateLimits.pro(safety=config["safety"])
    account = config["credentials"]["account_id"]
    limiter = RedisRateLimiter(redis, limits, account_key=account, smooth=config["smooth"])
    done: dict[str, list[float]] = {category: [] for category in MIXED_PATHS}
    errors: Counter[str] = Counter()
    http = httpx.AsyncClient()
    async with s2s_client(config, redis, rate_limits=limiter, http_client=http) as zoom:

        async def consume(category: str) -> None:
            queue = f"fleet:{category}"
            while (raw := await redis.lpop(queue)) is not None:
                path = build_path(MIXED_PATHS[category], meetingId=MeetingUUID(raw.decode()))
                try:
                    await zoom.request("GET", path)
                    done[category].append(time.time())
                except ZoomError as error:
                    errors[error_name(error)] += 1

        await zoom.users.me()  # the token, before the clock starts
        await warm_up(http, config, len(MIXED_PATHS) * config["concurrency"])
        await barrier(redis, config["worker"])
        await asyncio.gather(
            *(consume(c) for c in MIXED_PATHS for _ in range(config["concurrency"]))
        )
    await http.aclose()
    return {"done": done, "errors": dict(errors)}


async def host_limit(config: dict[str, Any], redis: Redis) -> dict[str, Any]:
    """``creates`` meeting creates for one host, counted in one RedisRateLimiter."""
    limits = RateLimits.pro(safety=config["safety"])
    limiter = RedisRateLimiter(redis, limits, account_key=config["credentials"]["account_id"])
    created = 0
    refused: list[bool] = []  # per refusal: whether it came without a response (not sent)
    errors: Counter[str] = Counter()
    async with s2s_client(config, redis, rate_limits=limiter) as zoom:

        async def one(number: int) -> None:
            nonlocal created
            try:
                await zoom.meetings.create("me", topic=f"w{config['worker']}-{number}")
                created += 1
            except DailyLimitExceeded as error:
                refused.append(error.response is None)
            except ZoomError as error:
                errors[error_name(error)] += 1

        await barrier(redis, config["worker"])
        await asyncio.gather(*(one(n) for n in range(config["creates"])))
    return {"created": created, "refused": refused, "errors": dict(errors)}


SCENARIOS = {
    "stampede": stampede,
    "rotation": rotation,
    "crawl": crawl,
    "create": create,
    "mixed": mixed,
    "host_limit": host_limit,
}


async def main(scenario: str, config: dict[str, Any]) -> None:
    # Bursts of concurrent calls wait for a pooled connection instead of failing; no socket
    # timeout, because the barriers block until the test lets the workers go.
    pool = BlockingConnectionPool.from_url(
        config["redis_url"], max_connections=32, timeout=None, socket_timeout=None
    )
    redis = Redis(connection_pool=pool)
    try:
        result = await SCENARIOS[scenario](config, redis)
    finally:
        await redis.aclose()
    print(json.dumps(result))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], json.loads(sys.argv[2])))
