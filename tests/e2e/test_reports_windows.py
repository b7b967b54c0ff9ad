"""Date-ranged reports and dashboards over long ranges: month windows against FakeZoom.

FakeZoom refuses a single request over 30 days (code 300), as Zoom does, so these tests show
the splitting for real: which windows were sent (FakeZoom's request log), and that the merged
listing holds every seeded record exactly once, in order, compared with FakeZoom's own state.
"""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from zoomkit.errors import BadRequestError, RequestValidationError
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio

# FakeClock starts on 2026-03-02; seed_history's 95 days end yesterday.
LAST = date(2026, 3, 1)
FIRST = LAST - timedelta(days=94)


def every_day(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def sent_windows(fake: FakeZoom, operation: str) -> list[tuple[date, date]]:
    return [
        (date.fromisoformat(r.query["from"]), date.fromisoformat(r.query["to"]))
        for r in fake.requests
        if r.operation == operation
    ]


def hosted_by(fake: FakeZoom, seeded: list[dict[str, Any]], email: str) -> list[str]:
    return [m["uuid"] for m in seeded if m["user_email"] == email]


async def test_a_95_day_range_is_4_requests_whose_windows_cover_each_day_once(
    fake: FakeZoom,
) -> None:
    fake.seed_history(days=95, meetings_per_day=2, participants=2)
    async with fake.client() as zoom:
        [_ async for _ in zoom.reports.user_meetings("me", from_=FIRST, to=LAST)]
    windows = sent_windows(fake, "reportMeetings")
    assert len(windows) == 4
    covered = [day for lo, hi in windows for day in every_day(lo, hi)]
    assert covered == every_day(FIRST, LAST)


async def test_merged_user_meetings_hold_every_seeded_meeting_once_in_start_order(
    fake: FakeZoom,
) -> None:
    seeded = fake.seed_history(days=95, meetings_per_day=3, participants=2, hosts=2)
    async with fake.client() as zoom:
        listed = [m async for m in zoom.reports.user_meetings("me", from_=FIRST, to=LAST)]
    assert [str(m.uuid) for m in listed] == hosted_by(fake, seeded, "owner@example.com")
    starts = [m.start_time for m in listed]
    assert starts == sorted(starts)


async def test_pages_within_a_window_are_followed_before_the_next_window(fake: FakeZoom) -> None:
    seeded = fake.seed_history(days=40, meetings_per_day=2, participants=1, end=LAST)
    async with fake.client() as zoom:
        listing = zoom.reports.user_meetings(
            "me", from_=LAST - timedelta(days=39), to=LAST, page_size=7
        )
        listed = [m async for m in listing]
    assert [str(m.uuid) for m in listed] == [m["uuid"] for m in seeded]
    tokens = [
        r.query.get("next_page_token") for r in fake.requests if r.operation == "reportMeetings"
    ]
    assert sum(1 for t in tokens if t) == len(tokens) - 2  # two windows, each started afresh


async def test_meetings_on_the_last_and_first_day_of_adjacent_windows_are_each_listed_once(
    fake: FakeZoom,
) -> None:
    owner = fake.owner["id"]
    start = date(2026, 1, 1)
    late = fake.add_past_meeting(
        owner, topic="Last minute of January", start_time=datetime(2026, 1, 31, 23, 30, tzinfo=UTC)
    )
    early = fake.add_past_meeting(
        owner, topic="First minute of February", start_time=datetime(2026, 2, 1, 0, 0, tzinfo=UTC)
    )
    async with fake.client() as zoom:
        listing = zoom.reports.user_meetings("me", from_=start, to=date(2026, 2, 10))
        listed = [m async for m in listing]
    assert listing.windows == [
        (date(2026, 1, 1), date(2026, 1, 31)),
        (date(2026, 2, 1), date(2026, 2, 10)),
    ]
    assert [str(m.uuid) for m in listed] == [late["uuid"], early["uuid"]]


async def test_a_meeting_running_across_a_window_edge_is_yielded_once_by_the_dashboard(
    fake: FakeZoom,
) -> None:
    across = fake.add_past_meeting(
        fake.owner["id"],
        topic="Past midnight",
        start_time=datetime(2026, 1, 31, 23, 30, tzinfo=UTC),
        duration=90,
    )
    async with fake.client() as zoom:
        listing = zoom.dashboards.meetings(
            from_=date(2026, 1, 1), to=date(2026, 2, 10), type="past"
        )
        pages = [page async for page in listing.pages()]
        listed = [
            m
            async for m in zoom.dashboards.meetings(
                from_=date(2026, 1, 1), to=date(2026, 2, 10), type="past"
            )
        ]
    assert [len(page.items) for page in pages] == [1, 1]  # Zoom-side, it is in both windows
    assert [str(m.uuid) for m in listed] == [across["uuid"]]


async def test_a_range_within_one_month_is_one_request(fake: FakeZoom) -> None:
    fake.seed_history(days=31, meetings_per_day=1, participants=1, end=date(2026, 1, 31))
    async with fake.client() as zoom:
        listed = [
            m
            async for m in zoom.reports.user_meetings(
                "me", from_=date(2026, 1, 1), to=date(2026, 1, 31)
            )
        ]
    assert sent_windows(fake, "reportMeetings") == [(date(2026, 1, 1), date(2026, 1, 31))]
    assert len(listed) == 31


async def test_fakezoom_refuses_one_request_longer_than_a_month(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as caught:
            await zoom.request(
                "GET", "/report/users", params={"from": "2026-01-01", "to": "2026-02-15"}
            )
    assert caught.value.code == 300
    assert "within a month" in caught.value.message


async def test_active_hosts_summed_over_windows_give_each_hosts_seeded_totals(
    fake: FakeZoom,
) -> None:
    seeded = fake.seed_history(days=95, meetings_per_day=3, participants=4, hosts=3)
    async with fake.client() as zoom:
        rows = [h async for h in zoom.reports.active_hosts(from_=FIRST, to=LAST)]
    meetings: Counter[str] = Counter()
    minutes: Counter[str] = Counter()
    for row in rows:
        assert row.email is not None
        meetings[row.email] += row.meetings or 0
        minutes[row.email] += row.meeting_minutes or 0
    assert meetings == Counter(m["user_email"] for m in seeded)
    expected_minutes: Counter[str] = Counter()
    for m in seeded:
        expected_minutes[m["user_email"]] += m["duration"]
    assert minutes == expected_minutes
    assert len(sent_windows(fake, "reportUsers")) == 4


async def test_dashboard_meetings_over_95_days_list_every_instance_once(fake: FakeZoom) -> None:
    seeded = fake.seed_history(days=95, meetings_per_day=2, participants=1, hosts=2)
    async with fake.client() as zoom:
        listed = [m async for m in zoom.dashboards.meetings(from_=FIRST, to=LAST, type="past")]
    assert sorted(str(m.uuid) for m in listed) == sorted(m["uuid"] for m in seeded)
    assert len(sent_windows(fake, "dashboardMeetings")) == 4


async def test_history_meetings_by_end_time_list_each_instance_once(fake: FakeZoom) -> None:
    seeded = fake.seed_history(days=95, meetings_per_day=2, participants=1)
    async with fake.client() as zoom:
        listed = [
            m
            async for m in zoom.reports.history_meetings(from_=FIRST, to=LAST, date_type="end_time")
        ]
    by_end = sorted(seeded, key=lambda m: (m["end_time"], m["uuid"]))
    assert [str(m.meeting_uuid) for m in listed] == [m["uuid"] for m in by_end]


async def test_per_day_rows_of_cloud_recording_cover_the_range_once(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        rows = [r async for r in zoom.reports.cloud_recording(from_=FIRST, to=LAST)]
    assert [r.date for r in rows] == every_day(FIRST, LAST)


async def test_windows_are_walked_in_order(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        [_ async for _ in zoom.dashboards.crc(from_=FIRST, to=LAST)]
    windows = sent_windows(fake, "dashboardCRC")
    assert windows == sorted(windows)
    for (_, hi), (lo, _) in itertools.pairwise(windows):
        assert lo == hi + timedelta(days=1)


async def test_to_before_from_is_refused_before_anything_is_sent(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            zoom.reports.operation_logs(from_=date(2026, 2, 1), to=date(2026, 1, 1))
    assert caught.value.field == "to"
    assert fake.requests == []


async def test_a_bad_date_string_is_refused_naming_the_field(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            zoom.reports.telephone(from_="01/02/2026", to="2026-02-01")
    assert caught.value.field == "from_"


async def test_a_report_that_totals_its_range_refuses_more_than_a_month(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.dashboards.quality(from_=date(2026, 1, 1), to=date(2026, 2, 15))
    assert caught.value.field == "to"
    assert fake.requests == []


async def test_fakezoom_refuses_a_range_starting_over_six_months_ago(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as caught:
            await zoom.request(
                "GET", "/report/users", params={"from": "2025-08-01", "to": "2025-08-31"}
            )
    assert (caught.value.code, caught.value.message) == (
        300,
        "Only provide report in recent 6 months.",
    )


async def test_fakezoom_names_a_missing_date(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as caught:
            await zoom.request("GET", "/metrics/meetings", params={"from": "2026-02-01"})
    assert caught.value.message == "Invalid parameter: to."


def test_seeded_history_is_the_same_for_the_same_seed(fake: FakeZoom) -> None:
    again = FakeZoom(seed=11, clock=fake.clock)
    first = fake.seed_history(days=5, meetings_per_day=2, participants=1, seed=7)
    second = again.seed_history(days=5, meetings_per_day=2, participants=1, seed=7)
    assert [(m["start_time"], m["duration"]) for m in first] == [
        (m["start_time"], m["duration"]) for m in second
    ]
    assert len(first) == 10


WINDOWED: list[tuple[str, str, tuple[Any, ...], str]] = [
    ("reports", "active_hosts", (), "reportUsers"),
    ("reports", "user_meetings", ("me",), "reportMeetings"),
    ("reports", "cloud_recording", (), "reportCloudRecording"),
    ("reports", "operation_logs", (), "reportOperationLogs"),
    ("reports", "sign_in_activities", (), "reportSignInSignOutActivities"),
    ("reports", "telephone", (), "reportTelephone"),
    ("reports", "upcoming_events", (), "reportUpcomingEvents"),
    ("reports", "history_meetings", (), "Gethistorymeetingandwebinarlist"),
    ("reports", "meeting_activities", (), "reportMeetingactivitylogs"),
    ("dashboards", "meetings", (), "dashboardMeetings"),
    ("dashboards", "webinars", (), "dashboardWebinars"),
    ("dashboards", "issue_zoom_room", ("room",), "dashboardIssueDetailZoomRoom"),
    ("dashboards", "chat", (), "dashboardChat"),
    ("dashboards", "im", (), "dashboardIM"),
    ("dashboards", "crc", (), "dashboardCRC"),
    ("dashboards", "client_feedback_detail", ("1",), "dashboardClientFeedbackDetail"),
    ("dashboards", "client_satisfaction", (), "listMeetingSatisfaction"),
]


@pytest.mark.parametrize(
    ("resource", "method", "args", "operation"), WINDOWED, ids=[m for _, m, _, _ in WINDOWED]
)
async def test_every_date_ranged_method_sends_95_days_as_4_windows(
    fake: FakeZoom, resource: str, method: str, args: tuple[Any, ...], operation: str
) -> None:
    async with fake.client() as zoom:
        if args == ("room",):
            rooms = [room async for room in zoom.dashboards.zoom_rooms()]
            args = (rooms[1].id,)
        listing = getattr(getattr(zoom, resource), method)(*args, from_=FIRST, to=LAST)
        [_ async for _ in listing]
    windows = sent_windows(fake, operation)
    assert len(windows) == 4
    assert [day for lo, hi in windows for day in every_day(lo, hi)] == every_day(FIRST, LAST)
