"""Authorization-code OAuth (user-level and account-level "General" Zoom apps), with PKCE.

Zoom rotates the refresh token on every refresh and the old one stops working at once. So
the new pair is saved to the :class:`TokenStore` *before* the new access token is used, a spent
refresh token is never sent again, and a refresh token that no longer works raises
:class:`~zoomkit.errors.ReauthorizationRequired` (the user has to authorize the app again).
With an :class:`~zoomkit.auth.AtomicTokenStore` the new pair is swapped in only if the store
still holds the refresh token just spent; otherwise another process's pair wins.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

import httpx

from .._clock import Clock
from ..errors import OAuthError, ReauthorizationRequired, TokenStoreError
from ._base import RefreshLockFactory, TokenAuth, require_text
from ._token import (
    OAuthToken,
    TokenKey,
    build_revoke_request,
    build_token_request,
    oauth_error_from_response,
    parse_token_response,
)
from .stores import AtomicTokenStore, TokenStore

__all__ = ["AuthorizationCodeOAuth", "AuthorizationRequest", "pkce_challenge"]

logger = logging.getLogger("zoomkit.auth")


def pkce_challenge(code_verifier: str) -> str:
    """The S256 code challenge: base64url(sha256(verifier)) without padding (RFC 7636)."""
    digest = hashlib.sha256(code_verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(frozen=True, slots=True)
class AuthorizationRequest:
    """Where to send the user, and what to keep (in their session) until they come back."""

    url: str
    state: str
    code_verifier: str | None = field(default=None, repr=False)


class AuthorizationCodeOAuth(TokenAuth):
    """Act as one Zoom user who authorized your app.

    ``user_id`` is the name the tokens are stored under: your platform's id for the user (or
    the Zoom user id). One strategy instance serves one user; many instances can share a store.
    Processes that share a store should also share a ``refresh_lock``, so that one refreshes
    while the others wait and then use the pair it stored.
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        redirect_uri: str,
        token_store: TokenStore,
        user_id: str,
        account_id: str | None = None,
        refresh_margin: float = 300.0,
        oauth_base_url: str | None = None,
        clock: Clock | None = None,
        honour_api_url: bool = True,
        refresh_lock: RefreshLockFactory | None = None,
    ) -> None:
        require_text(
            "AuthorizationCodeOAuth",
            client_id=client_id,
            client_secret=client_secret,
            redirect_uri=redirect_uri,
            user_id=user_id,
        )
        super().__init__(
            refresh_margin=refresh_margin,
            oauth_base_url=oauth_base_url,
            clock=clock,
            honour_api_url=honour_api_url,
            refresh_lock=refresh_lock,
        )
        self.client_id = client_id
        self._client_secret = client_secret
        self.redirect_uri = redirect_uri
        self.token_store = token_store
        self.key = TokenKey(client_id=client_id, account_id=account_id, user_id=user_id)
        self._token: OAuthToken | None = None
        self._unsaved: OAuthToken | None = None  # rotated, but the store refused it
        self._unsaved_replacing: str | None = None  # the refresh token spent to get _unsaved
        self._spent_refresh_token: str | None = None

    def __repr__(self) -> str:
        return (
            f"AuthorizationCodeOAuth(client_id={self.client_id!r}, client_secret=***, "
            f"user_id={self.key.user_id!r})"
        )

    # -- the authorization step ---------------------------------------------------------------
    def authorization_url(
        self, state: str | None = None, *, pkce: bool = True
    ) -> AuthorizationRequest:
        """Build the URL that sends the user to Zoom's consent page.

        Keep the returned ``state`` and ``code_verifier`` in the user's session: check ``state``
        when Zoom redirects back, and pass ``code_verifier`` to :meth:`exchange_code`.
        """
        state = state or secrets.token_urlsafe(24)
        params = {
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "state": state,
        }
        verifier: str | None = None
        if pkce:
            verifier = secrets.token_urlsafe(64)[:96]
            params["code_challenge"] = pkce_challenge(verifier)
            params["code_challenge_method"] = "S256"
        url = f"{self.oauth_base_url.rstrip('/')}/oauth/authorize?{urlencode(params)}"
        return AuthorizationRequest(url=url, state=state, code_verifier=verifier)

    async def exchange_code(self, code: str, *, code_verifier: str | None = None) -> OAuthToken:
        """Trade the ``code`` from Zoom's redirect for tokens, and save them to the store."""
        if not code:
            raise ValueError("exchange_code needs the code from Zoom's redirect")
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": self.redirect_uri}
        if code_verifier is not None:
            form["code_verifier"] = code_verifier
        request = build_token_request(
            self.oauth_base_url, self.client_id, self._client_secret, form
        )
        response = await self._send(request)
        token = parse_token_response(response, now=self.clock.time())
        if token.refresh_token is None:
            raise OAuthError("Zoom returned no refresh token for the authorization code")
        await self._save(token)
        async with self._lock:
            self._token, self._unsaved, self._rejected = token, None, None
        return token

    async def refresh(self) -> OAuthToken:
        """Refresh now, whatever the expiry (for example after changing the app's scopes)."""
        async with self._lock:
            if not await self._save_unsaved():
                self._token = await self.token_store.load(self.key) or self._token
            for _attempt in range(2):
                response = await self._send(self._token_request())
                token = await self._accept_token_response(response)
                if token is not None:
                    return token
        raise ReauthorizationRequired("the refresh token was rotated elsewhere twice in a row")

    async def revoke(self) -> None:
        """Revoke the user's grant at Zoom and delete it from the store."""
        token = self._token or await self.token_store.load(self.key)
        if token is not None:
            request = build_revoke_request(
                self.oauth_base_url, self.client_id, self._client_secret, token.access_token
            )
            response = await self._send(request)
            if not response.is_success:
                raise oauth_error_from_response(response)
        await self.token_store.delete(self.key)
        self._token = self._unsaved = None

    # -- TokenAuth hooks ------------------------------------------------------------------------
    async def _usable_token(self) -> OAuthToken | None:
        await self._save_unsaved()
        if self._is_usable(self._token):
            return self._token
        stored = await self.token_store.load(self.key)  # another process may have refreshed
        if stored is not None:
            self._token = stored  # the store holds the latest rotation: refresh from it
        return stored if self._is_usable(stored) else None

    def _token_request(self) -> httpx.Request:
        refresh_token = self._refresh_token_to_use()
        return build_token_request(
            self.oauth_base_url,
            self.client_id,
            self._client_secret,
            {"grant_type": "refresh_token", "refresh_token": refresh_token},
        )

    async def _accept_token_response(self, response: httpx.Response) -> OAuthToken | None:
        used = self._refresh_token_to_use()
        if not response.is_success:
            error = oauth_error_from_response(response)
            if isinstance(error, ReauthorizationRequired):
                # Another process may have rotated the pair since we read it: adopt theirs.
                stored = await self.token_store.load(self.key)
                if stored is not None and stored.refresh_token not in (None, used):
                    self._token = stored
                    return None
            raise error
        token = parse_token_response(response, now=self.clock.time())
        self._spent_refresh_token = used
        if token.refresh_token is None:  # Zoom always rotates; keep the old one if it did not
            token = replace(token, refresh_token=used)
        if not await self._save(token, replacing=used):
            # The store no longer holds the token we spent: another process swapped in a newer
            # pair (or the grant was deleted). Its pair wins; ours is dropped unused.
            logger.warning("the token store changed during a refresh; using the stored tokens")
            self._token = await self.token_store.load(self.key)
            return None
        self._token = token
        return token

    def _forget(self, token: OAuthToken) -> None:
        if self._token is not None and self._token.access_token == token.access_token:
            self._token = self._token.with_expiry(0.0)  # keep its refresh token, force a refresh

    def _token_key(self) -> TokenKey:
        return self.key

    # -- helpers ---------------------------------------------------------------------------------
    def _refresh_token_to_use(self) -> str:
        token = self._token
        if token is None or token.refresh_token is None:
            raise ReauthorizationRequired(
                f"no refresh token stored for user {self.key.user_id!r}: send the user through "
                "authorization_url() and exchange_code() first"
            )
        if token.refresh_token == self._spent_refresh_token:
            raise TokenStoreError(
                "the token store returned a refresh token that was already rotated; zoomkit "
                "will not replay a spent refresh token"
            )
        return token.refresh_token

    async def _save_unsaved(self) -> bool:
        """Persist a rotated pair the store refused earlier, before anything uses it.

        ``True`` when there was one and it is now stored and current.
        """
        token, replacing = self._unsaved, self._unsaved_replacing
        if token is None:
            return False
        saved = await self._save(token, replacing=replacing)
        self._unsaved = self._unsaved_replacing = None
        if saved:
            self._token = token
        return saved

    async def _save(self, token: OAuthToken, *, replacing: str | None = None) -> bool:
        """Persist ``token`` or keep it out of use: a rotated pair must never live only here.

        ``replacing`` is the refresh token spent to get ``token``: an :class:`AtomicTokenStore`
        then stores it only if it still holds that one, and ``False`` says it did not.
        """
        store = self.token_store
        try:
            if replacing is not None and isinstance(store, AtomicTokenStore):
                return await store.replace(self.key, replacing, token)
            await store.save(self.key, token)
            return True
        except Exception as exc:
            self._unsaved, self._unsaved_replacing = token, replacing
            raise TokenStoreError(
                f"the token store failed to save the new tokens ({type(exc).__name__}), so the "
                "new access token was not used; zoomkit keeps them in memory and saves them "
                "again before the next request"
            ) from exc
