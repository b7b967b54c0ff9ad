"""RedisDedupeStore against a real Redis: the first receiver wins, across app instances."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json

import pytest
from redis.asyncio import Redis

from zoomkit.contrib.redis import RedisDedupeStore
from zoomkit.errors import ConfigurationError
from zoomkit.testing import FakeClock
from zoomkit.webhooks import WebhookApp
from zoomkit.webhooks.dedupe import DedupeStore

pytestmark = pytest.mark.anyio

SECRET = "whsec-redis-dedupe"


async def test_the_store_is_a_dedupe_store(redis: Redis) -> None:
    assert isinstance(RedisDedupeStore(redis), DedupeStore)


async def test_a_key_is_new_only_the_first_time(redis: Redis) -> None:
    store = RedisDedupeStore(redis, prefix="app:")
    assert await store.first_time("zoomkit:webhook:meeting.started:abc", 60)
    assert not await store.first_time("zoomkit:webhook:meeting.started:abc", 60)
    assert await store.first_time("zoomkit:webhook:meeting.started:def", 60)
    assert 59_000 < await redis.pttl("app:zoomkit:webhook:meeting.started:abc") <= 60_000


async def test_of_concurrent_receivers_exactly_one_sees_a_key_first(redis: Redis) -> None:
    stores = [RedisDedupeStore(Redis(connection_pool=redis.connection_pool)) for _ in range(20)]
    results = await asyncio.gather(*(store.first_time("k", 60) for store in stores))
    assert sorted(results) == [False] * 19 + [True]


async def test_a_ttl_must_be_positive(redis: Redis) -> None:
    with pytest.raises(ConfigurationError, match="dedupe ttl"):
        await RedisDedupeStore(redis).first_time("k", 0)


def signed(body: bytes, now: float) -> dict[str, str]:
    timestamp = str(int(now))
    digest = hmac.new(SECRET.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256)
    return {
        "content-type": "application/json",
        "x-zm-request-timestamp": timestamp,
        "x-zm-signature": "v0=" + digest.hexdigest(),
    }


async def test_two_app_instances_sharing_the_store_run_a_redelivered_event_once(
    redis: Redis,
) -> None:
    clock = FakeClock()
    ran: list[str] = []
    apps = [WebhookApp(SECRET, clock=clock, dedupe=RedisDedupeStore(redis)) for _ in range(2)]
    for app in apps:
        app.on("meeting.started")(lambda event: ran.append(event.event))
    body = json.dumps(
        {
            "event": "meeting.started",
            "event_ts": int(clock.time() * 1000),
            "payload": {"account_id": "acct", "object": {"id": 123, "uuid": "u==", "topic": "T"}},
        }
    ).encode()
    for app in apps:  # Zoom delivered it twice, to two workers
        result = await app.handle(body, signed(body, clock.time()))
        assert result.status == 200
        await result.run_handlers()
    assert ran == ["meeting.started"]
