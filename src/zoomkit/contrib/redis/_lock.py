"""A lock across processes: one token fetch at a time for a credential, whatever the process.

``SET name <random token> NX PX ttl`` takes it; a Lua script deletes it only while it still
holds the taker's token, so a holder whose lock expired can never release someone else's. The
TTL is what frees the lock when a holder crashes: choose it longer than a token request can
take (the client's timeout), or a slow holder may lose the lock while it still fetches.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable
from types import TracebackType

from redis.asyncio import Redis

from zoomkit._clock import Clock, SystemClock
from zoomkit.auth import TokenKey
from zoomkit.errors import ConfigurationError

from ._failures import redis_failures

__all__ = ["RedisLock"]

DEFAULT_TTL = 60.0
"""Twice zoomkit's default 30-second timeout: a live holder always finishes its fetch first."""

_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


class RedisLock:
    """An async context manager held by at most one task in all processes at a time.

    While another holds it, :meth:`acquire` polls, sleeping on ``clock`` between tries (from
    ``poll_interval``, doubling up to ``max_poll_interval``). One instance is one lock taking:
    build a new one (or use :meth:`for_token_keys`) for each concurrent user.
    """

    def __init__(
        self,
        redis: Redis,
        name: str,
        *,
        ttl: float = DEFAULT_TTL,
        clock: Clock | None = None,
        poll_interval: float = 0.005,
        max_poll_interval: float = 0.1,
    ) -> None:
        if not name:
            raise ConfigurationError("a RedisLock needs a non-empty name")
        if not ttl > 0:
            raise ConfigurationError(f"a RedisLock ttl must be more than 0 seconds, got {ttl!r}")
        if not 0 < poll_interval <= max_poll_interval:
            raise ConfigurationError(
                "RedisLock needs 0 < poll_interval <= max_poll_interval, "
                f"got {poll_interval!r} and {max_poll_interval!r}"
            )
        self.redis = redis
        self.name = name
        self.ttl = ttl
        self.clock: Clock = clock or SystemClock()
        self.poll_interval = poll_interval
        self.max_poll_interval = max_poll_interval
        self._release = redis.register_script(_RELEASE)
        self._token: str | None = None

    @classmethod
    def for_token_keys(
        cls,
        redis: Redis,
        *,
        prefix: str = "zoomkit:",
        ttl: float = DEFAULT_TTL,
        clock: Clock | None = None,
    ) -> Callable[[TokenKey], RedisLock]:
        """A ``refresh_lock=`` factory for auth strategies: one lock per :class:`TokenKey`."""

        def lock_for(key: TokenKey) -> RedisLock:
            return cls(redis, f"{prefix}lock:token:{key.as_string()}", ttl=ttl, clock=clock)

        return lock_for

    def __repr__(self) -> str:
        state = "held" if self._token is not None else "free"
        return f"RedisLock(name={self.name!r}, ttl={self.ttl}, {state})"

    @property
    def held(self) -> bool:
        """Whether this instance took the lock and has not released it (it may have expired)."""
        return self._token is not None

    async def acquire(self) -> None:
        """Wait until the lock is free, then take it for ``ttl`` seconds."""
        if self._token is not None:
            raise RuntimeError(f"{self!r} is already held by this instance")
        token = secrets.token_hex(16)
        delay = self.poll_interval
        while not await self._try_take(token):
            await self.clock.sleep(delay)
            delay = min(self.max_poll_interval, delay * 2)
        self._token = token

    async def _try_take(self, token: str) -> bool:
        with redis_failures(f"take the lock {self.name!r}"):
            return bool(
                await self.redis.set(self.name, token, nx=True, px=math.ceil(self.ttl * 1000))
            )

    async def release(self) -> bool:
        """Let go; ``False`` if the lock had expired meanwhile (then it is not touched)."""
        token, self._token = self._token, None
        if token is None:
            raise RuntimeError(f"{self!r} is not held by this instance")
        with redis_failures(f"release the lock {self.name!r}"):
            return bool(await self._release(keys=[self.name], args=[token]))

    async def __aenter__(self) -> RedisLock:
        await self.acquire()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.release()
