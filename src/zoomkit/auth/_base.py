"""The shared auth flow: attach a bearer token, fetch one at a time, replay once on 401.

Every strategy is an :class:`httpx.Auth`. Token requests are *yielded* from the flow, so they
travel through the same client and transport as API calls (respx, FakeZoom, proxies and custom
transports all see them). The lock guards only the decision to fetch and the fetch itself; it
is never held while an API request is in flight. Many processes on one credential add a shared
``refresh_lock`` (for example ``zoomkit.contrib.redis.RedisLock``) taken inside it.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncGenerator, Callable, Generator
from contextlib import AbstractAsyncContextManager

import anyio
import httpx

from .._clock import Clock, SystemClock
from ..errors import OAuthError
from ._token import OAuthToken, TokenKey

__all__ = ["AuthStrategy", "RefreshLockFactory", "TokenAuth"]

logger = logging.getLogger("zoomkit.auth")

DEFAULT_OAUTH_BASE_URL = "https://zoom.us"
DEFAULT_API_HOST = "api.zoom.us"
EXPIRED_TOKEN_CODE = 124

RefreshLockFactory = Callable[[TokenKey], AbstractAsyncContextManager[object]]
"""Gives the lock that one credential's token fetches take across processes (``refresh_lock=``)."""


class AuthStrategy(httpx.Auth):
    """Base of zoomkit's auth strategies.

    The client binds a strategy to its settings (OAuth base URL, clock, HTTP client) when it is
    created; values given to the strategy itself win.
    """

    requires_request_body = False
    requires_response_body = False

    def __init__(self, *, oauth_base_url: str | None = None, clock: Clock | None = None) -> None:
        self._oauth_base_url_override = oauth_base_url
        self._clock_override = clock
        self._bound_oauth_base_url: str | None = None
        self._bound_clock: Clock | None = None
        self._http_client: httpx.AsyncClient | None = None

    def bind(
        self,
        *,
        oauth_base_url: str | None = None,
        clock: Clock | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Called by :class:`~zoomkit.ZoomClient`: use its OAuth URL, clock and connection pool."""
        self._bound_oauth_base_url = oauth_base_url
        self._bound_clock = clock
        self._http_client = http_client

    @property
    def oauth_base_url(self) -> str:
        return self._oauth_base_url_override or self._bound_oauth_base_url or DEFAULT_OAUTH_BASE_URL

    @property
    def clock(self) -> Clock:
        return self._clock_override or self._bound_clock or _SYSTEM_CLOCK

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        raise RuntimeError("zoomkit auth strategies are async: use them with httpx.AsyncClient")
        yield request  # pragma: no cover - makes this a generator

    async def _send(self, request: httpx.Request) -> httpx.Response:
        """Send a token-endpoint request outside an API call (code exchange, revoke)."""
        if self._http_client is not None:
            return await self._http_client.send(request)
        async with httpx.AsyncClient() as client:  # not yet bound to a ZoomClient
            return await client.send(request)


_SYSTEM_CLOCK = SystemClock()


def require_text(strategy: str, **values: object) -> None:
    """Refuse empty credentials at construction, naming the argument (never its value)."""
    for name, value in values.items():
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{strategy} needs a non-empty {name}")


class TokenAuth(AuthStrategy):
    """A strategy that obtains bearer tokens: cached, refreshed early, single-flight.

    Subclasses provide three hooks:

    * :meth:`_usable_token`: a token good for use now without HTTP (cache, store, or a
      locally signed JWT), or ``None``;
    * :meth:`_token_request`: the request that obtains a new token;
    * :meth:`_accept_token_response`: read that response and record the token (``None`` asks
      for one more attempt, for example after another process rotated the refresh token).

    ``refresh_lock`` (a factory keyed by the strategy's :class:`TokenKey`) makes the fetch one at
    a time across processes too: it is taken after the in-process lock, and the shared store is
    read again once it is held, so waiters use the token the holder fetched.
    """

    def __init__(
        self,
        *,
        refresh_margin: float = 300.0,
        oauth_base_url: str | None = None,
        clock: Clock | None = None,
        honour_api_url: bool = True,
        refresh_lock: RefreshLockFactory | None = None,
    ) -> None:
        super().__init__(oauth_base_url=oauth_base_url, clock=clock)
        if refresh_margin < 0:
            raise ValueError("refresh_margin must be >= 0 seconds")
        self.refresh_margin = refresh_margin
        self.honour_api_url = honour_api_url
        self.refresh_lock = refresh_lock
        self._lock = anyio.Lock()
        self._rejected: str | None = None  # access token Zoom answered 401/124 for

    # -- hooks -------------------------------------------------------------------------------
    async def _usable_token(self) -> OAuthToken | None:
        raise NotImplementedError

    def _token_request(self) -> httpx.Request:
        raise NotImplementedError

    async def _accept_token_response(self, response: httpx.Response) -> OAuthToken | None:
        raise NotImplementedError

    def _forget(self, token: OAuthToken) -> None:
        """Drop ``token`` from the in-memory cache if it is still the cached one."""

    def _token_key(self) -> TokenKey:
        """Whose tokens these are: what ``refresh_lock`` is keyed by."""
        raise NotImplementedError

    # -- shared logic --------------------------------------------------------------------------
    def _is_usable(self, token: OAuthToken | None) -> bool:
        return (
            token is not None
            and token.access_token != self._rejected
            and token.is_fresh(self.clock.time(), self.refresh_margin)
        )

    async def _obtain_token(self) -> AsyncGenerator[httpx.Request | OAuthToken, httpx.Response]:
        """Yield token requests until a usable token is known; the last item yielded is it."""
        token = await self._usable_token()
        if token is None:
            async with self._lock:
                if self.refresh_lock is not None:
                    # A task of this process may have fetched while we waited: look again before
                    # paying a round trip for the shared lock.
                    token = await self._usable_token()
                if token is None:
                    async with self._shared_refresh_lock():
                        for _attempt in range(2):
                            # Someone may have fetched meanwhile: a task, or another process
                            # that stored its token while we waited for the shared lock.
                            token = await self._usable_token()
                            if token is not None:
                                break
                            logger.debug(
                                "requesting a new access token from %s", self.oauth_base_url
                            )
                            response = yield self._token_request()
                            await response.aread()
                            token = await self._accept_token_response(response)
                            if token is not None:
                                break
                if token is None:
                    raise OAuthError("no usable access token after two token requests")
        yield token

    def _shared_refresh_lock(self) -> AbstractAsyncContextManager[object]:
        """The cross-process lock around a fetch (``refresh_lock``), or none."""
        if self.refresh_lock is None:
            return contextlib.nullcontext()
        return self.refresh_lock(self._token_key())

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        for attempt in range(2):
            obtain = self._obtain_token()
            try:
                item = await obtain.__anext__()
                while isinstance(item, httpx.Request):
                    item = await obtain.asend((yield item))
            finally:
                await obtain.aclose()
            token = item
            self._authorize(request, token)
            response = yield request
            if attempt or response.status_code != 401:
                return
            if not await _is_expired_token_response(response):
                return
            # Zoom rejected the token (expired early, revoked, clock skew). Drop it only if it
            # is still the cached one, so 200 concurrent rejections cause one refresh, not 200.
            async with self._lock:
                if self._rejected != token.access_token:
                    self._rejected = token.access_token
                    self._forget(token)
            logger.debug("access token rejected with code 124; fetching a new one, replaying once")

    def _authorize(self, request: httpx.Request, token: OAuthToken) -> None:
        request.headers["Authorization"] = f"Bearer {token.access_token}"
        if self.honour_api_url and token.api_url:
            _apply_api_url(request, token.api_url)


def _apply_api_url(request: httpx.Request, api_url: str) -> None:
    """Send API calls to the cluster Zoom named in the token response (regional clusters).

    Only requests aimed at Zoom's default API host are moved; an explicitly configured base URL
    (private cloud, ZoomGov, FakeZoom served locally) is left alone.
    """
    if request.url.host != DEFAULT_API_HOST:
        return
    target = httpx.URL(api_url)
    if not target.host or target.host == request.url.host:
        return
    request.url = request.url.copy_with(scheme=target.scheme, host=target.host, port=target.port)
    request.headers["Host"] = target.netloc.decode("ascii")


async def _is_expired_token_response(response: httpx.Response) -> bool:
    """401 with Zoom code 124 means "this access token is no good": worth one refresh."""
    await response.aread()
    try:
        data = json.loads(response.content or b"{}")
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("code") == EXPIRED_TOKEN_CODE
