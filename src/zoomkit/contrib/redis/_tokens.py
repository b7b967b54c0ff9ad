"""OAuth tokens in Redis, shared by every process, with rotated refresh tokens swapped atomically.

A token is stored as the JSON of :meth:`OAuthToken.to_dict` under ``{prefix}token:{TokenKey}``.
Server-to-Server tokens have no refresh token and expire a little after the access token does;
a pair with a refresh token never expires in Redis, because it is the only way back in.

Zoom spends a refresh token when it is used. :meth:`RedisTokenStore.replace` stores a rotated
pair only if Redis still holds the refresh token that was spent for it (compare-and-set in one
Lua script), so a process that read an older pair can never overwrite a newer one.
"""

from __future__ import annotations

import json
import math
from contextlib import AbstractContextManager

from redis.asyncio import Redis

from zoomkit._clock import Clock, SystemClock
from zoomkit.auth import OAuthToken, TokenKey
from zoomkit.errors import TokenStoreError

from ._failures import redis_failures
from ._text import text

__all__ = ["RedisTokenStore"]

DEFAULT_EXPIRY_GRACE = 60.0

# KEYS[1] the token key; ARGV: spent refresh token, new JSON, TTL in ms ("" for none).
_REPLACE = """
local current = redis.call('GET', KEYS[1])
if not current then
  return 0
end
local ok, stored = pcall(cjson.decode, current)
if not ok or type(stored) ~= 'table' or stored['refresh_token'] ~= ARGV[1] then
  return 0
end
if ARGV[3] == '' then
  redis.call('SET', KEYS[1], ARGV[2])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return 1
"""


class RedisTokenStore:
    """A :class:`~zoomkit.auth.TokenStore` (and :class:`~zoomkit.auth.AtomicTokenStore`) on Redis.

    ``clock`` sets the TTL of tokens without a refresh token: they live until ``expires_at``
    plus ``expiry_grace`` seconds. Give every process the same ``prefix``.
    """

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = "zoomkit:",
        clock: Clock | None = None,
        expiry_grace: float = DEFAULT_EXPIRY_GRACE,
    ) -> None:
        self.redis = redis
        self.prefix = prefix
        self.clock: Clock = clock or SystemClock()
        self.expiry_grace = expiry_grace
        self._replace = redis.register_script(_REPLACE)

    def __repr__(self) -> str:
        return f"RedisTokenStore(prefix={self.prefix!r})"

    def redis_key(self, key: TokenKey) -> str:
        """The Redis key that holds ``key``'s token."""
        return f"{self.prefix}token:{key.as_string()}"

    async def load(self, key: TokenKey) -> OAuthToken | None:
        with self._failing("read", key):
            raw = text(await self.redis.get(self.redis_key(key)))
        if raw is None:
            return None
        try:
            return OAuthToken.from_dict(json.loads(raw))
        except (ValueError, KeyError, TypeError) as error:
            # ``from None``: a JSONDecodeError keeps the raw value, tokens and all, in ``.doc``.
            raise TokenStoreError(
                f"the value under {self.redis_key(key)!r} is not a stored token "
                f"({type(error).__name__})"
            ) from None

    async def save(self, key: TokenKey, token: OAuthToken) -> None:
        with self._failing("save", key):
            await self.redis.set(self.redis_key(key), _dumps(token), px=self._ttl_ms(token))

    async def replace(self, key: TokenKey, expected_refresh_token: str, token: OAuthToken) -> bool:
        ttl = self._ttl_ms(token)
        with self._failing("replace", key):
            replaced = await self._replace(
                keys=[self.redis_key(key)],
                args=[expected_refresh_token, _dumps(token), "" if ttl is None else str(ttl)],
            )
        return bool(replaced)

    async def delete(self, key: TokenKey) -> None:
        with self._failing("delete", key):
            await self.redis.delete(self.redis_key(key))

    def _failing(self, action: str, key: TokenKey) -> AbstractContextManager[None]:
        """Redis's failures as :class:`TokenStoreError`, naming the key (never a token)."""
        return redis_failures(
            f"{action} the token under {self.redis_key(key)!r}", error=TokenStoreError
        )

    def _ttl_ms(self, token: OAuthToken) -> int | None:
        if token.refresh_token is not None:
            return None
        remaining = token.expires_at - self.clock.time() + self.expiry_grace
        return max(1, math.ceil(remaining * 1000))


def _dumps(token: OAuthToken) -> str:
    return json.dumps(token.to_dict(), separators=(",", ":"))
