"""Ways into a meeting and its lifecycle: invitation, links, tokens, SIP, upcoming, end, recover."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from zoomkit.errors import MeetingNotFound, RequestValidationError
from zoomkit.models import MeetingStatusAction
from zoomkit.testing import FakeClock, FakeZoom

pytestmark = pytest.mark.anyio


async def test_the_invitation_is_derived_from_the_meeting(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting = await zoom.meetings.create(
            topic="Design review",
            start_time=datetime(2026, 3, 10, 9, 0, tzinfo=UTC),
            timezone="Europe/Berlin",
            password="s3cret",
        )
        invitation = await zoom.meetings.get_invitation(meeting.id)
    text = invitation.invitation or ""
    assert "Olivia Owner is inviting you to a scheduled Zoom meeting." in text
    assert "Topic: Design review" in text
    assert "Time: Mar 10, 2026 10:00 AM Europe/Berlin" in text
    assert meeting.join_url in text
    digits = str(meeting.id)
    assert f"Meeting ID: {digits[:3]} {digits[3:7]} {digits[7:]}" in text
    assert "Passcode: s3cret" in text
    assert invitation.sip_links == [f"{meeting.id}@zoomcrc.com"]


async def test_the_invitation_follows_changes_to_the_meeting(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting = await zoom.meetings.create(topic="Before")
        await zoom.meetings.update(meeting.id, topic="After")
        invitation = await zoom.meetings.get_invitation(meeting.id)
    assert "Topic: After" in (invitation.invitation or "")


async def test_a_registration_meeting_invites_to_register(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting = await zoom.meetings.create(topic="Webinar-ish", settings={"approval_type": 0})
        invitation = await zoom.meetings.get_invitation(meeting.id)
    assert meeting.registration_url
    assert f"Register in advance for this meeting:\n{meeting.registration_url}" in (
        invitation.invitation or ""
    )


async def test_invite_links_are_personal_and_validated(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Interviews")
    async with fake.client() as zoom:
        links = await zoom.meetings.create_invite_links(
            meeting["id"], attendees=["Candidate A", {"name": "Candidate B"}], ttl=3600
        )
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.create_invite_links(meeting["id"], attendees=["x" * 65])
    assert [a.name for a in links.attendees] == ["Candidate A", "Candidate B"]
    urls = {a.join_url for a in links.attendees}
    assert len(urls) == 2
    assert all(str(meeting["id"]) in (url or "") for url in urls)
    assert caught.value.field == "attendees[0].name"
    assert fake.requests[-1].json == {
        "attendees": [{"name": "Candidate A"}, {"name": "Candidate B"}],
        "ttl": 3600,
    }


async def test_invite_links_live_at_most_90_days(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.create_invite_links(12345678901, attendees=["A"], ttl=7_776_001)
    assert caught.value.field == "ttl"


async def test_tokens_for_captions_and_bots(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Streamed")
    async with fake.client() as zoom:
        caption = await zoom.meetings.get_token(meeting["id"], type="closed_caption_token")
        streaming = await zoom.meetings.get_live_streaming_join_token(meeting["id"])
        archiving = await zoom.meetings.get_local_archiving_token(meeting["id"])
        recording = await zoom.meetings.get_local_recording_join_token(
            meeting["id"], bypass_waiting_room=True
        )
    assert caption.token
    assert [t.expire_in for t in (streaming, archiving, recording)] == [120, 120, 120]
    assert len({streaming.token, archiving.token, recording.token}) == 3
    assert fake.requests[-1].query == {"bypass_waiting_room": "true"}


async def test_sip_dialing_builds_the_passcode_into_the_uri(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Room call", password="9876")
    async with fake.client() as zoom:
        sip = await zoom.meetings.get_sip_dialing(meeting["id"], passcode="9876")
    assert (sip.sip_dialing or "").startswith(f"{meeting['id']}.9876.")
    assert (sip.sip_dialing or "").endswith("@zoomcrc.com")
    assert sip.paid_crc_plan_participant is False


async def test_upcoming_meetings_come_with_their_passcodes(
    fake: FakeZoom, clock: FakeClock
) -> None:
    now = datetime.fromtimestamp(clock.time(), UTC)
    fake.add_meeting(fake.owner["id"], topic="Past", start_time=now - timedelta(days=2))
    soon = fake.add_meeting(
        fake.owner["id"], topic="Soon", start_time=now + timedelta(days=1), password="abc123"
    )
    async with fake.client() as zoom:
        upcoming = await zoom.meetings.list_upcoming("me")
    assert upcoming.total_records == 1
    assert [(m.id, m.topic, m.passcode) for m in upcoming.meetings] == [
        (soon["id"], "Soon", "abc123")
    ]


async def test_ending_a_running_meeting_records_a_past_instance(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Stand-up")
    fake.start_meeting(meeting["id"])
    fake.add_participant(meeting["id"], name="Guest")
    async with fake.client() as zoom:
        await zoom.meetings.update_status(meeting["id"], action=MeetingStatusAction.END)
        ended = await zoom.past_meetings.get(meeting["id"])
        again = await zoom.meetings.get(meeting["id"])
    assert ended.uuid == meeting["uuid"]
    assert ended.participants_count == 1
    assert again.status == "waiting"
    assert again.uuid != meeting["uuid"]


async def test_ending_a_meeting_that_is_not_running_changes_nothing(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Idle")
    async with fake.client() as zoom:
        await zoom.meetings.update_status(meeting["id"], action="end")
        instances = await zoom.past_meetings.instances(meeting["id"])
    assert instances.meetings == []


async def test_a_deleted_meeting_can_be_recovered_within_7_days(
    fake: FakeZoom, clock: FakeClock
) -> None:
    async with fake.client() as zoom:
        meeting = await zoom.meetings.create(topic="Oops", settings={"approval_type": 0})
        await zoom.meetings.registrants.create(meeting.id, first_name="Al", email="al@example.com")
        await zoom.meetings.delete(meeting.id)
        clock.advance(6 * 86_400)
        await zoom.meetings.update_status(meeting.id, action="recover")
        back = await zoom.meetings.get(meeting.id)
        registrants = [r.email async for r in zoom.meetings.registrants.list(meeting.id)]
    assert back.topic == "Oops"
    assert registrants == ["al@example.com"]


async def test_after_7_days_a_deleted_meeting_is_gone_for_good(
    fake: FakeZoom, clock: FakeClock
) -> None:
    async with fake.client() as zoom:
        meeting = await zoom.meetings.create(topic="Gone")
        await zoom.meetings.delete(meeting.id)
        clock.advance(8 * 86_400)
        with pytest.raises(MeetingNotFound):
            await zoom.meetings.update_status(meeting.id, action="recover")


async def test_an_unknown_status_action_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.update_status(12345678901, action="pause")
    assert caught.value.field == "action"
    assert fake.counters.calls["meetingStatus"] == 0
