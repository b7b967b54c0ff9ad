"""Assistants, schedulers and collaboration devices end to end."""

from __future__ import annotations

from typing import Any

import pytest

from zoomkit.errors import BadRequestError, NotFoundError, RequestValidationError, UserNotFound
from zoomkit.models import CollaborationDeviceStatus
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio


@pytest.fixture
def assistant(fake: FakeZoom) -> dict[str, Any]:
    return fake.add_user("pa@example.com", first_name="Pat", last_name="Assist")


async def test_an_added_assistant_is_listed_and_can_schedule_for_the_user(
    fake: FakeZoom, assistant: dict[str, Any]
) -> None:
    async with fake.client() as zoom:
        added = await zoom.users.assistants.create("me", assistants=["pa@example.com"])
        assistants = await zoom.users.assistants.list("me")
        schedulers = await zoom.users.schedulers.list(assistant["id"])
    assert added.id_list == [assistant["id"]]
    assert added.add_at is not None
    assert [(a.id, a.email) for a in assistants.assistants] == [(assistant["id"], "pa@example.com")]
    assert [(s.id, s.pmi) for s in schedulers.schedulers] == [(fake.owner["id"], fake.owner["pmi"])]


async def test_assistants_are_named_by_id_or_email(
    fake: FakeZoom, assistant: dict[str, Any]
) -> None:
    other = fake.add_user("pb@example.com", first_name="Pia", last_name="Bee")
    async with fake.client() as zoom:
        await zoom.users.assistants.create("me", assistants=[assistant["id"], "pb@example.com"])
    sent = [r.json for r in fake.requests if r.operation == "userAssistantCreate"]
    assert sent == [{"assistants": [{"id": assistant["id"]}, {"email": "pb@example.com"}]}]
    assert fake._state.user_data[fake.owner["id"]].assistants == [assistant["id"], other["id"]]


async def test_one_assistant_is_removed(fake: FakeZoom, assistant: dict[str, Any]) -> None:
    async with fake.client() as zoom:
        await zoom.users.assistants.create("me", assistants=[assistant["id"]])
        await zoom.users.assistants.delete("me", assistant["id"])
        listed = await zoom.users.assistants.list("me")
    assert listed.assistants == []


async def test_removing_someone_who_is_not_an_assistant_is_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(UserNotFound):
            await zoom.users.assistants.delete("me", "nobody")


async def test_every_assistant_is_removed_at_once(
    fake: FakeZoom, assistant: dict[str, Any]
) -> None:
    async with fake.client() as zoom:
        await zoom.users.assistants.create("me", assistants=[assistant["id"]])
        await zoom.users.assistants.delete_all("me")
        listed = await zoom.users.assistants.list("me")
    assert listed.assistants == []


async def test_removing_a_scheduler_removes_the_assistant_on_the_other_side(
    fake: FakeZoom, assistant: dict[str, Any]
) -> None:
    async with fake.client() as zoom:
        await zoom.users.assistants.create("me", assistants=[assistant["id"]])
        await zoom.users.schedulers.delete(assistant["id"], fake.owner["id"])
        listed = await zoom.users.assistants.list("me")
    assert listed.assistants == []


async def test_every_scheduler_is_removed_at_once(
    fake: FakeZoom, assistant: dict[str, Any]
) -> None:
    boss = fake.add_user("boss@example.com", first_name="Bo", last_name="Ss")
    async with fake.client() as zoom:
        await zoom.users.assistants.create("me", assistants=[assistant["id"]])
        await zoom.users.assistants.create(boss["id"], assistants=[assistant["id"]])
        await zoom.users.schedulers.delete_all(assistant["id"])
        schedulers = await zoom.users.schedulers.list(assistant["id"])
    assert schedulers.schedulers == []


async def test_an_unknown_scheduler_is_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(UserNotFound):
            await zoom.users.schedulers.delete("me", "nobody")


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("owner@example.com", "yourself"),
        ("ghost@example.com", "Can't find user"),
        ("basic@example.com", "Licensed"),
    ],
)
async def test_zoom_refuses_an_assistant_who_cannot_assist(
    fake: FakeZoom, who: str, message: str
) -> None:
    fake.add_user("basic@example.com", first_name="Ba", last_name="Sic", type=1)
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError, match=message):
            await zoom.users.assistants.create("me", assistants=[who])


async def test_an_assistant_added_twice_is_refused(
    fake: FakeZoom, assistant: dict[str, Any]
) -> None:
    async with fake.client() as zoom:
        await zoom.users.assistants.create("me", assistants=[assistant["id"]])
        with pytest.raises(BadRequestError, match="already granted"):
            await zoom.users.assistants.create("me", assistants=[assistant["id"]])


@pytest.mark.parametrize("assistants", [[], [f"a{n}@example.com" for n in range(31)], "x@y.z"])
async def test_a_bad_assistant_list_is_refused_before_sending(
    fake: FakeZoom, assistants: Any
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.users.assistants.create("me", assistants=assistants)
    assert caught.value.field == "assistants"
    assert fake.requests == []


async def test_a_deleted_user_is_nobodys_assistant_any_more(
    fake: FakeZoom, assistant: dict[str, Any]
) -> None:
    async with fake.client() as zoom:
        await zoom.users.assistants.create("me", assistants=[assistant["id"]])
        await zoom.users.delete(assistant["id"])
        listed = await zoom.users.assistants.list("me")
    assert listed.assistants == []


async def test_a_licensed_user_has_a_personal_room_device(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        devices = await zoom.users.collaboration_devices.list("me")
        device = await zoom.users.collaboration_devices.get(
            "me", devices.collaboration_devices[0].id or ""
        )
    assert devices.total_records == 1
    assert device == devices.collaboration_devices[0]
    assert device.status is CollaborationDeviceStatus.OFFLINE


async def test_a_basic_user_has_no_devices(fake: FakeZoom) -> None:
    basic = fake.add_user("basic@example.com", first_name="Ba", last_name="Sic", type=1)
    async with fake.client() as zoom:
        devices = await zoom.users.collaboration_devices.list(basic["id"])
    assert (devices.total_records, devices.collaboration_devices) == (0, [])


async def test_an_unknown_device_is_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(NotFoundError) as caught:
            await zoom.users.collaboration_devices.get("me", "F1C6E9DF-0000")
    assert caught.value.code == 1238
