"""The paginator: await for a page, async-for for items, filters kept on every page."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

from zoomkit import ZoomClient
from zoomkit.auth import StaticTokenAuth
from zoomkit.errors import PageTokenExpiredError, RequestValidationError, ResponseValidationError

pytestmark = pytest.mark.anyio
USERS_URL = "https://api.zoom.us/v2/users"


def users_page(ids: list[str], token: str = "", **extra: Any) -> dict[str, Any]:
    return {
        "page_size": len(ids),
        "total_records": 5,
        "next_page_token": token,
        "users": [{"id": i, "email": f"{i}@example.com", "type": 1} for i in ids],
        **extra,
    }


def paged(request: httpx.Request) -> httpx.Response:
    token = request.url.params.get("next_page_token")
    if token is None:
        return httpx.Response(200, json=users_page(["a", "b"], "T1"))
    if token == "T1":
        return httpx.Response(200, json=users_page(["c", "d"], "T2"))
    return httpx.Response(200, json=users_page(["e"]))


@respx.mock
async def test_async_for_walks_every_item_and_keeps_filters_on_every_page() -> None:
    route = respx.get(USERS_URL).mock(side_effect=paged)
    async with ZoomClient(auth=StaticTokenAuth("t")) as zoom:
        ids = [u.id async for u in zoom.users.list(status="inactive", role_id="2", page_size=2)]
    assert ids == ["a", "b", "c", "d", "e"]
    assert route.call_count == 3
    for call in route.calls:
        assert call.request.url.params["status"] == "inactive"
        assert call.request.url.params["role_id"] == "2"
        assert call.request.url.params["page_size"] == "2"
    assert [c.request.url.params.get("next_page_token") for c in route.calls] == [None, "T1", "T2"]


@respx.mock
async def test_await_gives_the_first_page_only() -> None:
    route = respx.get(USERS_URL).mock(side_effect=paged)
    async with ZoomClient(auth=StaticTokenAuth("t")) as zoom:
        page = await zoom.users.list()
    assert [u.id for u in page.items] == ["a", "b"]
    assert page.next_page_token == "T1"
    assert page.has_next_page
    assert page.total_records == 5
    assert route.call_count == 1


@respx.mock
async def test_pages_yields_each_page() -> None:
    respx.get(USERS_URL).mock(side_effect=paged)
    async with ZoomClient(auth=StaticTokenAuth("t")) as zoom:
        sizes = [len(page) async for page in zoom.users.list().pages()]
    assert sizes == [2, 2, 1]


@respx.mock
async def test_legacy_page_number_lists_are_walked_by_number() -> None:
    def numbered(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page_number"])
        ids = {1: ["a", "b"], 2: ["c", "d"], 3: ["e"]}[number]
        return httpx.Response(200, json={**users_page(ids), "page_number": number, "page_count": 3})

    route = respx.get(USERS_URL).mock(side_effect=numbered)
    async with ZoomClient(auth=StaticTokenAuth("t")) as zoom:
        ids = [u.id async for u in zoom.users.list(page_number=1, status="pending")]
    assert ids == ["a", "b", "c", "d", "e"]
    assert [c.request.url.params["page_number"] for c in route.calls] == ["1", "2", "3"]
    assert all(c.request.url.params["status"] == "pending" for c in route.calls)


@respx.mock
async def test_an_expired_page_token_raises_instead_of_truncating() -> None:
    def expiring(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("next_page_token"):
            return httpx.Response(
                400, json={"code": 300, "message": "The next page token is invalid or expired."}
            )
        return httpx.Response(200, json=users_page(["a", "b"], "T1"))

    respx.get(USERS_URL).mock(side_effect=expiring)
    seen: list[str] = []

    async def consume(zoom: ZoomClient) -> None:
        async for user in zoom.users.list():
            seen.append(user.id or "")

    async with ZoomClient(auth=StaticTokenAuth("t")) as zoom:
        with pytest.raises(PageTokenExpiredError):
            await consume(zoom)
    assert seen == ["a", "b"]


@respx.mock
async def test_an_empty_page_with_a_token_does_not_end_the_listing() -> None:
    def gappy(request: httpx.Request) -> httpx.Response:
        token = request.url.params.get("next_page_token")
        if token is None:
            return httpx.Response(200, json=users_page([], "T1"))
        return httpx.Response(200, json=users_page(["z"]))

    respx.get(USERS_URL).mock(side_effect=gappy)
    async with ZoomClient(auth=StaticTokenAuth("t")) as zoom:
        assert [u.id async for u in zoom.users.list()] == ["z"]


@respx.mock
async def test_a_repeated_page_token_stops_with_an_error_not_a_loop() -> None:
    respx.get(USERS_URL).respond(200, json=users_page(["a"], "SAME"))
    async with ZoomClient(auth=StaticTokenAuth("t")) as zoom:
        with pytest.raises(ResponseValidationError, match="same next_page_token"):
            async for _ in zoom.users.list():
                pass


async def test_page_size_out_of_range_is_refused_before_sending() -> None:
    async with ZoomClient(auth=StaticTokenAuth("t")) as zoom:
        with pytest.raises(RequestValidationError, match="page_size"):
            zoom.users.list(page_size=301)
