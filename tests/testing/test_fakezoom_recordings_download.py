"""Recording files download from FakeZoom with the ``download_token`` or an access token."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from zoomkit.testing import FakeClock, FakeZoom
from zoomkit.testing._recordings import file_bytes

NewToken = Callable[[], Awaitable[str]]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def recording(fake: FakeZoom) -> dict[str, Any]:
    meeting = fake.add_meeting(fake.owner["id"], topic="Lecture 1")
    fake.start_meeting(meeting["id"])
    fake.end_meeting(meeting["id"])
    return fake.complete_recording(meeting["id"], file_size=3000)


def download_url(recording: dict[str, Any]) -> str:
    url: str = recording["recording_files"][0]["download_url"]
    return url


@pytest.mark.anyio
async def test_the_download_token_opens_the_file(
    http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    response = await http.get(
        download_url(recording), headers=bearer(recording["download_access_token"])
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "video/mp4"
    assert len(response.content) == 3000


@pytest.mark.anyio
async def test_a_file_has_the_same_bytes_on_every_download(
    http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    headers = bearer(recording["download_access_token"])
    first = await http.get(download_url(recording), headers=headers)
    second = await http.get(download_url(recording), headers=headers)
    assert first.content == second.content
    assert first.content == file_bytes(recording["recording_files"][0]["id"], 3000)


@pytest.mark.anyio
async def test_without_a_token_the_download_is_refused(
    http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    response = await http.get(download_url(recording))
    assert response.status_code == 401
    assert response.json()["code"] == 124


@pytest.mark.anyio
async def test_a_wrong_token_is_refused(http: httpx.AsyncClient, recording: dict[str, Any]) -> None:
    response = await http.get(download_url(recording), headers=bearer("not-the-download-token"))
    assert response.status_code == 401


@pytest.mark.anyio
async def test_an_access_token_also_opens_the_file(
    http: httpx.AsyncClient, recording: dict[str, Any], new_s2s_token: NewToken
) -> None:
    response = await http.get(download_url(recording), headers=bearer(await new_s2s_token()))
    assert response.status_code == 200


@pytest.mark.anyio
async def test_the_download_token_expires_after_24_hours(
    http: httpx.AsyncClient, recording: dict[str, Any], clock: FakeClock
) -> None:
    headers = bearer(recording["download_access_token"])
    clock.advance(24 * 3600 - 1)
    assert (await http.get(download_url(recording), headers=headers)).status_code == 200
    clock.advance(1)
    assert (await http.get(download_url(recording), headers=headers)).status_code == 401


@pytest.mark.anyio
async def test_a_download_token_opens_only_its_own_recording(
    fake: FakeZoom, http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    other = fake.add_meeting(fake.owner["id"], topic="Lecture 2")
    other_recording = fake.complete_recording(other["id"])
    response = await http.get(
        download_url(other_recording), headers=bearer(recording["download_access_token"])
    )
    assert response.status_code == 401


@pytest.mark.anyio
async def test_a_trashed_recording_is_not_downloadable_until_recovered(
    fake: FakeZoom, http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    headers = bearer(recording["download_access_token"])
    fake.trash_recording(recording["id"])
    trashed = await http.get(download_url(recording), headers=headers)
    fake.recover_recording(recording["id"])
    recovered = await http.get(download_url(recording), headers=headers)
    assert (trashed.status_code, trashed.json()["code"]) == (404, 3301)
    assert recovered.status_code == 200


@pytest.mark.anyio
async def test_a_deleted_recording_is_gone(
    fake: FakeZoom, http: httpx.AsyncClient, recording: dict[str, Any], new_s2s_token: NewToken
) -> None:
    fake.delete_recording(recording["id"])
    response = await http.get(download_url(recording), headers=bearer(await new_s2s_token()))
    assert response.status_code == 404


@pytest.mark.anyio
async def test_downloads_are_counted_as_recording_download(
    fake: FakeZoom, http: httpx.AsyncClient, recording: dict[str, Any]
) -> None:
    await http.get(download_url(recording), headers=bearer(recording["download_access_token"]))
    assert fake.counters.calls["recordingDownload"] == 1


def test_links_point_at_zoom_web_host_of_the_api(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Links")
    [file] = fake.complete_recording(meeting["id"])["recording_files"]
    assert file["download_url"] == f"https://zoom.us/rec/download/{file['id']}"
    assert file["play_url"] == f"https://zoom.us/rec/play/{file['id']}"


def test_a_served_fake_links_to_itself(clock: FakeClock) -> None:
    fake = FakeZoom(clock=clock, api_url="http://127.0.0.1:8000")
    meeting = fake.add_meeting(fake.owner["id"], topic="Served")
    [file] = fake.complete_recording(meeting["id"])["recording_files"]
    assert file["download_url"].startswith("http://127.0.0.1:8000/rec/download/")


def test_the_file_size_is_configurable(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Sized")
    recording = fake.complete_recording(meeting["id"], file_size=10)
    assert recording["total_size"] == recording["recording_files"][0]["file_size"] == 10


def test_an_instance_is_recorded_once(fake: FakeZoom, recording: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="already has a recording"):
        fake.complete_recording(recording["id"])


def test_recording_controls_name_an_unknown_meeting(fake: FakeZoom) -> None:
    with pytest.raises(ValueError, match="12345"):
        fake.complete_recording(12345)
    with pytest.raises(ValueError, match="12345"):
        fake.trash_recording(12345)
