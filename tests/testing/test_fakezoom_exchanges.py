"""FakeZoom's exchange log: the answers to API calls, kept for schema checks."""

from __future__ import annotations

import httpx
import pytest

from zoomkit.testing import FakeZoom
from zoomkit.testing._state import EXCHANGE_LOG_SIZE


@pytest.mark.asyncio
async def test_a_json_answer_is_logged_with_operation_method_and_status(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    await api.get("/users/me")
    [exchange] = fake.exchanges
    assert (exchange.operation, exchange.method, exchange.status) == ("user", "GET", 200)
    assert exchange.body == fake.owner


@pytest.mark.asyncio
async def test_the_logged_body_is_a_copy_that_later_changes_leave_alone(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Before")
    await api.get(f"/meetings/{meeting['id']}")
    await api.patch(f"/meetings/{meeting['id']}", json={"topic": "After"})
    first = fake.exchanges[0].body
    assert isinstance(first, dict)
    assert first["topic"] == "Before"


@pytest.mark.asyncio
async def test_empty_answers_are_logged_without_a_body_and_errors_with_theirs(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Doomed")
    assert (await api.delete(f"/meetings/{meeting['id']}")).status_code == 204
    assert (await api.get("/users/ghost@example.com")).status_code == 404
    deleted, missing = fake.exchanges
    assert (deleted.operation, deleted.status, deleted.body) == ("meetingDelete", 204, None)
    assert (missing.operation, missing.status) == ("user", 404)
    assert missing.body == {"code": 1001, "message": "User does not exist: ghost@example.com."}


@pytest.mark.asyncio
async def test_token_answers_are_never_logged(http: httpx.AsyncClient, fake: FakeZoom) -> None:
    response = await http.post(
        "https://zoom.us/oauth/token",
        data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
        auth=(fake.s2s.client_id, fake.s2s.client_secret),
    )
    assert response.status_code == 200
    assert list(fake.exchanges) == []


@pytest.mark.asyncio
async def test_the_log_keeps_only_the_latest_answers(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    fake.plan = None  # no rate limits: every call is answered by its handler
    for _ in range(EXCHANGE_LOG_SIZE + 5):
        await api.get("/users/me")
    assert len(fake.exchanges) == EXCHANGE_LOG_SIZE
