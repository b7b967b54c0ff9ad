"""A fixed bearer token, for tokens obtained elsewhere (and for tests)."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import httpx

from ._base import AuthStrategy, require_text

__all__ = ["StaticTokenAuth"]


class StaticTokenAuth(AuthStrategy):
    """Send one access token as given. Nothing is refreshed: a 401 reaches the caller."""

    def __init__(self, access_token: str) -> None:
        require_text("StaticTokenAuth", access_token=access_token)
        super().__init__()
        self._access_token = access_token

    def __repr__(self) -> str:
        return "StaticTokenAuth(access_token=***)"

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        request.headers["Authorization"] = f"Bearer {self._access_token}"
        yield request
