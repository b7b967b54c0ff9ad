"""WebhookApp receiving FakeZoom's signed deliveries in process, on a fake clock."""

from __future__ import annotations

import hmac
import json
from typing import Any

import httpx
import pytest
from webhook_signing import SECRET, zoom_signature

from zoomkit.testing import FakeClock, FakeZoom
from zoomkit.webhooks import (
    AppDeauthorized,
    BaseEvent,
    MeetingParticipantJoined,
    RecordingCompleted,
    WebhookApp,
    WebinarEnded,
    WebinarParticipantJoined,
    WebinarParticipantLeft,
    WebinarUpdated,
)

pytestmark = pytest.mark.anyio
URL = "https://receiver.example.com/zoom/webhooks"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake(clock: FakeClock) -> FakeZoom:
    return FakeZoom(clock=clock, seed=7)


@pytest.fixture
def app(clock: FakeClock) -> WebhookApp:
    return WebhookApp(SECRET, clock=clock)


@pytest.fixture
def received(app: WebhookApp) -> list[BaseEvent]:
    events: list[BaseEvent] = []
    app.on_any(events.append)
    return events


async def subscribe(fake: FakeZoom, asgi: Any) -> Any:
    return await fake.webhooks.subscribe(URL, SECRET, transport=httpx.ASGITransport(app=asgi))


async def run_a_meeting(fake: FakeZoom) -> int:
    async with fake.client() as zoom:
        meeting = await zoom.meetings.create("me", topic="Webhook walk-through", duration=30)
    fake.start_meeting(meeting.id)
    fake.add_participant(meeting.id, name="Ada Lovelace", email="ada@example.com")
    fake.end_meeting(meeting.id)
    fake.complete_recording(meeting.id)
    return meeting.id


async def test_subscribing_passes_fakezooms_url_validation(
    fake: FakeZoom, app: WebhookApp, clock: FakeClock
) -> None:
    subscription = await subscribe(fake, app)
    assert subscription.enabled
    assert subscription.last_validated_at == clock.time()


async def test_an_app_with_another_secret_fails_url_validation(
    fake: FakeZoom, clock: FakeClock
) -> None:
    with pytest.raises(ValueError, match="URL validation"):
        await subscribe(fake, WebhookApp("another-secret", clock=clock))


async def test_signatures_computed_independently_match_fakezooms_raw_bytes(
    fake: FakeZoom, app: WebhookApp
) -> None:
    await subscribe(fake, app)
    await run_a_meeting(fake)
    deliveries = await fake.webhooks.flush()
    assert deliveries
    for delivery in deliveries:
        timestamp = delivery.headers["x-zm-request-timestamp"]
        expected = zoom_signature(SECRET, timestamp, delivery.body)
        assert hmac.compare_digest(delivery.headers["x-zm-signature"], expected)


async def test_a_meeting_lifecycle_arrives_as_typed_events_with_int_ids(
    fake: FakeZoom, app: WebhookApp, received: list[BaseEvent]
) -> None:
    await subscribe(fake, app)
    meeting_id = await run_a_meeting(fake)
    deliveries = await fake.webhooks.flush()
    assert {d.status for d in deliveries} == {200}
    assert [e.event for e in received] == [
        "meeting.created",
        "meeting.started",
        "meeting.participant_joined",
        "meeting.participant_left",
        "meeting.ended",
        "recording.started",
        "recording.stopped",
        "recording.completed",
    ]
    for event in received:
        assert event.payload.object.id == meeting_id  # type: ignore[attr-defined]
    joined = next(e for e in received if isinstance(e, MeetingParticipantJoined))
    assert joined.payload.object.participant.user_name == "Ada Lovelace"


async def test_a_webinar_lifecycle_arrives_as_typed_events(
    fake: FakeZoom, app: WebhookApp, received: list[BaseEvent]
) -> None:
    await subscribe(fake, app)
    async with fake.client() as zoom:
        webinar = await zoom.webinars.create("me", topic="Launch", settings={"approval_type": 0})
        await zoom.webinars.registrants.create(
            webinar.id, email="ada@example.com", first_name="Ada"
        )
        await zoom.webinars.update(webinar.id, topic="Launch day")
    fake.start_webinar(webinar.id)
    fake.add_webinar_participant(webinar.id, name="Ada Lovelace", email="ada@example.com")
    fake.end_webinar(webinar.id)
    async with fake.client() as zoom:
        await zoom.webinars.delete(webinar.id)
    deliveries = await fake.webhooks.flush()
    assert {d.status for d in deliveries} == {200}
    assert [e.event for e in received] == [
        "webinar.created",
        "webinar.updated",
        "webinar.started",
        "webinar.participant_joined",
        "webinar.participant_left",
        "webinar.ended",
        "webinar.deleted",
    ]
    for event in received:
        assert event.payload.object.id == webinar.id  # type: ignore[attr-defined]
    created, updated, started, joined, left, ended, _deleted = received
    assert created.payload.operator == fake.owner["email"]  # type: ignore[attr-defined]
    assert isinstance(updated, WebinarUpdated)
    assert updated.payload.object.topic == "Launch day"
    assert updated.payload.old_object is not None
    assert updated.payload.old_object.topic == "Launch"
    assert isinstance(joined, WebinarParticipantJoined)
    participant = joined.payload.object.participant
    assert (participant.user_name, participant.email) == ("Ada Lovelace", "ada@example.com")
    assert participant.registrant_id  # the attendance is tied to the registration
    assert isinstance(left, WebinarParticipantLeft)
    assert left.payload.object.participant.user_id == participant.user_id
    assert isinstance(ended, WebinarEnded)
    assert ended.payload.object.uuid == started.payload.object.uuid  # type: ignore[attr-defined]
    assert ended.payload.object.end_time is not None


async def test_the_download_token_opens_fakezooms_download_url(
    fake: FakeZoom, app: WebhookApp, received: list[BaseEvent]
) -> None:
    await subscribe(fake, app)
    await run_a_meeting(fake)
    await fake.webhooks.flush()
    completed = next(e for e in received if isinstance(e, RecordingCompleted))
    (file,) = completed.payload.object.recording_files
    assert file.download_url is not None
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        with_token = await http.get(file.download_url, auth=completed.download_auth())
        without = await http.get(file.download_url)
    assert with_token.status_code == 200
    assert len(with_token.content) == file.file_size
    assert without.status_code == 401


async def test_app_deauthorized_from_fakezoom_has_a_bool_retention(
    fake: FakeZoom, app: WebhookApp, received: list[BaseEvent]
) -> None:
    await subscribe(fake, app)
    fake.deauthorize(fake.owner["id"], user_data_retention=True)
    await fake.webhooks.flush()
    (event,) = received
    assert isinstance(event, AppDeauthorized)
    assert event.payload.user_data_retention is True


class LosesOneResponse:
    """Once armed, lets the app handle one request but answers 500, as if the 200 got lost."""

    def __init__(self, app: WebhookApp) -> None:
        self.app = app
        self.armed = False

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if not self.armed:
            await self.app(scope, receive, send)
            return
        self.armed = False

        async def swallow(message: Any) -> None:
            pass

        await self.app(scope, receive, swallow)
        await send({"type": "http.response.start", "status": 500, "headers": []})
        await send({"type": "http.response.body", "body": b""})


async def test_zooms_retry_of_a_handled_event_runs_no_handler_twice(
    fake: FakeZoom, app: WebhookApp, received: list[BaseEvent], clock: FakeClock
) -> None:
    lossy = LosesOneResponse(app)
    await subscribe(fake, lossy)
    lossy.armed = True
    fake.deauthorize(fake.owner["id"])
    first = await fake.webhooks.flush()
    clock.advance(5 * 60)  # Zoom retries 5 minutes later, with a fresh timestamp
    retry = await fake.webhooks.flush()
    assert [(d.attempt, d.status) for d in first + retry] == [(1, 500), (2, 200)]
    assert json.loads(retry[0].body) == json.loads(first[0].body)
    assert retry[0].headers["x-zm-request-timestamp"] != first[0].headers["x-zm-request-timestamp"]
    assert len(received) == 1


async def test_a_fakezoom_delivery_signed_with_another_secret_is_refused(
    fake: FakeZoom, clock: FakeClock
) -> None:
    other = WebhookApp("not-fakezooms-secret", clock=clock)
    both = WebhookApp([SECRET, "not-fakezooms-secret"], clock=clock)
    await subscribe(fake, both)  # validation passes with either secret
    fake.deauthorize(fake.owner["id"])
    (delivery,) = await fake.webhooks.flush()
    assert (await other.handle(delivery.body, delivery.headers)).status == 401
