"""OAuth on FakeZoom: S2S, authorization code with PKCE, refresh rotation, revoke, JWT."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import jwt
import pytest

from zoomkit.testing import FakeClock, FakeZoom

TOKEN_URL = "https://zoom.us/oauth/token"
NewToken = Callable[[], Awaitable[str]]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


async def authorize(http: httpx.AsyncClient, fake: FakeZoom, **extra: str) -> dict[str, list[str]]:
    params = {
        "response_type": "code",
        "client_id": fake.oauth_app.client_id,
        "redirect_uri": fake.oauth_app.redirect_uri,
        "state": "xyz",
        **extra,
    }
    response = await http.get("https://zoom.us/oauth/authorize", params=params)
    assert response.status_code == 302
    location = response.headers["location"]
    assert location.startswith(fake.oauth_app.redirect_uri + "?")
    return parse_qs(urlsplit(location).query)


async def exchange(
    http: httpx.AsyncClient, fake: FakeZoom, code: str, **extra: str
) -> httpx.Response:
    data = {"grant_type": "authorization_code", "code": code, **extra}
    data.setdefault("redirect_uri", fake.oauth_app.redirect_uri)
    return await http.post(
        TOKEN_URL, data=data, auth=(fake.oauth_app.client_id, fake.oauth_app.client_secret)
    )


async def refresh(http: httpx.AsyncClient, fake: FakeZoom, refresh_token: str) -> httpx.Response:
    return await http.post(
        TOKEN_URL,
        data={"grant_type": "refresh_token", "refresh_token": refresh_token},
        auth=(fake.oauth_app.client_id, fake.oauth_app.client_secret),
    )


async def user_tokens(http: httpx.AsyncClient, fake: FakeZoom) -> dict[str, Any]:
    code = (await authorize(http, fake))["code"][0]
    response = await exchange(http, fake, code)
    assert response.status_code == 200
    tokens: dict[str, Any] = response.json()
    return tokens


# -- server-to-server ---------------------------------------------------------------------


@pytest.mark.asyncio
async def test_s2s_token_has_zoom_shape(http: httpx.AsyncClient, fake: FakeZoom) -> None:
    response = await http.post(
        TOKEN_URL,
        data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
        auth=(fake.s2s.client_id, fake.s2s.client_secret),
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    assert "meeting:write:admin" in body["scope"].split(" ")
    assert body["api_url"] == "https://api.zoom.us"
    assert "refresh_token" not in body
    assert fake.counters.token_requests["account_credentials"] == 1


@pytest.mark.asyncio
async def test_s2s_params_may_travel_in_the_query_string(
    http: httpx.AsyncClient, fake: FakeZoom
) -> None:
    response = await http.post(
        TOKEN_URL,
        params={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
        auth=(fake.s2s.client_id, fake.s2s.client_secret),
    )
    assert response.status_code == 200


@pytest.mark.asyncio
async def test_api_url_is_configurable(clock: FakeClock) -> None:
    fake = FakeZoom(clock=clock, api_url="https://api-eu.zoom.us")
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        response = await http.post(
            TOKEN_URL,
            data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
            auth=(fake.s2s.client_id, fake.s2s.client_secret),
        )
    assert response.json()["api_url"] == "https://api-eu.zoom.us"


@pytest.mark.asyncio
async def test_bad_client_secret_is_invalid_client(http: httpx.AsyncClient, fake: FakeZoom) -> None:
    response = await http.post(
        TOKEN_URL,
        data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
        auth=(fake.s2s.client_id, "wrong"),
    )
    assert response.status_code == 401
    assert response.json() == {
        "reason": "Invalid client_id or client_secret",
        "error": "invalid_client",
    }
    assert fake.counters.token_requests["account_credentials"] == 1  # failures count too


@pytest.mark.asyncio
async def test_wrong_account_id_is_invalid_request(http: httpx.AsyncClient, fake: FakeZoom) -> None:
    response = await http.post(
        TOKEN_URL,
        data={"grant_type": "account_credentials", "account_id": "someone-else"},
        auth=(fake.s2s.client_id, fake.s2s.client_secret),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


@pytest.mark.asyncio
@pytest.mark.parametrize("grant_type", ["client_credentials", "authorization_code", "password"])
async def test_grant_the_s2s_app_does_not_have_is_unsupported(
    http: httpx.AsyncClient, fake: FakeZoom, grant_type: str
) -> None:
    response = await http.post(
        TOKEN_URL,
        data={"grant_type": grant_type, "account_id": fake.s2s.account_id},
        auth=(fake.s2s.client_id, fake.s2s.client_secret),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


@pytest.mark.asyncio
async def test_token_works_until_an_hour_has_passed(
    http: httpx.AsyncClient, clock: FakeClock, new_s2s_token: NewToken, fake: FakeZoom
) -> None:
    token = await new_s2s_token()
    clock.advance(3599)
    assert (await http.get("/v2/users/me", headers=bearer(token))).status_code == 200
    clock.advance(1)
    response = await http.get("/v2/users/me", headers=bearer(token))
    assert response.status_code == 401
    assert response.json() == {"code": 124, "message": "Access token is expired."}
    assert fake.counters.unauthorized_responses == 1


@pytest.mark.asyncio
async def test_new_s2s_tokens_do_not_invalidate_older_ones(
    http: httpx.AsyncClient, new_s2s_token: NewToken
) -> None:
    first, second = await new_s2s_token(), await new_s2s_token()
    assert first != second
    for token in (first, second):
        assert (await http.get("/v2/users/me", headers=bearer(token))).status_code == 200


@pytest.mark.asyncio
async def test_expire_access_tokens_expires_every_token_issued_so_far(
    http: httpx.AsyncClient, fake: FakeZoom, new_s2s_token: NewToken
) -> None:
    old = await new_s2s_token()
    fake.expire_access_tokens()
    response = await http.get("/v2/users/me", headers=bearer(old))
    assert response.json() == {"code": 124, "message": "Access token is expired."}
    fresh = await new_s2s_token()
    assert (await http.get("/v2/users/me", headers=bearer(fresh))).status_code == 200


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}],
    ids=["missing", "unknown", "wrong-scheme"],
)
async def test_missing_or_unknown_token_is_invalid(
    http: httpx.AsyncClient, fake: FakeZoom, headers: dict[str, str]
) -> None:
    response = await http.get("/v2/users/me", headers=headers)
    assert response.status_code == 401
    assert response.json() == {"code": 124, "message": "Invalid access token."}
    assert fake.counters.unauthorized_responses == 1


@pytest.mark.asyncio
async def test_token_in_query_string_is_refused(
    http: httpx.AsyncClient, new_s2s_token: NewToken
) -> None:
    token = await new_s2s_token()
    response = await http.get("/v2/users/me", params={"access_token": token})
    assert response.status_code == 401
    assert response.json()["code"] == 124
    assert "query parameter" in response.json()["message"]


# -- authorization code, PKCE, refresh -----------------------------------------------------


@pytest.mark.asyncio
async def test_authorize_redirects_with_code_and_state(
    http: httpx.AsyncClient, fake: FakeZoom
) -> None:
    params = await authorize(http, fake)
    assert params["state"] == ["xyz"]
    assert params["code"][0]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("override", "error"),
    [
        ({"client_id": "other"}, "invalid_client"),
        ({"redirect_uri": "https://evil.example/cb"}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
    ],
)
async def test_authorize_refuses_foreign_client_or_redirect(
    http: httpx.AsyncClient, fake: FakeZoom, override: dict[str, str], error: str
) -> None:
    params = {
        "response_type": "code",
        "client_id": fake.oauth_app.client_id,
        "redirect_uri": fake.oauth_app.redirect_uri,
        **override,
    }
    response = await http.get("https://zoom.us/oauth/authorize", params=params)
    assert response.status_code == 400
    assert response.json()["error"] == error


@pytest.mark.asyncio
async def test_code_exchange_gives_rotating_pair_acting_as_authorizing_user(
    http: httpx.AsyncClient, fake: FakeZoom
) -> None:
    alice = fake.add_user("alice@example.com", first_name="Alice", last_name="A")
    fake.authorize_user_id = alice["id"]
    tokens = await user_tokens(http, fake)
    assert tokens["refresh_token"]
    assert tokens["expires_in"] == 3600
    me = await http.get("/v2/users/me", headers=bearer(tokens["access_token"]))
    assert me.json()["email"] == "alice@example.com"
    assert fake.counters.token_requests["authorization_code"] == 1


@pytest.mark.asyncio
async def test_code_is_single_use(http: httpx.AsyncClient, fake: FakeZoom) -> None:
    code = (await authorize(http, fake))["code"][0]
    assert (await exchange(http, fake, code)).status_code == 200
    again = await exchange(http, fake, code)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


@pytest.mark.asyncio
async def test_code_expires_after_five_minutes(
    http: httpx.AsyncClient, fake: FakeZoom, clock: FakeClock
) -> None:
    code = (await authorize(http, fake))["code"][0]
    clock.advance(300)
    response = await exchange(http, fake, code)
    assert response.status_code == 400
    assert response.json() == {"reason": "Authorization code is expired", "error": "invalid_grant"}
    assert fake.counters.invalid_grant_responses == 1


@pytest.mark.asyncio
async def test_code_exchange_needs_the_same_redirect_uri(
    http: httpx.AsyncClient, fake: FakeZoom
) -> None:
    code = (await authorize(http, fake))["code"][0]
    response = await exchange(http, fake, code, redirect_uri="http://127.0.0.1:9999/other")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


@pytest.mark.asyncio
async def test_pkce_s256_accepts_the_matching_verifier(
    http: httpx.AsyncClient, fake: FakeZoom
) -> None:
    verifier = "a-long-random-verifier-string-of-43-characters-or-more"
    params = await authorize(
        http, fake, code_challenge=s256(verifier), code_challenge_method="S256"
    )
    response = await exchange(http, fake, params["code"][0], code_verifier=verifier)
    assert response.status_code == 200


@pytest.mark.asyncio
@pytest.mark.parametrize("verifier", ["a-different-verifier", None])
async def test_pkce_s256_refuses_a_wrong_or_missing_verifier(
    http: httpx.AsyncClient, fake: FakeZoom, verifier: str | None
) -> None:
    params = await authorize(
        http, fake, code_challenge=s256("the-real-verifier"), code_challenge_method="S256"
    )
    extra = {"code_verifier": verifier} if verifier else {}
    response = await exchange(http, fake, params["code"][0], **extra)
    assert response.status_code == 400
    assert response.json() == {"reason": "Invalid code_verifier", "error": "invalid_grant"}


@pytest.mark.asyncio
async def test_pkce_plain_compares_verbatim(http: httpx.AsyncClient, fake: FakeZoom) -> None:
    params = await authorize(http, fake, code_challenge="plain-verifier")
    assert (
        await exchange(http, fake, params["code"][0], code_verifier="plain-verifier")
    ).is_success


@pytest.mark.asyncio
async def test_refresh_rotates_and_spends_the_old_refresh_token(
    http: httpx.AsyncClient, fake: FakeZoom
) -> None:
    first = await user_tokens(http, fake)
    rotated = await refresh(http, fake, first["refresh_token"])
    assert rotated.status_code == 200
    second = rotated.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]

    replay = await refresh(http, fake, first["refresh_token"])
    assert replay.status_code == 400
    assert replay.json() == {"reason": "Invalid Token!", "error": "invalid_grant"}
    assert fake.counters.spent_refresh_token_uses == 1
    assert fake.counters.invalid_grant_responses == 1
    assert fake.counters.token_requests["refresh_token"] == 2

    assert (await refresh(http, fake, second["refresh_token"])).status_code == 200


@pytest.mark.asyncio
async def test_old_access_token_survives_a_refresh_until_it_expires(
    http: httpx.AsyncClient, fake: FakeZoom, clock: FakeClock
) -> None:
    first = await user_tokens(http, fake)
    clock.advance(1800)
    await refresh(http, fake, first["refresh_token"])
    assert (await http.get("/v2/users/me", headers=bearer(first["access_token"]))).is_success
    clock.advance(1800)
    expired = await http.get("/v2/users/me", headers=bearer(first["access_token"]))
    assert expired.json()["message"] == "Access token is expired."


@pytest.mark.asyncio
async def test_unknown_refresh_token_is_not_counted_as_spent(
    http: httpx.AsyncClient, fake: FakeZoom
) -> None:
    response = await refresh(http, fake, "never-issued")
    assert response.json()["error"] == "invalid_grant"
    assert fake.counters.spent_refresh_token_uses == 0


# -- revoke -----------------------------------------------------------------------------------


async def revoke(http: httpx.AsyncClient, fake: FakeZoom, token: str) -> httpx.Response:
    return await http.post(
        "https://zoom.us/oauth/revoke",
        data={"token": token},
        auth=(fake.oauth_app.client_id, fake.oauth_app.client_secret),
    )


@pytest.mark.asyncio
async def test_revoking_the_access_token_kills_the_whole_grant(
    http: httpx.AsyncClient, fake: FakeZoom
) -> None:
    tokens = await user_tokens(http, fake)
    response = await revoke(http, fake, tokens["access_token"])
    assert response.status_code == 200
    assert response.json() == {"status": "success"}
    api = await http.get("/v2/users/me", headers=bearer(tokens["access_token"]))
    assert api.status_code == 401
    assert api.json()["code"] == 124
    assert (await refresh(http, fake, tokens["refresh_token"])).json()["error"] == "invalid_grant"


@pytest.mark.asyncio
async def test_revoking_the_refresh_token_kills_its_access_tokens(
    http: httpx.AsyncClient, fake: FakeZoom
) -> None:
    tokens = await user_tokens(http, fake)
    await revoke(http, fake, tokens["refresh_token"])
    api = await http.get("/v2/users/me", headers=bearer(tokens["access_token"]))
    assert api.status_code == 401


@pytest.mark.asyncio
async def test_revoke_needs_client_authentication(http: httpx.AsyncClient, fake: FakeZoom) -> None:
    tokens = await user_tokens(http, fake)
    response = await http.post("https://zoom.us/oauth/revoke", data={"token": "x"})
    assert response.status_code == 401
    assert (await http.get("/v2/users/me", headers=bearer(tokens["access_token"]))).is_success


# -- legacy JWT -------------------------------------------------------------------------------


def jwt_token(
    fake: FakeZoom, *, exp: float, secret: str | None = None, iss: str | None = None
) -> str:
    claims = {"iss": iss or fake.jwt.api_key, "exp": int(exp)}
    return jwt.encode(claims, secret or fake.jwt.api_secret, algorithm="HS256")


@pytest.mark.asyncio
async def test_jwt_signed_with_the_app_secret_acts_as_the_owner(
    http: httpx.AsyncClient, fake: FakeZoom, clock: FakeClock
) -> None:
    token = jwt_token(fake, exp=clock.time() + 60)
    response = await http.get("/v2/users/me", headers=bearer(token))
    assert response.status_code == 200
    assert response.json()["email"] == "owner@example.com"


@pytest.mark.asyncio
async def test_jwt_expiry_is_judged_by_the_fake_clock(
    http: httpx.AsyncClient, fake: FakeZoom, clock: FakeClock
) -> None:
    token = jwt_token(fake, exp=clock.time() + 60)
    clock.advance(60)
    response = await http.get("/v2/users/me", headers=bearer(token))
    assert response.status_code == 401
    assert response.json() == {"code": 124, "message": "Access token is expired."}


@pytest.mark.asyncio
@pytest.mark.parametrize("bad", ["secret", "issuer"])
async def test_jwt_with_bad_signature_or_issuer_is_invalid(
    http: httpx.AsyncClient, fake: FakeZoom, clock: FakeClock, bad: str
) -> None:
    token = jwt_token(
        fake,
        exp=clock.time() + 60,
        secret="not-the-secret-but-long-enough-for-hs256!" if bad == "secret" else None,
        iss="someone-else" if bad == "issuer" else None,
    )
    response = await http.get("/v2/users/me", headers=bearer(token))
    assert response.status_code == 401
    assert response.json() == {"code": 124, "message": "Invalid access token."}
