"""Past meetings end to end: instances by UUID, participants, poll answers and Q&A."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote

import pytest

from zoomkit import MeetingUUID
from zoomkit.errors import BadRequestError, MeetingNotFound, RequestValidationError
from zoomkit.models import MeetingType, PastMeetingParticipant
from zoomkit.resources.meeting_ids import meeting_id_or_uuid
from zoomkit.testing import FakeClock, FakeZoom

pytestmark = pytest.mark.anyio

START = datetime(2026, 2, 20, 15, 0, tzinfo=UTC)


async def test_instances_list_every_ended_instance_by_uuid(fake: FakeZoom) -> None:
    first = fake.add_past_meeting(fake.owner["id"], topic="Weekly", start_time=START)
    second = fake.add_past_meeting(
        fake.owner["id"],
        topic="Weekly",
        start_time=datetime(2026, 2, 27, 15, 0, tzinfo=UTC),
        meeting_id=first["id"],
    )
    async with fake.client() as zoom:
        instances = await zoom.past_meetings.instances(first["id"])
    assert [(i.uuid, i.start_time) for i in instances.meetings] == [
        (first["uuid"], START),
        (second["uuid"], datetime(2026, 2, 27, 15, 0, tzinfo=UTC)),
    ]
    assert all(isinstance(i.uuid, MeetingUUID) for i in instances.meetings)


async def test_a_meeting_id_names_the_latest_instance(fake: FakeZoom) -> None:
    first = fake.add_past_meeting(fake.owner["id"], topic="Weekly", start_time=START)
    later = datetime(2026, 2, 27, 15, 0, tzinfo=UTC)
    fake.add_past_meeting(
        fake.owner["id"], topic="Weekly", start_time=later, meeting_id=first["id"]
    )
    async with fake.client() as zoom:
        latest = await zoom.past_meetings.get(first["id"])
        earlier = await zoom.past_meetings.get(first["uuid"])
    assert latest.start_time == later
    assert earlier.start_time == START
    assert earlier.type == MeetingType.SCHEDULED


async def test_a_uuid_with_slashes_is_double_encoded(fake: FakeZoom) -> None:
    odd = "/ajXp112QmuoKj4854875=="
    fake.add_past_meeting(fake.owner["id"], topic="Odd", uuid=odd, participants=2)
    async with fake.client() as zoom:
        details = await zoom.past_meetings.get(odd)
        people = [p async for p in zoom.past_meetings.participants(odd)]
    assert details.uuid == odd
    assert len(people) == 2
    twice = quote(quote(odd, safe=""), safe="")
    assert fake.requests[-1].path == f"/v2/past_meetings/{twice}/participants"


async def test_participants_walk_every_page(fake: FakeZoom) -> None:
    past = fake.add_past_meeting(fake.owner["id"], topic="Town hall", participants=65)
    async with fake.client() as zoom:
        pages = [
            len(page)
            async for page in zoom.past_meetings.participants(past["uuid"], page_size=30).pages()
        ]
        everyone = [p async for p in zoom.past_meetings.participants(past["uuid"])]
    assert pages == [30, 30, 5]
    assert len({p.id for p in everyone}) == 65
    assert all(isinstance(p, PastMeetingParticipant) and p.user_email for p in everyone)


async def test_poll_answers_and_questions_of_a_live_meeting_become_the_instances(
    fake: FakeZoom,
) -> None:
    meeting = fake.add_meeting(
        fake.owner["id"], topic="Demo day", settings={"question_and_answer": {"enable": True}}
    )
    async with fake.client() as zoom:
        poll = await zoom.meetings.polls.create(
            meeting["id"],
            title="Vote",
            questions=[
                {"name": "Best demo?", "type": "single", "answers": ["A", "B"]},
                {"name": "Which topics?", "type": "multiple", "answers": ["x", "y", "z"]},
            ],
        )
        fake.start_meeting(meeting["id"])
        ada = fake.add_participant(meeting["id"], name="Ada", email="ada@example.com")
        bob = fake.add_participant(meeting["id"], name="Bob", email="bob@example.com")
        fake.answer_poll(
            meeting["id"],
            ada["user_id"],
            poll.id or "",
            {"Best demo?": "B", "Which topics?": ["x", "z"]},
        )
        fake.ask_question(meeting["id"], bob["user_id"], "Is it open source?", answer="Yes")
        fake.ask_question(meeting["id"], bob["user_id"], "Where are the slides?")
        fake.end_meeting(meeting["id"])
        polls = await zoom.past_meetings.polls(meeting["uuid"])
        qa = await zoom.past_meetings.qa(meeting["id"])
    assert polls.uuid == meeting["uuid"]
    assert [(v.name, v.email) for v in polls.questions] == [("Ada", "ada@example.com")]
    answers = polls.questions[0].question_details or []
    assert [(a.question, a.answer, a.polling_id) for a in answers] == [
        ("Best demo?", "B", poll.id),
        ("Which topics?", "x;z", poll.id),
    ]
    assert [q.name for q in qa.questions] == ["Bob"]
    asked = qa.questions[0].question_details or []
    assert [(q.question, q.answer) for q in asked] == [
        ("Is it open source?", "Yes"),
        ("Where are the slides?", ""),
    ]


async def test_answers_stay_with_their_instance(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(
        fake.owner["id"], topic="Recurring", settings={"question_and_answer": {"enable": True}}
    )
    fake.start_meeting(meeting["id"])
    guest = fake.add_participant(meeting["id"], name="Guest")
    fake.ask_question(meeting["id"], guest["user_id"], "First time?")
    fake.end_meeting(meeting["id"])
    fake.start_meeting(meeting["id"])  # the next instance, under a new UUID
    fake.end_meeting(meeting["id"])
    async with fake.client() as zoom:
        instances = await zoom.past_meetings.instances(meeting["id"])
        first, second = [await zoom.past_meetings.qa(i.uuid or "") for i in instances.meetings]
    assert [q.name for q in first.questions] == ["Guest"]
    assert second.questions == []


async def test_poll_results_older_than_a_year_are_refused(fake: FakeZoom, clock: FakeClock) -> None:
    past = fake.add_past_meeting(fake.owner["id"], topic="Ancient", start_time=START)
    clock.advance(400 * 86_400)
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as caught:
            await zoom.past_meetings.polls(past["uuid"])
    assert caught.value.code == 12702


async def test_an_unknown_past_meeting_is_meeting_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(MeetingNotFound):
            await zoom.past_meetings.get("aDYlohsHRtCd4ii1uC2+hA==")
        with pytest.raises(MeetingNotFound):
            await zoom.past_meetings.instances(12345678901)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (85746065432, 85746065432),
        ("85746065432", 85746065432),
        ("aDYlohsHRtCd4ii1uC2+hA==", MeetingUUID("aDYlohsHRtCd4ii1uC2+hA==")),
        ("/ajXp112QmuoKj4854875==", MeetingUUID("/ajXp112QmuoKj4854875==")),
        (MeetingUUID("abc//def=="), MeetingUUID("abc//def==")),
    ],
)
def test_an_id_or_uuid_becomes_an_int_or_a_meeting_uuid(
    given: int | str, expected: int | MeetingUUID
) -> None:
    value = meeting_id_or_uuid(given)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("given", ["", " abc== ", 0, 2**63, True])
def test_a_bad_id_or_uuid_is_refused_before_sending(given: int | str) -> None:
    with pytest.raises(RequestValidationError) as caught:
        meeting_id_or_uuid(given)
    assert caught.value.field == "meeting_id"
