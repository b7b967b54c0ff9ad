"""Server-to-Server OAuth: one token fetch per credential, early refresh, one replay on 401."""

from __future__ import annotations

import anyio
import httpx
import pytest
import respx

from zoomkit import ZoomClient
from zoomkit.auth import MemoryTokenStore, ServerToServerOAuth
from zoomkit.errors import AuthenticationError, OAuthError

pytestmark = pytest.mark.anyio

TOKEN_URL = "https://zoom.us/oauth/token"
ME_URL = "https://api.zoom.us/v2/users/me"
SECRET = "s3cr3t-client-secret"


def token_json(access_token: str, expires_in: int = 3600, **extra: object) -> dict[str, object]:
    return {
        "access_token": access_token,
        "token_type": "bearer",
        "expires_in": expires_in,
        "scope": "user:read:admin meeting:write:admin",
        **extra,
    }


def make_client(clock: object, **auth_options: object) -> ZoomClient:
    auth = ServerToServerOAuth("acct-1", "client-1", SECRET, **auth_options)  # type: ignore[arg-type]
    return ZoomClient(auth=auth, clock=clock, max_retries=0)  # type: ignore[arg-type]


@respx.mock
async def test_concurrent_calls_on_a_cold_client_fetch_one_token(clock: object) -> None:
    token_route = respx.post(TOKEN_URL).respond(200, json=token_json("AT-1"))
    respx.get(ME_URL).respond(200, json={"id": "u1"})
    async with make_client(clock) as zoom, anyio.create_task_group() as tg:
        for _ in range(200):
            tg.start_soon(zoom.users.me)
    assert token_route.call_count == 1


@respx.mock
async def test_token_request_uses_basic_auth_and_account_credentials_grant(clock: object) -> None:
    token_route = respx.post(TOKEN_URL).respond(200, json=token_json("AT-1"))
    api_route = respx.get(ME_URL).respond(200, json={"id": "u1"})
    async with make_client(clock) as zoom:
        await zoom.users.me()
    sent = token_route.calls.last.request
    assert sent.headers["authorization"].startswith("Basic ")
    assert b"grant_type=account_credentials" in sent.content
    assert b"account_id=acct-1" in sent.content
    assert api_route.calls.last.request.headers["authorization"] == "Bearer AT-1"


@respx.mock
async def test_token_is_reused_until_the_refresh_margin_then_refetched(clock) -> None:  # type: ignore[no-untyped-def]
    token_route = respx.post(TOKEN_URL).mock(
        side_effect=[
            httpx.Response(200, json=token_json("AT-1")),
            httpx.Response(200, json=token_json("AT-2")),
        ]
    )
    api_route = respx.get(ME_URL).respond(200, json={"id": "u1"})
    async with make_client(clock, refresh_margin=300) as zoom:
        await zoom.users.me()
        clock.advance(3600 - 301)
        await zoom.users.me()
        assert token_route.call_count == 1
        clock.advance(2)  # now inside the 300 s margin: refresh before Zoom expires it
        await zoom.users.me()
    assert token_route.call_count == 2
    assert api_route.calls.last.request.headers["authorization"] == "Bearer AT-2"


@respx.mock
async def test_expired_token_rejections_in_flight_cause_one_refresh_and_no_error(clock) -> None:  # type: ignore[no-untyped-def]
    token_route = respx.post(TOKEN_URL).mock(
        side_effect=[
            httpx.Response(200, json=token_json("AT-1")),
            httpx.Response(200, json=token_json("AT-2")),
        ]
    )

    def api(request: httpx.Request) -> httpx.Response:
        if request.headers["authorization"] == "Bearer AT-1":
            return httpx.Response(401, json={"code": 124, "message": "Access token is expired."})
        return httpx.Response(200, json={"id": "u1"})

    respx.get(ME_URL).mock(side_effect=api)
    results: list[object] = []

    async def call(zoom: ZoomClient) -> None:
        results.append(await zoom.users.me())

    async with make_client(clock) as zoom:
        await zoom.users.me()  # warm: AT-1 cached
        # Zoom now says AT-1 expired (e.g. revoked early): all 200 calls see 401 code 124.
        respx.get(ME_URL).mock(side_effect=api)
        zoom_auth = zoom.auth
        assert isinstance(zoom_auth, ServerToServerOAuth)
        results.clear()
        async with anyio.create_task_group() as tg:
            for _ in range(200):
                tg.start_soon(call, zoom)
    assert len(results) == 200
    assert token_route.call_count == 2


@respx.mock
async def test_a_401_without_code_124_is_not_replayed(clock: object) -> None:
    token_route = respx.post(TOKEN_URL).respond(200, json=token_json("AT-1"))
    api_route = respx.get(ME_URL).respond(401, json={"code": 200, "message": "No permission."})
    async with make_client(clock) as zoom:
        with pytest.raises(AuthenticationError) as caught:
            await zoom.users.me()
    assert caught.value.code == 200
    assert token_route.call_count == 1
    assert api_route.call_count == 1


@respx.mock
async def test_a_second_rejection_after_the_replay_reaches_the_caller(clock: object) -> None:
    token_route = respx.post(TOKEN_URL).respond(200, json=token_json("AT-1"))
    api_route = respx.get(ME_URL).respond(
        401, json={"code": 124, "message": "Invalid access token."}
    )
    async with make_client(clock) as zoom:
        with pytest.raises(AuthenticationError):
            await zoom.users.me()
    assert api_route.call_count == 2  # the original and exactly one replay
    assert token_route.call_count == 2


@respx.mock
async def test_api_url_from_the_token_response_routes_api_calls(clock: object) -> None:
    respx.post(TOKEN_URL).respond(
        200, json=token_json("AT-1", api_url="https://eu01api-www4local.zoom.us")
    )
    regional = respx.get("https://eu01api-www4local.zoom.us/v2/users/me").respond(
        200, json={"id": "u1"}
    )
    async with make_client(clock) as zoom:
        await zoom.users.me()
    assert regional.call_count == 1


@respx.mock
async def test_explicit_base_url_wins_over_api_url(clock: object) -> None:
    respx.post("https://zoom.example.gov/oauth/token").respond(
        200, json=token_json("AT-1", api_url="https://api.zoom.us")
    )
    private = respx.get("https://api.zoom.example.gov/v2/users/me").respond(200, json={"id": "u"})
    auth = ServerToServerOAuth("acct-1", "client-1", SECRET)
    async with ZoomClient(
        auth=auth,
        base_url="https://api.zoom.example.gov/v2",
        oauth_base_url="https://zoom.example.gov",
        clock=clock,  # type: ignore[arg-type]
    ) as zoom:
        await zoom.users.me()
    assert private.call_count == 1


@respx.mock
async def test_bad_client_credentials_raise_oauth_error_without_the_secret(clock: object) -> None:
    respx.post(TOKEN_URL).respond(
        401, json={"reason": "Invalid client_id or client_secret", "error": "invalid_client"}
    )
    async with make_client(clock) as zoom:
        with pytest.raises(OAuthError) as caught:
            await zoom.users.me()
    assert caught.value.error == "invalid_client"
    assert "Invalid client_id or client_secret" in str(caught.value)
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(zoom.auth)


@respx.mock
async def test_a_shared_token_store_spares_a_second_process_the_fetch(clock: object) -> None:
    token_route = respx.post(TOKEN_URL).respond(200, json=token_json("AT-1"))
    respx.get(ME_URL).respond(200, json={"id": "u1"})
    store = MemoryTokenStore()
    async with make_client(clock, token_store=store) as first:
        await first.users.me()
    async with make_client(clock, token_store=store) as second:
        await second.users.me()
    assert token_route.call_count == 1


def test_empty_credentials_are_refused_naming_the_field() -> None:
    with pytest.raises(ValueError, match="client_secret"):
        ServerToServerOAuth("acct", "client", "")


@respx.mock
async def test_a_token_endpoint_5xx_is_retried_even_for_a_post(clock: object) -> None:
    # No API request was sent yet, and account_credentials has no state to burn.
    token_route = respx.post(TOKEN_URL).mock(
        side_effect=[httpx.Response(503, text="busy"), httpx.Response(200, json=token_json("A"))]
    )
    create = respx.post("https://api.zoom.us/v2/users/me/meetings").respond(
        201, json={"id": 85746065432, "topic": "t"}
    )
    auth = ServerToServerOAuth("acct-1", "client-1", SECRET)
    async with ZoomClient(auth=auth, clock=clock) as zoom:  # type: ignore[arg-type]
        await zoom.meetings.create(topic="t")
    assert token_route.call_count == 2
    assert create.call_count == 1
