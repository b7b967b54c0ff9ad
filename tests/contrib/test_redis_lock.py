"""RedisLock against a real Redis: one holder at a time, expiry, and safe release."""

from __future__ import annotations

import anyio
import pytest
from redis.asyncio import Redis

from zoomkit.auth import TokenKey
from zoomkit.contrib.redis import RedisLock
from zoomkit.errors import ConfigurationError
from zoomkit.testing import FakeClock

pytestmark = pytest.mark.anyio


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def lock(redis: Redis, clock: FakeClock, *, ttl: float = 30.0) -> RedisLock:
    return RedisLock(redis, "zoomkit:lock:test", ttl=ttl, clock=clock)


async def test_a_second_taker_waits_until_the_holder_releases(
    redis: Redis, clock: FakeClock
) -> None:
    order: list[str] = []
    first = lock(redis, clock)
    await first.acquire()

    async def second() -> None:
        async with lock(redis, clock):
            order.append("second holds")

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(second)
        for _ in range(20):  # the waiter polls (on the fake clock) and must not get in
            await anyio.lowlevel.checkpoint()
        order.append("first releases")
        await first.release()
    assert order == ["first releases", "second holds"]
    assert clock.time() > FakeClock().time()  # the waiter slept on the injected clock


async def test_the_lock_expires_after_its_ttl(redis: Redis, clock: FakeClock) -> None:
    held = lock(redis, clock, ttl=30.0)
    await held.acquire()
    assert 29_000 < await redis.pttl(held.name) <= 30_000


async def test_a_crashed_holder_blocks_others_only_until_the_ttl(
    redis: Redis, clock: FakeClock
) -> None:
    crashed = lock(redis, clock, ttl=0.05)  # never released, as if its process died
    await crashed.acquire()
    with anyio.fail_after(5):  # Redis expires the key 50 ms later
        async with lock(redis, clock):
            pass


async def test_a_holder_whose_lock_expired_does_not_release_the_next_holder(
    redis: Redis, clock: FakeClock
) -> None:
    late = lock(redis, clock)
    await late.acquire()
    await redis.delete(late.name)  # its TTL ran out while it worked
    current = lock(redis, clock)
    await current.acquire()
    assert await late.release() is False
    assert await redis.get(current.name) is not None  # still held by the current holder
    assert await current.release() is True
    assert await redis.get(current.name) is None


async def test_locks_for_different_token_keys_do_not_block_each_other(
    redis: Redis, clock: FakeClock
) -> None:
    factory = RedisLock.for_token_keys(redis, clock=clock)
    one = factory(TokenKey(client_id="app", account_id="acct-1"))
    two = factory(TokenKey(client_id="app", account_id="acct-2"))
    with anyio.fail_after(5):
        async with one, two:
            assert one.name == "zoomkit:lock:token:app:acct-1:-"
            assert one.held
            assert two.held


async def test_an_instance_cannot_take_its_lock_twice(redis: Redis, clock: FakeClock) -> None:
    held = lock(redis, clock)
    await held.acquire()
    with pytest.raises(RuntimeError, match="already held"):
        await held.acquire()


async def test_releasing_a_lock_not_taken_is_an_error(redis: Redis, clock: FakeClock) -> None:
    with pytest.raises(RuntimeError, match="not held"):
        await lock(redis, clock).release()


@pytest.mark.parametrize(
    "options",
    [{"ttl": 0.0}, {"poll_interval": 0.0}, {"poll_interval": 1.0, "max_poll_interval": 0.5}],
)
async def test_bad_settings_are_refused(redis: Redis, options: dict[str, float]) -> None:
    with pytest.raises(ConfigurationError, match="RedisLock"):
        RedisLock(redis, "zoomkit:lock:test", **options)
