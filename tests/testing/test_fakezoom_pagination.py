"""The shared pagination rules: size limits, token expiry, and filters taken per request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from zoomkit.testing import FakeClock, FakeZoom


def seed_users(fake: FakeZoom, count: int, *, status: str = "active") -> None:
    for n in range(count):
        fake.add_user(f"{status}{n}@example.com", first_name="U", last_name=str(n), status=status)


@pytest.mark.asyncio
@pytest.mark.parametrize(("asked", "given"), [(None, 30), ("301", 300), ("1000", 300), ("0", 30)])
async def test_page_size_defaults_to_30_and_is_clamped_to_300(
    api: httpx.AsyncClient, fake: FakeZoom, asked: str | None, given: int
) -> None:
    seed_users(fake, 2)
    params = {"page_size": asked} if asked is not None else {}
    assert (await api.get("/users", params=params)).json()["page_size"] == given


@pytest.mark.asyncio
async def test_last_page_has_an_empty_token(api: httpx.AsyncClient, fake: FakeZoom) -> None:
    page = (await api.get("/users")).json()
    assert page["next_page_token"] == ""


@pytest.mark.asyncio
async def test_page_token_expires_after_fifteen_minutes(
    api: httpx.AsyncClient, fake: FakeZoom, clock: FakeClock
) -> None:
    seed_users(fake, 3)
    token = (await api.get("/users", params={"page_size": 2})).json()["next_page_token"]
    clock.advance(15 * 60 - 1)
    still = await api.get("/users", params={"page_size": 2, "next_page_token": token})
    assert still.status_code == 200
    clock.advance(1)
    stale = await api.get("/users", params={"page_size": 2, "next_page_token": token})
    assert stale.status_code == 400
    assert stale.json() == {"code": 300, "message": "The next page token is invalid or expired."}


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/users", "/users/me/meetings"])
async def test_unknown_or_foreign_page_token_is_refused(
    api: httpx.AsyncClient, fake: FakeZoom, path: str
) -> None:
    seed_users(fake, 3)
    users_token = (await api.get("/users", params={"page_size": 1})).json()["next_page_token"]
    token = "bogus" if path == "/users" else users_token
    response = await api.get(path, params={"next_page_token": token})
    assert response.status_code == 400
    assert response.json()["code"] == 300


@pytest.mark.asyncio
async def test_filters_come_from_each_request_not_from_the_token(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    seed_users(fake, 3, status="pending")  # plus the active owner and 3 more active users
    seed_users(fake, 3, status="active")
    first = (await api.get("/users", params={"status": "pending", "page_size": 2})).json()
    assert {user["status"] for user in first["users"]} == {"pending"}
    token = first["next_page_token"]

    kept = await api.get(
        "/users", params={"status": "pending", "page_size": 2, "next_page_token": token}
    )
    assert [user["status"] for user in kept.json()["users"]] == ["pending"]

    dropped = await api.get("/users", params={"page_size": 2, "next_page_token": token})
    assert {user["status"] for user in dropped.json()["users"]} == {"active"}
    assert dropped.json()["total_records"] == 4


@pytest.mark.asyncio
async def test_meeting_list_uses_the_same_paging(api: httpx.AsyncClient, fake: FakeZoom) -> None:
    start = datetime(2026, 4, 1, 9, tzinfo=UTC)
    for day in range(5):
        fake.add_meeting(
            "owner@example.com", topic=f"m{day}", start_time=start + timedelta(days=day)
        )
    first = (await api.get("/users/me/meetings", params={"page_size": 2})).json()
    assert first["total_records"] == 5
    rest = await api.get(
        "/users/me/meetings", params={"page_size": 10, "next_page_token": first["next_page_token"]}
    )
    assert [m["topic"] for m in rest.json()["meetings"]] == ["m2", "m3", "m4"]
