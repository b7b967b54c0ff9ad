"""Webhook dedupe across processes: the first receiver of an event sets its key, the rest see it."""

from __future__ import annotations

import math

from redis.asyncio import Redis

from zoomkit.errors import ConfigurationError

from ._failures import redis_failures

__all__ = ["RedisDedupeStore"]


class RedisDedupeStore:
    """A :class:`~zoomkit.webhooks.DedupeStore` on Redis: ``SET key 1 NX PX ttl``.

    One atomic command, so of several processes that receive the same delivery exactly one
    runs its handlers. ``prefix`` is put before each key (``dedupe_key()`` keys already start
    with ``zoomkit:webhook:``). Redis expires the keys in its own time.
    """

    def __init__(self, redis: Redis, *, prefix: str = "") -> None:
        self.redis = redis
        self.prefix = prefix

    def __repr__(self) -> str:
        return f"RedisDedupeStore(prefix={self.prefix!r})"

    async def first_time(self, key: str, ttl: float) -> bool:
        if not ttl > 0:
            raise ConfigurationError(f"a dedupe ttl must be more than 0 seconds, got {ttl!r}")
        with redis_failures(f"mark the webhook event {self.prefix + key!r} as seen"):
            stored = await self.redis.set(
                self.prefix + key, b"1", nx=True, px=math.ceil(ttl * 1000)
            )
        return bool(stored)
