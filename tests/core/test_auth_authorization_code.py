"""Authorization-code OAuth: PKCE, exchange, rotation saved before use, reauthorization."""

from __future__ import annotations

import base64
import hashlib
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
import respx

from zoomkit import ZoomClient
from zoomkit.auth import (
    AuthorizationCodeOAuth,
    MemoryTokenStore,
    OAuthToken,
    TokenKey,
    pkce_challenge,
)
from zoomkit.errors import OAuthError, ReauthorizationRequired, TokenStoreError

pytestmark = pytest.mark.anyio

TOKEN_URL = "https://zoom.us/oauth/token"
ME_URL = "https://api.zoom.us/v2/users/me"
SECRET = "app-client-secret"


class RecordingStore(MemoryTokenStore):
    """Logs each save; can be told to fail."""

    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log
        self.fail_saves = 0

    async def save(self, key: TokenKey, token: OAuthToken) -> None:
        if self.fail_saves:
            self.fail_saves -= 1
            raise ConnectionError("database is down")
        self.log.append(f"save:{token.access_token}")
        await super().save(key, token)


def tokens(access: str, refresh: str, expires_in: int = 3600) -> dict[str, Any]:
    return {
        "access_token": access,
        "refresh_token": refresh,
        "expires_in": expires_in,
        "token_type": "bearer",
        "scope": "meeting:read",
    }


def oauth(store: MemoryTokenStore, clock: object) -> AuthorizationCodeOAuth:
    return AuthorizationCodeOAuth(
        "app-client",
        SECRET,
        redirect_uri="https://platform.example/zoom/callback",
        token_store=store,
        user_id="platform-user-7",
        clock=clock,  # type: ignore[arg-type]
    )


async def seed(store: MemoryTokenStore, auth: AuthorizationCodeOAuth, *, expires_at: float) -> None:
    await store.save(
        auth.key, OAuthToken(access_token="AT-0", refresh_token="RT-0", expires_at=expires_at)
    )


async def test_authorization_url_carries_state_and_an_s256_challenge(clock: object) -> None:
    auth = oauth(MemoryTokenStore(), clock)
    request = auth.authorization_url(state="st-1")
    query = parse_qs(urlparse(request.url).query)
    assert request.url.startswith("https://zoom.us/oauth/authorize?")
    assert query["response_type"] == ["code"]
    assert query["state"] == ["st-1"]
    assert query["redirect_uri"] == ["https://platform.example/zoom/callback"]
    assert query["code_challenge_method"] == ["S256"]
    assert request.code_verifier is not None
    assert 43 <= len(request.code_verifier) <= 128
    assert query["code_challenge"] == [pkce_challenge(request.code_verifier)]
    assert request.code_verifier not in repr(request)


def test_pkce_challenge_is_unpadded_base64url_of_sha256() -> None:
    verifier = "dBjftJeZ4CVP-mJ92K9ahBtKWG8D6Uyf6u2ED9-U7NU"
    digest = hashlib.sha256(verifier.encode()).digest()
    standard = base64.b64encode(digest).decode()
    expected = standard.replace("+", "-").replace("/", "_").rstrip("=")
    assert pkce_challenge(verifier) == expected
    assert "=" not in expected


@respx.mock
async def test_exchange_code_sends_the_verifier_and_saves_the_tokens(clock: object) -> None:
    route = respx.post(TOKEN_URL).respond(200, json=tokens("AT-1", "RT-1"))
    store = MemoryTokenStore()
    auth = oauth(store, clock)
    token = await auth.exchange_code("the-code", code_verifier="v" * 50)
    form = parse_qs(route.calls.last.request.content.decode())
    assert form["grant_type"] == ["authorization_code"]
    assert form["code_verifier"] == ["v" * 50]
    assert form["redirect_uri"] == ["https://platform.example/zoom/callback"]
    assert await store.load(auth.key) == token
    assert token.refresh_token == "RT-1"


@respx.mock
async def test_rotated_tokens_are_saved_before_the_new_access_token_is_used(clock) -> None:  # type: ignore[no-untyped-def]
    log: list[str] = []
    store = RecordingStore(log)
    auth = oauth(store, clock)
    await seed(store, auth, expires_at=clock.time() + 10)  # inside the refresh margin
    log.clear()
    token_route = respx.post(TOKEN_URL).respond(200, json=tokens("AT-1", "RT-1"))

    def api(request: httpx.Request) -> httpx.Response:
        log.append(f"api:{request.headers['authorization'].removeprefix('Bearer ')}")
        return httpx.Response(200, json={"id": "u"})

    respx.get(ME_URL).mock(side_effect=api)
    async with ZoomClient(auth=auth, clock=clock) as zoom:
        await zoom.users.me()
    assert log == ["save:AT-1", "api:AT-1"]
    assert parse_qs(token_route.calls.last.request.content.decode())["refresh_token"] == ["RT-0"]
    stored = await store.load(auth.key)
    assert stored is not None
    assert stored.refresh_token == "RT-1"


@respx.mock
async def test_when_the_store_fails_the_new_token_is_not_used_and_not_lost(clock) -> None:  # type: ignore[no-untyped-def]
    log: list[str] = []
    store = RecordingStore(log)
    auth = oauth(store, clock)
    await seed(store, auth, expires_at=clock.time() - 1)
    log.clear()
    token_route = respx.post(TOKEN_URL).respond(200, json=tokens("AT-1", "RT-1"))
    api_route = respx.get(ME_URL).respond(200, json={"id": "u"})
    store.fail_saves = 1
    async with ZoomClient(auth=auth, clock=clock, max_retries=0) as zoom:
        with pytest.raises(TokenStoreError) as caught:
            await zoom.users.me()
        assert "failed to save" in str(caught.value)
        assert "ConnectionError" in str(caught.value)
        assert "not used" in str(caught.value)
        assert api_route.call_count == 0
        # The store is back: the kept pair is saved first, then used; no second refresh.
        await zoom.users.me()
    assert token_route.call_count == 1
    assert log == ["save:AT-1"]
    assert api_route.calls.last.request.headers["authorization"] == "Bearer AT-1"


@pytest.mark.parametrize(
    "body",
    [
        {"reason": "Invalid Token!", "error": "invalid_grant"},
        {"code": 4711, "message": "Refresh token invalid"},
        {"code": 4735, "message": "Owner of token does not exist"},
        {"code": 4741, "message": "Token has been revoked"},
    ],
)
@respx.mock
async def test_a_dead_refresh_token_requires_reauthorization(clock, body: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    store = MemoryTokenStore()
    auth = oauth(store, clock)
    await seed(store, auth, expires_at=clock.time() - 1)
    respx.post(TOKEN_URL).respond(400, json=body)
    api_route = respx.get(ME_URL).respond(200, json={"id": "u"})
    async with ZoomClient(auth=auth, clock=clock) as zoom:
        with pytest.raises(ReauthorizationRequired):
            await zoom.users.me()
    assert api_route.call_count == 0


@respx.mock
async def test_a_pair_rotated_by_another_process_is_adopted_not_reauthorized(clock) -> None:  # type: ignore[no-untyped-def]
    store = MemoryTokenStore()
    auth = oauth(store, clock)
    await seed(store, auth, expires_at=clock.time() - 1)
    other = oauth(store, clock)

    async def rotate_elsewhere(request: httpx.Request) -> httpx.Response:
        # Another worker refreshed with RT-0 a moment before us and saved RT-9.
        await store.save(
            other.key,
            OAuthToken(access_token="AT-9", refresh_token="RT-9", expires_at=clock.time() + 3600),
        )
        return httpx.Response(400, json={"reason": "Invalid Token!", "error": "invalid_grant"})

    token_route = respx.post(TOKEN_URL).mock(side_effect=rotate_elsewhere)
    api_route = respx.get(ME_URL).respond(200, json={"id": "u"})
    async with ZoomClient(auth=auth, clock=clock) as zoom:
        await zoom.users.me()
    assert token_route.call_count == 1
    assert api_route.calls.last.request.headers["authorization"] == "Bearer AT-9"


@respx.mock
async def test_no_stored_token_asks_for_authorization_first(clock: object) -> None:
    auth = oauth(MemoryTokenStore(), clock)
    token_route = respx.post(TOKEN_URL).respond(200, json=tokens("AT-1", "RT-1"))
    async with ZoomClient(auth=auth, clock=clock) as zoom:  # type: ignore[arg-type]
        with pytest.raises(ReauthorizationRequired, match="exchange_code"):
            await zoom.users.me()
    assert token_route.call_count == 0


@respx.mock
async def test_an_expired_code_is_reported(clock: object) -> None:
    respx.post(TOKEN_URL).respond(
        400, json={"reason": "Authorization code is expired", "error": "invalid_grant"}
    )
    with pytest.raises(OAuthError, match="Authorization code is expired"):
        await oauth(MemoryTokenStore(), clock).exchange_code("old-code")


@respx.mock
async def test_revoke_calls_zoom_and_forgets_the_tokens(clock) -> None:  # type: ignore[no-untyped-def]
    store = MemoryTokenStore()
    auth = oauth(store, clock)
    await seed(store, auth, expires_at=clock.time() + 3600)
    route = respx.post("https://zoom.us/oauth/revoke").respond(200, json={"status": "success"})
    await auth.revoke()
    assert parse_qs(route.calls.last.request.content.decode())["token"] == ["AT-0"]
    assert await store.load(auth.key) is None


def test_repr_hides_the_client_secret(clock: object) -> None:
    auth = oauth(MemoryTokenStore(), clock)
    assert SECRET not in repr(auth)
    token = OAuthToken(access_token="AT-secret", refresh_token="RT-secret", expires_at=1.0)
    assert "AT-secret" not in repr(token)
    assert "RT-secret" not in repr(token)
    assert "AT-secret" not in str(token)


@respx.mock
async def test_a_refresh_that_failed_with_5xx_is_not_resent_automatically(clock) -> None:  # type: ignore[no-untyped-def]
    # Zoom may have rotated the pair before failing: resending RT-0 could burn the grant.
    store = MemoryTokenStore()
    auth = oauth(store, clock)
    await seed(store, auth, expires_at=clock.time() - 1)
    token_route = respx.post(TOKEN_URL).respond(503, text="unavailable")
    api_route = respx.get(ME_URL).respond(200, json={"id": "u"})
    async with ZoomClient(auth=auth, clock=clock, max_retries=3) as zoom:
        with pytest.raises(OAuthError) as caught:
            await zoom.users.me()
    assert caught.value.status_code == 503
    assert caught.value.grant_type == "refresh_token"
    assert token_route.call_count == 1
    assert api_route.call_count == 0
