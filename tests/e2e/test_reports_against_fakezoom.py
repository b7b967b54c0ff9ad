"""client.reports end to end: each report against FakeZoom, checked against FakeZoom's state."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from zoomkit import ZoomClient
from zoomkit.errors import (
    BadRequestError,
    MeetingNotFound,
    NotFoundError,
    RequestValidationError,
    UserNotFound,
)
from zoomkit.models.reports import (
    ParticipantStatus,
    QAQuestionStatus,
    ReportMeetingsType,
    ReportUsersType,
    SignInType,
)
from zoomkit.testing import FakeClock, FakeZoom
from zoomkit.types import MeetingUUID

pytestmark = pytest.mark.anyio

FEB_1 = date(2026, 2, 1)
FEB_28 = date(2026, 2, 28)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


async def ended_meeting_with_answers(fake: FakeZoom, zoom: ZoomClient) -> dict[str, Any]:
    """A meeting held now: one guest answers a poll and asks a question the host answers."""
    meeting = fake.add_meeting(
        fake.owner["id"], topic="Town hall", settings={"question_and_answer": {"enable": True}}
    )
    poll = await zoom.request(
        "POST",
        f"/meetings/{meeting['id']}/polls",
        json={
            "title": "Lunch",
            "questions": [{"name": "Pizza?", "type": "single", "answers": ["Yes", "No"]}],
        },
    )
    fake.start_meeting(meeting["id"])
    guest = fake.add_participant(meeting["id"], name="Gus Guest", email="gus@example.com")
    fake.answer_poll(meeting["id"], guest["user_id"], poll.json()["id"], {"Pizza?": "Yes"})
    fake.ask_question(meeting["id"], guest["user_id"], "Slides?", answer="After the call")
    assert isinstance(fake.clock, FakeClock)
    fake.clock.advance(1800)
    fake.end_meeting(meeting["id"])
    return meeting


async def test_daily_usage_counts_the_meetings_held_each_day(fake: FakeZoom) -> None:
    owner = fake.owner["id"]
    fake.add_past_meeting(owner, topic="A", start_time=at(date(2026, 2, 3), 9), participants=2)
    fake.add_past_meeting(owner, topic="B", start_time=at(date(2026, 2, 3), 14), duration=30)
    async with fake.client() as zoom:
        report = await zoom.reports.daily(year=2026, month=2)
    assert (report.year, report.month, len(report.dates)) == (2026, 2, 28)
    feb_3 = report.dates[2]
    assert (feb_3.date, feb_3.meetings, feb_3.participants, feb_3.meeting_minutes) == (
        date(2026, 2, 3),
        2,
        2,
        90,
    )
    assert sum(day.meetings or 0 for day in report.dates) == 2


async def test_daily_refuses_a_month_number_out_of_range_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.reports.daily(year=2026, month=13)
    assert caught.value.field == "month"


async def test_daily_for_a_month_over_six_months_ago_is_zooms_code_300(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as caught:
            await zoom.reports.daily(year=2025, month=1)
    assert caught.value.code == 300


async def test_inactive_hosts_are_the_users_who_hosted_nothing(fake: FakeZoom) -> None:
    idle = fake.add_user("idle@example.com", first_name="Ida", last_name="Idle")
    fake.add_past_meeting(fake.owner["id"], topic="Held", start_time=at(FEB_1, 10))
    async with fake.client() as zoom:
        inactive = [
            u
            async for u in zoom.reports.active_hosts(
                from_=FEB_1, to=FEB_28, type=ReportUsersType.INACTIVE
            )
        ]
        active = [u async for u in zoom.reports.active_hosts(from_="2026-02-01", to="2026-02-28")]
    assert [u.id for u in inactive] == [idle["id"]]
    assert [(u.email, u.meetings) for u in active] == [("owner@example.com", 1)]


async def test_one_person_meetings_and_joined_meetings(fake: FakeZoom) -> None:
    owner = fake.owner
    member = fake.add_user("mia@example.com", first_name="Mia", last_name="Member")
    alone = fake.add_past_meeting(
        owner["id"], topic="Alone", start_time=at(FEB_1, 8), participants=1
    )
    fake.add_past_meeting(owner["id"], topic="Crowd", start_time=at(FEB_1, 9), participants=3)
    fake.add_past_meeting(
        owner["id"],
        topic="Mia came",
        start_time=at(FEB_1, 12),
        participants=[{"user_name": "Mia Member", "email": "mia@example.com"}],
    )
    async with fake.client() as zoom:
        one = [
            m
            async for m in zoom.reports.user_meetings(
                "me", from_=FEB_1, to=FEB_28, type=ReportMeetingsType.PAST_ONE
            )
        ]
        joined = [
            m
            async for m in zoom.reports.user_meetings(
                member["email"], from_=FEB_1, to=FEB_28, type="pastJoined"
            )
        ]
    assert [m.topic for m in one] == [alone["topic"], "Mia came"]
    [came] = joined
    assert came.topic == "Mia came"
    # FakeZoom sends join_time as Zoom does here, "02/01/2026 12:00"; the model reads it.
    assert came.join_time == at(FEB_1, 12)
    assert came.leave_time == at(FEB_1, 13)
    assert came.participants_count_my_account == 1


async def test_user_meetings_of_an_unknown_user_is_user_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(UserNotFound):
            [
                _
                async for _ in zoom.reports.user_meetings(
                    "ghost@example.com", from_=FEB_1, to=FEB_1
                )
            ]


async def test_a_meeting_report_by_a_uuid_that_needs_double_encoding(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(
        fake.owner["id"], topic="Tracked", tracking_fields=[{"field": "team", "value": "sdk"}]
    )
    past = fake.add_past_meeting(
        fake.owner["id"],
        topic="Tracked",
        meeting_id=meeting["id"],
        uuid="/ajXp112QmuoKj4854875==",
        participants=3,
        start_time=at(FEB_1, 10),
    )
    async with fake.client() as zoom:
        by_uuid = await zoom.reports.meeting("/ajXp112QmuoKj4854875==")
        by_id = await zoom.reports.meeting(meeting["id"])
    assert by_uuid.uuid == MeetingUUID(past["uuid"])
    assert (by_uuid.participants_count, by_uuid.total_minutes) == (3, 180)
    assert by_uuid.tracking_fields is not None
    assert [(t.field, t.value) for t in by_uuid.tracking_fields] == [("team", "sdk")]
    assert by_id.uuid == by_uuid.uuid
    sent = [r.path for r in fake.requests if r.operation == "reportMeetingDetails"]
    assert sent[0] == "/v2/report/meetings/%252FajXp112QmuoKj4854875%253D%253D"


async def test_an_unknown_meeting_report_is_meeting_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(MeetingNotFound):
            await zoom.reports.meeting(12345678901)


async def test_meeting_participants_report_lists_every_join(fake: FakeZoom) -> None:
    past = fake.add_past_meeting(fake.owner["id"], topic="Two", participants=2)
    async with fake.client() as zoom:
        rows = [p async for p in zoom.reports.meeting_participants(past["uuid"], page_size=1)]
    assert [p.name for p in rows] == ["Participant 1", "Participant 2"]
    assert all(p.status == ParticipantStatus.IN_MEETING for p in rows)
    assert rows[0].duration == 3600


async def test_poll_answers_given_during_the_meeting_are_in_the_polls_report(
    fake: FakeZoom,
) -> None:
    async with fake.client() as zoom:
        meeting = await ended_meeting_with_answers(fake, zoom)
        report = await zoom.reports.meeting_polls(meeting["id"])
    [voter] = report.questions
    assert (voter.name, voter.email) == ("Gus Guest", "gus@example.com")
    assert voter.question_details is not None
    assert [(d.question, d.answer) for d in voter.question_details] == [("Pizza?", "Yes")]


async def test_answered_questions_are_in_the_qa_report(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting = await ended_meeting_with_answers(fake, zoom)
        report = await zoom.reports.meeting_qa(meeting["id"])
    [asker] = report.questions
    assert asker.question_details is not None
    [detail] = asker.question_details
    assert (detail.question, detail.question_status) == ("Slides?", QAQuestionStatus.ANSWERED)
    assert detail.answer_details is not None
    assert [a.content for a in detail.answer_details] == ["After the call"]


async def test_survey_report_names_the_instance(fake: FakeZoom) -> None:
    past = fake.add_past_meeting(fake.owner["id"], topic="Surveyed", start_time=at(FEB_1, 9))
    async with fake.client() as zoom:
        report = await zoom.reports.meeting_survey(past["uuid"])
    assert (report.meeting_id, report.meeting_uuid) == (past["id"], past["uuid"])
    assert report.survey_answers == []


async def test_cloud_recording_usage_grows_on_the_day_a_recording_completes(
    fake: FakeZoom,
) -> None:
    past = fake.add_past_meeting(fake.owner["id"], topic="Recorded", start_time=at(FEB_1, 9))
    fake.complete_recording(past["id"], file_size=3 * 1024 * 1024)
    async with fake.client() as zoom:
        rows = [
            r async for r in zoom.reports.cloud_recording(from_=FEB_1 - timedelta(days=1), to=FEB_1)
        ]
    assert [(r.date, r.usage) for r in rows] == [
        (date(2026, 1, 31), "0.00 MB"),
        (FEB_1, "3.00 MB"),
    ]


async def test_operation_logs_show_users_added_in_the_range(fake: FakeZoom) -> None:
    fake.add_user("new@example.com", first_name="Nina", last_name="New")
    today = date(2026, 3, 2)
    async with fake.client() as zoom:
        logs = [
            entry
            async for entry in zoom.reports.operation_logs(
                from_=today, to=today, category_type="user"
            )
        ]
    assert [entry.operation_detail for entry in logs] == [
        "Add User owner@example.com",
        "Add User new@example.com",
    ]


async def test_sign_in_activities_list_each_users_last_sign_in(fake: FakeZoom) -> None:
    today = date(2026, 3, 2)
    async with fake.client() as zoom:
        rows = [a async for a in zoom.reports.sign_in_activities(from_=today, to=today)]
    assert [(a.email, a.type) for a in rows] == [("owner@example.com", SignInType.SIGN_IN)]


async def test_telephone_report_is_empty_without_phone_legs(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        listing = zoom.reports.telephone(from_=FEB_1, to=FEB_28, type="1")
        pages = [page async for page in listing.pages()]
    assert [len(page) for page in pages] == [0]


async def test_upcoming_events_list_scheduled_meetings_in_the_range(fake: FakeZoom) -> None:
    soon = fake.add_meeting(
        fake.owner["id"], topic="Planning", start_time=datetime(2026, 3, 10, 9, tzinfo=UTC)
    )
    fake.add_meeting(
        fake.owner["id"], topic="Far off", start_time=datetime(2026, 6, 1, 9, tzinfo=UTC)
    )
    async with fake.client() as zoom:
        events = [
            e
            async for e in zoom.reports.upcoming_events(
                from_=date(2026, 3, 2), to=date(2026, 3, 31), type="meeting"
            )
        ]
    assert [(e.id, e.topic) for e in events] == [(str(soon["id"]), "Planning")]
    assert events[0].start_time == datetime(2026, 3, 10, 9, tzinfo=UTC)


async def test_billing_periods_and_their_invoices(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        billing = await zoom.reports.billing()
        latest = billing.billing_reports[0]
        assert latest.id is not None
        invoices = await zoom.reports.billing_invoices(billing_id=latest.id)
        with pytest.raises(NotFoundError) as caught:
            await zoom.reports.billing_invoices(billing_id="no-such-period")
    assert billing.currency == "USD"
    assert latest.start_date == date(2026, 2, 1)
    assert [(i.start_date, i.total_amount) for i in invoices.invoices] == [
        (date(2026, 2, 1), latest.total_amount)
    ]
    assert caught.value.code == 5010


async def test_history_meetings_search_by_topic(fake: FakeZoom) -> None:
    fake.add_past_meeting(fake.owner["id"], topic="Board review", start_time=at(FEB_1, 9))
    fake.add_past_meeting(fake.owner["id"], topic="Standup", start_time=at(FEB_1, 10))
    async with fake.client() as zoom:
        found = [
            m
            async for m in zoom.reports.history_meetings(
                from_=FEB_1, to=FEB_28, meeting_type="meeting", search_key="board"
            )
        ]
    assert [m.topic for m in found] == ["Board review"]
    assert found[0].feature_used is not None
    assert found[0].feature_used.video_on is True


async def test_meeting_activities_filtered_to_joins(fake: FakeZoom) -> None:
    past = fake.add_past_meeting(
        fake.owner["id"], topic="Busy", start_time=at(FEB_1, 9), participants=3
    )
    async with fake.client() as zoom:
        joins = [
            a
            async for a in zoom.reports.meeting_activities(
                from_=FEB_1, to=FEB_1, activity_type="User Join", meeting_number=str(past["id"])
            )
        ]
    assert [a.operator for a in joins] == ["Participant 1", "Participant 2", "Participant 3"]
    assert all(a.activity_time == at(FEB_1, 9) for a in joins)


async def ended_webinar(fake: FakeZoom, zoom: ZoomClient) -> dict[str, Any]:
    """A webinar held now: an attendee registers, joins, answers a poll and asks a question."""
    webinar = fake.add_webinar(fake.owner["id"], topic="Launch", settings={"approval_type": 0})
    registrant = await zoom.request(
        "POST",
        f"/webinars/{webinar['id']}/registrants",
        json={"email": "wendy@example.com", "first_name": "Wendy"},
    )
    poll = await zoom.request(
        "POST",
        f"/webinars/{webinar['id']}/polls",
        json={
            "title": "Q",
            "questions": [{"name": "Useful?", "type": "single", "answers": ["Y", "N"]}],
        },
    )
    fake.start_webinar(webinar["id"])
    fake.add_webinar_participant(webinar["id"], name="Wendy", email="wendy@example.com")
    who = {"name": "Wendy", "email": "wendy@example.com"}
    fake.answer_webinar_poll(
        webinar["id"], poll_id=poll.json()["id"], answers={"Useful?": "Y"}, **who
    )
    fake.ask_webinar_question(webinar["id"], question="Replay?", answer="Tomorrow", **who)
    assert isinstance(fake.clock, FakeClock)
    fake.clock.advance(1200)
    ended = fake.end_webinar(webinar["id"])
    return {**ended, "registrant_id": registrant.json()["registrant_id"]}


async def test_webinar_reports_show_what_happened_in_the_ended_instance(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        ended = await ended_webinar(fake, zoom)
        details = await zoom.reports.webinar(ended["id"])
        polls = await zoom.reports.webinar_polls(ended["uuid"])
        qa = await zoom.reports.webinar_qa(ended["id"])
        survey = await zoom.reports.webinar_survey(ended["id"])
    assert (details.uuid, details.user_email) == (ended["uuid"], "owner@example.com")
    assert (details.participants_count, details.total_minutes) == (1, 20)
    [voter] = polls.questions
    assert voter.question_details is not None
    assert [(d.question, d.answer) for d in voter.question_details] == [("Useful?", "Y")]
    [asker] = qa.questions
    assert asker.question_details is not None
    assert asker.question_details[0].question_status == QAQuestionStatus.ANSWERED
    assert (survey.webinar_id, survey.survey_answers) == (ended["id"], [])


async def test_webinar_participants_report_ties_joins_to_registrations(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        ended = await ended_webinar(fake, zoom)
        rows = [
            p
            async for p in zoom.reports.webinar_participants(
                ended["uuid"], include_fields="registrant_id"
            )
        ]
    assert [(p.name, p.user_email, p.duration) for p in rows] == [
        ("Wendy", "wendy@example.com", 1200)
    ]
    assert rows[0].registrant_id == ended["registrant_id"]


async def test_a_webinar_report_for_an_unknown_webinar_is_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(MeetingNotFound) as caught:
            await zoom.reports.webinar(98765432101)
    assert caught.value.status_code == 404
