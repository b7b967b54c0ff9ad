"""Four worker processes, one Redis, FakeZoom served on 127.0.0.1: the scale-out guarantees.

Each test starts real processes (tests/contrib/fleet_worker.py), lets them go at once through
a barrier kept in Redis, and then reads FakeZoom's own counters and request log: the oracle is
the server, not the workers.
"""

from __future__ import annotations

import asyncio
import struct
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from redis import Redis as SyncRedis
from redis.asyncio import Redis
from redis_fleet import RedisServer, ServedFakeZoom, serve_fakezoom, start_fleet

from zoomkit.auth import AuthorizationCodeOAuth
from zoomkit.contrib.redis import RedisTokenStore

WORKERS = 4


@pytest.fixture
def coordinator(redis_server: RedisServer) -> Iterator[SyncRedis]:
    """The test's own (blocking) Redis client, on an emptied database."""
    client = SyncRedis.from_url(redis_server.url, socket_timeout=None)  # BLPOP waits
    client.flushdb()
    yield client
    client.close()


def let_go(redis: SyncRedis, before_go: Any = None) -> None:
    """Wait until every worker is at the barrier, run ``before_go``, then release them all."""
    for _ in range(WORKERS):
        assert redis.blpop(["fleet:ready"], timeout=120) is not None, "a worker never arrived"
    if before_go is not None:
        before_go()
    for worker in range(WORKERS):
        redis.rpush(f"fleet:go:{worker}", 1)


def config(served: ServedFakeZoom, redis_server: RedisServer, **extra: Any) -> dict[str, Any]:
    return {
        "redis_url": redis_server.url,
        "base": served.base,
        "credentials": served.credentials(),
        **extra,
    }


def test_four_processes_on_a_cold_token_store_fetch_exactly_one_token(
    redis_server: RedisServer, coordinator: SyncRedis
) -> None:
    with serve_fakezoom("--seed", "1") as served:
        with start_fleet("stampede", config(served, redis_server, calls=200)) as fleet:
            let_go(coordinator)
            results = fleet.results()
        counters = served.counters()
    assert [r["errors"] for r in results] == [{}] * WORKERS
    assert counters["calls"]["user"] == WORKERS * 200
    assert counters["token_requests"] == {"account_credentials": 1}


# -- refresh-token rotation through 50 expiries ------------------------------------------------


def write_clock(path: Path, now: float) -> None:
    path.write_bytes(struct.pack("d", now))


async def authorize(served: ServedFakeZoom, redis_url: str, now: float, user_id: str) -> None:
    """The user clicks "Allow" once; the pair goes to the shared store."""

    class Frozen:
        def time(self) -> float:
            return now

        async def sleep(self, seconds: float) -> None:
            raise AssertionError("nothing sleeps while authorizing")

    app = served.credentials()["oauth_app"]
    redis = Redis.from_url(redis_url)
    auth = AuthorizationCodeOAuth(
        app["client_id"],
        app["client_secret"],
        redirect_uri=app["redirect_uri"],
        token_store=RedisTokenStore(redis, clock=Frozen()),
        user_id=user_id,
        oauth_base_url=served.base,
        clock=Frozen(),
    )
    request = auth.authorization_url()
    async with httpx.AsyncClient() as browser:
        redirect = await browser.get(request.url)
    code = parse_qs(urlparse(redirect.headers["location"]).query)["code"][0]
    await auth.exchange_code(code, code_verifier=request.code_verifier)
    await redis.aclose()


def test_four_processes_rotating_through_fifty_expiries_never_reuse_a_refresh_token(
    redis_server: RedisServer, coordinator: SyncRedis, tmp_path: Path
) -> None:
    clock_path = tmp_path / "clock"
    with serve_fakezoom("--fake-clock", "--seed", "2") as served:
        now = served.admin("GET", "clock")["now"]
        write_clock(clock_path, now)
        asyncio.run(authorize(served, redis_server.url, now, "fleet-user"))
        fleet_config = config(
            served,
            redis_server,
            rounds=51,
            calls=8,
            clock_path=str(clock_path),
            user_id="fleet-user",
        )

        def expire() -> None:  # an hour on FakeZoom's clock and on every worker's
            write_clock(clock_path, served.admin("POST", "clock", {"advance": 3600})["now"])

        with start_fleet("rotation", fleet_config) as fleet:
            let_go(coordinator)  # round 0 uses the authorized pair
            for _expiry in range(50):
                let_go(coordinator, before_go=expire)
            results = fleet.results()
        counters = served.counters()
    assert [r["errors"] for r in results] == [{}] * WORKERS  # no ReauthorizationRequired
    assert sum(r["calls"] for r in results) == 51 * WORKERS * 8
    assert counters["spent_refresh_token_uses"] == 0
    assert counters["invalid_grant_responses"] == 0
    assert counters["token_requests"] == {"authorization_code": 1, "refresh_token": 50}


# -- 10% injected faults -------------------------------------------------------------------------

FAULTS = {
    "rate": 0.06,
    "resets_before": 0.015,
    "resets_after": 0.015,
    "slow": 0.01,
    "slow_seconds": 3.0,
    "seed": 7,
}
FAULTY_CLIENT = {"max_retries": 10, "timeout": 1.0}


@pytest.fixture(scope="module")
def faulty_fakezoom() -> Iterator[tuple[ServedFakeZoom, dict[str, int]]]:
    """5,000 ended meetings (100 of them with two pages of participants), 10% of calls faulty."""
    with serve_fakezoom("--seed", "7") as served:
        expected: dict[str, int] = {}
        for meetings, participants in ((4_900, 3), (100, 400)):
            seeded = served.admin(
                "POST", "seed", {"meetings": meetings, "participants": participants}
            )
            expected |= {meeting["uuid"]: participants for meeting in seeded["meetings"]}
        served.admin("POST", "faults", FAULTS)
        yield served, expected


def test_a_crawl_of_5000_meetings_under_faults_returns_every_participant_once(
    faulty_fakezoom: tuple[ServedFakeZoom, dict[str, int]],
    redis_server: RedisServer,
    coordinator: SyncRedis,
    tmp_path: Path,
) -> None:
    served, expected = faulty_fakezoom
    coordinator.rpush("fleet:meetings", *expected)  # a queue the workers share
    fleet_config = config(
        served, redis_server, concurrency=8, out_dir=str(tmp_path), **FAULTY_CLIENT
    )
    with start_fleet("crawl", fleet_config) as fleet:
        let_go(coordinator)
        results = fleet.results(timeout=240)
    assert [r["failed"] for r in results] == [{}] * WORKERS
    records = [
        line for path in tmp_path.glob("worker-*.txt") for line in path.read_text().splitlines()
    ]
    assert len(records) == len(set(records)) == sum(expected.values())  # none twice, none lost
    assert Counter(record.split(" ")[0] for record in records) == expected
    assert served.counters()["faults"]["status"] > 0  # the faults were really there


def test_creates_under_faults_are_never_sent_twice(
    faulty_fakezoom: tuple[ServedFakeZoom, dict[str, int]],
    redis_server: RedisServer,
    coordinator: SyncRedis,
) -> None:
    served, _expected = faulty_fakezoom
    with start_fleet("create", config(served, redis_server, creates=40, **FAULTY_CLIENT)) as fleet:
        let_go(coordinator)
        results = fleet.results(timeout=240)
    created = [topic for r in results for topic in r["created"]]
    raised = {topic: error for r in results for topic, error in r["raised"].items()}
    sent = Counter(request["json"]["topic"] for request in served.requests("meetingCreate"))
    assert len(created) + len(raised) == WORKERS * 40  # each create succeeded or raised
    assert raised  # some did raise: Zoom may have acted, so they were not resent
    assert max(sent.values()) == 1  # no create reached Zoom twice
    assert all(sent[topic] == 1 for topic in created)


# -- rate limits shared across processes -----------------------------------------------------

PRO_PER_SECOND = {"Light": 30, "Medium": 20, "Heavy": 10}


def test_four_processes_sharing_a_redis_limiter_get_no_429_at_pro_limits(
    redis_server: RedisServer, coordinator: SyncRedis
) -> None:
    with serve_fakezoom("--plan", "pro", "--seed", "5") as served:
        seeded = served.admin("POST", "seed", {"meetings": 90, "participants": 2})["meetings"]
        uuids = [meeting["uuid"] for meeting in seeded]
        work = {"Light": uuids, "Medium": uuids[:60], "Heavy": uuids[:30]}  # ~5 s of each
        for category, queue in work.items():
            coordinator.rpush(f"fleet:{category}", *queue)
        # Sends spread evenly (smooth), and safety=0.6 leaves 0.67 s of every window for the
        # scheduling jitter of a busy 2-core machine; without sharing, four processes at 0.6
        # would still send 2.4 times the limit. benchmarks/rate_ceiling.py measures how close
        # to the limit a fleet gets.
        fleet_config = config(served, redis_server, safety=0.6, smooth=True, concurrency=8)
        with start_fleet("mixed", fleet_config) as fleet:
            let_go(coordinator)
            results = fleet.results()
        counters = served.counters()
    assert [r["errors"] for r in results] == [{}] * WORKERS
    for category, queue in work.items():
        assert sum(len(r["done"][category]) for r in results) == len(queue)
        assert counters["peak_per_second"][category] <= PRO_PER_SECOND[category]
    assert counters["rate_limited"] == {}


def test_a_hosts_101st_create_across_processes_raises_without_a_request(
    redis_server: RedisServer, coordinator: SyncRedis
) -> None:
    with serve_fakezoom("--plan", "pro", "--seed", "6") as served:
        fleet_config = config(served, redis_server, creates=27, safety=0.8)
        with start_fleet("host_limit", fleet_config) as fleet:
            let_go(coordinator)
            results = fleet.results()
        counters = served.counters()
    assert [r["errors"] for r in results] == [{}] * WORKERS
    assert sum(r["created"] for r in results) == 100
    refused = [not_sent for r in results for not_sent in r["refused"]]
    assert refused == [True] * (WORKERS * 27 - 100)  # DailyLimitExceeded with no response
    # Zoom carried out 100 creates: the ones it received, less any per-second 429 (retried).
    carried_out = counters["calls"]["meetingCreate"] - counters["rate_limited"].get("Medium", 0)
    assert carried_out == 100
