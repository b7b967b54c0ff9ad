"""Past meetings: details, participants and the participants report, by id or instance UUID."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from zoomkit.testing import FakeClock, FakeZoom

START = datetime(2026, 3, 1, 15, 0, tzinfo=UTC)
JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "integer": int,
    "boolean": bool,
    "array": list,
    "object": dict,
}


@asynccontextmanager
async def api_client(fake: FakeZoom) -> AsyncIterator[httpx.AsyncClient]:
    """A bare httpx client holding an S2S token, so the wire behaviour is FakeZoom's alone."""
    async with httpx.AsyncClient(
        transport=fake.transport(), base_url="https://api.zoom.us/v2"
    ) as client:
        token = await client.post(
            "https://zoom.us/oauth/token",
            data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
            auth=(fake.s2s.client_id, fake.s2s.client_secret),
        )
        client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        yield client


@pytest.fixture
def fake() -> FakeZoom:
    return FakeZoom(clock=FakeClock(), seed=3)


def schema_problems(value: Any, schema: dict[str, Any], where: str) -> list[str]:
    """Fields whose JSON type differs from the schema's, recursively."""
    kind = schema.get("type")
    expected = JSON_TYPES.get(kind or "")
    if expected is not None and (
        not isinstance(value, expected) or (kind == "integer" and isinstance(value, bool))
    ):
        return [f"{where}: {value!r} is not {kind}"]
    problems = []
    if isinstance(value, dict):
        declared = schema.get("properties", {})
        for name, item in value.items():
            if name not in declared:
                problems.append(f"{where}.{name}: not in the spec")
            else:
                problems.extend(schema_problems(item, declared[name], f"{where}.{name}"))
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            problems.extend(schema_problems(item, schema["items"], f"{where}[{index}]"))
    return problems


def spec_schema(spec: dict[str, Any], path: str) -> dict[str, Any]:
    schema: dict[str, Any] = spec["paths"][path]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    return schema


@pytest.mark.anyio
async def test_details_of_an_instance_by_uuid(fake: FakeZoom) -> None:
    past = fake.add_past_meeting(
        fake.owner["id"], topic="Retro", start_time=START, duration=45, participants=3
    )
    async with api_client(fake) as api:
        details = (await api.get(f"/past_meetings/{quote(past['uuid'], safe='')}")).json()
    assert details["topic"] == "Retro"
    assert details["start_time"] == "2026-03-01T15:00:00Z"
    assert details["end_time"] == "2026-03-01T15:45:00Z"
    assert details["participants_count"] == 3
    assert details["user_email"] == "owner@example.com"


@pytest.mark.anyio
async def test_a_meeting_id_names_its_latest_instance(fake: FakeZoom) -> None:
    first = fake.add_past_meeting(fake.owner["id"], topic="Weekly", start_time=START)
    later = datetime(2026, 3, 1, 17, 0, tzinfo=UTC)
    fake.add_past_meeting(
        fake.owner["id"], topic="Weekly", start_time=later, meeting_id=first["id"]
    )
    async with api_client(fake) as api:
        details = (await api.get(f"/past_meetings/{first['id']}")).json()
    assert details["start_time"] == "2026-03-01T17:00:00Z"
    assert details["uuid"] != first["uuid"]


@pytest.mark.anyio
async def test_participants_page_with_next_page_token(fake: FakeZoom) -> None:
    past = fake.add_past_meeting(fake.owner["id"], topic="Big", participants=45)
    url = f"/past_meetings/{past['id']}/participants"
    async with api_client(fake) as api:
        first = (await api.get(url)).json()
        rest = (await api.get(url, params={"next_page_token": first["next_page_token"]})).json()
    assert (first["page_size"], first["total_records"]) == (30, 45)
    assert len(first["participants"]) == 30
    assert len(rest["participants"]) == 15
    assert rest["next_page_token"] == ""
    ids = {p["id"] for p in first["participants"] + rest["participants"]}
    assert len(ids) == 45


@pytest.mark.anyio
async def test_participants_show_name_and_email_of_given_attendees(fake: FakeZoom) -> None:
    past = fake.add_past_meeting(
        fake.owner["id"],
        topic="Small",
        participants=[{"user_name": "Ada", "email": "ada@example.com", "id": ""}],
    )
    async with api_client(fake) as api:
        page = (await api.get(f"/past_meetings/{past['id']}/participants")).json()
    assert page["participants"] == [{"id": "", "name": "Ada", "user_email": "ada@example.com"}]


@pytest.mark.anyio
async def test_a_uuid_with_slashes_must_arrive_double_encoded(fake: FakeZoom) -> None:
    odd = "/abc//def+ghij=="
    fake.add_past_meeting(fake.owner["id"], topic="Odd", uuid=odd)
    once = quote(odd, safe="")
    async with api_client(fake) as api:
        double = await api.get(f"/past_meetings/{quote(once, safe='')}")
        single = await api.get(f"/past_meetings/{once}")
    assert double.json()["uuid"] == odd
    assert single.status_code == 404
    assert single.json()["code"] == 3001


@pytest.mark.anyio
async def test_an_unknown_meeting_is_zooms_3001(fake: FakeZoom) -> None:
    async with api_client(fake) as api:
        missing = await api.get("/past_meetings/12345678901/participants")
    assert missing.status_code == 404
    assert missing.json() == {
        "code": 3001,
        "message": "This meeting is not available or ID is not valid.",
    }


@pytest.mark.anyio
async def test_the_report_adds_join_and_leave_times(fake: FakeZoom) -> None:
    past = fake.add_past_meeting(
        fake.owner["id"], topic="Reported", start_time=START, duration=30, participants=2
    )
    async with api_client(fake) as api:
        page = (await api.get(f"/report/meetings/{past['id']}/participants")).json()
    record = page["participants"][0]
    assert record["join_time"] == "2026-03-01T15:00:00Z"
    assert record["leave_time"] == "2026-03-01T15:30:00Z"
    assert record["duration"] == 1800


@pytest.mark.anyio
async def test_an_ended_live_meeting_becomes_a_past_meeting(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Live")
    fake.start_meeting(meeting["id"])
    fake.add_participant(meeting["id"], name="Guest", email="guest@example.com")
    fake.end_meeting(meeting["id"])
    async with api_client(fake) as api:
        page = (await api.get(f"/past_meetings/{meeting['id']}/participants")).json()
    assert [(p["name"], p["user_email"]) for p in page["participants"]] == [
        ("Guest", "guest@example.com")
    ]


def test_seeded_meetings_each_have_their_own_participants(fake: FakeZoom) -> None:
    seeded = fake.seed_past_meetings(3, participants=2)
    assert len({meeting["uuid"] for meeting in seeded}) == 3
    assert all(meeting["participants_count"] == 2 for meeting in seeded)


@pytest.mark.anyio
async def test_seeded_meetings_are_listed_as_previous_meetings(fake: FakeZoom) -> None:
    seeded = fake.seed_past_meetings(2, participants=0)
    async with api_client(fake) as api:
        listed = await api.get("/users/me/meetings", params={"type": "previous_meetings"})
    assert {m["id"] for m in listed.json()["meetings"]} == {m["id"] for m in seeded}


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("path", "spec_path"),
    [
        ("/past_meetings/{id}", "/past_meetings/{meetingId}"),
        ("/past_meetings/{id}/participants", "/past_meetings/{meetingId}/participants"),
        ("/report/meetings/{id}/participants", "/report/meetings/{meetingId}/participants"),
    ],
)
async def test_answers_conform_to_the_2023_spec(
    fake: FakeZoom, zoom_openapi: dict[str, Any], path: str, spec_path: str
) -> None:
    past = fake.add_past_meeting(fake.owner["id"], topic="Spec", participants=2)
    async with api_client(fake) as api:
        body = (await api.get(path.format(id=past["id"]))).json()
    assert schema_problems(body, spec_schema(zoom_openapi, spec_path), "body") == []


@pytest.mark.anyio
async def test_a_newer_instance_recorded_after_a_lookup_is_the_one_named_next(
    fake: FakeZoom,
) -> None:
    first = fake.add_past_meeting(fake.owner["id"], topic="Daily", start_time=START)
    async with api_client(fake) as api:
        before = (await api.get(f"/past_meetings/{first['id']}")).json()
        later = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
        fake.add_past_meeting(
            fake.owner["id"], topic="Daily", start_time=later, meeting_id=first["id"]
        )
        after = (await api.get(f"/past_meetings/{first['id']}")).json()
    assert before["uuid"] == first["uuid"]
    assert after["start_time"] == "2026-03-02T08:00:00Z"
