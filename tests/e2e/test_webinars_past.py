"""Past webinars end to end: a webinar runs, ends, and its attendance, absentees, polls and Q&A
are read back by instance UUID (double-encoded where Zoom says) or by webinar id."""

from __future__ import annotations

import pytest

from zoomkit import ZoomClient
from zoomkit.errors import MeetingNotFound, RequestValidationError
from zoomkit.models import WebinarParticipant, WebinarRegistrant
from zoomkit.testing import FakeClock, FakeZoom
from zoomkit.types import MeetingUUID

pytestmark = pytest.mark.anyio

AWKWARD_UUID = "/ajXp112QmuoKj48//54875=="


async def run_webinar(fake: FakeZoom, clock: FakeClock, zoom: ZoomClient, uuid: str) -> int:
    """A webinar with three approved registrants and a poll; two attend, one answers, one asks."""
    webinar = fake.add_webinar(
        fake.owner["id"], topic="Quarterly update", settings={"approval_type": 0}, uuid=uuid
    )
    webinar_id = int(webinar["id"])
    await zoom.webinars.registrants.add_many(
        webinar_id,
        registrants=[
            {"email": "ada@example.com", "first_name": "Ada"},
            {"email": "grace@example.com", "first_name": "Grace"},
            {"email": "alan@example.com", "first_name": "Alan"},
        ],
    )
    poll = await zoom.webinars.polls.create(
        webinar_id,
        title="Pulse",
        questions=[{"name": "Useful?", "type": "single", "answers": ["Yes", "No"]}],
    )
    fake.start_webinar(webinar_id)
    ada = fake.add_webinar_participant(webinar_id, name="Ada", email="ada@example.com")
    clock.advance(600)
    fake.add_webinar_participant(webinar_id, name="Grace", email="grace@example.com")
    fake.answer_webinar_poll(
        webinar_id,
        poll_id=poll.id or "",
        name="Ada",
        email="ada@example.com",
        answers={"Useful?": "Yes"},
    )
    fake.ask_webinar_question(
        webinar_id, name="Grace", email="grace@example.com", question="Slides?", answer="Yes"
    )
    clock.advance(1200)
    fake.remove_webinar_participant(webinar_id, ada["user_id"])
    clock.advance(600)
    return webinar_id


async def test_ending_a_webinar_records_an_instance_with_participants(
    fake: FakeZoom, clock: FakeClock
) -> None:
    async with fake.client() as zoom:
        webinar_id = await run_webinar(fake, clock, zoom, "plainUuid123==")
        await zoom.webinars.update_status(webinar_id)
        instances = await zoom.past_webinars.instances(webinar_id)
        participants = [p async for p in zoom.past_webinars.participants("plainUuid123==")]
        by_id = [p async for p in zoom.past_webinars.participants(webinar_id, page_size=1)]
    assert [i.uuid for i in instances.webinars] == ["plainUuid123=="]
    assert all(isinstance(p, WebinarParticipant) for p in participants)
    assert [(p.name, p.duration) for p in participants] == [("Ada", 1800), ("Grace", 1800)]
    assert all(p.registrant_id for p in participants)
    assert [p.name for p in by_id] == ["Ada", "Grace"]
    assert fake.get_webinar(webinar_id)["uuid"] != "plainUuid123=="  # type: ignore[index]


async def test_absentees_are_the_approved_registrants_who_never_joined(
    fake: FakeZoom, clock: FakeClock
) -> None:
    async with fake.client() as zoom:
        webinar_id = await run_webinar(fake, clock, zoom, AWKWARD_UUID)
        fake.end_webinar(webinar_id)
        from_str = [r async for r in zoom.past_webinars.absentees(AWKWARD_UUID)]
        from_uuid = [r async for r in zoom.past_webinars.absentees(MeetingUUID(AWKWARD_UUID))]
    assert all(isinstance(r, WebinarRegistrant) for r in from_str)
    assert [r.email for r in from_str] == ["alan@example.com"]
    assert [r.email for r in from_uuid] == ["alan@example.com"]
    encoded = "%252FajXp112QmuoKj48%252F%252F54875%253D%253D"
    absentee_paths = [r.path for r in fake.requests if r.operation == "webinarAbsentees"]
    assert absentee_paths == [f"/v2/past_webinars/{encoded}/absentees"] * 2


async def test_poll_answers_and_qa_of_an_instance_are_read_back(
    fake: FakeZoom, clock: FakeClock
) -> None:
    async with fake.client() as zoom:
        webinar_id = await run_webinar(fake, clock, zoom, AWKWARD_UUID)
        fake.end_webinar(webinar_id)
        polls = await zoom.past_webinars.polls(AWKWARD_UUID)
        qa = await zoom.past_webinars.qa(webinar_id)
    assert polls.id == webinar_id
    assert polls.uuid == AWKWARD_UUID
    answers = [
        (voter.email, [(d.question, d.answer) for d in voter.question_details or []])
        for voter in polls.questions
    ]
    asked = [
        (asker.name, [(d.question, d.answer) for d in asker.question_details or []])
        for asker in qa.questions
    ]
    assert answers == [("ada@example.com", [("Useful?", "Yes")])]
    assert asked == [("Grace", [("Slides?", "Yes")])]


async def test_a_webinar_that_never_ended_has_no_instances(fake: FakeZoom) -> None:
    webinar = fake.add_webinar(fake.owner["id"], topic="Not yet")
    async with fake.client() as zoom:
        instances = await zoom.past_webinars.instances(webinar["id"])
        with pytest.raises(MeetingNotFound):
            await zoom.past_webinars.qa(webinar["id"])
    assert instances.webinars == []


async def test_a_single_encoded_awkward_uuid_is_not_found(fake: FakeZoom, clock: FakeClock) -> None:
    async with fake.client() as zoom:
        webinar_id = await run_webinar(fake, clock, zoom, AWKWARD_UUID)
        fake.end_webinar(webinar_id)
        with pytest.raises(MeetingNotFound):
            await zoom.request("GET", "/past_webinars/%2FajXp112QmuoKj48%2F%2F54875%3D%3D/qa")
        found = await zoom.past_webinars.qa(AWKWARD_UUID)
    assert found.uuid == AWKWARD_UUID


async def test_an_empty_uuid_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as refused:
            await zoom.past_webinars.qa("")
    assert refused.value.field == "webinar_id"
    assert fake.requests == []


# -- the test controls refuse what cannot happen ----------------------------------------------


def test_a_webinar_cannot_be_started_twice_or_joined_before_it_starts(fake: FakeZoom) -> None:
    webinar = fake.add_webinar(fake.owner["id"], topic="Controls")
    with pytest.raises(ValueError, match="not started"):
        fake.add_webinar_participant(webinar["id"], name="Early")
    fake.start_webinar(webinar["id"])
    with pytest.raises(ValueError, match="already started"):
        fake.start_webinar(webinar["id"])


def test_an_answer_must_name_a_poll_and_question_of_the_webinar(fake: FakeZoom) -> None:
    webinar = fake.add_webinar(fake.owner["id"], topic="Controls")
    fake.start_webinar(webinar["id"])
    with pytest.raises(ValueError, match="no poll"):
        fake.answer_webinar_poll(
            webinar["id"], poll_id="nope", name="A", email="a@example.com", answers={"Q": "A"}
        )


def test_ending_returns_the_instance_and_frees_the_webinar_for_a_new_one(fake: FakeZoom) -> None:
    webinar = fake.add_webinar(fake.owner["id"], topic="Twice", uuid="firstUuid==")
    fake.start_webinar(webinar["id"])
    first = fake.end_webinar(webinar["id"])
    fake.start_webinar(webinar["id"])
    second = fake.end_webinar(webinar["id"])
    assert first["uuid"] == "firstUuid=="
    assert second["uuid"] not in ("firstUuid==", "")
    assert first["participants_count"] == 0
