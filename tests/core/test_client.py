"""ZoomClient configuration: credentials from the environment, clones, owned connections."""

from __future__ import annotations

import httpx
import pytest
import respx

from zoomkit import ConfigurationError, ZoomClient
from zoomkit.auth import JWTAuth, ServerToServerOAuth, StaticTokenAuth

ENV = ("ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET", "ZOOM_API_KEY", "ZOOM_API_SECRET")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (*ENV, "ZOOM_BASE_URL", "ZOOM_OAUTH_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def test_missing_credentials_fail_at_construction_naming_the_variables() -> None:
    with pytest.raises(ConfigurationError) as caught:
        ZoomClient.from_env()
    message = str(caught.value)
    for name in ("ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"):
        assert name in message
    with pytest.raises(ConfigurationError):
        ZoomClient()


def test_partial_credentials_name_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZOOM_ACCOUNT_ID", "acct")
    monkeypatch.setenv("ZOOM_CLIENT_ID", "cid")
    with pytest.raises(ConfigurationError, match="ZOOM_CLIENT_SECRET not set"):
        ZoomClient.from_env()


def test_from_env_builds_server_to_server_oauth(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZOOM_ACCOUNT_ID", "acct")
    monkeypatch.setenv("ZOOM_CLIENT_ID", "cid")
    monkeypatch.setenv("ZOOM_CLIENT_SECRET", "top-secret-value")
    monkeypatch.setenv("ZOOM_BASE_URL", "https://api.zoomgov.com/v2")
    client = ZoomClient.from_env()
    assert isinstance(client.auth, ServerToServerOAuth)
    assert client.base_url == "https://api.zoomgov.com/v2"
    assert "top-secret-value" not in repr(client)


def test_from_env_builds_jwt_for_legacy_apps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZOOM_API_KEY", "key")
    monkeypatch.setenv("ZOOM_API_SECRET", "jwt-secret-value")
    client = ZoomClient.from_env()
    assert isinstance(client.auth, JWTAuth)
    assert "jwt-secret-value" not in repr(client)


def test_http_client_and_transport_together_are_refused() -> None:
    with pytest.raises(ConfigurationError, match="either http_client or transport"):
        ZoomClient(
            auth=StaticTokenAuth("t"),
            http_client=httpx.AsyncClient(),
            transport=httpx.MockTransport(lambda r: httpx.Response(200)),
        )


@pytest.mark.anyio
async def test_an_injected_http_client_is_never_closed() -> None:
    http_client = httpx.AsyncClient()
    async with ZoomClient(auth=StaticTokenAuth("t"), http_client=http_client):
        pass
    assert not http_client.is_closed
    await http_client.aclose()


@pytest.mark.anyio
async def test_an_owned_http_client_is_closed_on_exit() -> None:
    client = ZoomClient(auth=StaticTokenAuth("t"))
    async with client:
        pass
    assert client._http_client.is_closed


@pytest.mark.anyio
@respx.mock
async def test_with_options_shares_the_pool_and_overrides_settings() -> None:
    route = respx.get("https://api.zoom.us/v2/users/me").respond(
        500, json={"code": 1, "message": "x"}
    )
    async with ZoomClient(auth=StaticTokenAuth("t"), max_retries=0) as client:
        clone = client.with_options(max_retries=0, default_headers={"X-Trace": "1"})
        assert clone._http_client is client._http_client
        await clone.aclose()  # a clone never closes the shared pool
        assert not client._http_client.is_closed
        with pytest.raises(Exception):  # noqa: B017, PT011 - the 500 itself is not the point
            await clone.users.me()
    assert route.calls.last.request.headers["x-trace"] == "1"


@pytest.mark.anyio
@respx.mock
async def test_raw_request_exposes_tracking_id_and_rate_limit_headers() -> None:
    respx.get("https://api.zoom.us/v2/users/me").respond(
        200,
        json={"id": "u1"},
        headers={
            "x-zm-trackingid": "v=2.0;clid=us05;rid=WEB_1",
            "X-RateLimit-Category": "Light",
            "X-RateLimit-Remaining": "79",
            "X-RateLimit-Limit": "80",
        },
    )
    async with ZoomClient(auth=StaticTokenAuth("t")) as client:
        response = await client.request("GET", "/users/me")
    assert response.tracking_id == "v=2.0;clid=us05;rid=WEB_1"
    assert response.rate_limit.category == "Light"
    assert response.rate_limit.remaining == 79
    assert response.json() == {"id": "u1"}


@pytest.mark.anyio
@respx.mock
async def test_per_call_extra_headers_query_and_timeout_are_sent() -> None:
    route = respx.get("https://api.zoom.us/v2/users/someone%40example.com").respond(
        200, json={"id": "u1"}
    )
    async with ZoomClient(auth=StaticTokenAuth("t")) as client:
        await client.users.get(
            "someone@example.com",
            extra_headers={"X-Request-Source": "crm"},
            extra_query={"encrypted_email": True},
            timeout=3.0,
        )
    sent = route.calls.last.request
    assert sent.headers["x-request-source"] == "crm"
    assert sent.url.params["encrypted_email"] == "true"
    assert sent.extensions["timeout"]["read"] == 3.0
