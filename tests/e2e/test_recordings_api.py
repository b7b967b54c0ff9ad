"""client.recordings against FakeZoom: one recording, trash and recovery, settings, analytics,
on-demand registrants. Downloads and date windows have their own files."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from zoomkit import MeetingUUID, ZoomClient
from zoomkit.errors import NotFoundError, RequestValidationError
from zoomkit.models import (
    ApprovalType,
    CloudRecording,
    RecordingFileType,
    RecordingType,
    RegistrantStatus,
    ShareRecording,
)
from zoomkit.testing import FakeClock, FakeZoom

pytestmark = pytest.mark.anyio


def today(clock: FakeClock) -> date:
    return datetime.fromtimestamp(clock.time(), UTC).date()


def record(
    fake: FakeZoom,
    clock: FakeClock,
    *,
    days_ago: int = 1,
    topic: str = "Lecture",
    uuid: str | None = None,
    file_size: int = 4096,
) -> dict[str, Any]:
    """An ended meeting instance ``days_ago`` days back, with its cloud recording."""
    start = datetime.fromtimestamp(clock.time(), UTC) - timedelta(days=days_ago)
    past = fake.add_past_meeting(
        fake.owner["id"], topic=topic, start_time=start, duration=45, uuid=uuid
    )
    return fake.complete_recording(past["id"], file_size=file_size)


# -- one recording ------------------------------------------------------------------------------


async def test_get_returns_the_instance_and_its_typed_files(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock, file_size=2048)
    fake.add_recording_file(recording["id"], file_type="TRANSCRIPT", file_size=300)
    async with fake.client() as zoom:
        got = await zoom.recordings.get(recording["id"])
    assert isinstance(got, CloudRecording)
    assert (got.id, got.uuid, got.topic) == (recording["id"], recording["uuid"], "Lecture")
    assert isinstance(got.uuid, MeetingUUID)
    assert [(f.file_type, f.file_size) for f in got.recording_files] == [
        (RecordingFileType.MP4, 2048),
        (RecordingFileType.TRANSCRIPT, 300),
    ]
    assert got.recording_files[1].recording_type is RecordingType.AUDIO_TRANSCRIPT
    assert (got.recording_count, got.total_size) == (2, 2348)


async def test_get_by_an_instance_uuid_double_encodes_it(fake: FakeZoom, clock: FakeClock) -> None:
    recording = record(fake, clock, uuid="/ajXp112QmuoKj4854875==")
    async with fake.client() as zoom:
        got = await zoom.recordings.get("/ajXp112QmuoKj4854875==")
    assert got.uuid == "/ajXp112QmuoKj4854875=="
    assert got.id == recording["id"]
    assert fake.requests[-1].path == "/v2/meetings/%252FajXp112QmuoKj4854875%253D%253D/recordings"


async def test_a_download_access_token_is_issued_on_request_and_kept_out_of_repr(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        got = await zoom.recordings.get(
            recording["uuid"], include_fields="download_access_token", ttl=3600
        )
    assert got.download_access_token
    assert got.download_access_token not in repr(got)
    assert fake.requests[-1].query == {"include_fields": "download_access_token", "ttl": "3600"}


async def test_a_ttl_without_the_token_field_is_refused_before_sending(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.recordings.get(recording["id"], ttl=60)
    assert caught.value.field == "ttl"
    assert fake.counters.calls["recordingGet"] == 0


async def test_a_meeting_without_a_recording_is_not_found_with_code_3301(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Never recorded")
    async with fake.client() as zoom:
        with pytest.raises(NotFoundError) as caught:
            await zoom.recordings.get(meeting["id"])
    assert caught.value.code == 3301


# -- trash, recover, delete ---------------------------------------------------------------------


async def test_trashing_hides_the_recording_until_it_is_recovered(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        await zoom.recordings.delete(recording["uuid"])
        with pytest.raises(NotFoundError):
            await zoom.recordings.get(recording["uuid"])
        await zoom.recordings.recover(recording["uuid"])
        again = await zoom.recordings.get(recording["uuid"])
    assert again.recording_count == 1
    assert fake.requests[-2].json == {"action": "recover"}


async def test_the_trash_lists_trashed_recordings_with_their_deletion_time(
    fake: FakeZoom, clock: FakeClock
) -> None:
    kept = record(fake, clock, topic="Kept")
    trashed = record(fake, clock, days_ago=2, topic="Trashed")
    async with fake.client() as zoom:
        await zoom.recordings.delete(trashed["id"], action="trash")
        listed = [item async for item in zoom.recordings.list("me", trash=True)]
    assert [item.uuid for item in listed] == [trashed["uuid"]]
    assert listed[0].recording_files[0].deleted_time == datetime.fromtimestamp(clock.time(), UTC)
    assert kept["uuid"] not in [item.uuid for item in listed]


async def test_deleting_for_good_empties_the_trash_too(fake: FakeZoom, clock: FakeClock) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        await zoom.recordings.delete(recording["id"])
        await zoom.recordings.delete(recording["id"], action="delete")
        trash = [item async for item in zoom.recordings.list("me", trash=True)]
        with pytest.raises(NotFoundError):
            await zoom.recordings.recover(recording["uuid"])
    assert trash == []


async def test_trashing_one_file_keeps_the_others_until_that_file_is_recovered(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    audio = fake.add_recording_file(recording["id"], file_type="M4A")
    async with fake.client() as zoom:
        await zoom.recordings.delete_file(recording["uuid"], audio["id"])
        during = await zoom.recordings.get(recording["uuid"])
        trash = [
            item
            async for item in zoom.recordings.list("me", trash=True, trash_type="recording_file")
        ]
        await zoom.recordings.recover_file(recording["uuid"], audio["id"])
        after = await zoom.recordings.get(recording["uuid"])
    assert [f.file_type for f in during.recording_files] == [RecordingFileType.MP4]
    assert [f.id for item in trash for f in item.recording_files] == [audio["id"]]
    assert [f.file_type for f in after.recording_files] == ["MP4", "M4A"]


async def test_deleting_one_file_for_good_removes_it_from_the_recording(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    chat = fake.add_recording_file(recording["id"], file_type="CHAT", file_size=120)
    async with fake.client() as zoom:
        await zoom.recordings.delete_file(recording["id"], chat["id"], action="delete")
        got = await zoom.recordings.get(recording["id"])
    assert [f.id for f in got.recording_files] == [recording["recording_files"][0]["id"]]
    assert fake.requests[-2].query == {"action": "delete"}


async def test_an_unknown_delete_action_is_refused_before_sending(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match="'trash', 'delete'"):
            await zoom.recordings.delete(recording["id"], action="shred")
    assert fake.counters.calls["recordingDelete"] == 0


# -- settings -----------------------------------------------------------------------------------


async def test_settings_start_public_and_downloadable(fake: FakeZoom, clock: FakeClock) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        settings = await zoom.recordings.get_settings(recording["id"])
    assert settings.share_recording is ShareRecording.PUBLICLY
    assert (settings.viewer_download, settings.on_demand, settings.topic) == (
        True,
        False,
        "Lecture",
    )


async def test_updating_settings_changes_only_what_is_passed(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        await zoom.recordings.update_settings(
            recording["uuid"],
            share_recording="internally",
            password="Rec-2026x",
            on_demand=True,
            approval_type=ApprovalType.MANUAL,
            topic="Lecture 1 (recorded)",
        )
        settings = await zoom.recordings.get_settings(recording["uuid"])
        got = await zoom.recordings.get(recording["uuid"])
    assert fake.requests[-3].json == {
        "share_recording": "internally",
        "password": "Rec-2026x",
        "on_demand": True,
        "approval_type": 1,
        "topic": "Lecture 1 (recorded)",
    }
    assert (settings.share_recording, settings.approval_type) == ("internally", 1)
    assert settings.viewer_download is True
    assert got.topic == "Lecture 1 (recorded)"


async def test_a_recording_passcode_shorter_than_8_is_refused_before_sending(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.recordings.update_settings(recording["id"], password="short")
    assert caught.value.field == "password"
    assert fake.counters.calls["recordingSettingsUpdate"] == 0


# -- analytics ----------------------------------------------------------------------------------


async def download_twice(zoom: ZoomClient, recording: dict[str, Any]) -> None:
    url = recording["recording_files"][0]["download_url"]
    for _ in range(2):
        async for _chunk in zoom.recordings.stream(url):
            pass


async def test_analytics_summary_merges_month_windows_day_by_day(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    day = today(clock)
    async with fake.client() as zoom:
        await download_twice(zoom, recording)
        summary = await zoom.recordings.analytics_summary(
            recording["id"], from_=day - timedelta(days=40), to=day
        )
    assert fake.counters.calls["analytics_summary"] == 2
    assert (summary.from_, summary.to) == (day - timedelta(days=40), day)
    assert [d.date for d in summary.analytics_summary] == [
        day - timedelta(days=n) for n in range(40, -1, -1)
    ]
    assert summary.analytics_summary[-1].downloads_total_count == 2
    assert sum(d.downloads_total_count or 0 for d in summary.analytics_summary) == 2


async def test_analytics_details_list_who_downloaded(fake: FakeZoom, clock: FakeClock) -> None:
    recording = record(fake, clock)
    day = today(clock)
    async with fake.client() as zoom:
        await download_twice(zoom, recording)
        details = [
            item
            async for item in zoom.recordings.analytics_details(
                recording["uuid"], from_=day - timedelta(days=7), to=day, type="by_download"
            )
        ]
        views = [
            item
            async for item in zoom.recordings.analytics_details(
                recording["uuid"], from_=day, to=day, type="by_view"
            )
        ]
    assert [(d.email, d.date_time) for d in details] == [
        (fake.owner["email"], datetime.fromtimestamp(clock.time(), UTC))
    ] * 2
    assert views == []


# -- on-demand registrants ----------------------------------------------------------------------


async def test_a_registrant_of_a_manually_approved_recording_waits_for_approval(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        await zoom.recordings.update_settings(recording["id"], on_demand=True, approval_type=1)
        created = await zoom.recordings.registrants.create(
            recording["id"], email="ada@example.com", first_name="Ada", last_name="Lovelace"
        )
        pending = [
            r async for r in zoom.recordings.registrants.list(recording["id"], status="pending")
        ]
        await zoom.recordings.registrants.update_status(
            recording["id"], action="approve", registrants=[created.registrant_id or ""]
        )
        approved = [r async for r in zoom.recordings.registrants.list(recording["id"])]
    assert (created.id, created.topic) == (recording["id"], "Lecture")
    assert created.share_url == recording["share_url"]
    assert [(r.email, r.status) for r in pending] == [("ada@example.com", RegistrantStatus.PENDING)]
    assert [(r.id, r.status) for r in approved] == [(created.registrant_id, "approved")]


async def test_registering_the_same_email_twice_gives_the_same_registrant(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        first = await zoom.recordings.registrants.create(
            recording["id"], email="ada@example.com", first_name="Ada"
        )
        second = await zoom.recordings.registrants.create(
            recording["id"], email="ADA@example.com", first_name="Ada"
        )
    assert first.registrant_id == second.registrant_id


async def test_denying_a_registrant_moves_them_to_denied(fake: FakeZoom, clock: FakeClock) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        created = await zoom.recordings.registrants.create(
            recording["id"], email="eve@example.com", first_name="Eve"
        )
        await zoom.recordings.registrants.update_status(
            recording["id"], action="deny", registrants=[created.registrant_id or ""]
        )
        denied = [
            r async for r in zoom.recordings.registrants.list(recording["id"], status="denied")
        ]
    assert [r.email for r in denied] == ["eve@example.com"]


async def test_a_registrant_without_a_valid_email_is_refused_before_sending(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.recordings.registrants.create(
                recording["id"], email="not an email", first_name="Ada"
            )
    assert caught.value.field == "email"
    assert fake.counters.calls["meetingRecordingRegistrantCreate"] == 0


async def test_more_than_30_registrants_per_status_change_are_refused_before_sending(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.recordings.registrants.update_status(
                recording["id"], action="approve", registrants=[f"r{n}" for n in range(31)]
            )
    assert caught.value.field == "registrants"


async def test_the_registration_form_can_ask_custom_multiple_choice_questions(
    fake: FakeZoom, clock: FakeClock
) -> None:
    recording = record(fake, clock)
    async with fake.client() as zoom:
        before = await zoom.recordings.registrants.get_questions(recording["id"])
        await zoom.recordings.registrants.update_questions(
            recording["id"],
            questions=[{"field_name": "org", "required": True}],
            custom_questions=[
                {"title": "Topics?", "type": "multiple", "answers": ["SDKs", "Webhooks"]}
            ],
        )
        after = await zoom.recordings.registrants.get_questions(recording["id"])
    assert [q.field_name for q in before.questions or []] == ["last_name"]
    assert [(q.field_name, q.required) for q in after.questions or []] == [("org", True)]
    assert [(q.title, q.type, q.answers) for q in after.custom_questions or []] == [
        ("Topics?", "multiple", ["SDKs", "Webhooks"])
    ]
