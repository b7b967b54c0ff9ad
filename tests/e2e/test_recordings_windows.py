"""recordings.list over long ranges: month windows walked in order, every recording once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
import respx

from zoomkit import ZoomClient
from zoomkit.auth import StaticTokenAuth
from zoomkit.errors import BadRequestError, RequestValidationError
from zoomkit.testing import FakeClock, FakeZoom
from zoomkit.windows import WindowedPaginator

pytestmark = pytest.mark.anyio


def today(clock: FakeClock) -> date:
    return datetime.fromtimestamp(clock.time(), UTC).date()


def record_on(fake: FakeZoom, day: date, topic: str) -> str:
    """A recording of a meeting held at 10:00 UTC on ``day``; its instance UUID."""
    start = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
    past = fake.add_past_meeting(fake.owner["id"], topic=topic, start_time=start, duration=30)
    uuid: str = fake.complete_recording(past["id"])["uuid"]
    return uuid


async def test_a_70_day_range_walks_3_windows_and_lists_each_recording_once(
    fake: FakeZoom, clock: FakeClock
) -> None:
    end = today(clock)
    start = end - timedelta(days=69)
    # The first day, both sides of each window edge, and the last day.
    days = [start, start + timedelta(days=30), start + timedelta(days=31), end - timedelta(1), end]
    expected = [record_on(fake, day, f"Lecture {n}") for n, day in enumerate(days)]
    async with fake.client() as zoom:
        listing = zoom.recordings.list("me", from_=start, to=end)
        uuids = [item.uuid async for item in listing]
    assert isinstance(listing, WindowedPaginator)
    assert uuids == expected
    windows = [(r.query["from"], r.query["to"]) for r in fake.requests]
    assert len(windows) == 3
    covered = [
        date.fromisoformat(first) + timedelta(days=n)
        for first, last in windows
        for n in range((date.fromisoformat(last) - date.fromisoformat(first)).days + 1)
    ]
    assert covered == [start + timedelta(days=n) for n in range(70)]


async def test_pages_inside_a_window_keep_the_filters(fake: FakeZoom, clock: FakeClock) -> None:
    end = today(clock)
    for n in range(5):
        record_on(fake, end - timedelta(days=n + 1), f"Seminar {n}")
    async with fake.client() as zoom:
        pages = [
            page
            async for page in zoom.recordings.list(
                "me", from_=end - timedelta(days=10), to=end, page_size=2
            ).pages()
        ]
    assert [len(page.items) for page in pages] == [2, 2, 1]
    assert {r.query["from"] for r in fake.requests} == {(end - timedelta(days=10)).isoformat()}
    assert all(r.query["page_size"] == "2" for r in fake.requests)


async def test_the_meeting_id_filter_lists_one_meetings_recordings(
    fake: FakeZoom, clock: FakeClock
) -> None:
    end = today(clock)
    wanted = record_on(fake, end - timedelta(days=1), "Wanted")
    record_on(fake, end - timedelta(days=2), "Other")
    async with fake.client() as zoom:
        recording = await zoom.recordings.get(wanted)
        meeting_id = recording.id or 0
        listed = [
            r.uuid
            async for r in zoom.recordings.list(
                "me", from_=end - timedelta(days=5), to=end, meeting_id=meeting_id
            )
        ]
    assert listed == [wanted]


async def test_fakezoom_refuses_a_range_longer_than_a_month_with_code_300(
    fake: FakeZoom, clock: FakeClock
) -> None:
    end = today(clock)
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as caught:
            await zoom.request(
                "GET",
                "/users/me/recordings",
                params={"from": (end - timedelta(days=40)).isoformat(), "to": end.isoformat()},
            )
    assert caught.value.code == 300


async def test_dates_are_required_unless_listing_the_trash(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            zoom.recordings.list("me", to="2026-03-01")
    assert caught.value.field == "from_"


async def test_the_trash_is_not_filtered_by_date(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            zoom.recordings.list("me", from_="2026-02-01", to="2026-03-01", trash=True)
    assert caught.value.field == "from_"


PAGE_URL = "https://api.zoom.us/v2/users/me/recordings"


def page(window_from: str, window_to: str, *uuids: str) -> httpx.Response:
    meetings = [{"uuid": uuid, "id": 85746065432, "topic": "Edge"} for uuid in uuids]
    return httpx.Response(
        200,
        json={"from": window_from, "to": window_to, "next_page_token": "", "meetings": meetings},
    )


@respx.mock
async def test_a_recording_listed_on_both_sides_of_a_window_edge_is_yielded_once() -> None:
    # Zoom may list an instance that runs past midnight in both windows; FakeZoom never does.
    respx.get(PAGE_URL).mock(
        side_effect=[
            page("2026-01-01", "2026-01-31", "a==", "edge=="),
            page("2026-02-01", "2026-02-15", "edge==", "b=="),
        ]
    )
    async with ZoomClient(auth=StaticTokenAuth("token")) as zoom:
        uuids = [
            item.uuid
            async for item in zoom.recordings.list("me", from_="2026-01-01", to="2026-02-15")
        ]
    assert uuids == ["a==", "edge==", "b=="]
