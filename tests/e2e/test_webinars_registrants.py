"""Webinar registrants end to end: register, list by status, approve, batches of 30, questions."""

from __future__ import annotations

from typing import Any

import pytest

from zoomkit import ZoomClient
from zoomkit.errors import BadRequestError, PartialBatchError, RequestValidationError
from zoomkit.models import RegistrantStatus, WebinarBatchRegistrant, WebinarBatchRegistrantParams
from zoomkit.resources._batches import batches, in_given_order
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio


async def registration_webinar(zoom: ZoomClient, *, approval_type: int = 0, **fields: Any) -> int:
    webinar = await zoom.webinars.create(
        topic="Launch", settings={"approval_type": approval_type, **fields}
    )
    assert webinar.id is not None
    return webinar.id


def people(count: int, start: int = 0) -> list[dict[str, Any]]:
    return [
        {"email": f"person{n}@example.com", "first_name": f"Person{n}", "last_name": "Doe"}
        for n in range(start, start + count)
    ]


async def test_a_registrant_gets_a_personal_join_url_and_is_listed(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        webinar_id = await registration_webinar(zoom)
        created = await zoom.webinars.registrants.create(
            webinar_id,
            email="ada@example.com",
            first_name="Ada",
            last_name="Lovelace",
            org="Analytical Engines",
            no_of_employees="1-20",
            custom_questions=[{"title": "Team", "value": "Compilers"}],
        )
        listed = [r async for r in zoom.webinars.registrants.list(webinar_id)]
        fetched = await zoom.webinars.registrants.get(webinar_id, created.registrant_id or "")
    assert created.id == str(webinar_id)
    assert (created.join_url or "").startswith("https://")
    assert [(r.email, r.status) for r in listed] == [("ada@example.com", "approved")]
    assert fetched.join_url == created.join_url
    assert fetched.org == "Analytical Engines"
    assert fetched.custom_questions is not None
    assert fetched.custom_questions[0].value == "Compilers"


async def test_manual_approval_keeps_registrants_pending_until_approved(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        webinar_id = await registration_webinar(zoom, approval_type=1)
        ada = await zoom.webinars.registrants.create(
            webinar_id, email="ada@example.com", first_name="Ada"
        )
        await zoom.webinars.registrants.create(
            webinar_id, email="grace@example.com", first_name="Grace"
        )
        pending = [
            r.email async for r in zoom.webinars.registrants.list(webinar_id, status="pending")
        ]
        await zoom.webinars.registrants.update_status(
            webinar_id, action="approve", registrants=["ada@example.com"]
        )
        await zoom.webinars.registrants.update_status(
            webinar_id, action="deny", registrants=[{"email": "grace@example.com"}]
        )
        approved = [r.email async for r in zoom.webinars.registrants.list(webinar_id)]
        await zoom.webinars.registrants.update_status(
            webinar_id, action="cancel", registrants=[ada.registrant_id or ""]
        )
        denied = [
            r.email
            async for r in zoom.webinars.registrants.list(
                webinar_id, status=RegistrantStatus.DENIED
            )
        ]
    assert pending == ["ada@example.com", "grace@example.com"]
    assert approved == ["ada@example.com"]
    assert denied == ["ada@example.com", "grace@example.com"]


async def test_a_registrant_is_deleted(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        webinar_id = await registration_webinar(zoom)
        created = await zoom.webinars.registrants.create(
            webinar_id, email="ada@example.com", first_name="Ada"
        )
        await zoom.webinars.registrants.delete(webinar_id, created.registrant_id or "")
        with pytest.raises(BadRequestError) as gone:
            await zoom.webinars.registrants.get(webinar_id, created.registrant_id or "")
    assert gone.value.code == 3079
    assert fake.webinar_registrants(webinar_id) == []


async def test_registration_must_be_on(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        webinar_id = await registration_webinar(zoom, approval_type=2)
        with pytest.raises(BadRequestError) as refused:
            await zoom.webinars.registrants.create(
                webinar_id, email="ada@example.com", first_name="Ada"
            )
    assert refused.value.code == 3000


async def test_registrants_restrict_number_caps_approvals(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        webinar_id = await registration_webinar(zoom, registrants_restrict_number=2)
        await zoom.webinars.registrants.add_many(webinar_id, registrants=people(2))
        with pytest.raises(BadRequestError) as full:
            await zoom.webinars.registrants.create(
                webinar_id, email="late@example.com", first_name="Late"
            )
    assert full.value.code == 3000
    assert len(fake.webinar_registrants(webinar_id)) == 2


async def test_registrant_fields_are_checked_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as bad_email:
            await zoom.webinars.registrants.create(123456789012, email="nope", first_name="A")
        with pytest.raises(RequestValidationError) as too_many:
            await zoom.webinars.registrants.update_status(
                123456789012, action="approve", registrants=[f"id{n}" for n in range(31)]
            )
        with pytest.raises(RequestValidationError) as bad_action:
            await zoom.webinars.registrants.update_status(
                123456789012, action="maybe", registrants=["x"]
            )
    assert bad_email.value.field == "email"
    assert too_many.value.field == "registrants"
    assert bad_action.value.field == "action"
    assert fake.requests == []


# -- registration questions ------------------------------------------------------------------


async def test_registration_questions_are_replaced_and_read_back(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        webinar_id = await registration_webinar(zoom)
        before = await zoom.webinars.registrants.get_questions(webinar_id)
        await zoom.webinars.registrants.update_questions(
            webinar_id,
            questions=[{"field_name": "org", "required": True}],
            custom_questions=[
                {"title": "Role", "type": "single_dropdown", "answers": ["Dev", "Ops"]}
            ],
        )
        after = await zoom.webinars.registrants.get_questions(webinar_id)
        with pytest.raises(RequestValidationError) as no_answers:
            await zoom.webinars.registrants.update_questions(
                webinar_id, custom_questions=[{"title": "Pick", "type": "multiple"}]
            )
    assert [q.field_name for q in before.questions or []] == ["last_name"]
    assert [(q.field_name, q.required) for q in after.questions or []] == [("org", True)]
    assert [(q.title, q.answers) for q in after.custom_questions or []] == [
        ("Role", ["Dev", "Ops"])
    ]
    assert no_answers.value.field == "custom_questions[0]"


# -- batches --------------------------------------------------------------------------------


async def test_add_many_registers_65_people_in_batches_of_30_approved_in_order(
    fake: FakeZoom,
) -> None:
    async with fake.client() as zoom:
        webinar_id = await registration_webinar(zoom, approval_type=1)
        created = await zoom.webinars.registrants.add_many(webinar_id, registrants=people(65))
    assert [r.email for r in created] == [p["email"] for p in people(65)]
    assert all(isinstance(r, WebinarBatchRegistrant) and r.join_url for r in created)
    sizes = [
        len(request.json["registrants"])  # type: ignore[index]
        for request in fake.requests
        if request.operation == "addBatchWebinarRegistrants"
    ]
    assert sizes == [30, 30, 5]
    stored = fake.webinar_registrants(webinar_id)
    assert {r["status"] for r in stored} == {"approved"}
    assert len(stored) == 65


async def test_create_batch_without_auto_approve_leaves_manual_registrants_pending(
    fake: FakeZoom,
) -> None:
    async with fake.client() as zoom:
        webinar_id = await registration_webinar(zoom, approval_type=1)
        answer = await zoom.webinars.registrants.create_batch(webinar_id, registrants=people(3))
    assert len(answer.registrants) == 3
    assert {r["status"] for r in fake.webinar_registrants(webinar_id)} == {"pending"}


async def test_a_failed_batch_reports_what_was_registered_and_what_was_not(
    fake: FakeZoom,
) -> None:
    async with fake.client(max_retries=0) as zoom:
        webinar_id = await registration_webinar(zoom)
        fake.inject_fault("addBatchWebinarRegistrants", status=500)
        with pytest.raises(PartialBatchError) as partial:
            await zoom.webinars.registrants.add_many(webinar_id, registrants=people(40))
        retried = await zoom.webinars.registrants.add_many(
            webinar_id, registrants=partial.value.failed
        )
    assert partial.value.done == []
    assert len(partial.value.failed) == 30
    assert len(partial.value.unsent) == 10
    assert len(retried) == 30
    assert len(fake.webinar_registrants(webinar_id)) == 30


async def test_batch_registration_is_for_scheduled_webinars_only(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        recurring = await zoom.webinars.create(
            topic="Series", type=6, settings={"approval_type": 0}
        )
        with pytest.raises(BadRequestError) as refused:
            await zoom.webinars.registrants.create_batch(recurring.id, registrants=people(1))
    assert refused.value.code == 300


async def test_a_batch_over_30_or_with_a_bad_entry_is_refused_before_sending(
    fake: FakeZoom,
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as too_many:
            await zoom.webinars.registrants.create_batch(123456789012, registrants=people(31))
        with pytest.raises(RequestValidationError) as bad_entry:
            await zoom.webinars.registrants.add_many(
                123456789012, registrants=[*people(40), {"email": "x@example.com"}]
            )
    assert too_many.value.field == "registrants"
    assert bad_entry.value.field == "registrants[40].first_name"
    assert fake.requests == []


def test_chunks_keep_order_and_size() -> None:
    assert batches(list(range(65))) == [list(range(30)), list(range(30, 60)), list(range(60, 65))]
    assert batches([]) == []


def test_batch_answers_come_back_in_the_order_sent() -> None:
    sent = [
        WebinarBatchRegistrantParams(email=f"p{n}@example.com", first_name=f"P{n}")
        for n in range(3)
    ]
    answer = [WebinarBatchRegistrant(email=f"P{n}@example.com") for n in (2, 0, 1)]
    assert [r.email for r in in_given_order(sent, answer)] == [
        "P0@example.com",
        "P1@example.com",
        "P2@example.com",
    ]
