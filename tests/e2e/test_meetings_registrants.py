"""Meeting registrants end to end: register, list by status, approve, batches of 30, questions."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from zoomkit import RateLimits, ZoomClient
from zoomkit.auth import ServerToServerOAuth
from zoomkit.errors import (
    BadRequestError,
    DailyLimitExceeded,
    InternalServerError,
    MeetingNotFound,
    PartialBatchError,
    RequestValidationError,
)
from zoomkit.models import (
    CreatedBatchRegistrant,
    MeetingRegistrant,
    RegistrantStatus,
)
from zoomkit.models.meeting_registrants import BatchRegistrantParams
from zoomkit.resources._batches import batches, in_given_order
from zoomkit.testing import FakeClock, FakeZoom

pytestmark = pytest.mark.anyio


async def registration_meeting(zoom: ZoomClient, *, approval_type: int = 0, type: int = 2) -> int:
    meeting = await zoom.meetings.create(
        topic="Onboarding", type=type, settings={"approval_type": approval_type}
    )
    return meeting.id


def people(count: int, start: int = 0) -> list[dict[str, Any]]:
    return [
        {"email": f"person{n}@example.com", "first_name": f"Person{n}", "last_name": "Doe"}
        for n in range(start, start + count)
    ]


# -- one registrant ---------------------------------------------------------------------------


async def test_a_registrant_gets_a_personal_join_url_and_is_listed(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom)
        created = await zoom.meetings.registrants.create(
            meeting_id,
            first_name="Ada",
            last_name="Lovelace",
            email="ada@example.com",
            org="Analytical Engines",
            custom_questions=[{"title": "Team", "value": "Compilers"}],
        )
        listed = [r async for r in zoom.meetings.registrants.list(meeting_id)]
        fetched = await zoom.meetings.registrants.get(meeting_id, created.registrant_id or "")
    assert created.id == meeting_id
    assert (created.join_url or "").startswith("https://")
    assert [(r.email, r.status) for r in listed] == [("ada@example.com", "approved")]
    assert fetched.join_url == created.join_url
    assert fetched.org == "Analytical Engines"
    assert fetched.custom_questions is not None
    assert fetched.custom_questions[0].value == "Compilers"


async def test_registering_the_same_email_twice_gives_back_the_first_registration(
    fake: FakeZoom,
) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom)
        first = await zoom.meetings.registrants.create(
            meeting_id, first_name="Ada", email="ada@example.com"
        )
        again = await zoom.meetings.registrants.create(
            meeting_id, first_name="Ada", email="ADA@example.com"
        )
    assert again.registrant_id == first.registrant_id
    assert len(fake.get_registrants(meeting_id)) == 1


async def test_manual_approval_keeps_a_registrant_pending_until_approved(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom, approval_type=1)
        created = await zoom.meetings.registrants.create(
            meeting_id, first_name="Bo", email="bo@example.com"
        )
        pending = [
            r.email async for r in zoom.meetings.registrants.list(meeting_id, status="pending")
        ]
        await zoom.meetings.registrants.update_status(
            meeting_id, action="approve", registrants=[created.registrant_id or ""]
        )
        approved = await zoom.meetings.registrants.get(meeting_id, created.registrant_id or "")
    assert pending == ["bo@example.com"]
    assert approved.status == RegistrantStatus.APPROVED


async def test_auto_approve_skips_manual_approval(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom, approval_type=1)
        await zoom.meetings.registrants.create(
            meeting_id, first_name="Cy", email="cy@example.com", auto_approve=True
        )
    assert [r["status"] for r in fake.get_registrants(meeting_id)] == ["approved"]


async def test_cancel_by_email_moves_an_approved_registrant_out_of_the_approved_list(
    fake: FakeZoom,
) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom)
        await zoom.meetings.registrants.add_many(meeting_id, registrants=people(2))
        await zoom.meetings.registrants.update_status(
            meeting_id, action="cancel", registrants=["person0@example.com"]
        )
        approved = [r.email async for r in zoom.meetings.registrants.list(meeting_id)]
        denied = [
            r.email async for r in zoom.meetings.registrants.list(meeting_id, status="denied")
        ]
    assert approved == ["person1@example.com"]
    assert denied == ["person0@example.com"]
    assert fake.requests[-3].json == {
        "action": "cancel",
        "registrants": [{"email": "person0@example.com"}],
    }


async def test_a_deleted_registrant_is_gone(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom)
        created = await zoom.meetings.registrants.create(
            meeting_id, first_name="Di", email="di@example.com"
        )
        await zoom.meetings.registrants.delete(meeting_id, created.registrant_id or "")
        with pytest.raises(BadRequestError) as caught:
            await zoom.meetings.registrants.get(meeting_id, created.registrant_id or "")
    assert caught.value.code == 3000
    assert fake.get_registrants(meeting_id) == []


async def test_the_registrant_list_walks_every_page_with_its_status_filter(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom)
        await zoom.meetings.registrants.add_many(meeting_id, registrants=people(7))
        pages = [
            len(page)
            async for page in zoom.meetings.registrants.list(
                meeting_id, status="approved", page_size=3
            ).pages()
        ]
    assert pages == [3, 3, 1]
    listed = [r for r in fake.requests if r.operation == "meetingRegistrants"]
    assert all(r.query["status"] == "approved" for r in listed)


async def test_a_meeting_without_registration_is_zooms_error(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting = await zoom.meetings.create(topic="Open door")
        with pytest.raises(BadRequestError) as caught:
            await zoom.meetings.registrants.create(
                meeting.id, first_name="Ed", email="ed@example.com"
            )
    assert caught.value.code == 404
    assert "Registration has not been enabled" in caught.value.message


async def test_an_unknown_meeting_is_meeting_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(MeetingNotFound):
            await zoom.meetings.registrants.create(
                98765432109, first_name="Fay", email="fay@example.com"
            )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"first_name": "", "email": "a@example.com"}, "first_name"),
        ({"first_name": "G" * 65, "email": "a@example.com"}, "first_name"),
        ({"first_name": "Gus", "email": "not-an-email"}, "email"),
        ({"first_name": "Gus", "email": "a@example.com", "language": "xx-XX"}, "language"),
        (
            {"first_name": "Gus", "email": "a@example.com", "no_of_employees": "lots"},
            "no_of_employees",
        ),
    ],
)
async def test_a_bad_registration_is_refused_before_sending(
    fake: FakeZoom, fields: dict[str, Any], field: str
) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom)
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.registrants.create(meeting_id, **fields)
    assert caught.value.field == field
    assert fake.counters.calls["meetingRegistrantCreate"] == 0


# -- registration questions -------------------------------------------------------------------


async def test_registration_questions_are_stored_and_read_back(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom)
        await zoom.meetings.registrants.update_questions(
            meeting_id,
            questions=[{"field_name": "org", "required": True}],
            custom_questions=[
                {"title": "Diet", "type": "single", "required": False, "answers": ["veg", "any"]}
            ],
        )
        form = await zoom.meetings.registrants.get_questions(meeting_id)
    assert form.questions is not None
    assert [(q.field_name, q.required) for q in form.questions] == [("org", True)]
    assert form.custom_questions is not None
    assert form.custom_questions[0].answers == ["veg", "any"]


async def test_an_unknown_standard_field_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom)
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.registrants.update_questions(
                meeting_id, questions=[{"field_name": "shoe_size", "required": True}]
            )
    assert caught.value.field == "questions[0].field_name"


# -- batches ----------------------------------------------------------------------------------


async def test_create_batch_registers_up_to_30_with_join_urls(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom, approval_type=1)
        answer = await zoom.meetings.registrants.create_batch(
            meeting_id,
            registrants=people(3),
            auto_approve=True,
            registrants_confirmation_email=False,
        )
    assert [r.email for r in answer.registrants] == [p["email"] for p in people(3)]
    assert all(r.join_url and r.registrant_id for r in answer.registrants)
    assert {r["status"] for r in fake.get_registrants(meeting_id)} == {"approved"}


async def test_create_batch_refuses_more_than_30_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom)
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.registrants.create_batch(meeting_id, registrants=people(31))
    assert caught.value.field == "registrants"
    assert fake.counters.calls["addBatchRegistrants"] == 0


async def test_batch_registration_is_only_for_scheduled_meetings(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom, type=3)
        with pytest.raises(BadRequestError) as caught:
            await zoom.meetings.registrants.create_batch(meeting_id, registrants=people(1))
    assert caught.value.code == 303


async def test_add_many_splits_into_batches_of_30_and_keeps_the_order(fake: FakeZoom) -> None:
    given = people(75)
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom, approval_type=1)
        created = await zoom.meetings.registrants.add_many(meeting_id, registrants=given)
    sent = [r.json for r in fake.requests if r.operation == "addBatchRegistrants"]
    assert [len(body["registrants"]) for body in sent] == [30, 30, 15]  # type: ignore[index]
    assert all(body["auto_approve"] is True for body in sent)  # type: ignore[index]
    assert [r.email for r in created] == [p["email"] for p in given]
    assert all(isinstance(r, CreatedBatchRegistrant) and r.join_url for r in created)
    assert {r["status"] for r in fake.get_registrants(meeting_id)} == {"approved"}


async def test_add_many_checks_every_entry_before_the_first_call(fake: FakeZoom) -> None:
    given = [*people(40), {"email": "broken", "first_name": "X"}]
    async with fake.client() as zoom:
        meeting_id = await registration_meeting(zoom)
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.registrants.add_many(meeting_id, registrants=given)
    assert caught.value.field == "registrants[40].email"
    assert fake.counters.calls["addBatchRegistrants"] == 0


class FaultOnBatch(httpx.AsyncBaseTransport):
    """Passes requests to FakeZoom, scheduling a fault just before the n-th batch call."""

    def __init__(self, fake: FakeZoom, number: int, **fault: Any) -> None:
        self.inner = fake.transport()
        self.fake = fake
        self.number = number
        self.fault = fault
        self.seen = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/batch_registrants"):
            self.seen += 1
            if self.seen == self.number:
                self.fake.inject_fault("addBatchRegistrants", **self.fault)
        return await self.inner.handle_async_request(request)


def client_with(fake: FakeZoom, transport: httpx.AsyncBaseTransport) -> ZoomClient:
    auth = ServerToServerOAuth(
        account_id=fake.s2s.account_id,
        client_id=fake.s2s.client_id,
        client_secret=fake.s2s.client_secret,
    )
    return ZoomClient(auth=auth, transport=transport, clock=fake.clock)


async def test_a_failure_mid_way_says_what_was_done_and_sends_nothing_twice(
    fake: FakeZoom,
) -> None:
    given = people(70)
    # Batch 2 of 3 is carried out by Zoom, but the client sees a 500: a POST is not retried.
    transport = FaultOnBatch(fake, 2, status=500, after_effect=True)
    async with client_with(fake, transport) as zoom:
        meeting_id = await registration_meeting(zoom)
        with pytest.raises(PartialBatchError) as caught:
            await zoom.meetings.registrants.add_many(meeting_id, registrants=given)
    error = caught.value
    assert isinstance(error.error, InternalServerError)
    assert [r.email for r in error.done] == [p["email"] for p in given[:30]]
    assert [r.email for r in error.failed] == [p["email"] for p in given[30:60]]
    assert [r.email for r in error.unsent] == [p["email"] for p in given[60:]]
    assert fake.counters.calls["addBatchRegistrants"] == 2
    assert len(fake.get_registrants(meeting_id)) == 60  # Zoom acted on the failed batch
    assert "registered 30 of 70" in str(error)


async def test_a_rate_limited_batch_is_retried_and_nothing_is_lost(fake: FakeZoom) -> None:
    given = people(45)
    transport = FaultOnBatch(fake, 2, status=429, headers={"Retry-After": "1"})
    async with client_with(fake, transport) as zoom:
        meeting_id = await registration_meeting(zoom)
        created = await zoom.meetings.registrants.add_many(meeting_id, registrants=given)
    assert [r.email for r in created] == [p["email"] for p in given]
    assert fake.counters.calls["addBatchRegistrants"] == 3  # 30, then 15 refused once and resent
    assert len(fake.get_registrants(meeting_id)) == 45


async def test_add_many_needs_at_least_one_registrant(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.registrants.add_many(12345678901, registrants=[])
    assert caught.value.field == "registrants"


# -- the pure helpers behind add_many ---------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "sizes"),
    [(0, []), (1, [1]), (30, [30]), (31, [30, 1]), (60, [30, 30]), (95, [30, 30, 30, 5])],
)
def test_batches_are_consecutive_slices_of_at_most_30(count: int, sizes: list[int]) -> None:
    items = list(range(count))
    chunks = batches(items)
    assert [len(chunk) for chunk in chunks] == sizes
    assert [item for chunk in chunks for item in chunk] == items


def test_zooms_answer_is_put_back_in_the_order_sent() -> None:
    sent = [BatchRegistrantParams(email=e, first_name="X") for e in ("b@x.io", "a@x.io")]
    answer = [
        CreatedBatchRegistrant(email="A@x.io", registrant_id="2"),
        CreatedBatchRegistrant(email="b@x.io", registrant_id="1"),
    ]
    assert [r.registrant_id for r in in_given_order(sent, answer)] == ["1", "2"]


def test_a_registrant_model_reads_numeric_strings_and_empty_values() -> None:
    registrant = MeetingRegistrant.model_validate(
        {"id": "abc", "participant_pin_code": "123456", "create_time": "", "status": "waitlisted"}
    )
    assert registrant.participant_pin_code == 123456
    assert registrant.create_time is None
    assert registrant.status == "waitlisted"


# -- Zoom's limit of 3 adds per registrant per day --------------------------------------------


async def test_one_registrants_daily_limit_stops_that_registrant_only(clock: FakeClock) -> None:
    fake = FakeZoom(clock=clock, seed=11, plan="pro")
    async with fake.client(rate_limits=RateLimits.pro()) as zoom:
        meeting_id = await registration_meeting(zoom)
        ada = {"email": "ada@example.com", "first_name": "Ada"}
        first = [await zoom.meetings.registrants.create(meeting_id, **ada) for _ in range(3)]
        with pytest.raises(DailyLimitExceeded, match=r"for the registrant \(ada@example.com\)"):
            await zoom.meetings.registrants.create(meeting_id, **ada)
        bo = await zoom.meetings.registrants.create(
            meeting_id, email="bo@example.com", first_name="Bo"
        )
        meeting = await zoom.meetings.get(meeting_id)  # Light, like the refused add
        quota = await zoom.quota()
    assert len({created.registrant_id for created in first}) == 1  # Zoom gave back the same one
    assert bo.registrant_id not in {created.registrant_id for created in first}
    assert meeting.id == meeting_id
    assert all(q.blocked_until is None for q in quota.categories.values())
