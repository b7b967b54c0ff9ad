"""Every auth strategy against FakeZoom: stampedes, expiry, rotation, PKCE, JWT."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import anyio
import httpx
import pytest

from zoomkit import ZoomClient
from zoomkit.auth import AuthorizationCodeOAuth, JWTAuth, MemoryTokenStore
from zoomkit.errors import ReauthorizationRequired
from zoomkit.testing import FakeClock, FakeZoom

pytestmark = pytest.mark.anyio


async def test_200_concurrent_calls_on_a_cold_client_make_one_token_request(
    fake: FakeZoom,
) -> None:
    async with fake.client() as zoom, anyio.create_task_group() as tg:
        for _ in range(200):
            tg.start_soon(zoom.users.me)
    assert fake.counters.token_requests["account_credentials"] == 1
    assert fake.counters.calls["user"] == 200


async def test_when_zoom_expires_the_token_in_flight_calls_see_one_refresh_and_no_error(
    fake: FakeZoom,
) -> None:
    emails: list[str | None] = []

    async def me(zoom: ZoomClient) -> None:
        emails.append((await zoom.users.me()).email)

    async with fake.client() as zoom:
        await zoom.users.me()
        fake.expire_access_tokens()
        async with anyio.create_task_group() as tg:
            for _ in range(200):
                tg.start_soon(me, zoom)
    assert emails == [fake.owner["email"]] * 200
    assert fake.counters.token_requests["account_credentials"] == 2
    assert fake.counters.unauthorized_responses == 200  # each replayed exactly once


async def test_a_token_past_its_lifetime_is_replaced_before_zoom_rejects_it(
    fake: FakeZoom, clock: FakeClock
) -> None:
    async with fake.client() as zoom:
        await zoom.users.me()
        clock.advance(3600)
        await zoom.users.me()
    assert fake.counters.token_requests["account_credentials"] == 2
    assert fake.counters.unauthorized_responses == 0


async def authorize(fake: FakeZoom, auth: AuthorizationCodeOAuth) -> None:
    """Walk the browser part of the flow against FakeZoom and exchange the code."""
    request = auth.authorization_url()
    async with httpx.AsyncClient(transport=fake.transport()) as browser:
        redirect = await browser.get(request.url)
    assert redirect.status_code == 302
    query = parse_qs(urlparse(redirect.headers["location"]).query)
    assert query["state"] == [request.state]
    await auth.exchange_code(query["code"][0], code_verifier=request.code_verifier)


def user_oauth(
    fake: FakeZoom, store: MemoryTokenStore, user_id: str = "u-1"
) -> AuthorizationCodeOAuth:
    return AuthorizationCodeOAuth(
        fake.oauth_app.client_id,
        fake.oauth_app.client_secret,
        redirect_uri=fake.oauth_app.redirect_uri,
        token_store=store,
        user_id=user_id,
    )


async def test_authorization_code_with_pkce_then_rotation_through_many_expiries(
    fake: FakeZoom, clock: FakeClock
) -> None:
    store = MemoryTokenStore()
    auth = user_oauth(fake, store)
    async with fake.client(auth=auth) as zoom:
        await authorize(fake, auth)
        seen_refresh_tokens = set()
        for _ in range(20):
            assert (await zoom.users.me()).email == fake.owner["email"]
            stored = await store.load(auth.key)
            assert stored is not None
            seen_refresh_tokens.add(stored.refresh_token)
            clock.advance(3600)
    assert fake.counters.token_requests["refresh_token"] == 19
    assert fake.counters.spent_refresh_token_uses == 0
    assert fake.counters.invalid_grant_responses == 0
    assert len(seen_refresh_tokens) == 20  # every refresh rotated, every rotation was stored


async def test_a_wrong_pkce_verifier_is_refused(fake: FakeZoom) -> None:
    auth = user_oauth(fake, MemoryTokenStore())
    request = auth.authorization_url()
    async with httpx.AsyncClient(transport=fake.transport()) as browser, fake.client(auth=auth):
        redirect = await browser.get(request.url)
        code = parse_qs(urlparse(redirect.headers["location"]).query)["code"][0]
        with pytest.raises(ReauthorizationRequired, match="code_verifier"):
            await auth.exchange_code(code, code_verifier="not-the-verifier-" + "x" * 40)


async def test_two_clients_sharing_a_store_never_replay_a_spent_refresh_token(
    fake: FakeZoom, clock: FakeClock
) -> None:
    store = MemoryTokenStore()
    first_auth = user_oauth(fake, store)
    second_auth = user_oauth(fake, store)
    async with fake.client(auth=first_auth) as first, fake.client(auth=second_auth) as second:
        await authorize(fake, first_auth)
        for _ in range(10):
            clock.advance(3600)
            async with anyio.create_task_group() as tg:
                for zoom in (first, second, first, second):
                    tg.start_soon(zoom.users.me)
    assert fake.counters.spent_refresh_token_uses == 0


async def test_revoked_grants_require_reauthorization(fake: FakeZoom, clock: FakeClock) -> None:
    store = MemoryTokenStore()
    auth = user_oauth(fake, store)
    async with fake.client(auth=auth) as zoom:
        await authorize(fake, auth)
        await zoom.users.me()
        await auth.revoke()
        assert await store.load(auth.key) is None
        with pytest.raises(ReauthorizationRequired):
            await zoom.users.me()


async def test_jwt_auth_is_accepted_and_resigned_after_expiry(
    fake: FakeZoom, clock: FakeClock
) -> None:
    auth = JWTAuth(fake.jwt.api_key, fake.jwt.api_secret, ttl=120, refresh_margin=10)
    async with fake.client(auth=auth) as zoom:
        await zoom.users.me()
        clock.advance(115)
        await zoom.users.me()
    assert fake.counters.unauthorized_responses == 0
    assert fake.counters.total_token_requests == 0


async def test_user_tokens_rejected_in_flight_cause_one_rotation(fake: FakeZoom) -> None:
    store = MemoryTokenStore()
    auth = user_oauth(fake, store)
    async with fake.client(auth=auth) as zoom:
        await authorize(fake, auth)
        await zoom.users.me()
        fake.expire_access_tokens()
        async with anyio.create_task_group() as tg:
            for _ in range(100):
                tg.start_soon(zoom.users.me)
    assert fake.counters.token_requests["refresh_token"] == 1
    assert fake.counters.spent_refresh_token_uses == 0
