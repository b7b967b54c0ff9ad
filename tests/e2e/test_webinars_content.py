"""Panelists, polls and the survey of a webinar, end to end."""

from __future__ import annotations

from typing import Any

import pytest

from zoomkit.errors import BadRequestError, NotFoundError, RequestValidationError
from zoomkit.models import PollQuestionType, PollStatus, PollType, WebinarPoll
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio

QUESTIONS: list[dict[str, Any]] = [
    {"name": "Which feature first?", "type": "single", "answers": ["Polls", "Q&A"]},
    {"name": "Anything else?", "type": "long_answer", "answer_max_character": 200},
]


@pytest.fixture
def webinar_id(fake: FakeZoom) -> int:
    webinar = fake.add_webinar(fake.owner["id"], topic="Content")
    return int(webinar["id"])


# -- panelists -------------------------------------------------------------------------------


async def test_panelists_are_added_listed_and_removed(fake: FakeZoom, webinar_id: int) -> None:
    async with fake.client() as zoom:
        added = await zoom.webinars.panelists.create(
            webinar_id,
            panelists=[
                {"name": "Ada Lovelace", "email": "ada@example.com", "name_tag_pronouns": "she"},
                {"name": "Grace Hopper", "email": "grace@example.com"},
            ],
        )
        listed = await zoom.webinars.panelists.list(webinar_id)
        ada = next(p for p in listed.panelists if p.email == "ada@example.com")
        await zoom.webinars.panelists.delete(webinar_id, ada.id or "")
        after_one = await zoom.webinars.panelists.list(webinar_id)
        await zoom.webinars.panelists.delete_all(webinar_id)
        after_all = await zoom.webinars.panelists.list(webinar_id)
    assert added.id == str(webinar_id)
    assert added.updated_at is not None
    assert listed.total_records == 2
    assert ada.name_tag_pronouns == "she"
    assert (ada.join_url or "").startswith("https://")
    assert [p.email for p in after_one.panelists] == ["grace@example.com"]
    assert (after_all.total_records, after_all.panelists) == (0, [])


async def test_adding_a_panelist_twice_updates_the_first(fake: FakeZoom, webinar_id: int) -> None:
    async with fake.client() as zoom:
        await zoom.webinars.panelists.create(
            webinar_id, panelists=[{"name": "Ada", "email": "ada@example.com"}]
        )
        await zoom.webinars.panelists.create(
            webinar_id, panelists=[{"name": "Ada Lovelace", "email": "ADA@example.com"}]
        )
    assert [p["name"] for p in fake.webinar_panelists(webinar_id)] == ["Ada Lovelace"]


async def test_panelists_are_checked_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as no_email:
            await zoom.webinars.panelists.create(123456789012, panelists=[{"name": "Ada"}])
        with pytest.raises(RequestValidationError) as too_many:
            await zoom.webinars.panelists.create(
                123456789012,
                panelists=[{"name": f"P{n}", "email": f"p{n}@example.com"} for n in range(31)],
            )
    assert no_email.value.field == "panelists[0].email"
    assert too_many.value.field == "panelists"
    assert fake.requests == []


async def test_removing_an_unknown_panelist_is_not_found(fake: FakeZoom, webinar_id: int) -> None:
    async with fake.client() as zoom:
        with pytest.raises(NotFoundError):
            await zoom.webinars.panelists.delete(webinar_id, "nobody")


# -- polls ------------------------------------------------------------------------------------


async def test_a_poll_is_created_read_replaced_listed_and_deleted(
    fake: FakeZoom, webinar_id: int
) -> None:
    async with fake.client() as zoom:
        created = await zoom.webinars.polls.create(
            webinar_id, title="Roadmap", questions=QUESTIONS, poll_type=PollType.ADVANCED_POLL
        )
        fetched = await zoom.webinars.polls.get(webinar_id, created.id or "")
        await zoom.webinars.polls.update(
            webinar_id,
            created.id or "",
            title="Roadmap (v2)",
            questions=QUESTIONS[:1],
            anonymous=True,
        )
        anonymous_only = await zoom.webinars.polls.list(webinar_id, anonymous=True)
        await zoom.webinars.polls.delete(webinar_id, created.id or "")
        after = await zoom.webinars.polls.list(webinar_id)
    assert isinstance(created, WebinarPoll)
    assert created.status == PollStatus.NOT_STARTED
    assert created.poll_type == PollType.ADVANCED_POLL
    assert fetched.questions is not None
    assert [q.type for q in fetched.questions] == [
        PollQuestionType.SINGLE,
        PollQuestionType.LONG_ANSWER,
    ]
    assert [(p.title, p.anonymous) for p in anonymous_only.polls] == [("Roadmap (v2)", True)]
    assert (after.total_records, after.polls) == (0, [])


async def test_a_choice_question_needs_two_answers_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as refused:
            await zoom.webinars.polls.create(
                123456789012,
                title="Too few",
                questions=[{"name": "Yes?", "type": "single", "answers": ["Yes"]}],
            )
    assert refused.value.field == "questions[0].answers"
    assert fake.requests == []


async def test_fakezoom_refuses_a_choice_question_with_one_answer_as_zoom_does(
    fake: FakeZoom, webinar_id: int
) -> None:
    one_answer = {"name": "Yes?", "type": "single", "answers": ["Yes"]}
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as refused:  # raw: past the client's own check
            await zoom.request(
                "POST",
                f"/webinars/{webinar_id}/polls",
                json={"title": "Too few", "questions": [one_answer]},
            )
    assert refused.value.code == 300
    assert [e["field"] for e in refused.value.errors] == ["questions[0].answers"]


async def test_an_unknown_poll_is_not_found(fake: FakeZoom, webinar_id: int) -> None:
    async with fake.client() as zoom:
        with pytest.raises(NotFoundError):
            await zoom.webinars.polls.get(webinar_id, "no-such-poll")


# -- survey ------------------------------------------------------------------------------------


async def test_the_survey_is_set_merged_read_and_deleted(fake: FakeZoom, webinar_id: int) -> None:
    async with fake.client() as zoom:
        default = await zoom.webinars.survey.get(webinar_id)
        await zoom.webinars.survey.update(
            webinar_id,
            custom_survey={
                "title": "How was it?",
                "anonymous": True,
                "questions": [
                    {
                        "name": "Rate us",
                        "type": "rating_scale",
                        "rating_min_value": 1,
                        "rating_max_value": 5,
                    }
                ],
            },
        )
        await zoom.webinars.survey.update(webinar_id, show_in_the_follow_up_email=True)
        survey = await zoom.webinars.survey.get(webinar_id)
        await zoom.webinars.survey.delete(webinar_id)
        after = await zoom.webinars.survey.get(webinar_id)
    assert default.custom_survey is None
    assert survey.custom_survey is not None
    assert survey.custom_survey.title == "How was it?"
    assert survey.custom_survey.questions is not None
    assert survey.custom_survey.questions[0].rating_max_value == 5
    assert survey.show_in_the_follow_up_email is True
    assert after.custom_survey is None


async def test_a_survey_rating_above_ten_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as refused:
            await zoom.webinars.survey.update(
                123456789012,
                custom_survey={
                    "questions": [{"name": "Rate", "type": "rating_scale", "rating_max_value": 11}]
                },
            )
    assert refused.value.field == "custom_survey.questions[0].rating_max_value"
    assert fake.requests == []
