"""The download's I/O shell against scripted servers (respx): what FakeZoom never does.

Redirects to foreign storage, a server that ignores Range, a short body without a length,
retries and their limits, and a connection that keeps dropping.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import respx

from zoomkit import ZoomClient
from zoomkit.auth import StaticTokenAuth
from zoomkit.errors import (
    APIConnectionError,
    APITimeoutError,
    DownloadSizeMismatch,
    NotFoundError,
    ResponseValidationError,
)

pytestmark = pytest.mark.anyio
URL = "https://zoom.us/rec/download/abc"
CONTENT = bytes(range(256)) * 40  # 10,240 bytes


class Dropping(httpx.AsyncByteStream):
    """A body that breaks off after ``data``, as a reset connection does."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.data
        raise httpx.ReadError("connection reset by peer")


def dropped_after(count: int, *, total: int = len(CONTENT), start: int = 0) -> httpx.Response:
    headers = {"content-length": str(total - start)}
    if start:
        headers["content-range"] = f"bytes {start}-{total - 1}/{total}"
    return httpx.Response(
        206 if start else 200, headers=headers, stream=Dropping(CONTENT[start : start + count])
    )


def names(folder: Path) -> list[str]:
    """The files in ``folder`` (a sync helper: async tests keep blocking calls out)."""
    return sorted(path.name for path in folder.iterdir())


def client(clock: object) -> ZoomClient:
    return ZoomClient(auth=StaticTokenAuth("access-token"), clock=clock)  # type: ignore[arg-type]


@respx.mock
async def test_a_redirect_to_foreign_storage_is_followed_without_the_bearer(clock: object) -> None:
    signed = "https://storage.example.net/a.mp4?Signature=abc"
    first = respx.get(URL).respond(302, headers={"location": signed})
    storage = respx.get(signed).respond(200, content=CONTENT)
    async with client(clock) as zoom:
        result = await zoom.recordings.download(URL, io.BytesIO())
    assert result.size == len(CONTENT)
    assert first.calls.last.request.headers["authorization"] == "Bearer access-token"
    assert "authorization" not in storage.calls.last.request.headers


@respx.mock
async def test_a_redirect_to_another_zoom_host_keeps_the_bearer(clock: object) -> None:
    regional = "https://us06web.zoom.us/rec/download/abc"
    respx.get(URL).respond(302, headers={"location": regional})
    hop = respx.get(regional).respond(200, content=CONTENT)
    async with client(clock) as zoom:
        await zoom.recordings.download(URL, io.BytesIO())
    assert hop.calls.last.request.headers["authorization"] == "Bearer access-token"


@respx.mock
async def test_a_redirect_down_to_plain_http_loses_the_bearer(clock: object) -> None:
    respx.get(URL).respond(302, headers={"location": "http://zoom.us/rec/download/abc"})
    plain = respx.get("http://zoom.us/rec/download/abc").respond(200, content=CONTENT)
    async with client(clock) as zoom:
        await zoom.recordings.download(URL, io.BytesIO())
    assert "authorization" not in plain.calls.last.request.headers


@respx.mock
async def test_a_relative_redirect_is_resolved_against_the_current_url(clock: object) -> None:
    respx.get(URL).respond(302, headers={"location": "/rec/play/abc"})
    play = respx.get("https://zoom.us/rec/play/abc").respond(200, content=CONTENT)
    async with client(clock) as zoom:
        await zoom.recordings.download(URL, io.BytesIO())
    assert play.call_count == 1


@respx.mock
async def test_a_redirect_loop_stops_with_an_error(clock: object) -> None:
    respx.get(URL).respond(302, headers={"location": URL})
    async with client(clock) as zoom:
        with pytest.raises(ResponseValidationError, match="redirects"):
            await zoom.recordings.download(URL, io.BytesIO())


@respx.mock
async def test_a_server_that_ignores_range_makes_the_file_start_over(
    clock: object, tmp_path: Path
) -> None:
    route = respx.get(URL).mock(
        side_effect=[dropped_after(4000), httpx.Response(200, content=CONTENT)]
    )
    async with client(clock) as zoom:
        result = await zoom.recordings.download(URL, tmp_path / "a.mp4")
    assert route.calls[1].request.headers["range"] == "bytes=4000-"
    assert (result.resumes, result.restarts) == (0, 1)
    assert (tmp_path / "a.mp4").read_bytes() == CONTENT


@respx.mock
async def test_drops_resume_as_long_as_bytes_keep_arriving(clock: object) -> None:
    route = respx.get(URL).mock(
        side_effect=[
            dropped_after(3000),
            dropped_after(3000, start=3000),
            dropped_after(3000, start=6000),
            httpx.Response(
                206,
                content=CONTENT[9000:],
                headers={"content-range": f"bytes 9000-{len(CONTENT) - 1}/{len(CONTENT)}"},
            ),
        ]
    )
    target = io.BytesIO()
    async with client(clock) as zoom:
        result = await zoom.recordings.download(URL, target, retries=1)
    assert route.call_count == 4
    assert result.resumes == 3
    assert target.getvalue() == CONTENT


@respx.mock
async def test_a_drop_after_the_last_byte_needs_no_resume(clock: object) -> None:
    route = respx.get(URL).mock(return_value=dropped_after(len(CONTENT)))
    target = io.BytesIO()
    async with client(clock) as zoom:
        result = await zoom.recordings.download(URL, target)
    assert (route.call_count, result.resumes, target.getvalue()) == (1, 0, CONTENT)


@respx.mock
async def test_a_server_that_starts_over_and_drops_at_the_same_place_is_given_up_on(
    clock: object,
) -> None:
    route = respx.get(URL).mock(side_effect=lambda request: dropped_after(4000))
    async with client(clock) as zoom:
        with pytest.raises(APIConnectionError, match="after 4000 of 10240 bytes"):
            await zoom.recordings.download(URL, io.BytesIO(), retries=2)
    assert route.call_count == 3  # the first attempt, then the 2 retries that got no further


@respx.mock
async def test_a_connection_that_fails_without_progress_gives_up_after_the_retries(
    clock: object, tmp_path: Path
) -> None:
    route = respx.get(URL).mock(side_effect=httpx.ConnectError("refused"))
    async with client(clock) as zoom:
        with pytest.raises(APIConnectionError) as caught:
            await zoom.recordings.download(URL, tmp_path / "a.mp4", retries=2)
    assert route.call_count == 3
    assert len(clock.sleeps) == 2  # type: ignore[attr-defined]
    assert "zoom.us/rec/download/abc" in str(caught.value)
    assert names(tmp_path) == []


@respx.mock
async def test_a_download_that_keeps_timing_out_raises_a_timeout_error(clock: object) -> None:
    respx.get(URL).mock(side_effect=httpx.ReadTimeout("no answer"))
    async with client(clock) as zoom:
        with pytest.raises(APITimeoutError):
            await zoom.recordings.download(URL, io.BytesIO(), retries=0)


@respx.mock
async def test_a_5xx_is_retried_after_a_back_off(clock: object) -> None:
    route = respx.get(URL).mock(
        side_effect=[httpx.Response(503, text="busy"), httpx.Response(200, content=CONTENT)]
    )
    async with client(clock) as zoom:
        result = await zoom.recordings.download(URL, io.BytesIO())
    assert (route.call_count, result.size) == (2, len(CONTENT))
    assert len(clock.sleeps) == 1  # type: ignore[attr-defined]


@respx.mock
async def test_a_404_is_raised_at_once(clock: object) -> None:
    route = respx.get(URL).respond(
        404, json={"code": 3301, "message": "There is no recording for this meeting."}
    )
    async with client(clock) as zoom:
        with pytest.raises(NotFoundError) as caught:
            await zoom.recordings.download(URL, io.BytesIO())
    assert (route.call_count, caught.value.code) == (1, 3301)


@respx.mock
async def test_a_short_body_without_a_length_is_a_mismatch_and_leaves_no_file(
    clock: object, tmp_path: Path
) -> None:
    async def short_chunked() -> AsyncIterator[bytes]:
        yield CONTENT[:5000]

    respx.get(URL).mock(return_value=httpx.Response(200, content=short_chunked()))
    async with client(clock) as zoom:
        with pytest.raises(DownloadSizeMismatch) as caught:
            await zoom.recordings.download(URL, tmp_path / "a.mp4", expected_size=len(CONTENT))
    assert (caught.value.expected, caught.value.received) == (len(CONTENT), 5000)
    assert names(tmp_path) == []


@respx.mock
async def test_more_bytes_than_announced_is_a_mismatch(clock: object) -> None:
    async def long_chunked() -> AsyncIterator[bytes]:
        yield CONTENT
        yield b"extra"

    respx.get(URL).mock(return_value=httpx.Response(200, content=long_chunked()))
    async with client(clock) as zoom:
        with pytest.raises(DownloadSizeMismatch):
            await zoom.recordings.download(URL, io.BytesIO(), expected_size=len(CONTENT))


@respx.mock
async def test_the_download_asks_for_the_files_own_bytes(clock: object) -> None:
    route = respx.get(URL).respond(200, content=CONTENT)
    async with client(clock) as zoom:
        await zoom.recordings.download(URL, io.BytesIO())
    headers = route.calls.last.request.headers
    assert (headers["accept-encoding"], headers["accept"]) == ("identity", "*/*")
    assert "range" not in headers


@respx.mock
async def test_a_stream_stopped_early_closes_the_connection(clock: object) -> None:
    closed: list[bool] = []

    class Watched(httpx.AsyncByteStream):
        async def __aiter__(self) -> AsyncIterator[bytes]:
            for start in range(0, len(CONTENT), 1024):
                yield CONTENT[start : start + 1024]

        async def aclose(self) -> None:
            closed.append(True)

    respx.get(URL).mock(return_value=httpx.Response(200, stream=Watched()))
    async with client(clock) as zoom:
        stream = zoom.recordings.stream(URL)
        first = await stream.__anext__()
        await stream.aclose()
    assert first == CONTENT[:1024]
    assert closed == [True]
