"""Injected faults: errors instead of acting, errors after acting, and rate-limit answers."""

from __future__ import annotations

import httpx
import pytest

from zoomkit.testing import FakeZoom


@pytest.mark.asyncio
async def test_fault_answers_instead_of_acting(api: httpx.AsyncClient, fake: FakeZoom) -> None:
    fake.inject_fault("meetingCreate", status=500)
    failed = await api.post("/users/me/meetings", json={"topic": "t"})
    assert failed.status_code == 500
    assert failed.json() == {"code": 500, "message": "Internal Server Error."}
    assert (await api.get("/users/me/meetings")).json()["total_records"] == 0
    assert (await api.post("/users/me/meetings", json={"topic": "t"})).status_code == 201


@pytest.mark.asyncio
async def test_after_effect_fault_acts_then_answers_the_error(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    fake.inject_fault("meetingCreate", status=502, after_effect=True)
    failed = await api.post("/users/me/meetings", json={"topic": "created anyway"})
    assert failed.status_code == 502
    listed = (await api.get("/users/me/meetings")).json()["meetings"]
    assert [meeting["topic"] for meeting in listed] == ["created anyway"]


@pytest.mark.asyncio
async def test_fault_repeats_the_given_number_of_times(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    fake.inject_fault("user", status=503, times=2)
    statuses = [(await api.get("/users/me")).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    assert fake.counters.calls["user"] == 3


@pytest.mark.asyncio
async def test_429_carries_zoom_rate_limit_body_and_given_headers(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    fake.inject_fault("meeting", status=429, headers={"Retry-After": "2"})
    response = await api.get("/meetings/12345678901")
    assert response.status_code == 429
    assert response.json() == {
        "code": 429,
        "message": "You have reached the maximum per-second rate limit for this API. "
        "Try again later.",
    }
    assert response.headers["retry-after"] == "2"
    assert "x-zm-trackingid" in response.headers


@pytest.mark.asyncio
async def test_fault_body_can_be_replaced(api: httpx.AsyncClient, fake: FakeZoom) -> None:
    daily = {"code": 429, "message": "You have reached the maximum daily rate limit for this API."}
    fake.inject_fault("users", status=429, body=daily, headers={"X-RateLimit-Type": "Daily-limit"})
    response = await api.get("/users")
    assert response.json() == daily
    assert response.headers["x-ratelimit-type"] == "Daily-limit"


@pytest.mark.asyncio
async def test_auth_is_checked_before_a_fault(http: httpx.AsyncClient, fake: FakeZoom) -> None:
    fake.inject_fault("user", status=500)
    assert (await http.get("/v2/users/me")).status_code == 401


@pytest.mark.asyncio
async def test_token_endpoint_faults_answer_oauth_shaped_errors_and_still_count(
    http: httpx.AsyncClient, fake: FakeZoom
) -> None:
    fake.inject_fault("oauthToken", status=503)
    response = await http.post(
        "https://zoom.us/oauth/token",
        data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
        auth=(fake.s2s.client_id, fake.s2s.client_secret),
    )
    assert response.status_code == 503
    assert response.json()["error"] == "server_error"
    assert fake.counters.token_requests["account_credentials"] == 1


def test_times_must_be_positive(fake: FakeZoom) -> None:
    with pytest.raises(ValueError, match="times"):
        fake.inject_fault("user", times=0)
