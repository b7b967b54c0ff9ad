"""Legacy JWT apps: short-lived HS256 tokens with iss and exp, re-signed before expiry."""

from __future__ import annotations

import httpx
import jwt
import pytest
import respx

from zoomkit import ZoomClient
from zoomkit.auth import JWTAuth, StaticTokenAuth

pytestmark = pytest.mark.anyio
ME_URL = "https://api.zoom.us/v2/users/me"
SECRET = "legacy-jwt-api-secret-at-least-32-bytes"


@respx.mock
async def test_jwt_carries_iss_and_a_short_exp(clock) -> None:  # type: ignore[no-untyped-def]
    route = respx.get(ME_URL).respond(200, json={"id": "u"})
    async with ZoomClient(auth=JWTAuth("api-key", SECRET, ttl=300), clock=clock) as zoom:
        await zoom.users.me()
    bearer = route.calls.last.request.headers["authorization"].removeprefix("Bearer ")
    claims = jwt.decode(bearer, SECRET, algorithms=["HS256"], options={"verify_exp": False})
    assert claims == {"iss": "api-key", "exp": int(clock.time() + 300)}


@respx.mock
async def test_jwt_is_resigned_before_it_expires(clock) -> None:  # type: ignore[no-untyped-def]
    route = respx.get(ME_URL).respond(200, json={"id": "u"})
    async with ZoomClient(
        auth=JWTAuth("k", SECRET, ttl=300, refresh_margin=30), clock=clock
    ) as zoom:
        await zoom.users.me()
        first = route.calls.last.request.headers["authorization"]
        clock.advance(200)
        await zoom.users.me()
        assert route.calls.last.request.headers["authorization"] == first
        clock.advance(80)  # 20 s left: inside the margin
        await zoom.users.me()
        assert route.calls.last.request.headers["authorization"] != first


def test_jwt_repr_hides_the_secret() -> None:
    assert SECRET not in repr(JWTAuth("api-key", SECRET))


def test_jwt_refuses_a_ttl_inside_its_margin() -> None:
    with pytest.raises(ValueError, match="ttl"):
        JWTAuth("k", SECRET, ttl=10, refresh_margin=30)


@respx.mock
async def test_static_token_is_sent_as_given_and_never_refreshed() -> None:
    route = respx.get(ME_URL).respond(401, json={"code": 124, "message": "Invalid access token."})
    async with ZoomClient(auth=StaticTokenAuth("given-token"), max_retries=0) as zoom:
        with pytest.raises(Exception):  # noqa: B017, PT011 - AuthenticationError; counting calls
            await zoom.users.me()
    assert route.call_count == 1
    assert route.calls.last.request.headers["authorization"] == "Bearer given-token"
    assert "given-token" not in repr(StaticTokenAuth("given-token"))


@respx.mock
async def test_a_rejected_jwt_is_replayed_with_a_different_token(clock) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def api(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        if len(seen) == 1:
            return httpx.Response(401, json={"code": 124, "message": "Invalid access token."})
        return httpx.Response(200, json={"id": "u"})

    respx.get(ME_URL).mock(side_effect=api)
    async with ZoomClient(auth=JWTAuth("k", SECRET), clock=clock) as zoom:
        await zoom.users.me()
    assert len(seen) == 2
    assert seen[0] != seen[1]
