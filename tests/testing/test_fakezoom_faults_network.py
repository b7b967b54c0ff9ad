"""Random faults, connection resets before and after the effect, and slow answers.

In process the transport raises the httpx errors a network gives; served, the TCP connection is
really reset and slow answers really wait.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from typing import Any

import httpx
import pytest

from zoomkit.testing import FakeClock, FakeZoom
from zoomkit.testing._faults import Fault, FaultKind, FaultRates


@asynccontextmanager
async def api_client(fake: FakeZoom) -> AsyncIterator[httpx.AsyncClient]:
    """A bare httpx client holding an S2S token, so the wire behaviour is FakeZoom's alone."""
    async with httpx.AsyncClient(
        transport=fake.transport(), base_url="https://api.zoom.us/v2"
    ) as client:
        token = await client.post(
            "https://zoom.us/oauth/token",
            data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
            auth=(fake.s2s.client_id, fake.s2s.client_secret),
        )
        client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        yield client


async def meeting_topics(api: httpx.AsyncClient) -> list[str]:
    listed = await api.get("/users/me/meetings", params={"page_size": 300})
    return [meeting["topic"] for meeting in listed.json()["meetings"]]


# -- picking a fault from a draw ------------------------------------------------------------------


RATES = FaultRates(rate=0.3, resets_before=0.1, resets_after=0.1, slow=0.1)


@pytest.mark.parametrize(
    ("draw", "expected"),
    [
        (0.0, Fault(500)),
        (0.15, Fault(502)),
        (0.29, Fault(503)),
        (0.3, Fault(kind=FaultKind.RESET_BEFORE)),
        (0.45, Fault(kind=FaultKind.RESET_AFTER)),
        (0.55, Fault(kind=FaultKind.SLOW)),
        (0.6, None),
        (0.99, None),
    ],
)
def test_a_draw_picks_a_fault_by_the_rates(draw: float, expected: Fault | None) -> None:
    assert RATES.pick(draw) == expected


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"rate": 1.5}, "rate must be a probability"),
        ({"slow": -0.1}, "slow must be a probability"),
        ({"rate": 0.6, "resets_after": 0.6}, "add up to 1.2"),
        ({"statuses": ()}, "statuses must be HTTP error codes"),
        ({"statuses": (200,)}, "statuses must be HTTP error codes"),
        ({"slow_seconds": -1.0}, "slow_seconds"),
    ],
)
def test_impossible_fault_rates_are_refused(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FaultRates(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "acts"),
    [
        (FaultKind.RESET_BEFORE, False),
        (FaultKind.RESET_AFTER, True),
        (FaultKind.SLOW, True),
    ],
)
def test_which_network_faults_act_first(kind: FaultKind, acts: bool) -> None:
    assert Fault(kind=kind).acts is acts


# -- random faults in process ---------------------------------------------------------------------


async def statuses_of(fake: FakeZoom, calls: int) -> list[int]:
    async with api_client(fake) as api:
        return [(await api.get("/users/me")).status_code for _ in range(calls)]


@pytest.mark.anyio
async def test_the_fault_rate_over_many_calls_is_close_to_the_rate() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.faults(rate=0.1, seed=11)
    statuses = await statuses_of(fake, 2000)
    failed = sum(1 for status in statuses if status != 200)
    assert 160 <= failed <= 240
    assert set(statuses) == {200, 500, 502, 503}
    assert fake.counters.faults["status"] == failed


@pytest.mark.anyio
async def test_a_seed_makes_the_faults_reproducible() -> None:
    runs = []
    for _ in range(2):
        fake = FakeZoom(clock=FakeClock(), seed=1)
        fake.faults(rate=0.2, seed=5)
        runs.append(await statuses_of(fake, 200))
    assert runs[0] == runs[1]
    assert any(status != 200 for status in runs[0])


@pytest.mark.anyio
async def test_random_faults_default_to_rest_calls_not_the_token_endpoint() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.faults(rate=1.0)
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        token = await http.post(
            "https://zoom.us/oauth/token",
            data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
            auth=(fake.s2s.client_id, fake.s2s.client_secret),
        )
    assert token.status_code == 200


@pytest.mark.anyio
async def test_faults_can_target_chosen_operations() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.faults(rate=1.0, statuses=(503,), operations=["meetingCreate"])
    async with api_client(fake) as api:
        me = await api.get("/users/me")
        create = await api.post("/users/me/meetings", json={"topic": "t"})
    assert (me.status_code, create.status_code) == (200, 503)
    assert fake.counters.fault_statuses == {503: 1}


@pytest.mark.anyio
async def test_all_zero_rates_turn_random_faults_off() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.faults(rate=1.0)
    fake.faults()
    assert set(await statuses_of(fake, 20)) == {200}


@pytest.mark.anyio
async def test_clear_faults_drops_scheduled_and_random_ones() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.faults(rate=1.0, operations=["user"])
    fake.inject_fault("user", status=500, times=3)
    fake.clear_faults()
    assert set(await statuses_of(fake, 5)) == {200}


# -- resets and slow answers in process -----------------------------------------------------------


@pytest.mark.anyio
async def test_reset_before_raises_connect_error_and_changes_nothing() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.inject_fault("meetingCreate", reset="before")
    async with api_client(fake) as api:
        with pytest.raises(httpx.ConnectError):
            await api.post("/users/me/meetings", json={"topic": "never arrived"})
        assert await meeting_topics(api) == []
    assert [r for r in fake.requests if r.operation == "meetingCreate"] == []
    assert fake.counters.calls["meetingCreate"] == 0
    assert fake.counters.faults == {"reset_before": 1}


@pytest.mark.anyio
async def test_reset_after_acts_then_raises_a_transport_error() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.inject_fault("meetingCreate", reset="after")
    async with api_client(fake) as api:
        with pytest.raises(httpx.RemoteProtocolError):
            await api.post("/users/me/meetings", json={"topic": "created, unseen"})
        assert await meeting_topics(api) == ["created, unseen"]
    assert fake.counters.faults == {"reset_after": 1}


@pytest.mark.anyio
async def test_a_slow_answer_acts_then_raises_read_timeout_at_once() -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1)
    fake.inject_fault("meetingCreate", slow=True)
    before = clock.time()
    async with api_client(fake) as api:
        with pytest.raises(httpx.ReadTimeout):
            await api.post("/users/me/meetings", json={"topic": "slow"})
        assert await meeting_topics(api) == ["slow"]
    assert clock.time() == before


@pytest.mark.anyio
async def test_random_resets_before_are_connect_errors() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.faults(resets_before=1.0, operations=["user"])
    async with api_client(fake) as api:
        with pytest.raises(httpx.ConnectError):
            await api.get("/users/me")


@pytest.mark.anyio
async def test_zoomkit_resends_a_create_that_never_arrived_exactly_once() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.inject_fault("meetingCreate", reset="before")
    async with fake.client() as zoom:
        await zoom.meetings.create("me", topic="once")
    assert fake.counters.faults == {"reset_before": 1}
    assert [r.json["topic"] for r in fake.requests if r.operation == "meetingCreate"] == ["once"]


def test_a_fault_cannot_be_both_a_reset_and_slow() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    with pytest.raises(ValueError, match="either a reset or a slow answer"):
        fake.inject_fault("meeting", reset="after", slow=True)


@pytest.mark.anyio
async def test_status_faults_are_counted_by_kind_and_status() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.inject_fault("user", status=502, times=2)
    await statuses_of(fake, 3)
    assert fake.counters.faults == {"status": 2}
    assert fake.counters.fault_statuses == {502: 2}


@pytest.mark.anyio
async def test_the_logical_creates_show_in_the_request_log_once_each() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.faults(rate=0.2, resets_before=0.2, resets_after=0.2, operations=["meetingCreate"])
    async with api_client(fake) as api:
        for number in range(50):
            with suppress(httpx.TransportError):  # the request log is what counts here
                await api.post("/users/me/meetings", json={"topic": f"m{number}"})
    sent = Counter(r.json["topic"] for r in fake.requests if isinstance(r.json, dict))
    arrived = 50 - fake.counters.faults["reset_before"]
    assert sum(sent.values()) == arrived
    assert max(sent.values()) == 1


# -- served over TCP ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(serve_fakezoom: Callable[..., Any]) -> Any:
    return serve_fakezoom("--seed", "3", "--slow-seconds", "5")


def set_faults(served: Any, client: httpx.Client, **options: object) -> None:
    client.delete(f"{served.base}/_fakezoom/faults")
    assert client.post(f"{served.base}/_fakezoom/faults", json=options).status_code == 204


def served_topics(served: Any, client: httpx.Client, token: str) -> list[str]:
    listed = client.get(
        f"{served.base}/v2/users/me/meetings",
        params={"page_size": 300},
        headers={"Authorization": f"Bearer {token}"},
    )
    return [meeting["topic"] for meeting in listed.json()["meetings"]]


def test_served_reset_after_drops_the_connection_after_acting(served: Any) -> None:
    with httpx.Client(timeout=5) as client:
        token = served.token(client)
        set_faults(served, client, resets_after=1.0, operations=["meetingCreate"])
        with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
            client.post(
                f"{served.base}/v2/users/me/meetings",
                json={"topic": "served reset after"},
                headers={"Authorization": f"Bearer {token}"},
            )
        client.delete(f"{served.base}/_fakezoom/faults")
        assert "served reset after" in served_topics(served, client, token)


def test_served_reset_before_drops_the_connection_without_acting(served: Any) -> None:
    with httpx.Client(timeout=5) as client:
        token = served.token(client)
        set_faults(served, client, resets_before=1.0, operations=["meetingCreate"])
        with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
            client.post(
                f"{served.base}/v2/users/me/meetings",
                json={"topic": "served reset before"},
                headers={"Authorization": f"Bearer {token}"},
            )
        client.delete(f"{served.base}/_fakezoom/faults")
        assert "served reset before" not in served_topics(served, client, token)


def test_served_slow_answer_outlasts_the_client_timeout(served: Any) -> None:
    with httpx.Client(timeout=5) as client:
        token = served.token(client)
        set_faults(served, client, slow=1.0, operations=["user"])
        with pytest.raises(httpx.ReadTimeout):
            client.get(
                f"{served.base}/v2/users/me",
                headers={"Authorization": f"Bearer {token}"},
                timeout=0.3,
            )
        client.delete(f"{served.base}/_fakezoom/faults")


def test_served_slow_answer_arrives_late_within_a_longer_timeout(served: Any) -> None:
    with httpx.Client(timeout=5) as client:
        token = served.token(client)
        set_faults(served, client, slow=1.0, slow_seconds=0.2, operations=["user"])
        late = client.get(
            f"{served.base}/v2/users/me", headers={"Authorization": f"Bearer {token}"}
        )
        client.delete(f"{served.base}/_fakezoom/faults")
    assert late.status_code == 200
    assert late.elapsed.total_seconds() >= 0.2
