"""Meeting polls end to end: create, read, replace, delete, batches, checks before sending."""

from __future__ import annotations

from typing import Any

import pytest

from zoomkit.errors import MeetingNotFound, NotFoundError, RequestValidationError
from zoomkit.models import PollQuestionType, PollStatus, PollType
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio

COLOUR = {"name": "Favourite colour?", "type": "single", "answers": ["Red", "Blue"]}
RATING = {
    "name": "How useful was this?",
    "type": "rating_scale",
    "rating_min_value": 1,
    "rating_max_value": 5,
    "rating_min_label": "Not at all",
    "rating_max_label": "Very",
}


async def test_a_poll_is_created_read_and_listed(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="All hands")
    async with fake.client() as zoom:
        created = await zoom.meetings.polls.create(
            meeting["id"], title="Pulse", questions=[COLOUR, RATING], poll_type=PollType.POLL
        )
        fetched = await zoom.meetings.polls.get(meeting["id"], created.id or "")
        listed = await zoom.meetings.polls.list(meeting["id"])
    assert created.id
    assert created.status == PollStatus.NOT_STARTED
    assert fetched.questions is not None
    assert [q.type for q in fetched.questions] == [
        PollQuestionType.SINGLE,
        PollQuestionType.RATING_SCALE,
    ]
    assert fetched.questions[1].rating_max_value == 5
    assert listed.total_records == 1
    assert [p.title for p in listed.polls] == ["Pulse"]


async def test_update_replaces_the_whole_poll(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="All hands")
    async with fake.client() as zoom:
        created = await zoom.meetings.polls.create(
            meeting["id"], title="Pulse", questions=[COLOUR, RATING]
        )
        await zoom.meetings.polls.update(
            meeting["id"], created.id or "", title="Quiz", questions=[COLOUR], poll_type=3
        )
        fetched = await zoom.meetings.polls.get(meeting["id"], created.id or "")
    assert (fetched.title, fetched.poll_type) == ("Quiz", PollType.QUIZ)
    assert fetched.questions is not None
    assert [q.name for q in fetched.questions] == ["Favourite colour?"]


async def test_a_deleted_poll_is_zooms_404(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="All hands")
    async with fake.client() as zoom:
        created = await zoom.meetings.polls.create(meeting["id"], title="Once", questions=[COLOUR])
        await zoom.meetings.polls.delete(meeting["id"], created.id or "")
        with pytest.raises(NotFoundError) as caught:
            await zoom.meetings.polls.get(meeting["id"], created.id or "")
        remaining = await zoom.meetings.polls.list(meeting["id"])
    assert caught.value.code == 404
    assert remaining.polls == []


async def test_the_list_filters_anonymous_polls(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="All hands")
    async with fake.client() as zoom:
        await zoom.meetings.polls.create(meeting["id"], title="Named", questions=[COLOUR])
        await zoom.meetings.polls.create(
            meeting["id"], title="Secret", questions=[COLOUR], anonymous=True
        )
        anonymous = await zoom.meetings.polls.list(meeting["id"], anonymous=True)
    assert [p.title for p in anonymous.polls] == ["Secret"]


async def test_create_batch_adds_several_polls_in_one_call(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Workshop")
    polls: list[dict[str, Any]] = [
        {"title": "Warm-up", "questions": [COLOUR]},
        {"title": "Wrap-up", "questions": [RATING], "anonymous": True},
    ]
    async with fake.client() as zoom:
        created = await zoom.meetings.polls.create_batch(meeting["id"], polls=polls)
        listed = await zoom.meetings.polls.list(meeting["id"])
    assert [p.title for p in created.polls] == ["Warm-up", "Wrap-up"]
    assert all(p.id for p in created.polls)
    assert {p.id for p in listed.polls} == {p.id for p in created.polls}
    assert fake.counters.calls["createBatchPolls"] == 1


@pytest.mark.parametrize(
    ("title", "questions", "field"),
    [
        ("x" * 65, [COLOUR], "title"),
        ("Pulse", [], "questions"),
        ("Pulse", [{"name": "Pick", "type": "single"}], "questions[0]"),
        ("Pulse", [{"name": "Pick", "type": "essay"}], "questions[0].type"),
    ],
)
async def test_a_bad_poll_is_refused_before_sending(
    fake: FakeZoom, title: str, questions: list[dict[str, Any]], field: str
) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="All hands")
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.polls.create(meeting["id"], title=title, questions=questions)
    assert caught.value.field == field
    assert fake.counters.calls["meetingPollCreate"] == 0


async def test_a_bad_poll_in_a_batch_names_its_place(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="All hands")
    polls = [{"title": "Fine", "questions": [COLOUR]}, {"title": "", "questions": [COLOUR]}]
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.polls.create_batch(meeting["id"], polls=polls)
    assert caught.value.field == "polls[1].title"
    assert fake.counters.calls["createBatchPolls"] == 0


async def test_polls_of_an_unknown_meeting_are_meeting_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(MeetingNotFound):
            await zoom.meetings.polls.list(12345678901)
