"""Meetings on FakeZoom: create, get, update, delete and list, with Zoom's statuses and rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from zoomkit.testing import FakeClock, FakeZoom

FULL_OBJECT_FIELDS = {
    "id", "uuid", "host_id", "host_email", "assistant_id", "topic", "type", "status",
    "start_time", "duration", "timezone", "created_at", "agenda", "join_url", "start_url",
    "password", "h323_password", "pstn_password", "encrypted_password", "pre_schedule",
    "settings",
}  # fmt: skip


async def create(api: httpx.AsyncClient, body: dict[str, Any], user: str = "me") -> httpx.Response:
    return await api.post(f"/users/{user}/meetings", json=body)


@pytest.mark.asyncio
async def test_create_answers_201_with_the_full_object(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    response = await create(
        api, {"topic": "Standup", "start_time": "2026-03-10T15:00:00Z", "duration": 30}
    )
    assert response.status_code == 201
    meeting = response.json()
    assert meeting.keys() >= FULL_OBJECT_FIELDS
    assert 10**10 <= meeting["id"] < 10**11
    assert meeting["id"] > 2**31
    assert len(meeting["uuid"]) == 24
    assert meeting["host_id"] == fake.owner["id"]
    assert meeting["host_email"] == "owner@example.com"
    assert meeting["status"] == "waiting"
    assert meeting["type"] == 2
    assert meeting["start_time"] == "2026-03-10T15:00:00Z"
    assert meeting["join_url"].startswith(f"https://us05web.zoom.us/j/{meeting['id']}?pwd=")
    assert meeting["settings"]["approval_type"] == 2
    assert meeting["settings"]["audio"] == "voip"
    assert meeting["settings"]["auto_recording"] == "none"
    assert fake.get_meeting(meeting["id"]) == meeting


@pytest.mark.asyncio
async def test_local_start_time_is_read_in_the_meeting_time_zone(api: httpx.AsyncClient) -> None:
    response = await create(
        api, {"topic": "t", "start_time": "2026-07-01T09:30:00", "timezone": "America/New_York"}
    )
    assert response.json()["start_time"] == "2026-07-01T13:30:00Z"
    assert response.json()["timezone"] == "America/New_York"


@pytest.mark.asyncio
async def test_create_merges_sent_settings_over_zoom_defaults(api: httpx.AsyncClient) -> None:
    body = {"topic": "t", "settings": {"waiting_room": True, "breakout_room": {"enable": True}}}
    settings = (await create(api, body)).json()["settings"]
    assert settings["waiting_room"] is True
    assert settings["breakout_room"] == {"enable": True}
    assert settings["mute_upon_entry"] is False


@pytest.mark.asyncio
async def test_create_for_an_unknown_user_is_404(api: httpx.AsyncClient) -> None:
    response = await create(api, {"topic": "t"}, user="nobody@example.com")
    assert response.status_code == 404
    assert response.json()["code"] == 1001


@pytest.mark.asyncio
@pytest.mark.parametrize("body", [b"[1, 2]", b"not json", b""], ids=["array", "garbage", "empty"])
async def test_create_needs_a_json_object(api: httpx.AsyncClient, body: bytes) -> None:
    response = await api.post(
        "/users/me/meetings", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "code": 300,
        "message": "Request Body should be a valid JSON object.",
    }


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"topic": "x" * 201}, "topic"),
        ({"agenda": "x" * 2001}, "agenda"),
        ({"password": "12345678901"}, "password"),
        ({"password": "no spaces"}, "password"),
        ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"type": 4}, "type"),
        ({"start_time": "next tuesday"}, "start_time"),
        ({"settings": {"jbh_time": 7}}, "settings.jbh_time"),
        (
            {"type": 8, "recurrence": {"type": 1, "end_times": 3,
                                       "end_date_time": "2026-04-01T00:00:00Z"}},
            "recurrence.end_date_time",
        ),
        ({"type": 8}, "recurrence"),
    ],
)  # fmt: skip
async def test_validation_errors_name_the_field(
    api: httpx.AsyncClient, body: dict[str, Any], field: str
) -> None:
    response = await create(api, {"topic": "t", **body})
    assert response.status_code == 400
    payload = response.json()
    assert payload["code"] == 300
    assert payload["message"] == "Validation Failed."
    assert field in [error["field"] for error in payload["errors"]]


@pytest.mark.asyncio
async def test_limits_are_inclusive(api: httpx.AsyncClient) -> None:
    body = {"topic": "x" * 200, "agenda": "y" * 2000, "password": "aZ09@-_*ab"}
    assert (await create(api, body)).status_code == 201


@pytest.mark.asyncio
async def test_recurring_meeting_lists_its_occurrences(api: httpx.AsyncClient) -> None:
    body = {
        "topic": "Weekly",
        "type": 8,
        "start_time": "2026-03-02T10:00:00",
        "timezone": "America/New_York",
        "recurrence": {"type": 2, "weekly_days": "2", "end_times": 3},
    }
    meeting = (await create(api, body)).json()
    starts = [occurrence["start_time"] for occurrence in meeting["occurrences"]]
    # New York moves to summer time on 2026-03-08, so the UTC hour shifts.
    assert starts == ["2026-03-02T15:00:00Z", "2026-03-09T14:00:00Z", "2026-03-16T14:00:00Z"]
    assert {occurrence["status"] for occurrence in meeting["occurrences"]} == {"available"}
    first = meeting["occurrences"][0]
    assert first["occurrence_id"] == str(
        int(datetime(2026, 3, 2, 15, tzinfo=UTC).timestamp()) * 1000
    )


@pytest.mark.asyncio
async def test_get_returns_what_create_returned(api: httpx.AsyncClient) -> None:
    created = (await create(api, {"topic": "t"})).json()
    response = await api.get(f"/meetings/{created['id']}")
    assert response.status_code == 200
    assert response.json() == created


@pytest.mark.asyncio
async def test_get_unknown_meeting_is_404_code_3001(api: httpx.AsyncClient) -> None:
    response = await api.get("/meetings/12345678901")
    assert response.status_code == 404
    assert response.json() == {"code": 3001, "message": "Meeting does not exist: 12345678901."}


@pytest.mark.asyncio
async def test_non_numeric_meeting_id_is_400(api: httpx.AsyncClient) -> None:
    response = await api.get("/meetings/abc")
    assert response.status_code == 400
    assert response.json() == {"code": 300, "message": "Invalid meeting id."}


@pytest.mark.asyncio
async def test_patch_answers_204_and_deep_merges_settings(api: httpx.AsyncClient) -> None:
    created = (await create(api, {"topic": "t", "settings": {"waiting_room": True}})).json()
    response = await api.patch(
        f"/meetings/{created['id']}",
        json={"topic": "renamed", "settings": {"mute_upon_entry": True}},
    )
    assert response.status_code == 204
    assert response.content == b""
    after = (await api.get(f"/meetings/{created['id']}")).json()
    assert after["topic"] == "renamed"
    assert after["settings"]["waiting_room"] is True
    assert after["settings"]["mute_upon_entry"] is True
    assert after["uuid"] == created["uuid"]


@pytest.mark.asyncio
async def test_patch_validates_like_create_and_changes_nothing_on_error(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    created = (await create(api, {"topic": "t"})).json()
    response = await api.patch(f"/meetings/{created['id']}", json={"topic": "x" * 201})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "topic"
    assert fake.get_meeting(created["id"]) == created


@pytest.mark.asyncio
async def test_delete_answers_204_then_the_meeting_is_gone(api: httpx.AsyncClient) -> None:
    created = (await create(api, {"topic": "t"})).json()
    response = await api.delete(f"/meetings/{created['id']}")
    assert response.status_code == 204
    assert response.content == b""
    assert (await api.get(f"/meetings/{created['id']}")).json()["code"] == 3001
    assert (await api.delete(f"/meetings/{created['id']}")).status_code == 404


@pytest.mark.asyncio
async def test_list_splits_upcoming_from_previous_by_the_clock(
    api: httpx.AsyncClient, fake: FakeZoom, clock: FakeClock
) -> None:
    now = datetime.fromtimestamp(clock.time(), UTC)
    fake.add_meeting("owner@example.com", topic="past", start_time=now - timedelta(days=1))
    fake.add_meeting("owner@example.com", topic="soon", start_time=now + timedelta(minutes=30))

    async def topics(kind: str) -> list[str]:
        page = (await api.get("/users/me/meetings", params={"type": kind})).json()
        return [meeting["topic"] for meeting in page["meetings"]]

    assert await topics("scheduled") == ["past", "soon"]
    assert await topics("upcoming") == ["soon"]
    assert await topics("previous_meetings") == ["past"]
    assert await topics("live") == []
    clock.advance(45 * 60)  # well within the API token's hour
    assert await topics("upcoming") == []


@pytest.mark.asyncio
async def test_list_filters_by_from_and_to_dates(api: httpx.AsyncClient, fake: FakeZoom) -> None:
    for day in (1, 10, 20):
        fake.add_meeting(
            "owner@example.com", topic=f"d{day}", start_time=datetime(2026, 4, day, tzinfo=UTC)
        )
    page = (
        await api.get("/users/me/meetings", params={"from": "2026-04-05", "to": "2026-04-20"})
    ).json()
    assert [meeting["topic"] for meeting in page["meetings"]] == ["d10", "d20"]


@pytest.mark.asyncio
async def test_list_item_has_the_summary_fields(api: httpx.AsyncClient) -> None:
    await create(api, {"topic": "t", "agenda": "notes"})
    item = (await api.get("/users/me/meetings")).json()["meetings"][0]
    assert {"uuid", "id", "host_id", "topic", "type", "start_time", "duration", "timezone",
            "created_at", "join_url", "agenda"} == item.keys()  # fmt: skip


@pytest.mark.asyncio
async def test_list_only_shows_the_named_users_meetings(
    api: httpx.AsyncClient, fake: FakeZoom
) -> None:
    carol = fake.add_user("carol@example.com", first_name="Carol", last_name="C")
    fake.add_meeting(carol["id"], topic="carol's")
    await create(api, {"topic": "owner's"})
    page = (await api.get("/users/carol@example.com/meetings")).json()
    assert [meeting["topic"] for meeting in page["meetings"]] == ["carol's"]


@pytest.mark.asyncio
async def test_live_lists_started_meetings(api: httpx.AsyncClient, fake: FakeZoom) -> None:
    fake.add_meeting("owner@example.com", topic="on air", status="started")
    fake.add_meeting("owner@example.com", topic="later")
    page = (await api.get("/users/me/meetings", params={"type": "live"})).json()
    assert [meeting["topic"] for meeting in page["meetings"]] == ["on air"]


def test_add_meeting_can_force_an_awkward_uuid(fake: FakeZoom) -> None:
    meeting = fake.add_meeting("owner@example.com", topic="t", uuid="/abc//def==")
    assert fake.get_meeting(meeting["id"]) is not None
    assert meeting["uuid"] == "/abc//def=="


def test_add_meeting_refuses_naive_datetimes_and_bad_fields(fake: FakeZoom) -> None:
    with pytest.raises(ValueError, match="aware"):
        fake.add_meeting("owner@example.com", topic="t", start_time=datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="topic"):
        fake.add_meeting("owner@example.com", topic="x" * 201)
