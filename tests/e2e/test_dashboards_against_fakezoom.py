"""client.dashboards end to end: each dashboard against FakeZoom, checked against its state."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from zoomkit.errors import (
    BadRequestError,
    MeetingNotFound,
    NotFoundError,
    RequestValidationError,
)
from zoomkit.models.dashboards import (
    DashboardMeetingType,
    FeedbackQuality,
    ParticipantDevice,
    ParticipantRole,
)
from zoomkit.testing import FakeClock, FakeZoom
from zoomkit.testing._dashboards import FEEDBACK_REASONS

pytestmark = pytest.mark.anyio

FEB_1 = date(2026, 2, 1)
FEB_28 = date(2026, 2, 28)


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def past(fake: FakeZoom, topic: str = "Review", participants: int = 3, hour: int = 9) -> Any:
    return fake.add_past_meeting(
        fake.owner["id"], topic=topic, start_time=at(FEB_1, hour), participants=participants
    )


async def test_live_meetings_are_the_default_type(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Running")
    fake.start_meeting(meeting["id"])
    fake.add_participant(meeting["id"], name="Guest")
    past(fake)
    today = date(2026, 3, 2)
    async with fake.client() as zoom:
        live = [m async for m in zoom.dashboards.meetings(from_=today, to=today)]
        detail = await zoom.dashboards.meeting(meeting["id"])
    assert [(m.id, m.topic, m.participants) for m in live] == [(meeting["id"], "Running", 1)]
    assert live[0].end_time is None
    assert detail.uuid == live[0].uuid


async def test_past_one_lists_meetings_one_person_attended(fake: FakeZoom) -> None:
    alone = past(fake, "Alone", participants=1)
    past(fake, "Crowd", participants=4, hour=11)
    async with fake.client() as zoom:
        found = [
            m
            async for m in zoom.dashboards.meetings(
                from_=FEB_1, to=FEB_28, type=DashboardMeetingType.PAST_ONE
            )
        ]
    assert [m.uuid for m in found] == [alone["uuid"]]


async def test_tracking_fields_come_with_include_fields(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(
        fake.owner["id"], topic="Tracked", tracking_fields=[{"field": "team", "value": "sdk"}]
    )
    fake.add_past_meeting(
        fake.owner["id"], topic="Tracked", meeting_id=meeting["id"], start_time=at(FEB_1, 9)
    )
    async with fake.client() as zoom:
        [found] = [
            m
            async for m in zoom.dashboards.meetings(
                from_=FEB_1, to=FEB_28, type="past", include_fields="tracking_fields"
            )
        ]
    assert found.tracking_fields is not None
    assert [(t.field, t.value) for t in found.tracking_fields] == [("team", "sdk")]


async def test_a_past_meeting_detail_by_uuid(fake: FakeZoom) -> None:
    held = past(fake)
    async with fake.client() as zoom:
        detail = await zoom.dashboards.meeting(held["uuid"], type="past")
    assert (detail.id, detail.participants, detail.duration) == (held["id"], 3, "01:00:00")
    assert detail.start_time == at(FEB_1, 9)


async def test_an_ended_meeting_asked_for_live_is_not_found(fake: FakeZoom) -> None:
    held = past(fake)
    async with fake.client() as zoom:
        with pytest.raises(MeetingNotFound):
            await zoom.dashboards.meeting(held["id"])


async def test_participants_carry_device_and_quality(fake: FakeZoom) -> None:
    held = past(fake, participants=2)
    async with fake.client() as zoom:
        rows = [
            p
            async for p in zoom.dashboards.meeting_participants(
                held["uuid"], type="past", include_fields="registrant_id"
            )
        ]
    assert [p.user_name for p in rows] == ["Participant 1", "Participant 2"]
    assert all(isinstance(p.device, ParticipantDevice) for p in rows)
    assert all(p.role == ParticipantRole.ATTENDEE for p in rows)
    assert all(p.registrant_id == "" for p in rows)
    assert rows[0].leave_time == at(FEB_1, 10)


async def test_live_participants_have_no_leave_time_yet(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Running")
    fake.start_meeting(meeting["id"])
    fake.add_participant(meeting["id"], name="Owner", email="owner@example.com")
    async with fake.client() as zoom:
        [row] = [p async for p in zoom.dashboards.meeting_participants(meeting["id"])]
    assert (row.user_name, row.role, row.leave_time) == ("Owner", ParticipantRole.HOST, None)


async def test_qos_comes_in_pages_of_at_most_ten(fake: FakeZoom) -> None:
    held = past(fake, participants=12)
    async with fake.client() as zoom:
        listing = zoom.dashboards.meeting_participants_qos(held["uuid"], type="past")
        pages = [page async for page in listing.pages()]
        with pytest.raises(RequestValidationError):
            zoom.dashboards.meeting_participants_qos(held["uuid"], page_size=11)
    assert [len(page) for page in pages] == [10, 2]
    first = pages[0].items[0]
    assert first.user_qos is not None
    assert len(first.user_qos) == 4  # at join and every 15 minutes of the hour
    assert first.user_qos[0].audio_input is not None
    assert first.user_qos[0].audio_input.bitrate is not None
    assert first.user_qos[0].audio_input.bitrate.endswith("kbps")


async def test_one_participants_qos_by_user_id(fake: FakeZoom) -> None:
    held = past(fake, participants=2)
    async with fake.client() as zoom:
        qos = await zoom.dashboards.meeting_participant_qos(held["uuid"], "16778241", type="past")
        with pytest.raises(NotFoundError):
            await zoom.dashboards.meeting_participant_qos(held["uuid"], "999", type="past")
    assert (qos.user_id, qos.user_name) == ("16778241", "Participant 2")


async def test_sharing_shows_who_is_sharing_now_in_a_live_meeting(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Demo")
    fake.start_meeting(meeting["id"])
    presenter = fake.add_participant(meeting["id"], name="Presenter")
    fake.start_sharing(meeting["id"], presenter["user_id"])
    async with fake.client() as zoom:
        sharing = [s async for s in zoom.dashboards.meeting_participants_sharing(meeting["id"])]
    presenting = [s for s in sharing if s.user_name == "Presenter"]
    assert len(presenting) == 1
    assert presenting[0].details is not None
    assert [d.content for d in presenting[0].details] == ["application"]


async def test_sharing_of_a_past_meeting_agrees_with_the_participants_view(fake: FakeZoom) -> None:
    held = past(fake, participants=9)
    async with fake.client() as zoom:
        sharing = [
            s async for s in zoom.dashboards.meeting_participants_sharing(held["uuid"], type="past")
        ]
        rows = [p async for p in zoom.dashboards.meeting_participants(held["uuid"], type="past")]
    assert sharing
    assert {s.user_id for s in sharing} == {p.user_id for p in rows if p.share_desktop}


async def test_satisfaction_thumbs_down_add_up_to_the_client_feedback_totals(
    fake: FakeZoom,
) -> None:
    held = past(fake, participants=20)
    async with fake.client() as zoom:
        verdicts = [
            f
            async for f in zoom.dashboards.meeting_participants_satisfaction(
                held["uuid"], type="past"
            )
        ]
        totals = await zoom.dashboards.client_feedback(from_=FEB_1, to=FEB_28)
        details = {
            reason: [
                d
                async for d in zoom.dashboards.client_feedback_detail(
                    reason, from_=FEB_1, to=FEB_28
                )
            ]
            for reason in FEEDBACK_REASONS
        }
    thumbs_down = Counter(f.comment for f in verdicts if f.quality == FeedbackQuality.NOT_GOOD)
    assert len(verdicts) == 20
    assert thumbs_down
    assert {f.feedback_name: f.participants_count for f in totals.client_feedbacks} == dict(
        thumbs_down
    )
    for feedback in totals.client_feedbacks:
        assert feedback.feedback_id is not None
        assert len(details[feedback.feedback_id]) == feedback.participants_count


async def test_client_satisfaction_per_day_counts_every_verdict(fake: FakeZoom) -> None:
    past(fake, participants=8)
    async with fake.client() as zoom:
        days = [
            d
            async for d in zoom.dashboards.client_satisfaction(
                from_=FEB_1 - timedelta(days=1), to=FEB_1
            )
        ]
    assert [d.date for d in days] == [date(2026, 1, 31), FEB_1]
    assert (days[0].good_count, days[0].not_good_count) == (0, 0)
    assert (days[1].good_count or 0) + (days[1].not_good_count or 0) == 8


async def test_client_versions_count_users_by_client(fake: FakeZoom) -> None:
    fake.add_user("second@example.com", first_name="Sam", last_name="Second")
    async with fake.client() as zoom:
        versions = await zoom.dashboards.client_versions()
    assert [(v.client_version, v.total_count) for v in versions.client_versions] == [
        ("5.17.11.34827", 2)
    ]


async def test_quality_counts_every_meeting_once(fake: FakeZoom) -> None:
    for hour in (8, 10, 12):
        past(fake, participants=2, hour=hour)
    async with fake.client() as zoom:
        meetings = await zoom.dashboards.quality(from_=FEB_1, to=FEB_28)
        people = await zoom.dashboards.quality(from_=FEB_1, to=FEB_28, type="participants")
    assert meetings.quality is not None
    assert meetings.quality.audio is not None
    audio = meetings.quality.audio
    assert sum(n or 0 for n in (audio.good, audio.fair, audio.poor, audio.bad)) == 3
    assert people.quality is not None
    assert people.quality.video is not None
    video = people.quality.video
    assert sum(n or 0 for n in (video.good, video.fair, video.poor, video.bad)) == 6


async def test_zoom_rooms_and_one_rooms_detail(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        rooms = [r async for r in zoom.dashboards.zoom_rooms(page_size=1)]
        assert rooms[0].id is not None
        detail = await zoom.dashboards.zoom_room(rooms[0].id, from_=FEB_1, to=FEB_28)
        with pytest.raises(NotFoundError):
            await zoom.dashboards.zoom_room("no-such-room", from_=FEB_1, to=FEB_28)
    assert [r.room_name for r in rooms] == ["Boardroom", "Huddle Room"]
    assert detail.room_name == "Boardroom"
    assert detail.past_meetings is not None
    assert detail.past_meetings.from_ == FEB_1


async def test_zoom_room_issues_agree_across_the_three_issue_views(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        issues = await zoom.dashboards.zoom_room_issues(from_=FEB_1, to=FEB_28)
        rooms = await zoom.dashboards.issues_zoom_rooms(from_=FEB_1, to=FEB_28)
        [room] = rooms.zoom_rooms
        assert room.id is not None
        details = [
            d
            async for d in zoom.dashboards.issue_zoom_room(
                room.id, from_=date(2026, 1, 1), to=FEB_28
            )
        ]
    assert [(i.issue_name, i.zoom_rooms_count) for i in issues.issues] == [
        ("Zoom room is offline", 1)
    ]
    assert room.room_name == "Huddle Room"
    february = [d for d in details if d.time is not None and d.time.month == 2]
    assert len(february) == room.issues_count
    assert len(details) > len(february)  # January came from the first of two windows


async def test_chat_and_im_give_one_row_per_user_per_window(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        chat = [u async for u in zoom.dashboards.chat(from_=date(2026, 1, 1), to=FEB_28)]
        im = [u async for u in zoom.dashboards.im(from_=FEB_1, to=FEB_28)]
    assert [u.email for u in chat] == ["owner@example.com", "owner@example.com"]
    assert all(u.total_sent is not None for u in chat)
    [row] = im
    assert row.total_send == sum(
        getattr(row, f"{kind}_send") or 0
        for kind in ("group", "calls", "files", "images", "voice", "videos", "emoji")
    )


async def test_crc_has_one_row_per_day(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        rows = [r async for r in zoom.dashboards.crc(from_=FEB_1, to=date(2026, 2, 3))]
    assert [r.date_time for r in rows] == [FEB_1, date(2026, 2, 2), date(2026, 2, 3)]
    assert all(r.crc_ports_hour_usage for r in rows)


async def test_an_unknown_feedback_reason_is_refused_by_zoom(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as caught:
            [_ async for _ in zoom.dashboards.client_feedback_detail("42", from_=FEB_1, to=FEB_1)]
    assert caught.value.code == 300


def running_webinar(fake: FakeZoom, attendees: int = 2) -> dict[str, Any]:
    webinar = fake.add_webinar(fake.owner["id"], topic="Launch")
    fake.start_webinar(webinar["id"])
    for number in range(attendees):
        fake.add_webinar_participant(
            webinar["id"], name=f"Attendee {number + 1}", email=f"a{number + 1}@example.com"
        )
    return webinar


async def test_a_live_webinar_is_on_the_dashboard_by_default(fake: FakeZoom) -> None:
    webinar = running_webinar(fake)
    today = date(2026, 3, 2)
    async with fake.client() as zoom:
        listed = [w async for w in zoom.dashboards.webinars(from_=today, to=today)]
        detail = await zoom.dashboards.webinar(webinar["id"])
        people = [p async for p in zoom.dashboards.webinar_participants(webinar["id"])]
    assert [(w.id, w.participants) for w in listed] == [(webinar["id"], 2)]
    assert detail.topic == "Launch"
    assert [p.user_name for p in people] == ["Attendee 1", "Attendee 2"]


async def test_an_ended_webinars_dashboards(fake: FakeZoom) -> None:
    webinar = running_webinar(fake, attendees=3)
    assert isinstance(fake.clock, FakeClock)
    fake.clock.advance(3600)
    ended = fake.end_webinar(webinar["id"])
    today = date(2026, 3, 2)
    async with fake.client() as zoom:
        listed = [w async for w in zoom.dashboards.webinars(from_=today, to=today, type="past")]
        detail = await zoom.dashboards.webinar(ended["uuid"], type="past")
        qos = [q async for q in zoom.dashboards.webinar_participants_qos(ended["id"], type="past")]
        one = await zoom.dashboards.webinar_participant_qos(ended["id"], "16778241", type="past")
        sharing = [
            s async for s in zoom.dashboards.webinar_participants_sharing(ended["id"], type="past")
        ]
        verdicts = [
            f
            async for f in zoom.dashboards.webinar_participants_satisfaction(
                ended["id"], type="past"
            )
        ]
    assert [w.uuid for w in listed] == [ended["uuid"]]
    assert (detail.duration, detail.participants) == ("01:00:00", 3)
    assert [q.user_name for q in qos] == ["Attendee 1", "Attendee 2", "Attendee 3"]
    assert one.user_name == "Attendee 2"
    assert {s.user_name for s in sharing} <= {"Attendee 1", "Attendee 2", "Attendee 3"}
    assert sorted(f.email for f in verdicts if f.email) == [
        "a1@example.com",
        "a2@example.com",
        "a3@example.com",
    ]


async def test_an_unknown_webinars_dashboard_is_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(MeetingNotFound):
            await zoom.dashboards.webinar(98765432101, type="past")
    assert fake.requests[-1].query["type"] == "past"


async def test_no_past_webinars_without_webinar_history(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        found = [w async for w in zoom.dashboards.webinars(from_=FEB_1, to=FEB_28, type="past")]
    assert found == []
