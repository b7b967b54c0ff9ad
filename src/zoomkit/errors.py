"""The zoomkit error hierarchy.

Every failure a caller can meet is a :class:`ZoomError`. API errors carry what a person needs
to act on them: the HTTP status, Zoom's numeric ``code`` and ``message``, the ``errors[]``
detail list, and the ``tracking_id`` Zoom support asks for. Messages never contain a token or
secret.

::

    ZoomError
    ├── APIError                       (status_code, code, message, errors, tracking_id)
    │   ├── BadRequestError            400
    │   │   └── PageTokenExpiredError  next_page_token older than 15 minutes
    │   ├── AuthenticationError        401 (code 124: invalid or expired access token)
    │   ├── PermissionDeniedError      403
    │   │   └── MissingScopeError      the token lacks a scope (``scopes`` names them)
    │   ├── NotFoundError              404
    │   │   ├── MeetingNotFound        code 3001
    │   │   └── UserNotFound           code 1001
    │   ├── ConflictError              409
    │   ├── RateLimitError             429 (retry_after, limit_type, category)
    │   │   └── DailyLimitExceeded     daily limits (retry_at)
    │   └── InternalServerError        5xx
    ├── APIConnectionError             the request did not complete
    │   └── APITimeoutError
    ├── OAuthError                     the token endpoint refused (47xx codes, OAuth ``error``)
    │   └── ReauthorizationRequired    the refresh token is dead: the user must authorize again
    ├── ConfigurationError             the client was set up wrongly (no credentials...)
    ├── TokenStoreError                a rotated token could not be persisted
    ├── CoordinationError              the store processes share (Redis) failed: not sent
    ├── ResponseValidationError        Zoom answered with something zoomkit cannot read
    │   └── DownloadSizeMismatch       a downloaded file is not the size Zoom announced
    ├── RequestValidationError         bad input, caught before anything was sent
    ├── PartialBatchError              a multi-call batch stopped part-way (what was done)
    └── WebhookVerificationError       a webhook failed its signature or timestamp check
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "CoordinationError",
    "DailyLimitExceeded",
    "DownloadSizeMismatch",
    "InternalServerError",
    "MeetingNotFound",
    "MissingScopeError",
    "NotFoundError",
    "OAuthError",
    "PageTokenExpiredError",
    "PartialBatchError",
    "PermissionDeniedError",
    "RateLimitError",
    "ReauthorizationRequired",
    "RequestValidationError",
    "ResponseValidationError",
    "TokenStoreError",
    "UserNotFound",
    "WebhookVerificationError",
    "ZoomError",
]


class ZoomError(Exception):
    """Base of every zoomkit error."""


class APIError(ZoomError):
    """Zoom answered with an error status."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: int | None = None,
        errors: Sequence[Mapping[str, Any]] = (),
        tracking_id: str | None = None,
        response: httpx.Response | None = None,
        body: object = None,
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.code = code
        self.errors: list[dict[str, Any]] = [dict(e) for e in errors]
        self.tracking_id = tracking_id
        self.response = response
        self.body = body
        super().__init__(self._describe())

    def _describe(self) -> str:
        parts = [f"HTTP {self.status_code}"]
        if self.code is not None:
            parts.append(f"code {self.code}")
        text = f"{', '.join(parts)}: {self.message}"
        if self.errors:
            details = "; ".join(
                f"{e.get('field', '?')}: {e.get('message', '')}".strip() for e in self.errors
            )
            text += f" ({details})"
        if self.tracking_id:
            text += f" [tracking id {self.tracking_id}]"
        return text

    @property
    def headers(self) -> httpx.Headers:
        """Response headers (``X-RateLimit-*``, ``x-zm-trackingid``); empty if there was none."""
        return self.response.headers if self.response is not None else httpx.Headers()


class BadRequestError(APIError):
    """HTTP 400: Zoom rejected the request's parameters or state."""


class PageTokenExpiredError(BadRequestError):
    """A ``next_page_token`` was used after Zoom's 15-minute expiry; restart the listing."""


class AuthenticationError(APIError):
    """HTTP 401: the access token is missing, invalid or expired."""


class PermissionDeniedError(APIError):
    """HTTP 403, or a Zoom code meaning the credential may not do this."""


class MissingScopeError(PermissionDeniedError):
    """The token does not carry a scope the operation needs; ``scopes`` names them."""

    def __init__(self, message: str, *, scopes: Sequence[str] = (), **kwargs: Any) -> None:
        self.scopes = list(scopes)
        super().__init__(message, **kwargs)


class NotFoundError(APIError):
    """HTTP 404, or a Zoom code meaning the object does not exist."""


class MeetingNotFound(NotFoundError):
    """Zoom code 3001: the meeting (or webinar) does not exist or has expired."""


class UserNotFound(NotFoundError):
    """Zoom code 1001: the user does not exist or is not in this account."""


class ConflictError(APIError):
    """HTTP 409: for example a user with this email already exists."""


class RateLimitError(APIError):
    """HTTP 429: a per-second limit. ``retry_after`` is the wait in seconds, when Zoom said."""

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None = None,
        limit_type: str | None = None,
        category: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.retry_after = retry_after
        self.limit_type = limit_type
        self.category = category
        super().__init__(message, **kwargs)


class DailyLimitExceeded(RateLimitError):
    """A daily limit is spent (account category, or 100 meeting creates/updates per host).

    Never retried automatically: ``retry_at`` (aware UTC) says when the budget comes back.
    """

    def __init__(self, message: str, *, retry_at: datetime | None = None, **kwargs: Any) -> None:
        self.retry_at = retry_at
        super().__init__(message, **kwargs)

    def _describe(self) -> str:
        text = super()._describe()
        if self.retry_at is not None:
            text += f"; retry at {self.retry_at.isoformat()}"
        return text


class InternalServerError(APIError):
    """HTTP 5xx."""


class APIConnectionError(ZoomError):
    """The request did not complete: DNS, connect, reset, or a broken response."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None):
        self.request = request
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(
        self, message: str = "Request timed out.", *, request: httpx.Request | None = None
    ):
        super().__init__(message, request=request)


class OAuthError(ZoomError):
    """Zoom's OAuth endpoint refused a token request.

    ``error`` is the OAuth error string (``invalid_grant``, ``invalid_client``...), ``code`` a
    47xx Zoom OAuth code when one was given, ``reason`` Zoom's explanation.
    """

    def __init__(
        self,
        reason: str,
        *,
        status_code: int | None = None,
        error: str | None = None,
        code: int | None = None,
        tracking_id: str | None = None,
        grant_type: str | None = None,
    ) -> None:
        self.reason = reason
        self.status_code = status_code
        self.error = error
        self.code = code
        self.tracking_id = tracking_id
        self.grant_type = grant_type
        parts = [p for p in (error, f"code {code}" if code is not None else None) if p]
        prefix = f"OAuth {', '.join(parts)}" if parts else "OAuth error"
        if status_code is not None:
            prefix += f" (HTTP {status_code})"
        text = f"{prefix}: {reason}"
        if tracking_id:
            text += f" [tracking id {tracking_id}]"
        super().__init__(text)


class ReauthorizationRequired(OAuthError):
    """The stored refresh token no longer works; send the user through authorization again."""


class ConfigurationError(ZoomError, ValueError):
    """The client was set up wrongly (for example, no credentials): fix the code or environment."""


class TokenStoreError(ZoomError):
    """The token store failed; with rotation, the new tokens were kept out of use."""


class CoordinationError(ZoomError):
    """The store the processes coordinate through (Redis) failed: the shared rate limiter, a
    lock or the webhook dedupe store. zoomkit fails closed: a call the limiter could not pace
    is not sent, since sending blind could spend the account's budget for every process."""


class ResponseValidationError(ZoomError):
    """Zoom's response could not be read as the documented shape."""

    def __init__(self, message: str, *, response: httpx.Response | None = None) -> None:
        self.response = response
        super().__init__(message)


class DownloadSizeMismatch(ResponseValidationError):
    """A download ended at another size than announced (``file_size``, Content-Length).

    Nothing is left at the destination: the partial ``.part`` file is removed.
    """

    def __init__(self, message: str, *, expected: int, received: int) -> None:
        self.expected = expected
        self.received = received
        super().__init__(message)


class RequestValidationError(ZoomError, ValueError):
    """Bad input, found before anything was sent. ``field`` names the offending field."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


class PartialBatchError(ZoomError):
    """A job of several calls (``registrants.add_many``) stopped part-way.

    ``done`` holds the results of the calls that succeeded, ``failed`` the items of the call that
    raised (the cause is ``error``, also ``__cause__``), ``unsent`` the items never sent. Nothing
    is retried for you: a failed call may still have acted, so check before sending it again.
    """

    def __init__(
        self,
        message: str,
        *,
        done: Sequence[Any],
        failed: Sequence[Any],
        unsent: Sequence[Any],
        error: ZoomError,
    ) -> None:
        self.done = list(done)
        self.failed = list(failed)
        self.unsent = list(unsent)
        self.error = error
        super().__init__(message)


class WebhookVerificationError(ZoomError):
    """A webhook request failed verification; answer it with 401."""


_SCOPES_RE = re.compile(r"scopes?\s*:?\s*\[([^\]]*)\]", re.IGNORECASE)


def parse_missing_scopes(message: str) -> list[str]:
    """Pull scope names from Zoom's "does not contain scopes:[a, b]" message."""
    match = _SCOPES_RE.search(message)
    if not match:
        return []
    return [s.strip() for s in match.group(1).split(",") if s.strip()]
