"""Auth across processes: the shared ``refresh_lock`` and the atomic swap of rotated pairs.

No Redis here: an in-memory lock and an in-memory compare-and-set store stand in for a shared
one, so these check what the strategies do with them (zoomkit.contrib.redis has the real ones).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
import httpx
import pytest
import respx

from zoomkit import ZoomClient
from zoomkit.auth import (
    AtomicTokenStore,
    AuthorizationCodeOAuth,
    MemoryTokenStore,
    OAuthToken,
    ServerToServerOAuth,
    TokenKey,
)
from zoomkit.errors import APIConnectionError, ReauthorizationRequired, TokenStoreError

pytestmark = pytest.mark.anyio

TOKEN_URL = "https://zoom.us/oauth/token"
ME_URL = "https://api.zoom.us/v2/users/me"


class SharedLock:
    """A refresh_lock factory that records who took it and when it was held."""

    def __init__(self, on_enter: Any = None) -> None:
        self.taken: list[TokenKey] = []
        self.held = False
        self.on_enter = on_enter

    @asynccontextmanager
    async def __call__(self, key: TokenKey) -> AsyncIterator[None]:
        self.taken.append(key)
        self.held = True
        try:
            if self.on_enter is not None:
                await self.on_enter()
            yield
        finally:
            self.held = False


class AtomicStore(MemoryTokenStore):
    """A compare-and-set store in memory, recording each replace."""

    def __init__(self) -> None:
        super().__init__()
        self.replaced: list[str] = []
        self.fail_replaces = 0

    async def replace(self, key: TokenKey, expected_refresh_token: str, token: OAuthToken) -> bool:
        if self.fail_replaces:
            self.fail_replaces -= 1
            raise ConnectionError("redis is down")
        self.replaced.append(expected_refresh_token)
        stored = await self.load(key)
        if stored is None or stored.refresh_token != expected_refresh_token:
            return False
        await self.save(key, token)
        return True


def token_body(access: str, refresh: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"access_token": access, "expires_in": 3600, "token_type": "bearer"}
    if refresh is not None:
        body["refresh_token"] = refresh
    return body


def s2s(store: MemoryTokenStore, lock: SharedLock, clock: object) -> ServerToServerOAuth:
    return ServerToServerOAuth(
        "acct",
        "s2s-client",
        "s2s-secret",
        token_store=store,
        refresh_lock=lock,
        clock=clock,  # type: ignore[arg-type]
    )


def user_oauth(
    store: MemoryTokenStore, clock: object, lock: SharedLock | None = None
) -> AuthorizationCodeOAuth:
    return AuthorizationCodeOAuth(
        "app",
        "app-secret",
        redirect_uri="https://platform.example/cb",
        token_store=store,
        user_id="user-7",
        refresh_lock=lock,
        clock=clock,  # type: ignore[arg-type]
    )


async def seed_pair(
    store: MemoryTokenStore, auth: AuthorizationCodeOAuth, *, expires_at: float
) -> None:
    await store.save(
        auth.key, OAuthToken(access_token="AT-0", refresh_token="RT-0", expires_at=expires_at)
    )


def test_an_atomic_store_is_recognised_and_a_plain_one_is_not() -> None:
    assert isinstance(AtomicStore(), AtomicTokenStore)
    assert not isinstance(MemoryTokenStore(), AtomicTokenStore)


@respx.mock
async def test_concurrent_calls_take_the_shared_lock_once_for_one_fetch(clock: Any) -> None:
    token_route = respx.post(TOKEN_URL).respond(200, json=token_body("AT-1"))
    respx.get(ME_URL).respond(200, json={"id": "u"})
    lock = SharedLock()
    auth = s2s(MemoryTokenStore(), lock, clock)
    async with ZoomClient(auth=auth, clock=clock) as zoom, anyio.create_task_group() as tasks:
        for _ in range(20):
            tasks.start_soon(zoom.users.me)
    assert token_route.call_count == 1
    assert lock.taken == [auth.key]


@respx.mock
async def test_the_token_request_is_sent_while_the_shared_lock_is_held(clock: Any) -> None:
    lock = SharedLock()
    held_during_fetch: list[bool] = []

    def token(request: httpx.Request) -> httpx.Response:
        held_during_fetch.append(lock.held)
        return httpx.Response(200, json=token_body("AT-1"))

    respx.post(TOKEN_URL).mock(side_effect=token)
    me = respx.get(ME_URL).respond(200, json={"id": "u"})
    async with ZoomClient(auth=s2s(MemoryTokenStore(), lock, clock), clock=clock) as zoom:
        await zoom.users.me()
    assert held_during_fetch == [True]
    assert not lock.held  # released before the API call
    assert me.call_count == 1


@respx.mock
async def test_a_token_stored_by_another_process_while_waiting_is_used_not_fetched(
    clock: Any,
) -> None:
    store = MemoryTokenStore()
    auth_key = TokenKey(client_id="s2s-client", account_id="acct")

    async def the_holder_fetched_meanwhile() -> None:
        fetched = OAuthToken(access_token="AT-OTHER", expires_at=clock.time() + 3600)
        await store.save(auth_key, fetched)

    token_route = respx.post(TOKEN_URL).respond(200, json=token_body("AT-1"))
    me = respx.get(ME_URL).respond(200, json={"id": "u"})
    lock = SharedLock(on_enter=the_holder_fetched_meanwhile)
    async with ZoomClient(auth=s2s(store, lock, clock), clock=clock) as zoom:
        await zoom.users.me()
    assert token_route.call_count == 0
    assert me.calls.last.request.headers["Authorization"] == "Bearer AT-OTHER"


@respx.mock
async def test_a_cached_token_needs_no_shared_lock(clock: Any) -> None:
    respx.post(TOKEN_URL).respond(200, json=token_body("AT-1"))
    respx.get(ME_URL).respond(200, json={"id": "u"})
    lock = SharedLock()
    async with ZoomClient(auth=s2s(MemoryTokenStore(), lock, clock), clock=clock) as zoom:
        for _ in range(5):
            await zoom.users.me()
    assert len(lock.taken) == 1


@respx.mock
async def test_the_shared_lock_is_released_when_the_fetch_fails(clock: Any) -> None:
    respx.post(TOKEN_URL).mock(side_effect=httpx.ConnectError("refused"))
    lock = SharedLock()
    async with ZoomClient(
        auth=s2s(MemoryTokenStore(), lock, clock), clock=clock, max_retries=0
    ) as zoom:
        with pytest.raises(APIConnectionError):
            await zoom.users.me()
    assert lock.taken
    assert not lock.held


@respx.mock
async def test_a_user_strategys_lock_is_keyed_by_its_token_key(clock: Any) -> None:
    store = MemoryTokenStore()
    lock = SharedLock()
    auth = user_oauth(store, clock, lock)
    await seed_pair(store, auth, expires_at=clock.time() + 10)
    respx.post(TOKEN_URL).respond(200, json=token_body("AT-1", "RT-1"))
    respx.get(ME_URL).respond(200, json={"id": "u"})
    async with ZoomClient(auth=auth, clock=clock) as zoom:
        await zoom.users.me()
    assert lock.taken == [TokenKey(client_id="app", user_id="user-7")]


@respx.mock
async def test_a_rotated_pair_is_swapped_in_against_the_spent_refresh_token(clock: Any) -> None:
    store = AtomicStore()
    auth = user_oauth(store, clock)
    await seed_pair(store, auth, expires_at=clock.time() + 10)
    respx.post(TOKEN_URL).respond(200, json=token_body("AT-1", "RT-1"))
    me = respx.get(ME_URL).respond(200, json={"id": "u"})
    async with ZoomClient(auth=auth, clock=clock) as zoom:
        await zoom.users.me()
    assert store.replaced == ["RT-0"]
    stored = await store.load(auth.key)
    assert stored is not None
    assert stored.refresh_token == "RT-1"
    assert me.calls.last.request.headers["Authorization"] == "Bearer AT-1"


@respx.mock
async def test_a_grant_deleted_during_the_refresh_asks_for_reauthorization(clock: Any) -> None:
    store = AtomicStore()
    auth = user_oauth(store, clock)
    await seed_pair(store, auth, expires_at=clock.time() + 10)

    async def deauthorized_meanwhile(request: httpx.Request) -> httpx.Response:
        await store.delete(auth.key)
        return httpx.Response(200, json=token_body("AT-1", "RT-1"))

    token_route = respx.post(TOKEN_URL).mock(side_effect=deauthorized_meanwhile)
    me = respx.get(ME_URL).respond(200, json={"id": "u"})
    async with ZoomClient(auth=auth, clock=clock) as zoom:
        with pytest.raises(ReauthorizationRequired, match="no refresh token stored"):
            await zoom.users.me()
    assert token_route.call_count == 1  # RT-0 was not sent again
    assert me.call_count == 0
    assert await store.load(auth.key) is None  # the deleted grant did not come back


@respx.mock
async def test_a_swap_the_store_failed_is_retried_as_a_swap_before_use(clock: Any) -> None:
    store = AtomicStore()
    store.fail_replaces = 1
    auth = user_oauth(store, clock)
    await seed_pair(store, auth, expires_at=clock.time() + 10)
    token_route = respx.post(TOKEN_URL).respond(200, json=token_body("AT-1", "RT-1"))
    me = respx.get(ME_URL).respond(200, json={"id": "u"})
    async with ZoomClient(auth=auth, clock=clock) as zoom:
        with pytest.raises(TokenStoreError):
            await zoom.users.me()
        assert me.call_count == 0  # the unsaved pair was not used
        await zoom.users.me()
    assert token_route.call_count == 1
    assert store.replaced == ["RT-0"]  # the retry compared against the spent token too
    assert me.calls.last.request.headers["Authorization"] == "Bearer AT-1"
