"""Per-meeting extras end to end: survey, live stream, templates, auto-open apps, live controls."""

from __future__ import annotations

import pytest

from zoomkit.errors import BadRequestError, RequestValidationError
from zoomkit.models import InMeetingMethod, LivestreamAction
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio

QUESTION = {"name": "How was it?", "type": "single", "answers": ["Good", "Bad"]}


# -- survey -----------------------------------------------------------------------------------


async def test_a_custom_survey_is_stored_and_deleted(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Training")
    async with fake.client() as zoom:
        await zoom.meetings.survey.update(
            meeting["id"],
            custom_survey={"title": "Feedback", "anonymous": True, "questions": [QUESTION]},
            show_in_the_browser=False,
        )
        stored = await zoom.meetings.survey.get(meeting["id"])
        await zoom.meetings.survey.delete(meeting["id"])
        after = await zoom.meetings.survey.get(meeting["id"])
    assert stored.custom_survey is not None
    assert stored.custom_survey.title == "Feedback"
    assert stored.custom_survey.questions is not None
    assert stored.custom_survey.questions[0].answers == ["Good", "Bad"]
    assert stored.show_in_the_browser is False
    assert after.custom_survey is None


async def test_a_third_party_survey_replaces_the_custom_one(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Training")
    async with fake.client() as zoom:
        await zoom.meetings.survey.update(
            meeting["id"], custom_survey={"title": "Ours", "questions": [QUESTION]}
        )
        await zoom.meetings.survey.update(
            meeting["id"], third_party_survey="https://forms.example.com/s"
        )
        stored = await zoom.meetings.survey.get(meeting["id"])
    assert stored.third_party_survey == "https://forms.example.com/s"
    assert stored.custom_survey is None


async def test_a_survey_question_is_checked_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.survey.update(
                12345678901,
                custom_survey={"questions": [{**QUESTION, "rating_max_label": "x" * 51}]},
            )
    assert caught.value.field == "custom_survey.questions[0].rating_max_label"


# -- live stream ------------------------------------------------------------------------------


async def test_a_live_stream_is_configured_then_started(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Keynote")
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as not_configured:
            await zoom.meetings.livestream.update_status(meeting["id"], action="start")
        await zoom.meetings.livestream.update(
            meeting["id"],
            stream_url="rtmp://live.example.com/app",
            stream_key="key-123",
            page_url="https://example.com/live",
            resolution="1080p",
        )
        stream = await zoom.meetings.livestream.get(meeting["id"])
        await zoom.meetings.livestream.update_status(
            meeting["id"],
            action=LivestreamAction.START,
            settings={"active_speaker_name": True, "display_name": "Keynote"},
        )
    assert not_configured.value.code == 3000
    assert (stream.stream_url, stream.stream_key, stream.resolution) == (
        "rtmp://live.example.com/app",
        "key-123",
        "1080p",
    )
    assert fake.requests[-1].json == {
        "action": "start",
        "settings": {"active_speaker_name": True, "display_name": "Keynote"},
    }


async def test_a_live_stream_needs_url_key_and_page(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.livestream.update(
                12345678901, stream_url="rtmp://x", stream_key="", page_url="https://x"
            )
    assert caught.value.field == "stream_key"


# -- templates --------------------------------------------------------------------------------


async def test_a_template_is_saved_from_a_meeting_and_listed(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Weekly 1:1")
    async with fake.client() as zoom:
        created = await zoom.meetings.templates.create(
            "me", meeting_id=meeting["id"], name="1:1", save_recurrence=True
        )
        listed = await zoom.meetings.templates.list("me")
        with pytest.raises(BadRequestError) as duplicate:
            await zoom.meetings.templates.create("me", meeting_id=meeting["id"], name="1:1")
        replaced = await zoom.meetings.templates.create(
            "me", meeting_id=meeting["id"], name="1:1", overwrite=True
        )
    assert created.name == "1:1"
    assert [(t.id, t.name) for t in listed.templates] == [(created.id, "1:1")]
    assert listed.total_records == 1
    assert duplicate.value.code == 3000
    assert replaced.id == created.id


# -- auto-open apps ---------------------------------------------------------------------------


async def test_an_app_is_set_to_open_before_the_meeting_starts(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Brainstorm")
    async with fake.client() as zoom:
        app = await zoom.meetings.open_apps.create(meeting["id"])
        await zoom.meetings.open_apps.delete(meeting["id"])
        fake.start_meeting(meeting["id"])
        with pytest.raises(BadRequestError) as started:
            await zoom.meetings.open_apps.create(meeting["id"])
    assert app.id == meeting["id"]
    assert app.app_id
    assert "has started" in started.value.message


# -- live controls ----------------------------------------------------------------------------


async def test_in_meeting_controls_need_a_running_meeting(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Live")
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as idle:
            await zoom.meetings.live.control(meeting["id"], method="recording.start")
        fake.start_meeting(meeting["id"])
        await zoom.meetings.live.control(meeting["id"], method=InMeetingMethod.RECORDING_START)
        await zoom.meetings.live.control(
            meeting["id"],
            method="participant.invite",
            params={"contacts": [{"email": "late@example.com"}]},
        )
    assert idle.value.code == 3000
    assert [r.json for r in fake.requests if r.operation == "inMeetingControl"][1:] == [
        {"method": "recording.start"},
        {"method": "participant.invite", "params": {"contacts": [{"email": "late@example.com"}]}},
    ]


async def test_an_unknown_control_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.live.control(12345678901, method="recording.rewind")
    assert caught.value.field == "method"


async def test_chat_messages_are_moderated_in_a_running_meeting(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Live")
    fake.start_meeting(meeting["id"])
    async with fake.client() as zoom:
        await zoom.meetings.live.update_chat_message(
            meeting["id"], "msg-1", message_content="(edited by the host)"
        )
        await zoom.meetings.live.delete_chat_message(meeting["id"], "msg-1", file_ids=["f1", "f2"])
    update, delete = fake.requests[-2:]
    assert update.json == {"message_content": "(edited by the host)"}
    assert delete.path.endswith("/chat/messages/msg-1")
    assert delete.query == {"file_ids": "f1,f2"}


async def test_an_rtms_app_is_started_then_stopped(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Transcribed")
    fake.start_meeting(meeting["id"])
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as never_started:
            await zoom.meetings.live.update_rtms_status(
                meeting["id"], action="stop", client_id="app-1"
            )
        await zoom.meetings.live.update_rtms_status(
            meeting["id"], action="start", client_id="app-1", participant_user_id="u1"
        )
        await zoom.meetings.live.update_rtms_status(meeting["id"], action="stop", client_id="app-1")
    assert never_started.value.code == 13277
    assert fake.requests[-2].json == {
        "action": "start",
        "settings": {"client_id": "app-1", "participant_user_id": "u1"},
    }
