"""Legacy JWT apps, still found on private-cloud and on-premise Zoom deployments."""

from __future__ import annotations

import httpx
import jwt as pyjwt

from .._clock import Clock
from ._base import TokenAuth, require_text
from ._token import OAuthToken

__all__ = ["JWTAuth"]


class JWTAuth(TokenAuth):
    """Sign short-lived HS256 tokens (``iss`` = API key, ``exp``) locally with the API secret.

    Zoom's public cloud retired JWT apps in September 2023; use this only where a deployment
    still accepts them. Tokens live ``ttl`` seconds and are re-signed before they expire.
    """

    def __init__(
        self,
        api_key: str,
        api_secret: str,
        *,
        ttl: float = 300.0,
        refresh_margin: float = 30.0,
        clock: Clock | None = None,
    ) -> None:
        require_text("JWTAuth", api_key=api_key, api_secret=api_secret)
        if ttl <= refresh_margin:
            raise ValueError("JWTAuth ttl must be longer than refresh_margin")
        super().__init__(refresh_margin=refresh_margin, clock=clock, honour_api_url=False)
        self.api_key = api_key
        self._api_secret = api_secret
        self.ttl = ttl
        self._token: OAuthToken | None = None

    def __repr__(self) -> str:
        return f"JWTAuth(api_key={self.api_key!r}, api_secret=***, ttl={self.ttl})"

    async def _usable_token(self) -> OAuthToken:
        if self._token is None or not self._is_usable(self._token):
            expires_at = int(self.clock.time() + self.ttl)
            signed = self._sign(expires_at)
            if signed == self._rejected:  # re-signed within the second Zoom rejected it in
                expires_at += 1
                signed = self._sign(expires_at)
            self._token = OAuthToken(
                access_token=signed, expires_at=float(expires_at), issued_at=self.clock.time()
            )
        return self._token

    def _sign(self, expires_at: int) -> str:
        return pyjwt.encode(
            {"iss": self.api_key, "exp": expires_at}, self._api_secret, algorithm="HS256"
        )

    def _token_request(self) -> httpx.Request:  # pragma: no cover - never needed
        raise RuntimeError("JWT tokens are signed locally")

    async def _accept_token_response(self, response: httpx.Response) -> OAuthToken:
        raise RuntimeError("JWT tokens are signed locally")  # pragma: no cover

    def _forget(self, token: OAuthToken) -> None:
        if self._token is not None and self._token.access_token == token.access_token:
            self._token = None
