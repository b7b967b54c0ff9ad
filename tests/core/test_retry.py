"""Retries: Retry-After parsing, which failures are retried, and that writes are never doubled."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
import respx

from zoomkit import ZoomClient
from zoomkit._retry import RetryPolicy, next_utc_midnight, parse_retry_after, parse_retry_at
from zoomkit.auth import StaticTokenAuth
from zoomkit.errors import (
    APIConnectionError,
    APITimeoutError,
    DailyLimitExceeded,
    InternalServerError,
    RateLimitError,
)

NOW = datetime(2026, 11, 21, 12, 0, 0, tzinfo=UTC).timestamp()
MEETINGS_URL = "https://api.zoom.us/v2/users/me/meetings"
MEETING_URL = "https://api.zoom.us/v2/meetings/85746065432"
PER_SECOND_BODY = {
    "code": 429,
    "message": "You have reached the maximum per-second rate limit for this API. Try again later.",
}
DAILY_BODY = {
    "code": 429,
    "message": "You have reached the maximum daily rate limit for this API. Refer to the "
    "response header for details on when you can make another request.",
}
MEETING_JSON = {"id": 85746065432, "topic": "Weekly sync", "type": 2}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("5", 5.0),
        ("0", 0.0),
        ("2.5", 2.5),
        ("-3", 0.0),
        ("Sat, 21 Nov 2026 12:00:30 GMT", 30.0),
        ("2026-11-21T12:01:00Z", 60.0),
        ("2026-11-21T13:00:00+01:00", 0.0),
        ("2026-11-22T00:00:00Z", 12 * 3600.0),
        ("2026-11-21T11:00:00Z", 0.0),
        ("soon", None),
        ("", None),
        ("nan", None),
        ("inf", None),
        (None, None),
    ],
)
def test_retry_after_is_read_as_seconds_http_date_or_iso_date(
    header: str | None, expected: float | None
) -> None:
    assert parse_retry_after(header, now=NOW) == expected


def test_retry_at_gives_an_aware_utc_moment() -> None:
    assert parse_retry_at("2026-11-22T00:00:00Z", now=NOW) == datetime(2026, 11, 22, tzinfo=UTC)


def test_daily_limits_reset_at_the_next_utc_midnight() -> None:
    assert next_utc_midnight(NOW) == datetime(2026, 11, 22, tzinfo=UTC)


@pytest.mark.parametrize(
    ("method", "retried"),
    [("GET", True), ("PUT", True), ("DELETE", True), ("POST", False), ("PATCH", False)],
)
def test_server_errors_are_retried_only_for_idempotent_methods(method: str, retried: bool) -> None:
    error = InternalServerError("boom", status_code=500)
    assert RetryPolicy().should_retry(error, method=method) is retried


def test_backoff_grows_and_is_capped() -> None:
    policy = RetryPolicy(initial_backoff=0.5, max_backoff=8.0)
    error = InternalServerError("boom", status_code=500)
    waits = [policy.wait_seconds(error, attempt=n) for n in range(1, 8)]
    assert 0.375 <= waits[0] <= 0.5
    assert all(w <= 8.0 for w in waits)
    assert waits[-1] >= 6.0


def client(clock: object, **options: object) -> ZoomClient:
    return ZoomClient(auth=StaticTokenAuth("tok"), clock=clock, **options)  # type: ignore[arg-type]


pytestmark_anyio = pytest.mark.anyio


@pytestmark_anyio
@respx.mock
async def test_a_post_is_not_retried_after_a_500(clock: object) -> None:
    route = respx.post(MEETINGS_URL).respond(500, json={"code": 500, "message": "oops"})
    async with client(clock) as zoom:
        with pytest.raises(InternalServerError):
            await zoom.meetings.create("me", topic="x")
    assert route.call_count == 1


@pytestmark_anyio
@respx.mock
async def test_a_get_is_retried_after_a_500_with_backoff(clock) -> None:  # type: ignore[no-untyped-def]
    route = respx.get(MEETING_URL).mock(
        side_effect=[
            httpx.Response(500, json={"code": 500, "message": "oops"}),
            httpx.Response(503, text="<html>unavailable</html>"),
            httpx.Response(200, json=MEETING_JSON),
        ]
    )
    async with client(clock) as zoom:
        meeting = await zoom.meetings.get(85746065432)
    assert meeting.id == 85746065432
    assert route.call_count == 3
    assert len(clock.sleeps) == 2


@pytestmark_anyio
@respx.mock
async def test_retries_stop_after_max_retries(clock: object) -> None:
    route = respx.get(MEETING_URL).respond(502, text="bad gateway")
    async with client(clock, max_retries=3) as zoom:
        with pytest.raises(InternalServerError) as caught:
            await zoom.meetings.get(85746065432)
    assert route.call_count == 4
    assert "no JSON error body" in str(caught.value)


@pytestmark_anyio
@respx.mock
async def test_a_per_second_429_waits_retry_after_even_for_a_post(clock) -> None:  # type: ignore[no-untyped-def]
    route = respx.post(MEETINGS_URL).mock(
        side_effect=[
            httpx.Response(429, json=PER_SECOND_BODY, headers={"Retry-After": "2"}),
            httpx.Response(201, json=MEETING_JSON),
        ]
    )
    async with client(clock) as zoom:
        await zoom.meetings.create("me", topic="x")
    assert route.call_count == 2
    assert clock.sleeps == [2.0]


@pytestmark_anyio
@respx.mock
async def test_a_retry_after_beyond_the_cap_raises_instead_of_sleeping(clock) -> None:  # type: ignore[no-untyped-def]
    route = respx.get(MEETING_URL).respond(
        429, json=PER_SECOND_BODY, headers={"Retry-After": "3600"}
    )
    async with client(clock, max_retry_after=60) as zoom:
        with pytest.raises(RateLimitError) as caught:
            await zoom.meetings.get(85746065432)
    assert caught.value.retry_after == 3600.0
    assert route.call_count == 1
    assert clock.sleeps == []


@pytestmark_anyio
@respx.mock
async def test_a_daily_limit_raises_at_once_with_retry_at(clock) -> None:  # type: ignore[no-untyped-def]
    route = respx.get(MEETING_URL).respond(
        429,
        json=DAILY_BODY,
        headers={
            "X-RateLimit-Category": "Light",
            "X-RateLimit-Type": "Daily-limit",
            "Retry-After": "2026-06-01T00:00:00Z",
        },
    )
    async with client(clock) as zoom:
        with pytest.raises(DailyLimitExceeded) as caught:
            await zoom.meetings.get(85746065432)
    assert route.call_count == 1
    assert clock.sleeps == []
    assert caught.value.retry_at == datetime(2026, 6, 1, tzinfo=UTC)
    assert caught.value.category == "Light"


@pytestmark_anyio
@respx.mock
async def test_the_per_host_meeting_limit_is_a_daily_limit_until_midnight(clock) -> None:  # type: ignore[no-untyped-def]
    body = {
        "code": 429,
        "message": "You have exceeded the daily rate limit (100) of Meeting Create/Update API "
        "requests permitted for this particular user. You may resume these requests at GMT "
        "00:00:00.",
    }
    route = respx.post(MEETINGS_URL).respond(429, json=body)
    async with client(clock) as zoom:
        with pytest.raises(DailyLimitExceeded) as caught:
            await zoom.meetings.create("me", topic="x")
    assert route.call_count == 1
    assert caught.value.retry_at == next_utc_midnight(clock.time())


@pytestmark_anyio
@respx.mock
async def test_a_connection_that_never_opened_is_retried_even_for_a_post(clock: object) -> None:
    route = respx.post(MEETINGS_URL).mock(
        side_effect=[httpx.ConnectError("refused"), httpx.Response(201, json=MEETING_JSON)]
    )
    async with client(clock) as zoom:
        meeting = await zoom.meetings.create("me", topic="x")
    assert meeting.id == 85746065432
    assert route.call_count == 2


@pytestmark_anyio
@respx.mock
async def test_a_read_timeout_on_a_post_is_not_retried(clock: object) -> None:
    route = respx.post(MEETINGS_URL).mock(side_effect=httpx.ReadTimeout("slow"))
    async with client(clock) as zoom:
        with pytest.raises(APITimeoutError) as caught:
            await zoom.meetings.create("me", topic="x")
    assert route.call_count == 1
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)


@pytestmark_anyio
@respx.mock
async def test_a_read_timeout_on_a_get_is_retried(clock: object) -> None:
    route = respx.get(MEETING_URL).mock(
        side_effect=[httpx.ReadTimeout("slow"), httpx.Response(200, json=MEETING_JSON)]
    )
    async with client(clock) as zoom:
        await zoom.meetings.get(85746065432)
    assert route.call_count == 2


@pytestmark_anyio
@respx.mock
async def test_a_reset_after_sending_a_post_is_wrapped_and_not_retried(clock: object) -> None:
    route = respx.post(MEETINGS_URL).mock(side_effect=httpx.RemoteProtocolError("reset"))
    async with client(clock) as zoom:
        with pytest.raises(APIConnectionError) as caught:
            await zoom.meetings.create("me", topic="x")
    assert route.call_count == 1
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)


@pytestmark_anyio
@respx.mock
async def test_max_retries_zero_means_one_attempt(clock: object) -> None:
    route = respx.get(MEETING_URL).respond(500, json={"code": 500, "message": "x"})
    async with client(clock, max_retries=0) as zoom:
        with pytest.raises(InternalServerError):
            await zoom.meetings.get(85746065432)
    assert route.call_count == 1


@pytestmark_anyio
@respx.mock
async def test_a_connect_timeout_on_a_post_is_not_retried(clock: object) -> None:
    # httpx-aiohttp reports "server disconnected after reading the request" as ConnectTimeout.
    route = respx.post(MEETINGS_URL).mock(side_effect=httpx.ConnectTimeout("disconnected"))
    async with client(clock) as zoom:
        with pytest.raises(APITimeoutError):
            await zoom.meetings.create("me", topic="x")
    assert route.call_count == 1


@pytestmark_anyio
@respx.mock
async def test_a_connect_timeout_on_a_get_is_retried(clock: object) -> None:
    route = respx.get(MEETING_URL).mock(
        side_effect=[httpx.ConnectTimeout("slow"), httpx.Response(200, json=MEETING_JSON)]
    )
    async with client(clock) as zoom:
        await zoom.meetings.get(85746065432)
    assert route.call_count == 2
