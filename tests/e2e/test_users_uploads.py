"""Profile pictures and virtual backgrounds: multipart uploads, checked before sending."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from zoomkit.errors import BadRequestError, RequestValidationError
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio

PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)
JPEG = b"\xff\xd8\xff\xe0" + bytes(200)
GIF = b"GIF89a" + bytes(200)
MP4 = bytes(4) + b"ftypisom" + bytes(200)


async def test_a_picture_upload_changes_the_picture_url(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        before = (await zoom.users.me()).pic_url
        await zoom.users.upload_picture("me", file=JPEG)
        after = (await zoom.users.me()).pic_url
    assert after != before
    assert fake._state.user_data[fake.owner["id"]].picture == {
        "name": "picture.jpg",
        "size": len(JPEG),
        "content_type": "image/jpeg",
    }


async def test_a_picture_is_read_from_a_path_with_its_name(fake: FakeZoom, tmp_path: Path) -> None:
    path = tmp_path / "me.png"
    path.write_bytes(PNG)
    async with fake.client() as zoom:
        await zoom.users.upload_picture("me", file=path)
    picture = fake._state.user_data[fake.owner["id"]].picture
    assert picture is not None
    assert (picture["name"], picture["size"]) == ("me.png", len(PNG))


async def test_a_picture_is_read_from_a_binary_file_object(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.users.upload_picture("me", file=io.BytesIO(PNG), filename="face.png")
    picture = fake._state.user_data[fake.owner["id"]].picture
    assert picture is not None
    assert picture["name"] == "face.png"


async def test_deleting_the_picture_clears_its_url(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.users.upload_picture("me", file=PNG)
        await zoom.users.delete_picture("me")
        user = await zoom.users.me()
    assert user.pic_url is None or user.pic_url == ""
    assert fake._state.user_data[fake.owner["id"]].picture is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (GIF, "JPG, PNG"),
        (b"plain text, not an image", "unknown type"),
        (b"\xff\xd8\xff" + bytes(2 * 1024 * 1024), "at most 2 MB"),
    ],
)
async def test_a_picture_zoom_would_refuse_is_refused_before_sending(
    fake: FakeZoom, content: bytes, message: str
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match=message) as caught:
            await zoom.users.upload_picture("me", file=content)
    assert caught.value.field == "file"
    assert fake.requests == []


async def test_a_missing_file_is_a_validation_error(fake: FakeZoom, tmp_path: Path) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match="cannot read"):
            await zoom.users.upload_picture("me", file=tmp_path / "absent.png")


async def test_a_text_mode_file_is_a_validation_error(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match="binary mode"):
            await zoom.users.upload_picture("me", file=io.StringIO("hello"))  # type: ignore[arg-type]


async def test_fakezoom_refuses_a_picture_type_zoom_does_not_take(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as caught:  # sent raw: zoomkit would refuse it
            await zoom._loop.request(
                "POST", "/users/me/picture", files={"pic_file": ("x.gif", GIF, "image/gif")}
            )
    assert (caught.value.code, caught.value.message) == (
        120,
        "Only jpg/jpeg or png image file can be uploaded.",
    )


async def test_an_uploaded_background_shows_in_the_settings(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        uploaded = await zoom.users.upload_virtual_background("me", file=MP4, filename="a.mp4")
        settings = await zoom.users.get_settings("me")
    assert (uploaded.name, uploaded.size, uploaded.type) == ("a.mp4", len(MP4), "video")
    assert settings.in_meeting is not None
    vb = settings.in_meeting.virtual_background_settings
    assert vb is not None
    assert [(f.id, f.size) for f in vb.files or []] == [(uploaded.id, len(MP4))]


async def test_backgrounds_are_deleted_by_id(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        first = await zoom.users.upload_virtual_background("me", file=PNG)
        second = await zoom.users.upload_virtual_background("me", file=GIF)
        await zoom.users.delete_virtual_backgrounds("me", file_ids=[first.id or ""])
        settings = await zoom.users.get_settings("me")
    assert settings.in_meeting is not None
    assert settings.in_meeting.virtual_background_settings is not None
    files = settings.in_meeting.virtual_background_settings.files or []
    assert [f.id for f in files] == [second.id]
    assert [r.query for r in fake.requests if r.operation == "delUserVB"] == [
        {"file_ids": first.id}
    ]


async def test_an_unknown_background_id_is_refused_by_zoom(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as caught:
            await zoom.users.delete_virtual_backgrounds("me", file_ids="nope")
    assert caught.value.code == 300


async def test_no_background_ids_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.users.delete_virtual_backgrounds("me", file_ids=[])
    assert caught.value.field == "file_ids"
    assert fake.requests == []


async def test_an_eleventh_background_is_refused_by_zoom(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        for _ in range(10):
            await zoom.users.upload_virtual_background("me", file=PNG)
        with pytest.raises(BadRequestError, match="maximum of 10"):
            await zoom.users.upload_virtual_background("me", file=PNG)


async def test_a_rate_limited_upload_is_resent_whole(fake: FakeZoom) -> None:
    fake.inject_fault("uploadVBuser", status=429, headers={"Retry-After": "1"})
    async with fake.client() as zoom:
        uploaded = await zoom.users.upload_virtual_background("me", file=JPEG)
    assert uploaded.size == len(JPEG)
    assert fake.counters.calls["uploadVBuser"] == 2
