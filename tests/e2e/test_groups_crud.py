"""Groups end to end: the group itself, its members (both sides of membership), its admins."""

from __future__ import annotations

from typing import Any

import pytest

from zoomkit import ZoomClient
from zoomkit.errors import BadRequestError, ConflictError, NotFoundError, RequestValidationError
from zoomkit.models import Group, GroupMember, UserType
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio


@pytest.fixture
def people(fake: FakeZoom) -> list[dict[str, Any]]:
    return [fake.add_user(f"p{n}@example.com", first_name="P", last_name=str(n)) for n in range(5)]


async def new_group(zoom: ZoomClient, name: str = "Sales") -> str:
    group = await zoom.groups.create(name=name)
    assert group.id is not None
    return group.id


async def test_a_created_group_is_listed_and_fetched(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        created = await zoom.groups.create(name="Sales")
        listed = await zoom.groups.list()
        fetched = await zoom.groups.get(created.id or "")
    assert isinstance(created, Group)
    assert created.total_members == 0
    assert listed.total_records == 1
    assert listed.groups == [created]
    assert fetched == created


async def test_a_group_name_in_use_is_a_conflict(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.groups.create(name="Sales")
        with pytest.raises(ConflictError) as caught:
            await zoom.groups.create(name="sales")
    assert caught.value.code == 4132


@pytest.mark.parametrize("name", ["", "x" * 128])
async def test_a_bad_group_name_is_refused_before_sending(fake: FakeZoom, name: str) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.groups.create(name=name)
    assert caught.value.field == "name"
    assert fake.requests == []


async def test_a_group_is_renamed(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        await zoom.groups.update(group_id, name="Field sales")
        renamed = await zoom.groups.get(group_id)
    assert renamed.name == "Field sales"


async def test_a_rename_to_another_groups_name_is_a_conflict(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom, "Sales")
        await new_group(zoom, "Support")
        with pytest.raises(ConflictError):
            await zoom.groups.update(group_id, name="Support")


async def test_a_deleted_group_is_gone_and_its_members_stay(
    fake: FakeZoom, people: list[dict[str, Any]]
) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        await zoom.groups.members.create(group_id, members=[people[0]["id"]])
        await zoom.groups.delete(group_id)
        with pytest.raises(NotFoundError) as caught:
            await zoom.groups.get(group_id)
        member = await zoom.users.get(people[0]["id"])
    assert caught.value.code == 4130
    assert member.group_ids == []


async def test_added_members_are_listed_across_pages(
    fake: FakeZoom, people: list[dict[str, Any]]
) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        added = await zoom.groups.members.create(group_id, members=[p["email"] for p in people])
        members = [m async for m in zoom.groups.members.list(group_id, page_size=2)]
        group = await zoom.groups.get(group_id)
    assert added.id_list == [p["id"] for p in people]
    assert all(isinstance(m, GroupMember) for m in members)
    assert [m.id for m in members] == [p["id"] for p in people]
    assert members[0].type is UserType.LICENSED
    assert group.total_members == 5
    assert len([r for r in fake.requests if r.operation == "groupMembers"]) == 3


async def test_members_are_listed_by_page_number(
    fake: FakeZoom, people: list[dict[str, Any]]
) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        await zoom.groups.members.create(group_id, members=[p["id"] for p in people])
        page = await zoom.groups.members.list(group_id, page_size=2, page_number=3)
    assert [m.id for m in page.items] == [people[4]["id"]]
    assert page.page_count == 3


async def test_a_member_shows_the_group_in_its_group_ids(
    fake: FakeZoom, people: list[dict[str, Any]]
) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        await zoom.groups.members.create(group_id, members=[people[0]["id"]])
        member = await zoom.users.get(people[0]["id"])
    assert member.group_ids == [group_id]


async def test_a_member_is_removed(fake: FakeZoom, people: list[dict[str, Any]]) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        await zoom.groups.members.create(group_id, members=[people[0]["id"]])
        await zoom.groups.members.delete(group_id, people[0]["email"])
        members = [m async for m in zoom.groups.members.list(group_id)]
        member = await zoom.users.get(people[0]["id"])
    assert members == []
    assert member.group_ids == []


async def test_removing_a_non_member_is_refused_by_zoom(
    fake: FakeZoom, people: list[dict[str, Any]]
) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        with pytest.raises(BadRequestError, match="member not found"):
            await zoom.groups.members.delete(group_id, people[0]["id"])


async def test_a_member_is_moved_to_another_group(
    fake: FakeZoom, people: list[dict[str, Any]]
) -> None:
    async with fake.client() as zoom:
        sales = await new_group(zoom, "Sales")
        support = await new_group(zoom, "Support")
        await zoom.groups.members.create(sales, members=[people[0]["id"]])
        await zoom.groups.members.update(
            sales, people[0]["id"], action="move", target_group_id=support
        )
        in_sales = [m.id async for m in zoom.groups.members.list(sales)]
        in_support = [m.id async for m in zoom.groups.members.list(support)]
        member = await zoom.users.get(people[0]["id"])
    assert (in_sales, in_support) == ([], [people[0]["id"]])
    assert member.group_ids == [support]


async def test_the_primary_group_comes_first_in_group_ids(
    fake: FakeZoom, people: list[dict[str, Any]]
) -> None:
    async with fake.client() as zoom:
        sales = await new_group(zoom, "Sales")
        support = await new_group(zoom, "Support")
        for group_id in (sales, support):
            await zoom.groups.members.create(group_id, members=[people[0]["id"]])
        await zoom.groups.members.update(
            sales, people[0]["id"], action="set_primary", target_group_id=support
        )
        member = await zoom.users.get(people[0]["id"])
    assert member.group_ids == [support, sales]


@pytest.mark.parametrize(
    ("action", "target", "field"),
    [("promote", "g", "action"), ("move", "", "target_group_id")],
)
async def test_a_bad_member_update_is_refused_before_sending(
    fake: FakeZoom, action: str, target: str, field: str
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.groups.members.update("g", "m", action=action, target_group_id=target)
    assert caught.value.field == field
    assert fake.requests == []


async def test_more_than_thirty_members_at_once_is_refused_before_sending(
    fake: FakeZoom,
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match="at most 30"):
            await zoom.groups.members.create("g", members=[f"{n}@x.io" for n in range(31)])
    assert fake.requests == []


async def test_an_unknown_user_is_not_added(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        with pytest.raises(NotFoundError):
            await zoom.groups.members.create(group_id, members=["ghost@example.com"])
        group = await zoom.groups.get(group_id)
    assert group.total_members == 0


async def test_a_deleted_user_leaves_its_groups(
    fake: FakeZoom, people: list[dict[str, Any]]
) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        await zoom.groups.members.create(group_id, members=[people[0]["id"]])
        await zoom.groups.admins.create(group_id, admins=[people[0]["id"]])
        await zoom.users.delete(people[0]["id"])
        group = await zoom.groups.get(group_id)
        admins = [a async for a in zoom.groups.admins.list(group_id)]
    assert group.total_members == 0
    assert admins == []


async def test_admins_are_added_listed_and_removed(
    fake: FakeZoom, people: list[dict[str, Any]]
) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        added = await zoom.groups.admins.create(
            group_id, admins=[people[0]["email"], fake.owner["id"]]
        )
        admins = [(a.email, a.name) async for a in zoom.groups.admins.list(group_id)]
        await zoom.groups.admins.delete(group_id, people[0]["email"])
        left = [a.email async for a in zoom.groups.admins.list(group_id)]
    assert added.id_list == [people[0]["id"], fake.owner["id"]]
    assert admins == [("p0@example.com", "P 0"), ("owner@example.com", "Olivia Owner")]
    assert left == ["owner@example.com"]


async def test_removing_a_non_admin_is_code_4138(
    fake: FakeZoom, people: list[dict[str, Any]]
) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        with pytest.raises(BadRequestError) as caught:
            await zoom.groups.admins.delete(group_id, people[0]["id"])
    assert caught.value.code == 4138


async def test_more_than_ten_admins_at_once_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match="at most 10"):
            await zoom.groups.admins.create("g", admins=[f"{n}@x.io" for n in range(11)])
    assert fake.requests == []
