"""Where OAuth tokens live between requests and between processes.

Zoom rotates refresh tokens: each refresh spends the old one. A token store is therefore
durable state, not a cache. The auth strategy saves a rotated pair *before* it uses the new
access token, so a crash can never leave the only valid refresh token in memory. A store shared
by many processes also offers :class:`AtomicTokenStore`'s compare-and-set, so a pair rotated by
one process can never be overwritten by another's.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ._token import OAuthToken, TokenKey

__all__ = ["AtomicTokenStore", "MemoryTokenStore", "TokenStore"]


@runtime_checkable
class TokenStore(Protocol):
    """Persist tokens per :class:`TokenKey`. Implement it over your database or Redis."""

    async def load(self, key: TokenKey) -> OAuthToken | None:
        """The stored token for ``key``, or ``None``."""
        ...

    async def save(self, key: TokenKey, token: OAuthToken) -> None:
        """Store ``token`` for ``key``, durably, before returning."""
        ...

    async def delete(self, key: TokenKey) -> None:
        """Forget ``key`` (after revocation or deauthorization)."""
        ...


@runtime_checkable
class AtomicTokenStore(TokenStore, Protocol):
    """A :class:`TokenStore` that can swap a rotated pair in atomically (compare-and-set).

    :class:`~zoomkit.auth.AuthorizationCodeOAuth` uses :meth:`replace` instead of ``save`` after
    each refresh when the store offers it.
    """

    async def replace(self, key: TokenKey, expected_refresh_token: str, token: OAuthToken) -> bool:
        """Store ``token`` only if the stored refresh token is still ``expected_refresh_token``
        (the one just spent to get ``token``). ``False``: another process stored a newer pair,
        or the key was deleted, and nothing was written."""
        ...


class MemoryTokenStore:
    """A process-local store: right for one process and for tests; lost on restart."""

    def __init__(self) -> None:
        self._tokens: dict[TokenKey, OAuthToken] = {}

    async def load(self, key: TokenKey) -> OAuthToken | None:
        return self._tokens.get(key)

    async def save(self, key: TokenKey, token: OAuthToken) -> None:
        self._tokens[key] = token

    async def delete(self, key: TokenKey) -> None:
        self._tokens.pop(key, None)

    def __repr__(self) -> str:
        return f"MemoryTokenStore({len(self._tokens)} keys)"
