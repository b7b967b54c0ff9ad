"""RedisTokenStore against a real Redis: round trips, TTLs, and the compare-and-set swap."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import respx
from redis.asyncio import Redis

from zoomkit import ZoomClient
from zoomkit.auth import AtomicTokenStore, AuthorizationCodeOAuth, OAuthToken, TokenKey, TokenStore
from zoomkit.contrib.redis import RedisTokenStore
from zoomkit.errors import TokenStoreError
from zoomkit.testing import FakeClock

pytestmark = pytest.mark.anyio

KEY = TokenKey(client_id="app", account_id="acct", user_id="user-7")
TOKEN_URL = "https://zoom.us/oauth/token"
ME_URL = "https://api.zoom.us/v2/users/me"


def pair(access: str, refresh: str | None, expires_at: float) -> OAuthToken:
    return OAuthToken(access_token=access, refresh_token=refresh, expires_at=expires_at)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(redis: Redis, clock: FakeClock) -> RedisTokenStore:
    return RedisTokenStore(redis, clock=clock)


async def test_the_store_is_an_atomic_token_store(store: RedisTokenStore) -> None:
    assert isinstance(store, TokenStore)
    assert isinstance(store, AtomicTokenStore)


async def test_a_saved_token_loads_back_equal(store: RedisTokenStore, clock: FakeClock) -> None:
    token = OAuthToken(
        access_token="AT",
        refresh_token="RT",
        expires_at=clock.time() + 3600,
        scope=("meeting:read", "user:read"),
        api_url="https://api-eu.zoom.us",
        issued_at=clock.time(),
    )
    await store.save(KEY, token)
    assert await store.load(KEY) == token
    assert await store.load(TokenKey(client_id="app", account_id="acct")) is None


async def test_a_token_without_refresh_token_expires_a_minute_after_it(
    store: RedisTokenStore, clock: FakeClock
) -> None:
    await store.save(KEY, pair("AT", None, clock.time() + 3600))
    assert 3659_000 < await store.redis.pttl(store.redis_key(KEY)) <= 3660_000


async def test_a_pair_with_a_refresh_token_never_expires(
    store: RedisTokenStore, clock: FakeClock
) -> None:
    await store.save(KEY, pair("AT", None, clock.time() + 3600))
    await store.save(KEY, pair("AT", "RT", clock.time() + 3600))
    assert await store.redis.pttl(store.redis_key(KEY)) == -1


async def test_delete_forgets_the_token(store: RedisTokenStore, clock: FakeClock) -> None:
    await store.save(KEY, pair("AT", "RT", clock.time() + 3600))
    await store.delete(KEY)
    assert await store.load(KEY) is None


async def test_a_value_that_is_not_a_token_raises_without_echoing_it(
    store: RedisTokenStore,
) -> None:
    await store.redis.set(store.redis_key(KEY), '{"access_token": "SECRET-AT"')
    with pytest.raises(TokenStoreError, match="is not a stored token") as raised:
        await store.load(KEY)
    assert "SECRET-AT" not in str(raised.value)
    assert raised.value.__cause__ is None


async def test_a_redis_failure_is_a_token_store_error(clock: FakeClock) -> None:
    unreachable = Redis(host="127.0.0.1", port=1, socket_connect_timeout=1)
    with pytest.raises(TokenStoreError, match="Redis could not read the token"):
        await RedisTokenStore(unreachable, clock=clock).load(KEY)
    await unreachable.aclose()


async def test_replace_swaps_in_the_pair_while_the_spent_refresh_token_is_stored(
    store: RedisTokenStore, clock: FakeClock
) -> None:
    await store.save(KEY, pair("AT-1", "RT-1", clock.time() + 3600))
    assert await store.replace(KEY, "RT-1", pair("AT-2", "RT-2", clock.time() + 7200))
    stored = await store.load(KEY)
    assert stored is not None
    assert (stored.access_token, stored.refresh_token) == ("AT-2", "RT-2")


async def test_replace_leaves_a_newer_pair_alone(store: RedisTokenStore, clock: FakeClock) -> None:
    await store.save(KEY, pair("AT-2", "RT-2", clock.time() + 3600))
    assert not await store.replace(KEY, "RT-1", pair("AT-X", "RT-X", clock.time() + 3600))
    stored = await store.load(KEY)
    assert stored is not None
    assert stored.refresh_token == "RT-2"


async def test_replace_does_not_bring_back_a_deleted_grant(
    store: RedisTokenStore, clock: FakeClock
) -> None:
    assert not await store.replace(KEY, "RT-1", pair("AT-2", "RT-2", clock.time() + 3600))
    assert await store.load(KEY) is None


async def test_of_concurrent_replaces_of_one_refresh_token_exactly_one_wins(
    store: RedisTokenStore, clock: FakeClock
) -> None:
    await store.save(KEY, pair("AT-1", "RT-1", clock.time() + 3600))
    results = await asyncio.gather(
        *(
            store.replace(KEY, "RT-1", pair(f"AT-{n}", f"RT-{n}", clock.time() + 3600))
            for n in range(2, 22)
        )
    )
    assert sorted(results) == [False] * 19 + [True]


async def test_a_refresh_that_loses_the_swap_uses_the_stored_pair_instead(
    store: RedisTokenStore, clock: FakeClock
) -> None:
    # Another process stored RT-9 while this one's refresh of RT-1 was in flight: the stored
    # pair wins, and this process never sends RT-1 (or its own RT-2) again.
    await store.save(KEY, pair("AT-1", "RT-1", clock.time() + 10))
    newer = pair("AT-9", "RT-9", clock.time() + 3600)

    async def rotate_elsewhere_first(request: httpx.Request) -> httpx.Response:
        await store.save(KEY, newer)
        body = {"access_token": "AT-2", "refresh_token": "RT-2", "expires_in": 3600}
        return httpx.Response(200, json=body)

    auth = AuthorizationCodeOAuth(
        "app",
        "secret",
        redirect_uri="https://platform.example/cb",
        token_store=store,
        user_id="user-7",
        account_id="acct",
    )
    with respx.mock:
        token_route = respx.post(TOKEN_URL).mock(side_effect=rotate_elsewhere_first)
        me = respx.get(ME_URL).respond(200, json={"id": "u"})
        async with ZoomClient(auth=auth, clock=clock) as zoom:
            await zoom.users.me()
    assert token_route.call_count == 1
    assert me.calls.last.request.headers["Authorization"] == "Bearer AT-9"
    stored = await store.load(KEY)
    assert stored is not None
    assert stored.refresh_token == "RT-9"
