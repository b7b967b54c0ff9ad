"""FakeZoom's recording downloads on the wire, seen with bare httpx: Range, the redirect, and a
connection dropped mid-body (which zoomkit's request loop also survives on a JSON call)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio

from zoomkit.errors import UserNotFound
from zoomkit.testing import FakeZoom
from zoomkit.testing._recordings import file_bytes

pytestmark = pytest.mark.anyio
SIZE = 600_000


@pytest.fixture
def recording(fake: FakeZoom) -> dict[str, Any]:
    meeting = fake.add_meeting(fake.owner["id"], topic="Wire")
    return fake.complete_recording(meeting["id"], file_size=SIZE)


@pytest_asyncio.fixture
async def http(fake: FakeZoom) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=fake.transport()) as client:
        yield client


def file_of(recording: dict[str, Any]) -> tuple[str, str, dict[str, str]]:
    file = recording["recording_files"][0]
    bearer = {"Authorization": f"Bearer {recording['download_access_token']}"}
    return file["id"], file["download_url"], bearer


async def test_a_range_request_gets_206_with_exactly_those_bytes(
    http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    file_id, url, bearer = file_of(recording)
    response = await http.get(url, headers={**bearer, "Range": "bytes=1000-"})
    assert response.status_code == 206
    assert response.headers["content-range"] == f"bytes 1000-{SIZE - 1}/{SIZE}"
    assert response.content == file_bytes(file_id, SIZE)[1000:]


async def test_a_bounded_range_gets_only_that_span(
    http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    file_id, url, bearer = file_of(recording)
    response = await http.get(url, headers={**bearer, "Range": "bytes=262140-262150"})
    assert response.content == file_bytes(file_id, SIZE)[262140:262151]  # across a block edge


async def test_a_range_past_the_end_is_not_satisfiable(
    http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    _, url, bearer = file_of(recording)
    response = await http.get(url, headers={**bearer, "Range": f"bytes={SIZE}-"})
    assert response.status_code == 416
    assert response.headers["content-range"] == f"bytes */{SIZE}"


async def test_a_malformed_range_gets_the_whole_file(
    http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    _, url, bearer = file_of(recording)
    response = await http.get(url, headers={**bearer, "Range": "bytes=0-10,20-30"})
    assert (response.status_code, len(response.content)) == (200, SIZE)


async def test_with_redirects_on_the_download_url_points_at_the_storage_host(
    fake: FakeZoom, http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    fake.redirect_recording_downloads()
    file_id, url, bearer = file_of(recording)
    response = await http.get(url, headers=bearer)
    assert response.status_code == 302
    assert response.headers["location"] == f"https://ssrweb.zoom.us/cmr/replay/{file_id}"


async def test_a_reset_mid_body_breaks_the_answer_off_half_way(
    fake: FakeZoom, http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    file_id, url, bearer = file_of(recording)
    fake.inject_fault("recordingDownload", reset="mid_body")
    received: list[bytes] = []

    async def read_all(response: httpx.Response) -> None:
        async for part in response.aiter_raw():
            received.append(part)

    async with http.stream("GET", url, headers=bearer) as response:
        assert response.headers["content-length"] == str(SIZE)
        with pytest.raises(httpx.RemoteProtocolError):
            await read_all(response)
    assert b"".join(received) == file_bytes(file_id, SIZE)[: SIZE // 2]
    assert fake.counters.faults["reset_mid_body"] == 1


async def test_only_a_download_from_the_first_byte_counts_in_analytics(
    fake: FakeZoom, http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    _, url, bearer = file_of(recording)
    await http.get(url, headers=bearer)
    await http.get(url, headers={**bearer, "Range": "bytes=10-"})
    async with fake.client() as zoom:
        summary = await zoom.recordings.analytics_summary(
            recording["id"], from_="2026-03-02", to="2026-03-02"
        )
    assert [d.downloads_total_count for d in summary.analytics_summary] == [1]


async def test_a_json_answer_cut_mid_body_is_retried_by_the_request_loop(
    fake: FakeZoom, recording: dict[str, Any]
) -> None:
    fake.inject_fault("recordingGet", reset="mid_body")
    async with fake.client() as zoom:
        got = await zoom.recordings.get(recording["id"])
    assert got.uuid == recording["uuid"]
    assert fake.counters.calls["recordingGet"] == 2


async def test_listing_an_unknown_users_recordings_is_user_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(UserNotFound):
            await (
                zoom.recordings.list("nobody@example.com", from_="2026-03-01", to="2026-03-02")
                .pages()
                .__anext__()
            )
