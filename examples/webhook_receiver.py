"""Receive Zoom webhooks with zoomkit: a WebhookApp served by uvicorn on 127.0.0.1.

FakeZoom, zoomkit's Zoom emulator, plays Zoom in this process: it validates the endpoint,
then signs and POSTs events as a meeting is created, started, joined, ended and recorded.
The receiver checks each signature, answers 200 at once, then hands the typed event to the
handlers below, which print it (and download the recording with the event's token).

Run it with ``python examples/webhook_receiver.py`` (needs ``zoomkit[server]`` for uvicorn).
With real Zoom, mount the same ``WebhookApp`` behind your HTTPS endpoint and give it the
Secret Token of your app's event subscription.
"""

from __future__ import annotations

import secrets
import socket

import anyio
import httpx
import uvicorn

from zoomkit.testing import FakeZoom
from zoomkit.webhooks import (
    BaseEvent,
    MeetingCreated,
    MeetingEnded,
    MeetingParticipantJoined,
    MeetingParticipantLeft,
    MeetingStarted,
    RecordingCompleted,
    RecordingStarted,
    RecordingStopped,
    WebhookApp,
)

SECRET_TOKEN = secrets.token_urlsafe(24)  # in production: the Secret Token from the Marketplace
fake = FakeZoom()
webhooks = WebhookApp(SECRET_TOKEN)
seen_in, seen_out = anyio.create_memory_object_stream[BaseEvent](100)


@webhooks.on("meeting.created", "meeting.started")
async def meeting_changed(event: MeetingCreated | MeetingStarted) -> None:
    meeting = event.payload.object
    print(f"  {event.event:<27} meeting {meeting.id} {meeting.topic!r}")


@webhooks.on("meeting.participant_joined", "meeting.participant_left")
async def participant(event: MeetingParticipantJoined | MeetingParticipantLeft) -> None:
    who = event.payload.object.participant.user_name
    print(f"  {event.event:<27} meeting {event.payload.object.id}: {who}")


@webhooks.on(MeetingEnded)
async def ended(event: MeetingEnded) -> None:
    meeting = event.payload.object
    print(f"  {event.event:<27} meeting {meeting.id} at {meeting.end_time:%H:%M:%S} UTC")


@webhooks.on("recording.started", "recording.stopped")
async def recording(event: RecordingStarted | RecordingStopped) -> None:
    print(f"  {event.event:<27} meeting {event.payload.object.id}")


@webhooks.on(RecordingCompleted)
async def download(event: RecordingCompleted) -> None:
    files = event.payload.object.recording_files
    print(f"  {event.event:<27} meeting {event.payload.object.id}: {len(files)} file(s)")
    # The download_token goes in the Authorization header, never in the URL. Against real
    # Zoom use a plain httpx.AsyncClient(); here the request goes into FakeZoom in process.
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        for file in files:
            if file.download_url:
                response = await http.get(file.download_url, auth=event.download_auth())
                response.raise_for_status()
                print(f"    downloaded {len(response.content)} bytes of {file.file_type}")


@webhooks.on_any
async def count(event: BaseEvent) -> None:
    await seen_in.send(event)  # runs after the handlers above: lets main() wait for them


async def deliver() -> int:
    """Let FakeZoom POST what is queued, then wait until our handlers have run for it all."""
    delivered = sum(d.ok for d in await fake.webhooks.flush())
    with anyio.fail_after(10):  # handlers run just after each 200 is sent
        for _ in range(delivered):
            await seen_out.receive()
    return delivered


async def main() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)  # listening before uvicorn starts: no request can arrive too early
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/zoom/webhooks"
    server = uvicorn.Server(uvicorn.Config(webhooks, log_level="warning", lifespan="on"))
    total = 0
    async with anyio.create_task_group() as tg:
        tg.start_soon(server.serve, [sock])
        print(f"Receiver listening on {url}")
        subscription = await fake.webhooks.subscribe(url, SECRET_TOKEN)  # URL validation first
        print(f"FakeZoom validated the endpoint (subscription {subscription.id})")

        async with fake.client() as zoom:
            meeting = await zoom.meetings.create("me", topic="Webhook demo", duration=30)
        total += await deliver()
        fake.start_meeting(meeting.id)
        total += await deliver()
        fake.add_participant(meeting.id, name="Ada Lovelace", email="ada@example.com")
        total += await deliver()
        fake.end_meeting(meeting.id)
        total += await deliver()
        fake.complete_recording(meeting.id)
        total += await deliver()
        server.should_exit = True
    print(f"Done: {total} signed events received, verified and handled.")


if __name__ == "__main__":
    anyio.run(main)
