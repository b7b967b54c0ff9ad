"""Cross-cutting behaviour: headers on every response, routing, recording and counters."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import httpx
import pytest

from zoomkit.testing import FakeZoom


@pytest.mark.asyncio
async def test_every_response_has_a_unique_tracking_id_and_json_type(
    http: httpx.AsyncClient, fake: FakeZoom
) -> None:
    token_response = await http.post(
        "https://zoom.us/oauth/token",
        data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
        auth=(fake.s2s.client_id, fake.s2s.client_secret),
    )
    auth = {"Authorization": f"Bearer {token_response.json()['access_token']}"}
    created = await http.post("/v2/users/me/meetings", json={"topic": "t"}, headers=auth)
    responses = [
        token_response,
        created,
        await http.post("https://zoom.us/oauth/token", data={"grant_type": "x"}),  # 401
        await http.get(
            "https://zoom.us/oauth/authorize",
            params={
                "response_type": "code",
                "client_id": fake.oauth_app.client_id,
                "redirect_uri": fake.oauth_app.redirect_uri,
            },
        ),  # 302
        await http.get("/v2/users/me", headers=auth),  # 200
        await http.get("/v2/users/me"),  # 401
        await http.get("/v2/meetings/1", headers=auth),  # 404
        await http.patch(
            f"/v2/meetings/{created.json()['id']}", json={"topic": "u"}, headers=auth
        ),  # 204
        await http.get("/v2/no/such/path", headers=auth),  # 404
    ]
    tracking_ids = [response.headers["x-zm-trackingid"] for response in responses]
    assert len(set(tracking_ids)) == len(responses)
    for response in responses:
        assert response.headers["content-type"].startswith("application/json")


@pytest.mark.asyncio
async def test_any_host_is_answered_by_path(fake: FakeZoom) -> None:
    async with httpx.AsyncClient(transport=fake.transport()) as client:
        response = await client.post(
            "http://fake.invalid:1234/oauth/token",
            data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
            auth=(fake.s2s.client_id, fake.s2s.client_secret),
        )
    assert response.status_code == 200


@pytest.mark.asyncio
async def test_unknown_path_is_404_and_wrong_method_405(api: httpx.AsyncClient) -> None:
    assert (await api.get("/nothing/here")).status_code == 404
    assert (await api.put("/users/me")).status_code == 405


@pytest.mark.asyncio
async def test_requests_are_recorded_without_credentials(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    await api.post("/users/me/meetings", json={"topic": "t"}, params={"x": "1"})
    recorded = fake.requests[-1]
    assert (recorded.method, recorded.path, recorded.operation) == (
        "POST",
        "/v2/users/me/meetings",
        "meetingCreate",
    )
    assert recorded.query == {"x": "1"}
    assert recorded.json == {"topic": "t"}
    assert recorded.at == fake.clock.time()  # its arrival, on FakeZoom's clock
    fake.clock.advance(2.5)
    await api.get("/users/me")
    assert fake.requests[-1].at == recorded.at + 2.5
    token = api.headers["Authorization"].removeprefix("Bearer ")
    assert token not in repr(fake.requests)
    assert all(not r.path.startswith("/oauth") for r in fake.requests)


def test_credentials_hide_their_secrets_in_repr(fake: FakeZoom) -> None:
    for app, secret in (
        (fake.s2s, fake.s2s.client_secret),
        (fake.oauth_app, fake.oauth_app.client_secret),
        (fake.jwt, fake.jwt.api_secret),
    ):
        assert secret not in repr(app)
    assert fake.oauth_app.redirect_uri == "http://127.0.0.1:8000/oauth/callback"


@pytest.mark.asyncio
async def test_counters_tally_calls_by_operation(api: httpx.AsyncClient, fake: FakeZoom) -> None:
    created = (await api.post("/users/me/meetings", json={"topic": "t"})).json()
    await api.get(f"/meetings/{created['id']}")
    await api.get(f"/meetings/{created['id']}")
    await api.delete(f"/meetings/{created['id']}")
    calls = fake.counters.calls
    assert (calls["meetingCreate"], calls["meeting"], calls["meetingDelete"]) == (1, 2, 1)
    assert fake.counters.total_token_requests == 1


@pytest.mark.asyncio
async def test_a_crashing_handler_answers_500(
    api: httpx.AsyncClient, fake: FakeZoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(fake._state, "find_user", explode)
    response = await api.get("/users/me")
    assert response.status_code == 500
    assert response.json()["code"] == 500


@pytest.mark.asyncio
async def test_lifespan_is_acknowledged(fake: FakeZoom) -> None:
    incoming: list[MutableMapping[str, Any]] = [
        {"type": "lifespan.startup"},
        {"type": "lifespan.shutdown"},
    ]
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> MutableMapping[str, Any]:
        return incoming.pop(0)

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    await fake.app({"type": "lifespan"}, receive, send)
    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
