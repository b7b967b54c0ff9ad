"""When Redis is gone: every shared piece raises a zoomkit error naming what it could not do.

The rate limiter fails closed (the call is not sent, since sending blind could spend the budget
of every process), the lock and the dedupe store raise ``CoordinationError``, the token store
``TokenStoreError``. None of the messages holds a token.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator

import pytest
import respx
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from zoomkit import Category, RateLimits, ZoomClient
from zoomkit.auth import OAuthToken, StaticTokenAuth, TokenKey
from zoomkit.contrib.redis import RedisDedupeStore, RedisLock, RedisRateLimiter, RedisTokenStore
from zoomkit.errors import CoordinationError, TokenStoreError
from zoomkit.ratelimit import LimitType, Observation

pytestmark = pytest.mark.anyio


@pytest.fixture
async def dead_redis() -> AsyncIterator[Redis]:
    """A client for a 127.0.0.1 port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    # No retries: redis-py's default backoff would only make each failure slower.
    client = Redis(host="127.0.0.1", port=port, retry=Retry(NoBackoff(), 0))
    yield client
    await client.aclose()


async def test_the_rate_limiter_names_the_slot_it_could_not_reserve(dead_redis: Redis) -> None:
    limiter = RedisRateLimiter(dead_redis, RateLimits.pro(), account_key="acct-1")
    with pytest.raises(CoordinationError, match=r"reserve a Light slot .*slots:Light.*Connection"):
        await limiter.acquire(Category.LIGHT)
    with pytest.raises(CoordinationError, match="count a meeting write"):
        await limiter.acquire_meeting_write("host-1")
    with pytest.raises(CoordinationError, match="record Zoom's Heavy limits"):
        await limiter.observe(Category.HEAVY, Observation(LimitType.DAILY, remaining=5, limit=9))
    with pytest.raises(CoordinationError, match="read the quota of 'acct-1'"):
        await limiter.quota()


@respx.mock
async def test_a_call_the_limiter_cannot_pace_is_not_sent(dead_redis: Redis) -> None:
    me = respx.get("https://api.zoom.us/v2/users/me").respond(200, json={"id": "u"})
    limiter = RedisRateLimiter(dead_redis, RateLimits.pro(), account_key="acct-1")
    async with ZoomClient(auth=StaticTokenAuth("t"), rate_limits=limiter, max_retries=3) as zoom:
        with pytest.raises(CoordinationError):
            await zoom.users.me()
    assert me.call_count == 0


async def test_the_lock_says_which_lock_it_could_not_take(dead_redis: Redis) -> None:
    lock = RedisLock(dead_redis, "zoomkit:lock:token:abc")
    with pytest.raises(CoordinationError, match="take the lock 'zoomkit:lock:token:abc'"):
        await lock.acquire()
    assert not lock.held


async def test_the_dedupe_store_says_which_event_it_could_not_mark(dead_redis: Redis) -> None:
    store = RedisDedupeStore(dead_redis)
    with pytest.raises(CoordinationError, match="mark the webhook event 'zoomkit:webhook:k1'"):
        await store.first_time("zoomkit:webhook:k1", 60.0)


async def test_the_token_store_raises_its_own_error_without_the_token(dead_redis: Redis) -> None:
    store = RedisTokenStore(dead_redis)
    token = OAuthToken(access_token="AT-secret-1", expires_at=2e9, refresh_token="RT-secret-1")
    key = TokenKey(client_id="c", account_id="a", user_id="u")
    with pytest.raises(TokenStoreError, match="could not save the token") as raised:
        await store.save(key, token)
    assert "secret" not in str(raised.value)
