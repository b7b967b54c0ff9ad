"""Meeting summaries end to end: one by instance UUID, and long ranges walked in month windows."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from zoomkit.errors import BadRequestError, MeetingNotFound
from zoomkit.models import MeetingSummaryListItem
from zoomkit.resources.meeting_summaries import summary_key, window_bounds
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio

SUMMARISED = {"auto_start_meeting_summary": True}


async def test_a_summary_is_read_by_instance_uuid(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Planning", settings=SUMMARISED)
    fake.start_meeting(meeting["id"])
    fake.add_participant(meeting["id"], name="Ada")
    fake.end_meeting(meeting["id"])
    async with fake.client() as zoom:
        summary = await zoom.meetings.summaries.get(meeting["uuid"])
    assert summary.meeting_uuid == meeting["uuid"]
    assert summary.meeting_id == meeting["id"]
    assert summary.meeting_topic == "Planning"
    assert "1 participant" in (summary.summary_overview or "")
    assert summary.summary_details is not None
    assert summary.summary_details[0].summary == "Attended by: Ada."


async def test_a_meeting_id_is_not_a_summary_key(fake: FakeZoom) -> None:
    past = fake.add_past_meeting(fake.owner["id"], topic="Numbers")
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as caught:
            await zoom.meetings.summaries.get(str(past["id"]))
    assert caught.value.code == 300


async def test_an_instance_without_ai_summary_has_none(fake: FakeZoom) -> None:
    past = fake.add_past_meeting(fake.owner["id"], topic="Plain")
    async with fake.client() as zoom:
        with pytest.raises(MeetingNotFound):
            await zoom.meetings.summaries.get(past["uuid"])


async def test_a_95_day_range_is_four_month_windows_and_every_summary_once(
    fake: FakeZoom,
) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Daily", settings=SUMMARISED)
    first_day, last_day = date(2025, 11, 20), date(2026, 2, 22)
    days = [first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1)]
    ended = [
        fake.add_past_meeting(
            fake.owner["id"],
            topic="Daily",
            start_time=datetime(d.year, d.month, d.day, 11, 30, tzinfo=UTC),
            duration=30,
            meeting_id=meeting["id"],
        )
        for d in days
    ]
    # Two more that end on either side of the edge between the first and second windows.
    for end in (datetime(2025, 12, 19, 23, 59, 59, tzinfo=UTC), datetime(2025, 12, 20, tzinfo=UTC)):
        ended.append(
            fake.add_past_meeting(
                fake.owner["id"],
                topic="Edge",
                start_time=end - timedelta(minutes=1),
                duration=1,
                meeting_id=meeting["id"],
            )
        )
    async with fake.client() as zoom:
        listing = zoom.meetings.summaries.list(from_=first_day, to=last_day)
        summaries = [s async for s in listing]
    assert len(days) == 95
    assert listing.windows == [
        (date(2025, 11, 20), date(2025, 12, 19)),
        (date(2025, 12, 20), date(2026, 1, 19)),
        (date(2026, 1, 20), date(2026, 2, 19)),
        (date(2026, 2, 20), date(2026, 2, 22)),
    ]
    covered = Counter(
        start + timedelta(days=n)
        for start, end in listing.windows
        for n in range((end - start).days + 1)
    )
    assert covered == Counter(days)
    assert Counter(s.meeting_uuid for s in summaries) == Counter(p["uuid"] for p in ended)
    created = [s.summary_created_time for s in summaries]
    assert created == sorted(created)  # windows are walked in order
    sent = [(r.query["from"], r.query["to"]) for r in fake.requests if r.query.get("from")]
    assert sent == [window_bounds(start, end) for start, end in listing.windows]


async def test_each_window_walks_its_pages(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Busy", settings=SUMMARISED)
    for hour in range(5):
        fake.add_past_meeting(
            fake.owner["id"],
            topic="Busy",
            start_time=datetime(2026, 2, 10, hour, 0, tzinfo=UTC),
            duration=30,
            meeting_id=meeting["id"],
        )
    async with fake.client() as zoom:
        listing = zoom.meetings.summaries.list(from_="2026-02-01", to="2026-02-28", page_size=2)
        pages = [len(page) async for page in listing.pages()]
    assert pages == [2, 2, 1]


async def test_to_defaults_to_today(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        listing = zoom.meetings.summaries.list(from_=date(2026, 2, 1))
        assert [s async for s in listing] == []
    assert listing.windows[-1][1] == date(2026, 3, 2)  # the fake clock's today


def test_summaries_are_merged_by_instance_uuid() -> None:
    one = MeetingSummaryListItem.model_validate({"meeting_uuid": "abc=="})
    same = MeetingSummaryListItem.model_validate({"meeting_uuid": "abc==", "meeting_topic": "x"})
    anonymous = MeetingSummaryListItem.model_validate({})
    assert summary_key(one) == summary_key(same)
    assert summary_key(anonymous) != summary_key(MeetingSummaryListItem.model_validate({}))


def test_a_window_is_whole_utc_days() -> None:
    assert window_bounds(date(2026, 1, 1), date(2026, 1, 31)) == (
        "2026-01-01T00:00:00Z",
        "2026-01-31T23:59:59Z",
    )
