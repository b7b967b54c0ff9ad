"""ZoomClient: configuration, connection pool and resource attributes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from ._clock import Clock, SystemClock
from ._http import RequestLoop, RequestOptions
from ._response import ZoomResponse
from ._retry import RetryPolicy
from ._version import __version__
from .auth import AuthStrategy, JWTAuth, ServerToServerOAuth
from .errors import ConfigurationError
from .ratelimit import MemoryRateLimiter, QuotaState, RateLimiter, RateLimits
from .resources._base import ResourceAttribute
from .resources.dashboards import Dashboards
from .resources.groups import Groups
from .resources.meetings import Meetings
from .resources.past_meetings import PastMeetings
from .resources.past_webinars import PastWebinars
from .resources.recordings import Recordings
from .resources.reports import Reports
from .resources.tracking_fields import TrackingFields
from .resources.users import Users
from .resources.webinar_kind import get_meeting_or_webinar
from .resources.webinars import Webinars

if TYPE_CHECKING:
    from .models.meetings import Meeting
    from .models.webinars import Webinar

__all__ = ["ZoomClient"]

DEFAULT_BASE_URL = "https://api.zoom.us/v2"
DEFAULT_OAUTH_BASE_URL = "https://zoom.us"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2

_S2S_ENV = ("ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET")
_JWT_ENV = ("ZOOM_API_KEY", "ZOOM_API_SECRET")


class ZoomClient:
    """The async Zoom client.

    ::

        async with ZoomClient(auth=ServerToServerOAuth(account_id, client_id, secret)) as zoom:
            me = await zoom.users.me()

    All options are keyword-only. ``http_client`` lets you bring your own
    :class:`httpx.AsyncClient` (zoomkit never closes it); ``transport`` plugs in a transport
    (an aiohttp-backed one, or FakeZoom's) on a client zoomkit owns.
    """

    def __init__(
        self,
        *,
        auth: httpx.Auth | None = None,
        base_url: str | None = None,
        oauth_base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_retry_after: float = 60.0,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Clock | None = None,
        default_headers: Mapping[str, str] | None = None,
        rate_limits: RateLimits | RateLimiter | None = None,
    ) -> None:
        if http_client is not None and transport is not None:
            raise ConfigurationError("give either http_client or transport, not both")
        self.base_url = (base_url or os.environ.get("ZOOM_BASE_URL") or DEFAULT_BASE_URL).rstrip(
            "/"
        )
        self.oauth_base_url = (
            oauth_base_url or os.environ.get("ZOOM_OAUTH_BASE_URL") or DEFAULT_OAUTH_BASE_URL
        ).rstrip("/")
        self.clock: Clock = clock or SystemClock()
        self.auth: httpx.Auth = auth if auth is not None else _auth_from_env()
        self._owns_http_client = http_client is None
        self._http_client = http_client or httpx.AsyncClient(
            transport=transport, timeout=timeout, follow_redirects=False
        )
        if isinstance(self.auth, AuthStrategy):
            self.auth.bind(
                oauth_base_url=self.oauth_base_url, clock=self.clock, http_client=self._http_client
            )
        self._options: dict[str, Any] = {
            "timeout": timeout,
            "max_retries": max_retries,
            "max_retry_after": max_retry_after,
            "default_headers": dict(default_headers or {}),
        }
        self.rate_limiter = _rate_limiter(rate_limits, self.clock)
        self._loop = RequestLoop(
            http_client=self._http_client,
            auth=self.auth,
            base_url=self.base_url,
            clock=self.clock,
            retry_policy=RetryPolicy(max_retries=max_retries, max_retry_after=max_retry_after),
            timeout=timeout,
            default_headers={
                "User-Agent": f"zoomkit/{__version__} httpx/{httpx.__version__}",
                "Accept": "application/json",
                **(default_headers or {}),
            },
            rate_limiter=self.rate_limiter,
        )

    @classmethod
    def from_env(cls, **options: Any) -> ZoomClient:
        """Build a client from ``ZOOM_ACCOUNT_ID``, ``ZOOM_CLIENT_ID``, ``ZOOM_CLIENT_SECRET``.

        (Or ``ZOOM_API_KEY`` and ``ZOOM_API_SECRET`` for a legacy JWT app.) ``ZOOM_BASE_URL``
        and ``ZOOM_OAUTH_BASE_URL`` override Zoom's URLs for private-cloud and ZoomGov.
        """
        return cls(auth=_auth_from_env(), **options)

    def with_options(
        self,
        *,
        auth: httpx.Auth | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        max_retry_after: float | None = None,
        default_headers: Mapping[str, str] | None = None,
        rate_limits: RateLimits | RateLimiter | None = None,
    ) -> ZoomClient:
        """A copy with some options changed, sharing this client's connection pool.

        The copy never closes the pool; close the original when you are done. It shares the
        rate limiter too (one account, one budget) unless you pass ``rate_limits``.
        """
        clone = ZoomClient(
            auth=auth or self.auth,
            base_url=self.base_url,
            oauth_base_url=self.oauth_base_url,
            timeout=timeout if timeout is not None else self._options["timeout"],
            max_retries=max_retries if max_retries is not None else self._options["max_retries"],
            max_retry_after=(
                max_retry_after if max_retry_after is not None else self._options["max_retry_after"]
            ),
            http_client=self._http_client,
            clock=self.clock,
            default_headers={**self._options["default_headers"], **(default_headers or {})},
            rate_limits=rate_limits if rate_limits is not None else self.rate_limiter,
        )
        return clone

    # -- resources -----------------------------------------------------------------------------
    users = ResourceAttribute(Users)
    meetings = ResourceAttribute(Meetings)
    past_meetings = ResourceAttribute(PastMeetings)
    reports = ResourceAttribute(Reports)
    dashboards = ResourceAttribute(Dashboards)
    groups = ResourceAttribute(Groups)
    tracking_fields = ResourceAttribute(TrackingFields)
    webinars = ResourceAttribute(Webinars)
    past_webinars = ResourceAttribute(PastWebinars)
    recordings = ResourceAttribute(Recordings)

    async def get_meeting_or_webinar(
        self,
        meeting_or_webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Meeting | Webinar:
        """The meeting with this id, else the webinar: one call for a meeting, two otherwise.

        See :func:`zoomkit.resources.webinar_kind.get_meeting_or_webinar`.
        """
        return await get_meeting_or_webinar(
            self,
            meeting_or_webinar_id,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    # -- raw access ------------------------------------------------------------------------------
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ZoomResponse:
        """Call any endpoint (path relative to the base URL) through the same loop.

        Returns a :class:`ZoomResponse` with the status, headers (tracking id, rate limits) and
        body. Build paths with :func:`zoomkit.build_path` so ids are encoded correctly.
        """
        return await self._loop.request(
            method,
            path,
            params=params,
            json_body=json,
            options=RequestOptions(
                extra_headers=extra_headers, timeout=timeout, max_retries=max_retries
            ),
        )

    async def quota(self) -> QuotaState:
        """The rate limiter's budgets now: what is left today, what is blocked until when.

        A scheduled job reads it before starting. Needs ``rate_limits=`` on the client.
        """
        if self.rate_limiter is None:
            raise ConfigurationError(
                "this client has no rate limiter: pass rate_limits=RateLimits.pro() "
                "(or your plan's table, or a RateLimiter) to ZoomClient"
            )
        return await self.rate_limiter.quota()

    # -- lifecycle -------------------------------------------------------------------------------
    async def aclose(self) -> None:
        """Close the connection pool, unless it was given to us."""
        if self._owns_http_client:
            await self._http_client.aclose()

    async def __aenter__(self) -> ZoomClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"ZoomClient(base_url={self.base_url!r}, auth={self.auth!r})"


def _auth_from_env() -> httpx.Auth:
    env = os.environ
    s2s = {name: env.get(name, "").strip() for name in _S2S_ENV}
    if all(s2s.values()):
        return ServerToServerOAuth(
            account_id=s2s["ZOOM_ACCOUNT_ID"],
            client_id=s2s["ZOOM_CLIENT_ID"],
            client_secret=s2s["ZOOM_CLIENT_SECRET"],
        )
    jwt = {name: env.get(name, "").strip() for name in _JWT_ENV}
    if all(jwt.values()) and not any(s2s.values()):
        return JWTAuth(api_key=jwt["ZOOM_API_KEY"], api_secret=jwt["ZOOM_API_SECRET"])
    missing = [name for name, value in s2s.items() if not value]
    if len(missing) < len(_S2S_ENV):
        raise ConfigurationError(
            f"incomplete Zoom credentials: {', '.join(missing)} not set "
            f"(Server-to-Server OAuth needs {', '.join(_S2S_ENV)})"
        )
    raise ConfigurationError(
        "no Zoom credentials: pass auth=ServerToServerOAuth(...) (or another strategy from "
        f"zoomkit.auth), or set {', '.join(_S2S_ENV)} in the environment"
    )


_RATE_LIMITER_MEMBERS = ("limits", "acquire", "acquire_meeting_write", "observe", "quota")


def _rate_limiter(limits: RateLimits | RateLimiter | None, clock: Clock) -> RateLimiter | None:
    if limits is None or isinstance(limits, RateLimiter):
        return limits
    if isinstance(limits, RateLimits):
        return MemoryRateLimiter(limits, clock=clock)
    missing = [name for name in _RATE_LIMITER_MEMBERS if not hasattr(limits, name)]
    lacking = (
        f" (it has no {', '.join(missing)})" if len(missing) < len(_RATE_LIMITER_MEMBERS) else ""
    )
    raise ConfigurationError(
        "rate_limits must be a RateLimits table or a RateLimiter, got "
        f"{type(limits).__name__}{lacking}"
    )
