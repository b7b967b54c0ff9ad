"""Recording file downloads against FakeZoom: resume, Bearer across the redirect, size checks,
webhook download tokens, streaming, and a real connection reset from a served FakeZoom."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from zoomkit import ZoomClient
from zoomkit.auth import ServerToServerOAuth, StaticTokenAuth
from zoomkit.errors import (
    AuthenticationError,
    DownloadSizeMismatch,
    NotFoundError,
    RequestValidationError,
)
from zoomkit.testing import FakeClock, FakeZoom
from zoomkit.testing._recordings import file_bytes
from zoomkit.webhooks import RecordingCompleted, WebhookApp

pytestmark = pytest.mark.anyio
SIZE = 3 * 1024 * 1024 + 123  # several FakeZoom blocks and several client chunks


class Recorder(httpx.AsyncBaseTransport):
    """A transport in front of FakeZoom that notes what each request carried."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.seen: list[tuple[str, str | None, str | None]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(
            (str(request.url), request.headers.get("authorization"), request.headers.get("range"))
        )
        return await self.inner.handle_async_request(request)


def recorded_client(fake: FakeZoom, recorder: Recorder, **options: Any) -> ZoomClient:
    auth = options.pop("auth", None) or ServerToServerOAuth(
        fake.s2s.account_id, fake.s2s.client_id, fake.s2s.client_secret
    )
    return ZoomClient(auth=auth, transport=recorder, clock=fake.clock, **options)


def names(folder: Path) -> list[str]:
    """The files in ``folder`` (a sync helper: async tests keep blocking calls out)."""
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture
def recording(fake: FakeZoom) -> dict[str, Any]:
    meeting = fake.add_meeting(fake.owner["id"], topic="Recorded lecture")
    fake.start_meeting(meeting["id"])
    fake.end_meeting(meeting["id"])
    return fake.complete_recording(meeting["id"], file_size=SIZE)


def mp4(recording: dict[str, Any]) -> dict[str, Any]:
    file: dict[str, Any] = recording["recording_files"][0]
    return file


async def test_a_download_interrupted_half_way_resumes_and_equals_fakezooms_bytes(
    fake: FakeZoom, recording: dict[str, Any], tmp_path: Path
) -> None:
    fake.inject_fault("recordingDownload", reset="mid_body")
    async with fake.client() as zoom:
        got = await zoom.recordings.get(recording["id"])
        result = await zoom.recordings.download(got.recording_files[0], tmp_path / "lecture.mp4")
    assert (result.size, result.resumes, result.restarts) == (SIZE, 1, 0)
    assert (tmp_path / "lecture.mp4").read_bytes() == file_bytes(mp4(recording)["id"], SIZE)
    assert fake.counters.calls["recordingDownload"] == 2
    assert not (tmp_path / "lecture.mp4.part").exists()


async def test_the_resume_asks_for_the_bytes_after_the_last_one_received(
    fake: FakeZoom, recording: dict[str, Any]
) -> None:
    recorder = Recorder(fake.transport())
    fake.inject_fault("recordingDownload", reset="mid_body")
    async with recorded_client(fake, recorder) as zoom:
        await zoom.recordings.download(mp4(recording), io.BytesIO())
    ranges = [rng for url, _, rng in recorder.seen if "/rec/download/" in url]
    assert ranges == [None, f"bytes={SIZE // 2}-"]


async def test_a_dropped_download_waits_on_the_clients_clock_before_resuming(
    fake: FakeZoom, clock: FakeClock, recording: dict[str, Any]
) -> None:
    fake.inject_fault("recordingDownload", reset="mid_body")
    before = clock.time()
    async with fake.client() as zoom:
        await zoom.recordings.download(mp4(recording), io.BytesIO())
    assert 0 < clock.time() - before <= 1.0


async def test_the_bearer_is_kept_across_the_redirect_to_zooms_storage_host(
    fake: FakeZoom, recording: dict[str, Any]
) -> None:
    fake.redirect_recording_downloads()
    recorder = Recorder(fake.transport())
    target = io.BytesIO()
    async with recorded_client(fake, recorder) as zoom:
        await zoom.recordings.download(mp4(recording), target)
    hops = [
        (httpx.URL(url).host, auth)
        for url, auth, _ in recorder.seen
        if "/rec/download/" in url or "/cmr/replay/" in url
    ]
    assert [host for host, _ in hops] == ["zoom.us", "ssrweb.zoom.us"]
    assert all(auth and auth.startswith("Bearer ") for _, auth in hops)
    assert fake.counters.calls["recordingStorage"] == 1
    assert target.getvalue() == file_bytes(mp4(recording)["id"], SIZE)


async def test_a_client_that_drops_authorization_on_the_redirect_is_refused_by_fakezoom(
    fake: FakeZoom, recording: dict[str, Any]
) -> None:
    # What plain httpx does (the reason zoomkit follows redirects itself): the check is real.
    fake.redirect_recording_downloads()
    token = recording["download_access_token"]
    async with httpx.AsyncClient(transport=fake.transport(), follow_redirects=True) as http:
        response = await http.get(mp4(recording)["download_url"], auth=StaticTokenAuth(token))
    assert response.url.host == "ssrweb.zoom.us"
    assert response.status_code == 401


async def test_no_token_ever_travels_in_a_url(fake: FakeZoom, recording: dict[str, Any]) -> None:
    fake.redirect_recording_downloads()
    recorder = Recorder(fake.transport())
    token = recording["download_access_token"]
    async with recorded_client(fake, recorder) as zoom:
        await zoom.recordings.download(mp4(recording), io.BytesIO(), download_token=token)
    urls = [url for url, _, _ in recorder.seen]
    assert urls
    assert not any(token in url or "access_token" in url for url in urls)


async def test_a_download_url_carrying_an_access_token_is_refused_before_sending(
    fake: FakeZoom, recording: dict[str, Any]
) -> None:
    url = mp4(recording)["download_url"] + "?access_token=secret-token-value"
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.recordings.download(url, io.BytesIO())
    assert "secret-token-value" not in str(caught.value)
    assert fake.counters.calls["recordingDownload"] == 0


async def test_credentials_are_not_sent_to_a_host_outside_zoom(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match="refusing to send Zoom credentials"):
            await zoom.recordings.download("https://files.example.com/a.mp4", io.BytesIO())


async def test_a_size_mismatch_raises_and_leaves_no_file(
    fake: FakeZoom, recording: dict[str, Any], tmp_path: Path
) -> None:
    destination = tmp_path / "lecture.mp4"
    async with fake.client() as zoom:
        with pytest.raises(DownloadSizeMismatch) as caught:
            await zoom.recordings.download(mp4(recording), destination, expected_size=SIZE + 1)
    assert (caught.value.expected, caught.value.received) == (SIZE + 1, SIZE)
    assert names(tmp_path) == []


async def test_the_download_token_of_a_recording_completed_webhook_opens_the_file(
    fake: FakeZoom, clock: FakeClock, tmp_path: Path
) -> None:
    app = WebhookApp("webhook-secret-for-tests", clock=clock)
    completed: list[RecordingCompleted] = []
    app.on(RecordingCompleted)(completed.append)
    await fake.webhooks.subscribe(
        "https://receiver.example.com/zoom",
        "webhook-secret-for-tests",
        events=["recording.completed"],
        transport=httpx.ASGITransport(app=app),
    )
    meeting = fake.add_meeting(fake.owner["id"], topic="Webhook recording")
    fake.complete_recording(meeting["id"], file_size=5000)
    await fake.webhooks.flush()
    [event] = completed
    token = event.download_token or event.payload.download_token
    [file] = event.payload.object.recording_files
    # The client's own token is worthless: only the event's download token can open the file.
    async with fake.client(auth=StaticTokenAuth("not-a-valid-access-token")) as zoom:
        result = await zoom.recordings.download(file, tmp_path / "a.mp4", download_token=token)
        with pytest.raises(AuthenticationError):
            await zoom.recordings.download(file, tmp_path / "b.mp4")
    assert result.size == 5000
    assert (tmp_path / "a.mp4").read_bytes() == file_bytes(file.id or "", 5000)


async def test_stream_yields_each_byte_once_in_chunks_of_at_most_chunk_size(
    fake: FakeZoom, recording: dict[str, Any]
) -> None:
    fake.inject_fault("recordingDownload", reset="mid_body")
    async with fake.client() as zoom:
        chunks = [c async for c in zoom.recordings.stream(mp4(recording), chunk_size=1 << 20)]
    assert b"".join(chunks) == file_bytes(mp4(recording)["id"], SIZE)
    assert max(len(c) for c in chunks) <= 1 << 20


async def test_a_trashed_file_is_not_found(fake: FakeZoom, recording: dict[str, Any]) -> None:
    async with fake.client() as zoom:
        await zoom.recordings.delete(recording["uuid"])
        with pytest.raises(NotFoundError) as caught:
            await zoom.recordings.download(mp4(recording), io.BytesIO())
    assert caught.value.code == 3301


async def test_every_file_of_a_recording_downloads_with_its_own_content(
    fake: FakeZoom, recording: dict[str, Any]
) -> None:
    transcript = fake.add_recording_file(recording["id"], file_type="TRANSCRIPT", file_size=777)
    async with fake.client() as zoom:
        got = await zoom.recordings.get(recording["uuid"])
        target = io.BytesIO()
        result = await zoom.recordings.download(got.recording_files[1], target)
    assert target.getvalue() == file_bytes(transcript["id"], 777)
    assert result.content_type == "text/vtt"


# -- a real connection reset, from FakeZoom served on 127.0.0.1 -----------------------------------

SERVER = textwrap.dedent(
    """
    import sys
    from zoomkit.testing import FakeClock, FakeZoom

    fake = FakeZoom(clock=FakeClock(), seed=5)
    meeting = fake.add_meeting(fake.owner["id"], topic="Served")
    recording = fake.complete_recording(meeting["id"], file_size=int(sys.argv[1]))
    fake.redirect_recording_downloads()
    fake.inject_fault("recordingStorage", reset="mid_body")

    def ready(url):
        print("URL=" + url)
        print("FILE=" + recording["recording_files"][0]["id"])
        print("TOKEN=" + recording["download_access_token"], flush=True)

    fake.serve(port=0, on_ready=ready)
    """
)


@pytest.fixture
def served() -> Iterator[dict[str, str]]:
    pytest.importorskip("uvicorn")
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(SIZE)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        settings: dict[str, str] = {}
        while "TOKEN" not in settings:
            line = process.stdout.readline()
            assert line, "the served FakeZoom exited early"
            key, _, value = line.strip().partition("=")
            settings[key] = value
        deadline = time.monotonic() + 20
        while True:  # the socket is bound before the announcement; wait for uvicorn to serve
            try:
                httpx.get(settings["URL"] + "/_fakezoom/clock", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the served FakeZoom never answered"
                time.sleep(0.05)
        yield settings
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("anyio_backend", ["asyncio"])  # one real server run is enough
async def test_a_real_reset_mid_body_from_a_served_fakezoom_is_resumed(
    served: dict[str, str], tmp_path: Path
) -> None:
    url = f"{served['URL']}/rec/download/{served['FILE']}"
    async with ZoomClient(
        auth=StaticTokenAuth("unused"),
        base_url=served["URL"] + "/v2",
        oauth_base_url=served["URL"],
        clock=FakeClock(),
    ) as zoom:
        result = await zoom.recordings.download(
            url, tmp_path / "served.mp4", download_token=served["TOKEN"], expected_size=SIZE
        )
    assert result.resumes == 1
    assert (tmp_path / "served.mp4").read_bytes() == file_bytes(served["FILE"], SIZE)
