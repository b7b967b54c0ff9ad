"""FakeZoom's control endpoints (``/_fakezoom/...``), in process and on a served instance."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from zoomkit.errors import InternalServerError
from zoomkit.testing import FakeClock, FakeZoom
from zoomkit.testing.__main__ import main


@asynccontextmanager
async def control(fake: FakeZoom) -> AsyncIterator[httpx.AsyncClient]:
    """A client for the control endpoints: no token needed."""
    async with httpx.AsyncClient(
        transport=fake.transport(), base_url="http://fakezoom/_fakezoom"
    ) as client:
        yield client


# -- in process ---------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_counters_are_json_with_string_keys() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.inject_fault("user", status=503)
    async with fake.client(max_retries=0) as zoom, control(fake) as admin:
        with pytest.raises(InternalServerError):
            await zoom.users.me()
        counters = (await admin.get("/counters")).json()
    assert counters["token_requests"] == {"account_credentials": 1}
    assert counters["total_token_requests"] == 1
    assert counters["calls"]["user"] == 1
    assert counters["fault_statuses"] == {"503": 1}
    assert counters["rate_limited"] == {}


@pytest.mark.anyio
async def test_control_calls_are_not_counted_or_logged() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    async with control(fake) as admin:
        await admin.get("/counters")
        await admin.get("/clock")
    assert fake.counters.calls == {}
    assert fake.requests == []


@pytest.mark.anyio
async def test_advancing_a_fake_clock() -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1)
    start = clock.time()
    async with control(fake) as admin:
        moved = await admin.post("/clock", json={"advance": 90.5})
    assert moved.json() == {"now": start + 90.5, "fake": True}
    assert clock.time() == start + 90.5


@pytest.mark.anyio
async def test_the_clock_never_moves_back() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    async with control(fake) as admin:
        refused = await admin.post("/clock", json={"advance": -1})
    assert refused.status_code == 400
    assert refused.json()["errors"] == [{"field": "advance", "message": "Time only moves forward."}]


@pytest.mark.anyio
async def test_a_real_clock_cannot_be_advanced() -> None:
    fake = FakeZoom(seed=1)
    async with control(fake) as admin:
        refused = await admin.post("/clock", json={"advance": 5})
    assert refused.status_code == 409
    assert "--fake-clock" in refused.json()["message"]


@pytest.mark.anyio
async def test_expire_tokens_makes_issued_tokens_answer_124() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    async with fake.client() as zoom, control(fake) as admin:
        await zoom.users.me()
        assert (await admin.post("/expire-tokens")).status_code == 204
        await zoom.users.me()  # refreshed once and replayed
    assert fake.counters.unauthorized_responses == 1
    assert fake.counters.token_requests["account_credentials"] == 2


@pytest.mark.anyio
async def test_faults_set_over_http_apply_to_the_named_operations() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    async with control(fake) as admin:
        answer = await admin.post(
            "/faults", json={"rate": 1.0, "statuses": [502], "operations": ["meeting"]}
        )
    assert answer.status_code == 204
    async with fake.client(max_retries=0) as zoom:
        await zoom.users.me()
    assert fake.counters.faults == {}


@pytest.mark.anyio
async def test_impossible_faults_are_refused_with_the_reason() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    async with control(fake) as admin:
        refused = await admin.post("/faults", json={"rate": 0.7, "resets_after": 0.7})
    assert refused.status_code == 400
    assert "add up to 1.4" in refused.json()["message"]


@pytest.mark.anyio
async def test_seed_creates_past_meetings_with_participants() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    async with control(fake) as admin:
        seeded = await admin.post("/seed", json={"meetings": 3, "participants": 4})
    meetings = seeded.json()["meetings"]
    assert seeded.status_code == 201
    assert len(meetings) == 3
    async with fake.client() as zoom:
        page = await zoom.request("GET", f"/past_meetings/{meetings[0]['id']}/participants")
    assert page.json()["total_records"] == 4


@pytest.mark.anyio
async def test_seed_refuses_an_unknown_host() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    async with control(fake) as admin:
        refused = await admin.post("/seed", json={"meetings": 1, "host": "nobody@example.com"})
    assert refused.status_code == 404


@pytest.mark.anyio
async def test_requests_log_filters_by_operation() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    async with fake.client() as zoom, control(fake) as admin:
        await zoom.users.me()
        await zoom.meetings.create("me", topic="Logged")
        logged = (await admin.get("/requests", params={"operation": "meetingCreate"})).json()
    assert [entry["json"]["topic"] for entry in logged["requests"]] == ["Logged"]
    assert logged["requests"][0]["method"] == "POST"


# -- the serve command ----------------------------------------------------------------------------


def test_serve_refuses_fault_rates_above_one() -> None:
    with pytest.raises(SystemExit, match=r"add up to 1\.5"):
        main(["serve", "--fault-rate", "0.9", "--resets-after", "0.6"])


def test_serve_refuses_an_unknown_plan(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--plan", "enterprise"])
    assert "invalid choice: 'enterprise'" in capsys.readouterr().err


# -- a served instance ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(serve_fakezoom: Callable[..., Any]) -> Any:
    return serve_fakezoom("--plan", "pro", "--fake-clock", "--seed", "7")


def test_served_counters_report_token_requests(served: Any) -> None:
    with httpx.Client(timeout=5) as client:
        before = client.get(f"{served.base}/_fakezoom/counters").json()
        served.token(client)
        after = client.get(f"{served.base}/_fakezoom/counters").json()
    assert after["total_token_requests"] == before["total_token_requests"] + 1


def test_served_clock_is_fake_and_advances(served: Any) -> None:
    with httpx.Client(timeout=5) as client:
        now = client.get(f"{served.base}/_fakezoom/clock").json()
        moved = client.post(f"{served.base}/_fakezoom/clock", json={"advance": 2}).json()
    assert now["fake"] is True
    assert moved["now"] == now["now"] + 2


def test_served_pro_limits_refuse_the_31st_light_call_in_a_second(served: Any) -> None:
    with httpx.Client(timeout=5) as client:
        client.post(f"{served.base}/_fakezoom/clock", json={"advance": 1})  # a fresh second
        headers = {"Authorization": f"Bearer {served.token(client)}"}
        statuses = [
            client.get(f"{served.base}/v2/users/me", headers=headers).status_code for _ in range(31)
        ]
        counters = client.get(f"{served.base}/_fakezoom/counters").json()
    assert statuses == [200] * 30 + [429]
    assert counters["rate_limited"]["Light"] >= 1
    assert counters["peak_per_second"]["Light"] >= 31


def test_served_seed_and_crawl_participants_page_by_page(served: Any) -> None:
    with httpx.Client(timeout=5) as client:
        client.post(f"{served.base}/_fakezoom/clock", json={"advance": 1})
        meetings = client.post(
            f"{served.base}/_fakezoom/seed", json={"meetings": 1, "participants": 7}
        ).json()["meetings"]
        headers = {"Authorization": f"Bearer {served.token(client)}"}
        url = f"{served.base}/v2/past_meetings/{meetings[0]['id']}/participants"
        first = client.get(url, params={"page_size": 5}, headers=headers).json()
        second = client.get(
            url,
            params={"page_size": 5, "next_page_token": first["next_page_token"]},
            headers=headers,
        ).json()
    ids = [p["id"] for p in first["participants"] + second["participants"]]
    assert len(ids) == len(set(ids)) == 7
    assert second["next_page_token"] == ""


def test_served_credentials_name_every_app(served: Any) -> None:
    with httpx.Client(timeout=5) as client:
        credentials = client.get(f"{served.base}/_fakezoom/credentials").json()
    assert credentials["s2s"]["client_id"] == served.settings["ZOOM_CLIENT_ID"]
    assert credentials["api_url"] == served.base
    assert set(credentials["oauth_app"]) == {"client_id", "client_secret", "redirect_uri"}


def test_served_answers_do_not_wait_for_delayed_acks(served: Any) -> None:
    """Header and body go out as two writes: without TCP_NODELAY each answer waits ~40 ms."""
    with httpx.Client(timeout=5) as client:
        client.get(f"{served.base}/_fakezoom/clock")
        times = []
        for _ in range(9):
            response = client.get(f"{served.base}/_fakezoom/clock")
            times.append(response.elapsed.total_seconds())
    assert sorted(times)[4] < 0.02
