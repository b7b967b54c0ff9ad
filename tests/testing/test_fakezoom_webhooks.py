"""FakeZoom delivers signed webhooks: validation, signatures, events, retries, revalidation.

The receiving end here is a tiny ASGI app written in the test with ``hmac`` alone (not
zoomkit.webhooks), reached in process through ``httpx.ASGITransport``; time is the fake clock.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import anyio
import anyio.lowlevel
import httpx
import pytest

from zoomkit.testing import FakeClock, FakeZoom
from zoomkit.testing._webhooks import (
    BackgroundFlush,
    encrypted_token,
    retry_due_at,
    validation_problem,
)

URL = "https://hooks.example.com/zoom/webhooks"
SECRET = "whsec-7f1d2c3b4a"
HOUR = 3600.0
MINUTE = 60.0


def hex_hmac(key: str, message: bytes) -> str:
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


class Receiver:
    """A webhook endpoint: answers URL validation with ``secret``, records every event."""

    def __init__(self, secret: str = SECRET, *, status: int = 200) -> None:
        self.secret = secret
        self.status = status
        self.events: list[tuple[dict[str, str], bytes]] = []
        self.challenges: list[tuple[dict[str, str], bytes]] = []

    @property
    def names(self) -> list[str]:
        return [json.loads(body)["event"] for _, body in self.events]

    def payloads(self, name: str) -> list[dict[str, Any]]:
        bodies = [json.loads(body) for _, body in self.events]
        return [body["payload"] for body in bodies if body["event"] == name]

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        assert scope["type"] == "http"
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        raw = b"".join(chunks)
        headers = {k.decode(): v.decode() for k, v in scope["headers"]}
        parsed = json.loads(raw)
        if parsed["event"] == "endpoint.url_validation":
            self.challenges.append((headers, raw))
            plain = parsed["payload"]["plainToken"]
            answer = {"plainToken": plain, "encryptedToken": hex_hmac(self.secret, plain.encode())}
            await respond(send, 200, json.dumps(answer).encode())
            return
        self.events.append((headers, raw))
        await respond(send, self.status, b"")


async def respond(send: Any, status: int, body: bytes) -> None:
    headers = [(b"content-type", b"application/json")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Flaky(httpx.AsyncBaseTransport):
    """Passes requests to ``app`` until ``down`` is set, then raises ``error`` instead."""

    def __init__(self, app: Receiver, error: type[httpx.TransportError]) -> None:
        self._inner = httpx.ASGITransport(app=app)
        self.error = error
        self.down = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise self.error("endpoint unreachable", request=request)
        return await self._inner.handle_async_request(request)


def transport(receiver: Receiver) -> httpx.ASGITransport:
    return httpx.ASGITransport(app=receiver)


def verify(headers: dict[str, str], raw: bytes, secret: str = SECRET) -> bool:
    """An independent check of Zoom's signature, as a receiver writes it."""
    message = b"v0:" + headers["x-zm-request-timestamp"].encode() + b":" + raw
    return hmac.compare_digest(headers["x-zm-signature"], "v0=" + hex_hmac(secret, message))


async def subscribe(fake: FakeZoom, receiver: Receiver, **options: Any) -> Any:
    return await fake.webhooks.subscribe(URL, SECRET, transport=transport(receiver), **options)


# -- pure rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attempt", "status", "expected"),
    [
        (1, 200, None),
        (1, 204, None),
        (1, 301, None),
        (1, 404, None),
        (1, 429, None),
        (1, 500, 1000.0 + 300),
        (1, 503, 1000.0 + 300),
        (1, None, 1000.0 + 300),
        (2, 500, 1000.0 + 1200),
        (3, None, 1000.0 + 3600),
        (4, 500, None),
        (4, None, None),
    ],
)
def test_retry_schedule(attempt: int, status: int | None, expected: float | None) -> None:
    assert retry_due_at(attempt, status, 1000.0) == expected


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (200, json.dumps({"plainToken": "p", "encryptedToken": hex_hmac("s", b"p")}), None),
        (None, "", "the endpoint is unreachable"),
        (500, "", "the endpoint answered HTTP 500, not 200"),
        (200, "plain text", "the answer is not JSON"),
        (200, "[]", "the answer is not a JSON object"),
        (200, json.dumps({"plainToken": "q", "encryptedToken": hex_hmac("s", b"p")}), "plainToken"),
        (200, json.dumps({"plainToken": "p", "encryptedToken": hex_hmac("x", b"p")}), "encrypted"),
        (200, json.dumps({"plainToken": "p"}), "encryptedToken"),
    ],
)
def test_validation_answers(status: int | None, body: str, expected: str | None) -> None:
    problem = validation_problem(status, body.encode(), "p", "s")
    if expected is None:
        assert problem is None
    else:
        assert problem is not None
        assert expected in problem


def test_encrypted_token_is_hex_hmac_sha256_of_the_plain_token() -> None:
    assert encrypted_token("s", "p") == hex_hmac("s", b"p")


# -- subscribing ------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_subscribing_validates_the_endpoint_with_a_signed_challenge(
    fake: FakeZoom, clock: FakeClock
) -> None:
    receiver = Receiver()
    sub = await subscribe(fake, receiver)
    assert sub.enabled
    assert sub.last_validated_at == clock.time()
    [(headers, raw)] = receiver.challenges
    assert verify(headers, raw)
    body = json.loads(raw)
    assert body["event"] == "endpoint.url_validation"
    assert body["event_ts"] == int(clock.time() * 1000)
    assert [v.status for v in fake.webhooks.validations] == [200]


@pytest.mark.anyio
async def test_a_wrong_encrypted_token_refuses_the_subscription(fake: FakeZoom) -> None:
    receiver = Receiver(secret="not-the-secret")
    with pytest.raises(ValueError, match="encryptedToken"):
        await subscribe(fake, receiver)
    assert fake.webhooks.subscriptions == []


@pytest.mark.anyio
async def test_an_unreachable_endpoint_refuses_the_subscription(fake: FakeZoom) -> None:
    down = Flaky(Receiver(), httpx.ConnectError)
    down.down = True
    with pytest.raises(ValueError, match=r"unreachable \(ConnectError\)"):
        await fake.webhooks.subscribe(URL, SECRET, transport=down)
    assert fake.webhooks.subscriptions == []


@pytest.mark.anyio
async def test_the_refusal_never_names_the_secret(fake: FakeZoom) -> None:
    with pytest.raises(ValueError, match="failed URL validation") as caught:
        await subscribe(fake, Receiver(secret="other"))
    assert SECRET not in str(caught.value)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("url", "events", "message"),
    [
        ("ftp://example.com/hook", None, "http or https"),
        ("/relative/hook", None, "http or https"),
        (URL, "meeting.created", "not the string"),
        (URL, [], "at least one event"),
    ],
)
async def test_bad_subscription_arguments_are_refused_before_any_request(
    fake: FakeZoom, url: str, events: Any, message: str
) -> None:
    receiver = Receiver()
    with pytest.raises(ValueError, match=message):
        await fake.webhooks.subscribe(url, SECRET, events=events, transport=transport(receiver))
    assert receiver.challenges == []


@pytest.mark.anyio
async def test_a_subscription_repr_hides_the_secret(fake: FakeZoom) -> None:
    sub = await subscribe(fake, Receiver())
    assert SECRET not in repr(sub)


# -- deliveries -------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_every_delivery_is_signed_over_the_raw_body(
    fake: FakeZoom, api: httpx.AsyncClient, clock: FakeClock
) -> None:
    receiver = Receiver()
    await subscribe(fake, receiver)
    await api.post("/users/me/meetings", json={"topic": "Signed"})
    [delivery] = await fake.webhooks.flush()
    [(headers, raw)] = receiver.events
    assert raw == delivery.body
    assert verify(headers, raw)
    assert headers["x-zm-request-timestamp"] == str(int(clock.time()))
    assert headers["content-type"] == "application/json"
    assert headers["user-agent"] == "Zoom Marketplace/1.0a"
    assert headers["x-zm-trackingid"]
    assert delivery.status == 200
    assert delivery.attempt == 1
    assert not verify(headers, raw, secret="another-secret")


@pytest.mark.anyio
async def test_an_event_carries_the_clock_time_of_the_change(
    fake: FakeZoom, clock: FakeClock
) -> None:
    receiver = Receiver()
    await subscribe(fake, receiver)
    changed_at = clock.time()
    fake.add_user("ada@example.com", first_name="Ada", last_name="L")
    clock.advance(90)
    await fake.webhooks.flush()
    [(headers, raw)] = receiver.events
    assert json.loads(raw)["event_ts"] == int(changed_at * 1000)
    assert headers["x-zm-request-timestamp"] == str(int(changed_at + 90))


@pytest.mark.anyio
async def test_events_before_the_subscription_are_not_delivered(fake: FakeZoom) -> None:
    early = Receiver()
    await subscribe(fake, early)
    fake.add_user("before@example.com", first_name="B", last_name="F")
    late = Receiver()
    await subscribe(fake, late)
    fake.add_user("after@example.com", first_name="A", last_name="F")
    await fake.webhooks.flush()
    assert early.names == ["user.created", "user.created"]
    assert late.names == ["user.created"]


@pytest.mark.anyio
async def test_each_subscription_gets_only_the_events_it_asked_for(
    fake: FakeZoom, api: httpx.AsyncClient
) -> None:
    created_only = Receiver()
    everything = Receiver()
    await subscribe(fake, created_only, events=["meeting.created"])
    await subscribe(fake, everything)
    meeting = (await api.post("/users/me/meetings", json={"topic": "Filtered"})).json()
    await api.delete(f"/meetings/{meeting['id']}")
    await fake.webhooks.flush()
    assert created_only.names == ["meeting.created"]
    assert everything.names == ["meeting.created", "meeting.deleted"]


@pytest.mark.anyio
async def test_unsubscribing_stops_deliveries_and_drops_retries(
    fake: FakeZoom, clock: FakeClock
) -> None:
    receiver = Receiver(status=500)
    sub = await subscribe(fake, receiver)
    fake.add_user("gone@example.com", first_name="G", last_name="O")
    await fake.webhooks.flush()
    fake.webhooks.unsubscribe(sub.id)
    fake.add_user("later@example.com", first_name="L", last_name="A")
    clock.advance(HOUR)
    assert await fake.webhooks.flush() == []
    assert fake.webhooks.pending == []
    assert len(receiver.events) == 1


def test_unsubscribing_an_unknown_id_names_it(fake: FakeZoom) -> None:
    with pytest.raises(ValueError, match="nope"):
        fake.webhooks.unsubscribe("nope")


# -- retries ----------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_a_500_is_retried_5_20_and_60_minutes_after_each_attempt(
    fake: FakeZoom, clock: FakeClock
) -> None:
    receiver = Receiver(status=500)
    await subscribe(fake, receiver)
    fake.add_user("retry@example.com", first_name="R", last_name="E")
    start = clock.time()
    attempts = await fake.webhooks.flush()
    for delay in (5 * MINUTE, 20 * MINUTE, 60 * MINUTE):
        clock.advance(delay - 1)
        assert await fake.webhooks.flush() == []
        clock.advance(1)
        attempts += await fake.webhooks.flush()
    clock.advance(24 * HOUR)
    attempts += await fake.webhooks.flush()
    assert [a.attempt for a in attempts] == [1, 2, 3, 4]
    assert [a.attempted_at - start for a in attempts] == [0, 300, 1500, 5100]
    assert [a.status for a in attempts] == [500] * 4
    assert fake.webhooks.pending == []
    assert len({body for _, body in receiver.events}) == 1  # the same event each time


@pytest.mark.anyio
@pytest.mark.parametrize("error", [httpx.ConnectError, httpx.ReadTimeout])
async def test_an_unreachable_endpoint_is_retried_on_the_same_schedule(
    fake: FakeZoom, clock: FakeClock, error: type[httpx.TransportError]
) -> None:
    flaky = Flaky(Receiver(), error)
    await fake.webhooks.subscribe(URL, SECRET, transport=flaky)
    flaky.down = True
    fake.add_user("down@example.com", first_name="D", last_name="N")
    start = clock.time()
    attempts = await fake.webhooks.flush()
    for delay in (5 * MINUTE, 20 * MINUTE, 60 * MINUTE):
        clock.advance(delay)
        attempts += await fake.webhooks.flush()
    assert [(a.attempt, a.status, a.error) for a in attempts] == [
        (n, None, error.__name__) for n in (1, 2, 3, 4)
    ]
    assert [a.attempted_at - start for a in attempts] == [0, 300, 1500, 5100]


@pytest.mark.anyio
async def test_a_retry_reaches_an_endpoint_that_came_back(fake: FakeZoom, clock: FakeClock) -> None:
    receiver = Receiver()
    flaky = Flaky(receiver, httpx.ConnectError)
    await fake.webhooks.subscribe(URL, SECRET, transport=flaky)
    flaky.down = True
    fake.add_user("back@example.com", first_name="B", last_name="K")
    await fake.webhooks.flush()
    [pending] = fake.webhooks.pending
    assert (pending.attempt, pending.due_at) == (2, clock.time() + 300)
    flaky.down = False
    clock.advance(300)
    [retry] = await fake.webhooks.flush()
    assert (retry.attempt, retry.status) == (2, 200)
    [(headers, raw)] = receiver.events
    assert verify(headers, raw)  # re-signed with the retry's own timestamp
    assert headers["x-zm-request-timestamp"] == str(int(clock.time()))
    assert fake.webhooks.pending == []


@pytest.mark.anyio
@pytest.mark.parametrize("status", [302, 400, 404])
async def test_redirects_and_client_errors_are_not_retried(
    fake: FakeZoom, clock: FakeClock, status: int
) -> None:
    await subscribe(fake, Receiver(status=status))
    fake.add_user("final@example.com", first_name="F", last_name="N")
    [delivery] = await fake.webhooks.flush()
    assert delivery.status == status
    assert fake.webhooks.pending == []
    clock.advance(2 * HOUR)
    assert await fake.webhooks.flush() == []


# -- revalidation -----------------------------------------------------------------------------


@pytest.mark.anyio
async def test_the_endpoint_is_revalidated_every_72_hours(fake: FakeZoom, clock: FakeClock) -> None:
    receiver = Receiver()
    sub = await subscribe(fake, receiver)
    clock.advance(72 * HOUR - 1)
    await fake.webhooks.flush()
    assert len(receiver.challenges) == 1
    clock.advance(1)
    await fake.webhooks.flush()
    assert len(receiver.challenges) == 2
    assert verify(*receiver.challenges[1])
    assert sub.last_validated_at == clock.time()


@pytest.mark.anyio
async def test_six_failed_revalidations_in_a_row_disable_the_subscription(
    fake: FakeZoom, clock: FakeClock
) -> None:
    receiver = Receiver()
    sub = await subscribe(fake, receiver)
    validated_at = sub.last_validated_at
    receiver.secret = "rotated-elsewhere"
    for failures in range(1, 6):
        clock.advance(72 * HOUR)
        await fake.webhooks.flush()
        assert (sub.failed_validations, sub.enabled) == (failures, True)
    clock.advance(72 * HOUR)
    await fake.webhooks.flush()
    assert (sub.failed_validations, sub.enabled) == (6, False)
    assert sub.last_validated_at == validated_at
    fake.add_user("ignored@example.com", first_name="I", last_name="G")
    assert await fake.webhooks.flush() == []
    assert receiver.events == []


@pytest.mark.anyio
async def test_a_successful_revalidation_resets_the_failure_count(
    fake: FakeZoom, clock: FakeClock
) -> None:
    receiver = Receiver()
    sub = await subscribe(fake, receiver)
    receiver.secret = "wrong"
    for _ in range(5):
        clock.advance(72 * HOUR)
        await fake.webhooks.flush()
    receiver.secret = SECRET
    clock.advance(72 * HOUR)
    await fake.webhooks.flush()
    assert (sub.failed_validations, sub.enabled) == (0, True)


# -- events and their payloads ----------------------------------------------------------------


@pytest.mark.anyio
async def test_meeting_api_calls_raise_created_updated_and_deleted(
    fake: FakeZoom, api: httpx.AsyncClient
) -> None:
    receiver = Receiver()
    await subscribe(fake, receiver)
    created = await api.post(
        "/users/me/meetings", json={"topic": "Plan", "start_time": "2026-03-03T10:00:00Z"}
    )
    meeting = created.json()
    await api.patch(f"/meetings/{meeting['id']}", json={"topic": "Plan B", "duration": 45})
    await api.delete(f"/meetings/{meeting['id']}")
    await fake.webhooks.flush()
    assert receiver.names == ["meeting.created", "meeting.updated", "meeting.deleted"]
    owner = fake.owner
    [made] = receiver.payloads("meeting.created")
    assert made["account_id"] == fake.account_id
    assert (made["operator"], made["operator_id"]) == (owner["email"], owner["id"])
    assert made["object"]["id"] == meeting["id"]
    assert made["object"]["uuid"] == meeting["uuid"]
    assert made["object"]["start_time"] == "2026-03-03T10:00:00Z"
    assert made["object"]["join_url"] == meeting["join_url"]
    [updated] = receiver.payloads("meeting.updated")
    assert updated["operation"] == "all"
    assert updated["object"] == {
        "id": meeting["id"],
        "uuid": meeting["uuid"],
        "topic": "Plan B",
        "duration": 45,
    }
    assert updated["old_object"] == {
        "id": meeting["id"],
        "uuid": meeting["uuid"],
        "topic": "Plan",
        "duration": 60,
    }
    [deleted] = receiver.payloads("meeting.deleted")
    assert deleted["operation"] == "all"
    assert deleted["object"]["id"] == meeting["id"]
    assert deleted["object"]["topic"] == "Plan B"


@pytest.mark.anyio
async def test_a_live_meeting_raises_start_participant_sharing_and_end_events(
    fake: FakeZoom, clock: FakeClock
) -> None:
    receiver = Receiver()
    await subscribe(fake, receiver)
    meeting = fake.add_meeting(fake.owner["id"], topic="Standup", duration=15)
    fake.start_meeting(meeting["id"])
    assert fake.get_meeting(meeting["id"])["status"] == "started"
    clock.advance(60)
    ada = fake.add_participant(meeting["id"], name="Ada", email="ada@example.org")
    fake.start_sharing(meeting["id"], ada["user_id"])
    fake.stop_sharing(meeting["id"], ada["user_id"])
    clock.advance(60)
    fake.remove_participant(meeting["id"], ada["user_id"])
    fake.end_meeting(meeting["id"])
    await fake.webhooks.flush()
    assert receiver.names == [
        "meeting.created",
        "meeting.started",
        "meeting.participant_joined",
        "meeting.sharing_started",
        "meeting.sharing_ended",
        "meeting.participant_left",
        "meeting.ended",
    ]
    [started] = receiver.payloads("meeting.started")
    assert started["object"] == {
        "id": str(meeting["id"]),
        "uuid": meeting["uuid"],
        "host_id": meeting["host_id"],
        "topic": "Standup",
        "type": 2,
        "start_time": "2026-03-02T09:00:00Z",
        "timezone": "UTC",
        "duration": 15,
    }
    [joined] = receiver.payloads("meeting.participant_joined")
    assert joined["object"]["participant"] == ada
    assert set(ada) == {"user_id", "user_name", "id", "participant_uuid", "join_time", "email"}
    assert (ada["user_name"], ada["email"], ada["id"]) == ("Ada", "ada@example.org", "")
    assert ada["join_time"] == "2026-03-02T09:01:00Z"
    [sharing] = receiver.payloads("meeting.sharing_started")
    assert sharing["object"]["participant"]["sharing_details"]["content"] == "application"
    [left] = receiver.payloads("meeting.participant_left")
    assert left["object"]["participant"]["leave_time"] == "2026-03-02T09:02:00Z"
    assert left["object"]["participant"]["participant_uuid"] == ada["participant_uuid"]
    [ended] = receiver.payloads("meeting.ended")
    assert ended["object"]["end_time"] == "2026-03-02T09:02:00Z"
    assert ended["object"]["uuid"] == meeting["uuid"]


@pytest.mark.anyio
async def test_ending_a_meeting_lets_everyone_still_in_leave_first(fake: FakeZoom) -> None:
    receiver = Receiver()
    await subscribe(fake, receiver, events=["meeting.participant_left", "meeting.ended"])
    meeting = fake.add_meeting(fake.owner["id"], topic="Wrap")
    fake.start_meeting(meeting["id"])
    fake.add_participant(meeting["id"], name="One")
    fake.add_participant(meeting["id"], name="Two")
    fake.end_meeting(meeting["id"])
    await fake.webhooks.flush()
    assert receiver.names == [
        "meeting.participant_left",
        "meeting.participant_left",
        "meeting.ended",
    ]
    reasons = [
        p["object"]["participant"]["leave_reason"]
        for p in receiver.payloads("meeting.participant_left")
    ]
    assert all("Host ended the meeting" in reason for reason in reasons)


@pytest.mark.anyio
async def test_ending_a_meeting_records_a_past_instance_and_renews_the_uuid(
    fake: FakeZoom, clock: FakeClock, api: httpx.AsyncClient
) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Once")
    fake.start_meeting(meeting["id"])
    fake.add_participant(meeting["id"], name="Guest")
    clock.advance(30 * MINUTE)
    fake.end_meeting(meeting["id"])
    now = fake.get_meeting(meeting["id"])
    assert now["status"] == "waiting"
    assert now["uuid"] != meeting["uuid"]
    past = (await api.get(f"/past_meetings/{meeting['id']}")).json()
    assert past["uuid"] == meeting["uuid"]
    assert (past["id"], past["duration"], past["participants_count"]) == (meeting["id"], 30, 1)
    assert past["end_time"] == "2026-03-02T09:30:00Z"


def test_participants_join_only_a_started_meeting(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Not yet")
    with pytest.raises(ValueError, match="not started"):
        fake.add_participant(meeting["id"], name="Early")


def test_an_account_user_joins_with_their_user_id(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Signed in")
    fake.start_meeting(meeting["id"])
    joined = fake.add_participant(meeting["id"], name="Olivia", email=fake.owner["email"])
    assert joined["id"] == fake.owner["id"]


@pytest.mark.anyio
async def test_a_completed_recording_raises_started_stopped_and_completed(
    fake: FakeZoom, http: httpx.AsyncClient
) -> None:
    receiver = Receiver()
    await subscribe(
        fake, receiver, events=["recording.started", "recording.stopped", "recording.completed"]
    )
    meeting = fake.add_meeting(fake.owner["id"], topic="Recorded")
    fake.start_meeting(meeting["id"])
    fake.end_meeting(meeting["id"])
    fake.complete_recording(meeting["id"], file_size=2048)
    await fake.webhooks.flush()
    assert receiver.names == ["recording.started", "recording.stopped", "recording.completed"]
    [completed] = receiver.payloads("recording.completed")
    recording = completed["object"]
    assert recording["uuid"] == meeting["uuid"]  # the instance that ended
    assert (recording["id"], recording["host_id"]) == (meeting["id"], meeting["host_id"])
    assert (recording["total_size"], recording["recording_count"]) == (2048, 1)
    [file] = recording["recording_files"]
    assert {
        key: file[key]
        for key in ("meeting_id", "file_type", "file_extension", "file_size", "status")
    } == {
        "meeting_id": meeting["uuid"],
        "file_type": "MP4",
        "file_extension": "MP4",
        "file_size": 2048,
        "status": "completed",
    }
    assert file["recording_type"] == "shared_screen_with_speaker_view"
    assert {"id", "recording_start", "recording_end", "play_url", "download_url"} <= set(file)
    download = await http.get(
        file["download_url"], headers={"Authorization": f"Bearer {completed['download_token']}"}
    )
    assert download.status_code == 200
    assert len(download.content) == 2048


@pytest.mark.anyio
async def test_trashing_recovering_and_deleting_a_recording_raise_their_events(
    fake: FakeZoom,
) -> None:
    receiver = Receiver()
    await subscribe(
        fake, receiver, events=["recording.trashed", "recording.recovered", "recording.deleted"]
    )
    meeting = fake.add_meeting(fake.owner["id"], topic="Kept a while")
    recording = fake.complete_recording(meeting["id"])
    fake.trash_recording(meeting["id"])
    fake.recover_recording(meeting["id"])
    fake.delete_recording(meeting["id"])
    await fake.webhooks.flush()
    assert receiver.names == ["recording.trashed", "recording.recovered", "recording.deleted"]
    for payload in (receiver.payloads(name)[0] for name in receiver.names):
        assert payload["object"]["uuid"] == recording["uuid"]
        assert payload["operator_id"] == fake.owner["id"]
        assert "download_token" not in payload


@pytest.mark.anyio
@pytest.mark.parametrize(("retention", "expected"), [(False, "false"), (True, "true")])
async def test_deauthorizing_raises_app_deauthorized(
    fake: FakeZoom, clock: FakeClock, retention: bool, expected: str
) -> None:
    receiver = Receiver()
    await subscribe(fake, receiver)
    user = fake.add_user("leaver@example.com", first_name="L", last_name="V")
    fake.deauthorize(user["id"], user_data_retention=retention)
    await fake.webhooks.flush()
    [payload] = receiver.payloads("app_deauthorized")
    assert payload == {
        "account_id": fake.account_id,
        "user_id": user["id"],
        "signature": payload["signature"],
        "deauthorization_time": "2026-03-02T09:00:00.000Z",
        "client_id": fake.oauth_app.client_id,
        "user_data_retention": expected,
    }
    assert payload["signature"]


@pytest.mark.anyio
async def test_deauthorizing_kills_the_apps_tokens_for_that_user(
    fake: FakeZoom, http: httpx.AsyncClient
) -> None:
    app = (fake.oauth_app.client_id, fake.oauth_app.client_secret)
    consent = await http.get(
        "https://zoom.us/oauth/authorize",
        params={
            "response_type": "code",
            "client_id": fake.oauth_app.client_id,
            "redirect_uri": fake.oauth_app.redirect_uri,
        },
    )
    code = httpx.URL(consent.headers["location"]).params["code"]
    tokens = (
        await http.post(
            "https://zoom.us/oauth/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": fake.oauth_app.redirect_uri,
            },
            auth=app,
        )
    ).json()
    fake.deauthorize(fake.owner["id"])
    me = await http.get(
        "/v2/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    refreshed = await http.post(
        "https://zoom.us/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        auth=app,
    )
    assert me.status_code == 401
    assert refreshed.json()["error"] == "invalid_grant"


@pytest.mark.anyio
async def test_adding_a_user_raises_user_created(fake: FakeZoom) -> None:
    receiver = Receiver()
    await subscribe(fake, receiver)
    user = fake.add_user("new@example.com", first_name="New", last_name="User", type=1)
    await fake.webhooks.flush()
    [payload] = receiver.payloads("user.created")
    assert payload["creation_type"] == "create"
    assert payload["operator_id"] == fake.owner["id"]
    assert payload["object"] == {
        "id": user["id"],
        "first_name": "New",
        "last_name": "User",
        "display_name": "New User",
        "email": "new@example.com",
        "type": 1,
    }


def test_without_subscriptions_no_event_is_kept(fake: FakeZoom) -> None:
    fake.add_user("quiet@example.com", first_name="Q", last_name="T")
    assert fake._state.events.drain() == []


# -- serving ----------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_served_fakezoom_flushes_webhooks_in_the_background(fake: FakeZoom) -> None:
    receiver = Receiver()
    await subscribe(fake, receiver)
    fake.add_user("served@example.com", first_name="S", last_name="V")
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        await anyio.lowlevel.checkpoint()

    served = BackgroundFlush(fake.app, fake.webhooks, sleep=sleep)
    to_app, app_reads = anyio.create_memory_object_stream[dict[str, Any]](4)
    app_writes, from_app = anyio.create_memory_object_stream[dict[str, Any]](4)
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(served, {"type": "lifespan"}, app_reads.receive, app_writes.send)
        await to_app.send({"type": "lifespan.startup"})
        assert (await from_app.receive())["type"] == "lifespan.startup.complete"
        while not receiver.events:
            await anyio.lowlevel.checkpoint()
        await to_app.send({"type": "lifespan.shutdown"})
        assert (await from_app.receive())["type"] == "lifespan.shutdown.complete"
    assert receiver.names == ["user.created"]
    assert set(sleeps) == {0.5}
