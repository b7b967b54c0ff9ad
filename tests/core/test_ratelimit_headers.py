"""Reading Zoom's answers for the limiter: which headers and refusals it acts on, and how."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from zoomkit._http import make_api_error
from zoomkit._ratelimit_gate import read_observation, says_per_host
from zoomkit.ratelimit import LimitType, Observation

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC).timestamp()
MIDNIGHT = datetime(2026, 3, 3, tzinfo=UTC).timestamp()
DAILY = "You have reached the maximum daily rate limit for this API. Refer to the response header."
PER_SECOND = "You have reached the maximum per-second rate limit for this API. Try again later."
PER_HOST = (
    "You have exceeded the daily rate limit (100) of Meeting Create/Update API requests "
    "permitted for this particular user. You may resume these requests at GMT 00:00:00."
)
OLD_PER_HOST = "A maximum of 100 meetings can be created/updated for a single user in one day."
# One registrant's own limit, in the two wordings Zoom has used (devforum t/141856, t/57798).
PER_REGISTRANT = (
    "You have exceeded the daily rate limit of (3) for Add a webinar registrant API requests for "
    "the registrant (user@example.com). You can resume these API requests at GMT 00:00:00."
)
PER_REGISTRANT_BATCH = (
    "You have exceeded the daily rate limit (3) of Webinar Batch Registration API requests "
    "permitted for (user@example.com) this particular registrant. You may resume these requests "
    "at GMT 00:00:00."
)


def answer(
    status: int,
    headers: dict[str, str],
    body: dict[str, object] | None = None,
    host: str | None = None,
) -> Observation | None:
    response = httpx.Response(status, json=body or {}, headers=headers)
    error = None if response.is_success else make_api_error(response, now=NOW)
    return read_observation(response.headers, error, now=NOW, host_key=host)


@pytest.mark.parametrize(
    ("status", "headers", "body", "host", "expected"),
    [
        # a success with Zoom's daily count: tighten to it
        (
            200,
            {
                "X-RateLimit-Type": "Daily-limit",
                "X-RateLimit-Limit": "30000",
                "X-RateLimit-Remaining": "120",
            },
            None,
            None,
            Observation(LimitType.DAILY, remaining=120, limit=30_000),
        ),
        # a success with a per-second count: nothing to act on
        (
            200,
            {"X-RateLimit-Type": "QPS", "X-RateLimit-Limit": "30", "X-RateLimit-Remaining": "0"},
            None,
            None,
            None,
        ),
        # a success without a type: Zoom did not say which limit, so nothing
        (200, {"X-RateLimit-Limit": "6000", "X-RateLimit-Remaining": "5893"}, None, None, None),
        # a daily type without a remaining count: nothing
        (200, {"X-RateLimit-Type": "Daily-limit"}, None, None, None),
        # a garbage count is ignored
        (
            200,
            {"X-RateLimit-Type": "Daily-limit", "X-RateLimit-Remaining": "many"},
            None,
            None,
            None,
        ),
        # no rate-limit headers at all
        (200, {}, None, None, None),
        # a non-429 error with no headers
        (500, {}, {"code": 500, "message": "oops"}, None, None),
        # a daily 429: blocked until Retry-After (an ISO date)
        (
            429,
            {
                "X-RateLimit-Type": "Daily-limit",
                "X-RateLimit-Limit": "30000",
                "X-RateLimit-Remaining": "0",
                "Retry-After": "2026-03-03T00:00:00Z",
            },
            {"code": 429, "message": DAILY},
            None,
            Observation(LimitType.DAILY, 0, 30_000, rejected=True, retry_at=MIDNIGHT),
        ),
        # a daily 429 without Retry-After: blocked until the next midnight UTC
        (
            429,
            {"X-RateLimit-Type": "Daily-limit"},
            {"code": 429, "message": DAILY},
            None,
            Observation(LimitType.DAILY, rejected=True, retry_at=MIDNIGHT),
        ),
        # a per-second 429 with Retry-After in seconds
        (
            429,
            {"X-RateLimit-Type": "QPS", "Retry-After": "2"},
            {"code": 429, "message": PER_SECOND},
            None,
            Observation(LimitType.QPS, rejected=True, retry_at=NOW + 2),
        ),
        # a per-second 429 without Retry-After
        (
            429,
            {"X-RateLimit-Type": "QPS", "X-RateLimit-Limit": "30", "X-RateLimit-Remaining": "0"},
            {"code": 429, "message": PER_SECOND},
            None,
            Observation(LimitType.QPS, 0, 30, rejected=True),
        ),
        # the per-host 429 on a write for a known host: block the host, not the category
        (
            429,
            {
                "X-RateLimit-Category": "Light",
                "X-RateLimit-Limit": "6000",
                "X-RateLimit-Remaining": "5893",
            },
            {"code": 429, "message": PER_HOST},
            "u1",
            Observation(LimitType.DAILY, rejected=True, retry_at=MIDNIGHT, host_key="u1"),
        ),
        # Zoom's older answer to the same limit: code 300
        (
            400,
            {},
            {"code": 300, "message": OLD_PER_HOST},
            "u1",
            Observation(LimitType.DAILY, rejected=True, retry_at=MIDNIGHT, host_key="u1"),
        ),
        # the per-host 429 when the host is unknown: nothing (the category is not spent)
        (429, {}, {"code": 429, "message": PER_HOST}, None, None),
        # one registrant's daily limit, either wording: not the account's, so nothing
        (
            429,
            {"X-RateLimit-Category": "Light"},
            {"code": 429, "message": PER_REGISTRANT},
            None,
            None,
        ),
        (
            429,
            {"X-RateLimit-Category": "Heavy", "X-RateLimit-Limit": "30000"},
            {"code": 429, "message": PER_REGISTRANT_BATCH},
            None,
            None,
        ),
        # an unfamiliar message, but Zoom's headers say the daily budget is spent: block
        (
            429,
            {"X-RateLimit-Type": "Daily-limit", "X-RateLimit-Remaining": "0"},
            {"code": 429, "message": "Daily limit reached."},
            None,
            Observation(LimitType.DAILY, 0, None, rejected=True, retry_at=MIDNIGHT),
        ),
    ],
)
def test_answers_become_observations(
    status: int,
    headers: dict[str, str],
    body: dict[str, object] | None,
    host: str | None,
    expected: Observation | None,
) -> None:
    assert answer(status, headers, body, host) == expected


@pytest.mark.parametrize(
    ("code", "message", "expected"),
    [
        (429, PER_HOST, True),
        (300, OLD_PER_HOST, True),
        (429, DAILY, False),
        (429, PER_SECOND, False),
    ],
)
def test_per_host_refusals_are_told_apart_from_account_limits(
    code: int, message: str, expected: bool
) -> None:
    status = 400 if code == 300 else 429
    response = httpx.Response(status, json={"code": code, "message": message})
    assert says_per_host(make_api_error(response, now=NOW)) is expected
