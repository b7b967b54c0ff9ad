"""Users and meetings end to end: typed results, validation before sending, safe retries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from zoomkit import ZoomClient
from zoomkit.errors import (
    InternalServerError,
    MeetingNotFound,
    PageTokenExpiredError,
    RequestValidationError,
    UserNotFound,
)
from zoomkit.models.meetings import MeetingType
from zoomkit.testing import FakeClock, FakeZoom

pytestmark = pytest.mark.anyio
BERLIN = ZoneInfo("Europe/Berlin")


async def test_meeting_lifecycle_with_aware_time_passcode_and_settings(fake: FakeZoom) -> None:
    start = datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN)
    async with fake.client() as zoom:
        created = await zoom.meetings.create(
            "me",
            topic="Quarterly review",
            start_time=start,
            duration=45,
            timezone="Europe/Berlin",
            password="Qr-2026",
            settings={
                "waiting_room": True,
                "alternative_hosts": ["a@example.com", "b@example.com"],
            },
        )
        assert isinstance(created.id, int)
        assert created.id > 2**31
        assert created.start_time == start.astimezone(UTC)
        assert created.type == MeetingType.SCHEDULED
        stored = fake.get_meeting(created.id)
        assert stored is not None
        assert stored["start_time"] == "2026-03-10T09:00:00Z"
        assert stored["settings"]["alternative_hosts"] == "a@example.com;b@example.com"

        await zoom.meetings.update(created.id, topic="Quarterly review (moved)", duration=60)
        again = await zoom.meetings.get(str(created.id))
        assert (again.topic, again.duration, again.password) == (
            "Quarterly review (moved)",
            60,
            "Qr-2026",
        )
        assert again.settings is not None
        assert again.settings.waiting_room is True

        await zoom.meetings.delete(created.id)
        with pytest.raises(MeetingNotFound) as caught:
            await zoom.meetings.get(created.id)
    assert caught.value.code == 3001
    assert caught.value.tracking_id


async def test_a_naive_start_time_with_a_timezone_is_scheduled_in_that_zone(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        created = await zoom.meetings.create(
            topic="Local time", start_time=datetime(2026, 7, 1, 9, 30), timezone="Europe/Berlin"
        )
    assert created.start_time == datetime(2026, 7, 1, 7, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"topic": "x" * 201}, "topic"),
        ({"topic": "ok", "password": "12345678901"}, "password"),
        ({"topic": "ok", "password": "pass word"}, "password"),
        ({"topic": "ok", "timezone": "Mars/Olympus"}, "timezone"),
        ({"topic": "ok", "start_time": datetime(2026, 1, 1, 9, 0)}, "start_time"),
        (
            {
                "topic": "ok",
                "type": 8,
                "start_time": datetime(2026, 1, 1, 9, 0, tzinfo=UTC),
                "recurrence": {
                    "type": 1,
                    "end_times": 3,
                    "end_date_time": datetime(2026, 2, 1, tzinfo=UTC),
                },
            },
            "recurrence",
        ),
    ],
)
async def test_bad_input_names_the_field_and_sends_nothing(
    fake: FakeZoom, fields: dict[str, object], field: str
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.meetings.create("me", **fields)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert field in str(caught.value)
    assert fake.requests == []
    assert fake.counters.total_token_requests == 0


async def test_a_create_is_not_resent_after_zoom_acted_and_answered_500(fake: FakeZoom) -> None:
    fake.inject_fault("meetingCreate", status=500, after_effect=True)
    async with fake.client() as zoom:
        with pytest.raises(InternalServerError):
            await zoom.meetings.create("me", topic="Exactly once")
        page = await zoom.meetings.list("me")
    assert [m.topic for m in page.items].count("Exactly once") == 1
    assert fake.counters.calls["meetingCreate"] == 1


async def test_a_read_is_retried_through_transient_500s(fake: FakeZoom, clock: FakeClock) -> None:
    async with fake.client() as zoom:
        created = await zoom.meetings.create("me", topic="Retry me")
        fake.inject_fault("meeting", status=503, times=2)
        before = clock.time()
        got = await zoom.meetings.get(created.id)
    assert got.id == created.id
    assert fake.counters.calls["meeting"] == 3
    assert clock.time() > before  # backed off on the injected clock, not the wall clock


async def test_unknown_user_is_a_typed_error(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(UserNotFound) as caught:
            await zoom.users.get("nobody@example.com")
    assert caught.value.code == 1001


async def test_listing_across_pages_keeps_filters_and_yields_each_meeting_once(
    fake: FakeZoom, clock: FakeClock
) -> None:
    host = fake.owner["email"]
    now = datetime.fromtimestamp(clock.time(), UTC)
    for n in range(7):
        fake.add_meeting(host, topic=f"in range {n}", start_time=now + timedelta(days=2, hours=n))
    for n in range(3):
        fake.add_meeting(host, topic=f"later {n}", start_time=now + timedelta(days=30, hours=n))
    window_start = (now + timedelta(days=1)).date()
    window_end = (now + timedelta(days=3)).date()
    async with fake.client() as zoom:
        topics = [
            m.topic
            async for m in zoom.meetings.list(
                "me", type="upcoming", from_=window_start, to=window_end, page_size=3
            )
        ]
    assert sorted(topics) == sorted(f"in range {n}" for n in range(7))
    listed = [r for r in fake.requests if r.operation == "meetings"]
    assert len(listed) == 3
    for request in listed:
        assert request.query["from"] == window_start.isoformat()
        assert request.query["to"] == window_end.isoformat()
        assert request.query["type"] == "upcoming"
        assert request.query["page_size"] == "3"


async def test_a_page_token_older_than_15_minutes_raises_its_typed_error(
    fake: FakeZoom, clock: FakeClock
) -> None:
    for n in range(4):
        fake.add_user(f"user{n}@example.com", first_name="U", last_name=str(n))
    seen: list[str | None] = []

    async def slow_consumer(zoom: ZoomClient) -> None:
        async for user in zoom.users.list(page_size=2):
            seen.append(user.email)
            clock.advance(16 * 60)

    async with fake.client() as zoom:
        with pytest.raises(PageTokenExpiredError):
            await slow_consumer(zoom)
    assert len(seen) == 2


async def test_users_list_by_page_number(fake: FakeZoom) -> None:
    for n in range(5):
        fake.add_user(f"member{n}@example.com", first_name="M", last_name=str(n))
    async with fake.client() as zoom:
        emails = [u.email async for u in zoom.users.list(page_size=2, page_number=1)]
    assert len(emails) == 6  # five members and the owner
    assert len(set(emails)) == 6


async def test_date_filters_refuse_datetimes(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match="from_"):
            zoom.meetings.list(from_=datetime(2026, 1, 1, tzinfo=UTC))  # type: ignore[arg-type]
        with pytest.raises(RequestValidationError, match="YYYY-MM-DD"):
            zoom.meetings.list(to="01/02/2026")
        assert zoom.meetings.list(from_=date(2026, 1, 1)) is not None
