"""Server-to-Server OAuth: the ``account_credentials`` grant of an internal Zoom app."""

from __future__ import annotations

import httpx

from .._clock import Clock
from ._base import RefreshLockFactory, TokenAuth, require_text
from ._token import OAuthToken, TokenKey, build_token_request, parse_token_response
from .stores import TokenStore

__all__ = ["ServerToServerOAuth"]


class ServerToServerOAuth(TokenAuth):
    """Account-level access with an S2S app's account id, client id and client secret.

    Tokens last an hour and have no refresh token; a new one is fetched ``refresh_margin``
    seconds before expiry, one fetch at a time. Give a shared ``token_store`` (for example
    Redis) to let many processes use one token instead of each fetching its own, and a shared
    ``refresh_lock`` so that only one of them fetches it.
    """

    def __init__(
        self,
        account_id: str,
        client_id: str,
        client_secret: str,
        *,
        token_store: TokenStore | None = None,
        refresh_margin: float = 300.0,
        oauth_base_url: str | None = None,
        clock: Clock | None = None,
        honour_api_url: bool = True,
        refresh_lock: RefreshLockFactory | None = None,
    ) -> None:
        require_text(
            "ServerToServerOAuth",
            account_id=account_id,
            client_id=client_id,
            client_secret=client_secret,
        )
        super().__init__(
            refresh_margin=refresh_margin,
            oauth_base_url=oauth_base_url,
            clock=clock,
            honour_api_url=honour_api_url,
            refresh_lock=refresh_lock,
        )
        self.account_id = account_id
        self.client_id = client_id
        self._client_secret = client_secret
        self.token_store = token_store
        self.key = TokenKey(client_id=client_id, account_id=account_id)
        self._token: OAuthToken | None = None

    def __repr__(self) -> str:
        return (
            f"ServerToServerOAuth(account_id={self.account_id!r}, client_id={self.client_id!r}, "
            "client_secret=***)"
        )

    async def _usable_token(self) -> OAuthToken | None:
        if self._is_usable(self._token):
            return self._token
        if self.token_store is not None:
            stored = await self.token_store.load(self.key)
            if self._is_usable(stored):
                self._token = stored
                return stored
        return None

    def _token_key(self) -> TokenKey:
        return self.key

    def _token_request(self) -> httpx.Request:
        return build_token_request(
            self.oauth_base_url,
            self.client_id,
            self._client_secret,
            {"grant_type": "account_credentials", "account_id": self.account_id},
        )

    async def _accept_token_response(self, response: httpx.Response) -> OAuthToken:
        token = parse_token_response(response, now=self.clock.time())
        self._token = token
        if self.token_store is not None:
            await self.token_store.save(self.key, token)
        return token

    def _forget(self, token: OAuthToken) -> None:
        if self._token is token or (
            self._token is not None and self._token.access_token == token.access_token
        ):
            self._token = None
