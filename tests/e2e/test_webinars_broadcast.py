"""Branding, live streaming and in-webinar actions, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from zoomkit.errors import BadRequestError, RequestValidationError
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


@pytest.fixture
def branded_id(fake: FakeZoom) -> int:
    webinar = fake.add_webinar(
        fake.owner["id"], topic="Branded", settings={"enable_session_branding": True}
    )
    return int(webinar["id"])


async def test_name_tags_are_created_changed_and_deleted(fake: FakeZoom, branded_id: int) -> None:
    async with fake.client() as zoom:
        first = await zoom.webinars.branding.create_name_tag(
            branded_id,
            name="Speaker",
            text_color="#ffffff",
            accent_color="0e72ed",
            background_color="000000",
        )
        second = await zoom.webinars.branding.create_name_tag(
            branded_id,
            name="Host",
            text_color="ffffff",
            accent_color="0e72ed",
            background_color="111111",
        )
        await zoom.webinars.branding.update_name_tag(
            branded_id, second.id or "", name="Main host", is_default=True
        )
        changed = await zoom.webinars.branding.get(branded_id)
        await zoom.webinars.branding.delete_name_tags(branded_id, name_tag_ids=[first.id or ""])
        after = await zoom.webinars.branding.get(branded_id)
    assert first.text_color == "ffffff"  # the "#" is dropped before sending
    assert [(t.name, t.is_default) for t in changed.name_tags or []] == [
        ("Speaker", False),
        ("Main host", True),
    ]
    assert [t.id for t in after.name_tags or []] == [second.id]


async def test_a_bad_color_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as refused:
            await zoom.webinars.branding.create_name_tag(
                123456789012,
                name="Tag",
                text_color="white",
                accent_color="0e72ed",
                background_color="000000",
            )
    assert refused.value.field == "text_color"
    assert fake.requests == []


async def test_virtual_backgrounds_are_uploaded_made_default_and_deleted(
    fake: FakeZoom, branded_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "stage.png"
    path.write_bytes(PNG)
    async with fake.client() as zoom:
        from_path = await zoom.webinars.branding.upload_virtual_background(branded_id, file=path)
        from_bytes = await zoom.webinars.branding.upload_virtual_background(
            branded_id, file=JPEG, default=True, set_default_for_all_panelists=False
        )
        uploaded = await zoom.webinars.branding.get(branded_id)
        await zoom.webinars.branding.set_virtual_background(branded_id, id=from_path.id or "")
        switched = await zoom.webinars.branding.get(branded_id)
        await zoom.webinars.branding.delete_virtual_backgrounds(
            branded_id, ids=[from_bytes.id or ""]
        )
        after = await zoom.webinars.branding.get(branded_id)
    assert (from_path.name, from_path.size, from_path.type) == ("stage.png", len(PNG), "image")
    assert from_bytes.name == "virtual-background.jpg"
    assert [v.is_default for v in uploaded.virtual_backgrounds or []] == [False, True]
    assert [v.is_default for v in switched.virtual_backgrounds or []] == [True, False]
    assert [v.id for v in after.virtual_backgrounds or []] == [from_path.id]


async def test_a_wallpaper_is_uploaded_and_deleted(fake: FakeZoom, branded_id: int) -> None:
    async with fake.client() as zoom:
        wallpaper = await zoom.webinars.branding.upload_wallpaper(
            branded_id, file=PNG, filename="backdrop.png"
        )
        shown = await zoom.webinars.branding.get(branded_id)
        await zoom.webinars.branding.delete_wallpaper(branded_id)
        after = await zoom.webinars.branding.get(branded_id)
    assert (wallpaper.name, wallpaper.size) == ("backdrop.png", len(PNG))
    assert shown.wallpaper is not None
    assert shown.wallpaper.id == wallpaper.id
    assert after.wallpaper is None


async def test_an_upload_that_is_no_image_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as refused:
            await zoom.webinars.branding.upload_wallpaper(123456789012, file=b"%PDF-1.7 ...")
    assert refused.value.field == "file"
    assert fake.requests == []


async def test_branding_needs_session_branding_enabled(fake: FakeZoom) -> None:
    plain = fake.add_webinar(fake.owner["id"], topic="Plain")
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as refused:
            await zoom.webinars.branding.upload_wallpaper(plain["id"], file=PNG)
    assert refused.value.code == 3000


# -- live streaming ----------------------------------------------------------------------------


async def test_a_live_stream_is_configured_then_started_and_stopped(fake: FakeZoom) -> None:
    webinar = fake.add_webinar(fake.owner["id"], topic="Streamed")
    webinar_id = webinar["id"]
    async with fake.client() as zoom:
        await zoom.webinars.livestream.update(
            webinar_id,
            stream_url="rtmp://live.example.com/app",
            stream_key="secret-key",
            page_url="https://example.com/live",
            resolution="1080p",
        )
        configured = await zoom.webinars.livestream.get(webinar_id)
        with pytest.raises(BadRequestError) as not_live:
            await zoom.webinars.livestream.update_status(webinar_id, action="start")
        fake.start_webinar(webinar_id)
        await zoom.webinars.livestream.update_status(webinar_id, action="start")
        await zoom.webinars.livestream.update_status(
            webinar_id, action="stop", settings={"active_speaker_name": True}
        )
    assert (configured.stream_url, configured.page_url, configured.resolution) == (
        "rtmp://live.example.com/app",
        "https://example.com/live",
        "1080p",
    )
    assert not_live.value.code == 3000


async def test_a_live_stream_needs_url_key_and_page(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as refused:
            await zoom.webinars.livestream.update(
                123456789012, stream_url="rtmp://x", stream_key="", page_url="https://x"
            )
    assert refused.value.field == "stream_key"


# -- live actions ------------------------------------------------------------------------------


async def test_a_chat_message_of_a_live_webinar_is_deleted(fake: FakeZoom) -> None:
    webinar = fake.add_webinar(fake.owner["id"], topic="Chatty")
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError):
            await zoom.webinars.live.delete_chat_message(webinar["id"], "msg-1")
        fake.start_webinar(webinar["id"])
        await zoom.webinars.live.delete_chat_message(
            webinar["id"], "msg-1", file_ids=["file-1", "file-2"]
        )
    deleted = fake.requests[-1]
    assert deleted.operation == "deleteWebinarChatMessageById"
    assert deleted.query == {"file_ids": "file-1,file-2"}
