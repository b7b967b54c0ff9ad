"""Every report and dashboard answer FakeZoom gives validates against both of Zoom's spec files.

The suite-wide check (tests/test_responses_match_schemas.py) reads one file per operation; this
one holds reports and dashboards to the 2023 file and the 2025 file wherever both document the
operation, on history rich enough to fill every field FakeZoom sends: past meetings with
attendance, a live meeting with a sharer, a recording, poll answers and Q&A, and an ended and a
running webinar.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from zoom_schemas import ZoomSchemas, schema_problems
from zoomkit import ZoomClient, api_coverage
from zoomkit._operations import OPERATIONS
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio

FEB_1, FEB_28, TODAY = date(2026, 2, 1), date(2026, 2, 28), date(2026, 3, 2)
MONTH = {"from_": FEB_1, "to": FEB_28}
OPERATION_IDS = {(op.method, op.path): op.operation_id for op in OPERATIONS}
MINE = [row for row in api_coverage() if row.name.startswith(("reports.", "dashboards."))]


@pytest.fixture(scope="module")
def schemas(zoom_openapi_dir: Path) -> ZoomSchemas:
    return ZoomSchemas(zoom_openapi_dir)


async def drain(listing: Any) -> None:
    async for _ in listing:
        pass


async def rich_history(fake: FakeZoom, zoom: ZoomClient) -> dict[str, Any]:
    """Seed what every report can show; return the ids the calls need."""
    fake.seed_history(days=28, meetings_per_day=1, participants=3, end=FEB_28)
    fake.add_user("gus@example.com", first_name="Gus", last_name="Guest")
    meeting = fake.add_meeting(
        fake.owner["id"],
        topic="Tracked town hall",
        settings={"question_and_answer": {"enable": True}},
        tracking_fields=[{"field": "team", "value": "sdk"}],
    )
    created = await zoom.request(
        "POST",
        f"/meetings/{meeting['id']}/polls",
        json={
            "title": "Lunch",
            "questions": [{"name": "Pizza?", "type": "single", "answers": ["Y", "N"]}],
        },
    )
    fake.start_meeting(meeting["id"])
    guest = fake.add_participant(meeting["id"], name="Gus", email="gus@example.com")
    fake.answer_poll(meeting["id"], guest["user_id"], created.json()["id"], {"Pizza?": "Y"})
    fake.ask_question(meeting["id"], guest["user_id"], "Slides?", answer="Later")
    fake.end_meeting(meeting["id"])
    fake.complete_recording(meeting["id"])
    fake.add_meeting(
        fake.owner["id"], topic="Upcoming", start_time=datetime(2026, 3, 9, 9, tzinfo=UTC)
    )
    webinar = fake.add_webinar(fake.owner["id"], topic="Launch")
    webinar_poll = await zoom.request(
        "POST",
        f"/webinars/{webinar['id']}/polls",
        json={
            "title": "Q",
            "questions": [{"name": "Useful?", "type": "single", "answers": ["Y", "N"]}],
        },
    )
    fake.start_webinar(webinar["id"])
    fake.add_webinar_participant(webinar["id"], name="Wendy", email="wendy@example.com")
    who = {"name": "Wendy", "email": "wendy@example.com"}
    fake.answer_webinar_poll(
        webinar["id"], poll_id=webinar_poll.json()["id"], answers={"Useful?": "Y"}, **who
    )
    fake.ask_webinar_question(webinar["id"], question="Replay?", answer="Soon", **who)
    fake.end_webinar(webinar["id"])
    running = fake.add_webinar(fake.owner["id"], topic="Running webinar")
    fake.start_webinar(running["id"])
    fake.add_webinar_participant(running["id"], name="Walt")
    live = fake.add_meeting(fake.owner["id"], topic="Live now")
    fake.start_meeting(live["id"])
    sharer = fake.add_participant(live["id"], name="Sharer")
    fake.start_sharing(live["id"], sharer["user_id"])
    return {
        "held": meeting["id"],
        "live": live["id"],
        "guest": guest["user_id"],
        "webinar": webinar["id"],
        "running": running["id"],
    }


async def call_everything(zoom: ZoomClient, ids: dict[str, Any]) -> None:
    reports, dashboards, held = zoom.reports, zoom.dashboards, ids["held"]
    await reports.daily(year=2026, month=2)
    await drain(reports.active_hosts(**MONTH))
    await drain(reports.user_meetings("me", **MONTH))
    await drain(reports.user_meetings("gus@example.com", from_=TODAY, to=TODAY, type="pastJoined"))
    await reports.meeting(held)
    await drain(reports.meeting_participants(held))
    await reports.meeting_polls(held)
    await reports.meeting_qa(held)
    await reports.meeting_survey(held)
    await drain(reports.cloud_recording(from_=FEB_1, to=TODAY))
    await drain(reports.operation_logs(from_=FEB_1, to=TODAY))
    await drain(reports.sign_in_activities(from_=FEB_1, to=TODAY))
    await drain(reports.telephone(**MONTH))
    await drain(reports.upcoming_events(from_=TODAY, to=date(2026, 3, 31)))
    billing = await reports.billing()
    await reports.billing_invoices(billing_id=str(billing.billing_reports[0].id))
    await drain(reports.history_meetings(**MONTH))
    await drain(reports.meeting_activities(**MONTH))
    await reports.webinar(ids["webinar"])
    await drain(reports.webinar_participants(ids["webinar"], include_fields="registrant_id"))
    await reports.webinar_polls(ids["webinar"])
    await reports.webinar_qa(ids["webinar"])
    await reports.webinar_survey(ids["webinar"])

    await drain(dashboards.meetings(**MONTH, type="past", include_fields="tracking_fields"))
    await drain(dashboards.meetings(from_=TODAY, to=TODAY))
    for kind, meeting in (("past", held), ("live", ids["live"])):
        await dashboards.meeting(meeting, type=kind)
        await drain(dashboards.meeting_participants(meeting, type=kind))
        await drain(dashboards.meeting_participants_qos(meeting, type=kind))
        await drain(dashboards.meeting_participants_sharing(meeting, type=kind))
        await drain(dashboards.meeting_participants_satisfaction(meeting, type=kind))
    await dashboards.meeting_participant_qos(held, ids["guest"], type="past")
    await drain(dashboards.webinars(from_=TODAY, to=TODAY, type="past"))
    await drain(dashboards.webinars(from_=TODAY, to=TODAY))
    for kind, webinar in (("past", ids["webinar"]), ("live", ids["running"])):
        await dashboards.webinar(webinar, type=kind)
        await drain(dashboards.webinar_participants(webinar, type=kind))
        await drain(dashboards.webinar_participants_qos(webinar, type=kind))
        await dashboards.webinar_participant_qos(webinar, "16778240", type=kind)
        await drain(dashboards.webinar_participants_sharing(webinar, type=kind))
        await drain(dashboards.webinar_participants_satisfaction(webinar, type=kind))
    rooms = [room async for room in dashboards.zoom_rooms()]
    await dashboards.zoom_room(str(rooms[0].id), **MONTH)
    await dashboards.zoom_room_issues(**MONTH)
    await dashboards.issues_zoom_rooms(**MONTH)
    await drain(dashboards.issue_zoom_room(str(rooms[1].id), **MONTH))
    await drain(dashboards.chat(**MONTH))
    await drain(dashboards.im(**MONTH))
    await drain(dashboards.crc(**MONTH))
    feedback = await dashboards.client_feedback(**MONTH)
    await drain(
        dashboards.client_feedback_detail(str(feedback.client_feedbacks[0].feedback_id), **MONTH)
    )
    await drain(dashboards.client_satisfaction(**MONTH))
    await dashboards.client_versions()
    await dashboards.quality(**MONTH)
    await dashboards.quality(**MONTH, type="participants")


@pytest.fixture
async def answered(fake: FakeZoom) -> FakeZoom:
    async with fake.client() as zoom:
        await call_everything(zoom, await rich_history(fake, zoom))
    return fake


async def test_every_answer_validates_against_each_spec_that_documents_it(
    answered: FakeZoom, schemas: ZoomSchemas
) -> None:
    problems: dict[str, list[str]] = {}
    checked = 0
    for exchange in answered.exchanges:
        if exchange.status != 200 or exchange.operation not in schemas.by_id:
            continue
        for operation in schemas.by_id[exchange.operation]:
            schema = schemas.response_schema(operation, "200")
            assert schema is not None
            found = schema_problems(exchange.body, schema)
            if found:
                problems.setdefault(f"{exchange.operation} ({operation.spec})", found[:3])
            checked += 1
    assert problems == {}
    assert checked > 49


async def test_every_report_and_dashboard_answered_200(answered: FakeZoom) -> None:
    ok = {e.operation for e in answered.exchanges if e.status == 200}
    assert {OPERATION_IDS[(row.method, row.path)] for row in MINE} - ok == set()
