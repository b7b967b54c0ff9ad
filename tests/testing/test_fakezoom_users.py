"""Users on FakeZoom: lookup by me/id/email, 404s, and listing with Zoom's pagination."""

from __future__ import annotations

import httpx
import pytest

from zoomkit.testing import FakeZoom


@pytest.mark.asyncio
async def test_me_is_the_seeded_owner_with_a_full_user_object(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    response = await api.get("/users/me")
    assert response.status_code == 200
    user = response.json()
    assert user == fake.owner
    assert user["email"] == "owner@example.com"
    assert len(user["id"]) == 22
    assert 10**9 <= user["pmi"] < 10**10
    assert user["created_at"].endswith("Z")
    assert user["account_id"] == fake.account_id
    for name in (
        "first_name",
        "last_name",
        "display_name",
        "type",
        "timezone",
        "verified",
        "dept",
        "last_login_time",
        "status",
        "role_id",
        "language",
        "pic_url",
    ):
        assert name in user


@pytest.mark.asyncio
@pytest.mark.parametrize("key", ["id", "email", "upper-email"])
async def test_user_can_be_named_by_id_or_email(
    api: httpx.AsyncClient, fake: FakeZoom, key: str
) -> None:
    bob = fake.add_user("bob@example.com", first_name="Bob", last_name="B", timezone="Europe/Paris")
    name = {"id": bob["id"], "email": "bob@example.com", "upper-email": "BOB@example.com"}[key]
    response = await api.get(f"/users/{name}")
    assert response.status_code == 200
    assert response.json()["id"] == bob["id"]
    assert response.json()["timezone"] == "Europe/Paris"


@pytest.mark.asyncio
async def test_unknown_user_is_404_code_1001(api: httpx.AsyncClient) -> None:
    response = await api.get("/users/ghost@example.com")
    assert response.status_code == 404
    assert response.json() == {"code": 1001, "message": "User does not exist: ghost@example.com."}


def test_add_user_refuses_a_duplicate_email(fake: FakeZoom) -> None:
    with pytest.raises(ValueError, match="already exists"):
        fake.add_user("OWNER@example.com", first_name="O", last_name="O")


@pytest.mark.asyncio
async def test_list_defaults_to_active_users(api: httpx.AsyncClient, fake: FakeZoom) -> None:
    fake.add_user("p@example.com", first_name="P", last_name="P", status="pending")
    fake.add_user("i@example.com", first_name="I", last_name="I", status="inactive")
    active = (await api.get("/users")).json()
    assert [user["email"] for user in active["users"]] == ["owner@example.com"]
    pending = (await api.get("/users", params={"status": "pending"})).json()
    assert [user["email"] for user in pending["users"]] == ["p@example.com"]


@pytest.mark.asyncio
async def test_list_pages_with_next_page_token(api: httpx.AsyncClient, fake: FakeZoom) -> None:
    for n in range(6):
        fake.add_user(f"u{n}@example.com", first_name="U", last_name=str(n))
    seen: list[str] = []
    params: dict[str, str | int] = {"page_size": 3}
    while True:
        page = (await api.get("/users", params=params)).json()
        assert page["page_size"] == 3
        assert page["total_records"] == 7
        seen.extend(user["email"] for user in page["users"])
        if not page["next_page_token"]:
            break
        params = {"page_size": 3, "next_page_token": page["next_page_token"]}
    assert len(seen) == 7
    assert len(set(seen)) == 7


@pytest.mark.asyncio
async def test_list_with_page_number_answers_legacy_fields(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    for n in range(4):
        fake.add_user(f"u{n}@example.com", first_name="U", last_name=str(n))
    page = (await api.get("/users", params={"page_size": 2, "page_number": 3})).json()
    assert page["page_number"] == 3
    assert page["page_count"] == 3
    assert page["total_records"] == 5
    assert [user["email"] for user in page["users"]] == ["u3@example.com"]
