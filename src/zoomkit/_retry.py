"""Retry decisions as pure functions: what to retry, and how long to wait.

Zoom has no idempotency keys, so a retried create can make a duplicate meeting. The rules:

* a request that never reached Zoom (connect error, token fetch failed) is always safe to retry;
* 429 per-second limits wait for ``Retry-After`` (seconds, HTTP date or ISO date), capped;
* daily limits are never retried: they raise :class:`DailyLimitExceeded` at once;
* 5xx answers and read timeouts are retried only for idempotent methods (GET, HEAD, OPTIONS,
  PUT, DELETE): a POST or PATCH may already have taken effect.
"""

from __future__ import annotations

import email.utils
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .errors import (
    APIConnectionError,
    DailyLimitExceeded,
    InternalServerError,
    OAuthError,
    RateLimitError,
    ZoomError,
)

__all__ = ["IDEMPOTENT_METHODS", "RetryPolicy", "next_utc_midnight", "parse_retry_after"]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard to try. ``max_retry_after`` caps a wait Zoom asks for; longer waits raise."""

    max_retries: int = 2
    max_retry_after: float = 60.0
    initial_backoff: float = 0.5
    max_backoff: float = 8.0

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        if self.max_retry_after < 0 or self.initial_backoff < 0 or self.max_backoff < 0:
            raise ValueError("retry waits must be >= 0 seconds")

    def should_retry(self, error: BaseException, *, method: str) -> bool:
        """Whether a failed attempt may be tried again without risking a duplicate write."""
        if isinstance(error, DailyLimitExceeded):
            return False
        if isinstance(error, RateLimitError):
            # Zoom did not act on a 429. Retry unless the wait is longer than we will sleep.
            return error.retry_after is None or error.retry_after <= self.max_retry_after
        if isinstance(error, APIConnectionError):
            return not request_was_sent(error) or method.upper() in IDEMPOTENT_METHODS
        if isinstance(error, OAuthError):
            # The token endpoint failed, so the API request itself was never sent. But a failed
            # refresh may still have rotated the refresh token at Zoom: never resend it blindly.
            return (
                error.status_code is not None
                and error.status_code >= 500
                and error.grant_type != "refresh_token"
            )
        if isinstance(error, InternalServerError):
            return method.upper() in IDEMPOTENT_METHODS
        return False

    def wait_seconds(self, error: BaseException, *, attempt: int) -> float:
        """Seconds to wait before attempt ``attempt + 1`` (``attempt`` counts from 1)."""
        if isinstance(error, RateLimitError) and error.retry_after is not None:
            return max(0.0, error.retry_after)
        backoff = min(self.max_backoff, self.initial_backoff * 2.0 ** (attempt - 1))
        return backoff * (1 - 0.25 * random.random())  # noqa: S311 - jitter, not security


def request_was_sent(error: ZoomError) -> bool:
    """False when the failure happened before the API request left this process."""
    return bool(getattr(error, "request_sent", True))


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header, or ``None`` if it is absent or garbage.

    Zoom sends plain seconds on some limits and an ISO 8601 date on daily limits; HTTP dates
    (RFC 7231) are accepted too. A date in the past means "now" (0 seconds).
    """
    moment = _retry_after_moment(value, now=now)
    if moment is None:
        return None
    return max(0.0, moment - now)


def parse_retry_at(value: str | None, *, now: float) -> datetime | None:
    """The moment a ``Retry-After`` header names, as an aware UTC datetime."""
    moment = _retry_after_moment(value, now=now)
    return None if moment is None else datetime.fromtimestamp(moment, UTC)


def _retry_after_moment(value: str | None, *, now: float) -> float | None:
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        if seconds != seconds or seconds in (float("inf"), float("-inf")):  # NaN / inf
            return None
        return now + max(0.0, seconds)
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def next_utc_midnight(now: float) -> datetime:
    """When Zoom's daily limits reset: the next 00:00 UTC."""
    today = datetime.fromtimestamp(now, UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=1)
