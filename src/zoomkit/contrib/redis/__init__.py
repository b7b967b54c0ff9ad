"""Redis for hosts that run many processes on one Zoom account (``pip install 'zoomkit[redis]'``).

Every web worker, cron task and queue consumer shares, through one Redis server:

* :class:`RedisTokenStore`: the tokens, with a compare-and-set swap of rotated refresh tokens;
* :class:`RedisLock`: one token fetch at a time (``refresh_lock=RedisLock.for_token_keys(r)``);
* :class:`RedisRateLimiter`: the account's rate budgets, daily counts and per-host meeting writes;
* :class:`RedisDedupeStore`: the webhook events already handled.

Built on redis-py's asyncio client (``redis.asyncio.Redis``), so clients that use these run on
asyncio. Times come from zoomkit's injected clock, never from Redis, so a fake clock drives them
in tests. See docs/scaling-out.md.
"""

try:
    import redis.asyncio  # noqa: F401 - fail here, with the extra's name, if redis-py is missing
except ImportError as error:  # pragma: no cover - exercised in a subprocess without redis
    raise ImportError(
        "zoomkit.contrib.redis needs redis-py: pip install 'zoomkit[redis]'"
    ) from error

from ._dedupe import RedisDedupeStore
from ._lock import RedisLock
from ._ratelimit import RedisRateLimiter
from ._tokens import RedisTokenStore

__all__ = ["RedisDedupeStore", "RedisLock", "RedisRateLimiter", "RedisTokenStore"]
