"""Users end to end: create, update, status, email, password, delete, and the account checks."""

from __future__ import annotations

import dataclasses

import pytest

from zoomkit import RateLimits
from zoomkit.errors import (
    BadRequestError,
    ConflictError,
    DailyLimitExceeded,
    RequestValidationError,
    UserNotFound,
)
from zoomkit.models import CreatedUser, UserStatus, UserType
from zoomkit.testing import PLANS, FakeClock, FakeZoom

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("create", "pending"),
        ("autoCreate", "active"),
        ("custCreate", "active"),
        ("ssoCreate", "active"),
    ],
)
async def test_a_created_user_gets_the_status_its_action_implies(
    fake: FakeZoom, action: str, status: str
) -> None:
    async with fake.client() as zoom:
        created = await zoom.users.create(
            email="new@example.com", type=UserType.LICENSED, action=action, first_name="Nia"
        )
    assert isinstance(created, CreatedUser)
    assert created.type is UserType.LICENSED
    stored = fake.get_user("new@example.com")
    assert stored is not None
    assert (stored["id"], stored["status"]) == (created.id, status)


async def test_a_pending_user_is_listed_under_the_pending_filter(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.users.create(email="invitee@example.com")
        pending = [u.email async for u in zoom.users.list(status=UserStatus.PENDING)]
        active = [u.email async for u in zoom.users.list()]
    assert pending == ["invitee@example.com"]
    assert "invitee@example.com" not in active


async def test_creating_a_user_with_an_email_in_use_is_a_conflict(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(ConflictError) as caught:
            await zoom.users.create(email=fake.owner["email"], type=1)
    assert caught.value.code == 1005
    assert caught.value.status_code == 409


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"email": "not-an-email"}, "user_info.email"),
        ({"email": "a@example.com", "type": 4}, "user_info.type"),
        ({"email": "a@example.com", "type": 99}, ""),
        ({"email": "a@example.com", "first_name": "x" * 65}, "user_info.first_name"),
        ({"email": "a@example.com", "action": "invite"}, "action"),
        ({"email": "a@example.com", "password": "Secret123"}, "password"),
        (
            {"email": "a@example.com", "action": "autoCreate", "password": "short1"},
            "password",
        ),
    ],
)
async def test_a_bad_new_user_is_refused_before_sending(
    fake: FakeZoom, fields: dict[str, object], field: str
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.users.create(**fields)  # type: ignore[arg-type]
    assert (caught.value.field or "") == field
    assert fake.requests == []


async def test_a_refused_password_never_appears_in_the_error(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.users.update_password(fake.owner["id"], password="Pw1" * 20)
    assert "Pw1" not in str(caught.value)
    assert caught.value.__cause__ is None


async def test_an_update_changes_only_the_fields_given(fake: FakeZoom) -> None:
    member = fake.add_user("kim@example.com", first_name="Kim", last_name="Ono")
    async with fake.client() as zoom:
        await zoom.users.update(
            member["id"], first_name="Kimi", timezone="Asia/Tokyo", job_title="Engineer"
        )
        user = await zoom.users.get(member["id"])
    assert (user.first_name, user.last_name, user.display_name) == ("Kimi", "Ono", "Kimi Ono")
    assert (user.timezone, user.job_title) == ("Asia/Tokyo", "Engineer")
    sent = [r.json for r in fake.requests if r.operation == "userUpdate"]
    assert sent == [{"first_name": "Kimi", "timezone": "Asia/Tokyo", "job_title": "Engineer"}]


async def test_a_vanity_name_sets_the_room_url_and_is_then_taken(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        before = await zoom.users.check_vanity_name(vanity_name="olivia.room")
        await zoom.users.update("me", vanity_name="olivia.room")
        after = await zoom.users.check_vanity_name(vanity_name="olivia.room")
        user = await zoom.users.me()
    assert (before.existed, after.existed) == (False, True)
    assert user.vanity_url is not None
    assert user.vanity_url.endswith("/my/olivia.room")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"pmi": 12345}, "pmi"),
        ({"first_name": None}, "first_name"),
        ({"host_key": "12ab"}, "host_key"),
        ({"phone_numbers": [{"label": "Pager"}]}, "phone_numbers[0].label"),
        ({"manager": "boss"}, "manager"),
    ],
)
async def test_a_bad_update_is_refused_before_sending(
    fake: FakeZoom, fields: dict[str, object], field: str
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.users.update("me", **fields)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert fake.requests == []


async def test_a_host_key_error_does_not_echo_the_key(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.users.update("me", host_key="98765x")
    assert "98765" not in str(caught.value)


async def test_phone_numbers_read_from_a_user_can_be_sent_back(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.users.update("me", phone_numbers=[{"country": "US", "number": "5550100"}])
        user = await zoom.users.me()
        assert user.phone_numbers is not None
        await zoom.users.update("me", phone_numbers=user.phone_numbers)
    sent = [r.json for r in fake.requests if r.operation == "userUpdate"]
    assert sent[0] == sent[1]


async def test_deactivating_and_activating_a_user_flips_its_status(fake: FakeZoom) -> None:
    member = fake.add_user("lee@example.com", first_name="Lee", last_name="Park")
    async with fake.client() as zoom:
        await zoom.users.update_status(member["id"], action="deactivate")
        inactive = (await zoom.users.get(member["id"])).status
        await zoom.users.update_status(member["id"], action="activate")
        active = (await zoom.users.get(member["id"])).status
    assert (inactive, active) == (UserStatus.INACTIVE, UserStatus.ACTIVE)


async def test_an_admin_cannot_be_deactivated(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as caught:
            await zoom.users.update_status("me", action="deactivate")
    assert caught.value.code == 200


async def test_an_unknown_status_action_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match="activate"):
            await zoom.users.update_status("me", action="suspend")
    assert fake.requests == []


async def test_an_email_change_moves_the_sign_in_address(fake: FakeZoom) -> None:
    member = fake.add_user("old@example.com", first_name="Oli", last_name="Ver")
    async with fake.client() as zoom:
        await zoom.users.update_email(member["id"], email="new@example.com")
        taken = await zoom.users.check_email(email="new@example.com")
        freed = await zoom.users.check_email(email="old@example.com")
    assert (taken.existed_email, freed.existed_email) == (True, False)


async def test_an_email_another_user_has_is_a_conflict(fake: FakeZoom) -> None:
    member = fake.add_user("one@example.com", first_name="One", last_name="User")
    async with fake.client() as zoom:
        with pytest.raises(ConflictError):
            await zoom.users.update_email(member["id"], email=fake.owner["email"])


async def test_setting_the_same_password_twice_is_refused_by_zoom(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.users.update_password("me", password="Correct4Horse")
        with pytest.raises(BadRequestError) as caught:
            await zoom.users.update_password("me", password="Correct4Horse")
    assert "can not match the old password" in str(caught.value)
    assert "Correct4Horse" not in str(caught.value)


async def test_deleting_a_user_removes_it_and_its_meetings(fake: FakeZoom) -> None:
    member = fake.add_user("gone@example.com", first_name="Go", last_name="Ne")
    meeting = fake.add_meeting(member["id"], topic="Orphan")
    async with fake.client() as zoom:
        await zoom.users.delete(member["id"], action="delete")
        with pytest.raises(UserNotFound):
            await zoom.users.get(member["id"])
    assert fake.get_meeting(meeting["id"]) is None
    assert [r.query for r in fake.requests if r.operation == "userDelete"] == [{"action": "delete"}]


async def test_a_deleted_users_meetings_can_be_transferred(fake: FakeZoom) -> None:
    member = fake.add_user("leaver@example.com", first_name="Lea", last_name="Ver")
    meeting = fake.add_meeting(member["id"], topic="Keep me")
    async with fake.client() as zoom:
        await zoom.users.delete(
            member["id"], transfer_email=fake.owner["email"], transfer_meeting=True
        )
    kept = fake.get_meeting(meeting["id"])
    assert kept is not None
    assert kept["host_id"] == fake.owner["id"]


async def test_a_transfer_without_a_target_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.users.delete("someone@example.com", transfer_recording=True)
    assert caught.value.field == "transfer_recording"
    assert fake.requests == []


async def test_the_account_owner_cannot_be_deleted(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError):
            await zoom.users.delete(fake.owner["id"])
    assert fake.get_user(fake.owner["id"]) is not None


async def test_the_summary_counts_users_by_kind(fake: FakeZoom) -> None:
    fake.add_user("basic@example.com", first_name="B", last_name="A", type=1)
    fake.add_user("lic@example.com", first_name="L", last_name="I", type=2)
    async with fake.client() as zoom:
        await zoom.users.create(email="pending@example.com", type=1)
        summary = await zoom.users.summary()
    assert summary.licensed_users_count == 2  # the owner and one member
    assert summary.basic_users_count == 1
    assert summary.pending_users_count == 1
    assert summary.total_users_count == 3


async def test_a_bulk_feature_update_reports_who_was_not_changed(fake: FakeZoom) -> None:
    member = fake.add_user("feat@example.com", first_name="Fe", last_name="At", type=2)
    async with fake.client() as zoom:
        result = await zoom.users.update_features(
            feature_type="user_type",
            feature_value=1,
            users=[member["id"], "ghost@example.com", fake.owner["email"]],
        )
        downgraded = await zoom.users.get(member["id"])
    assert result.success_user_ids == [member["id"], fake.owner["id"]]
    assert {f.reason: f.user_ids for f in result.fail_details} == {
        "Users not found": ["ghost@example.com"]
    }
    assert downgraded.type is UserType.BASIC


async def test_a_zak_and_a_user_token_are_returned_and_hidden_from_repr(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        zak = await zoom.users.get_zak()
        token = await zoom.users.get_token("me", type="zak", ttl=3600)
    assert zak.token
    assert token.token
    assert zak.token not in repr(zak)
    assert [r.query for r in fake.requests if r.operation == "userToken"] == [
        {"type": "zak", "ttl": "3600"}
    ]


async def test_a_token_ttl_needs_the_zak_type(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match="zak"):
            await zoom.users.get_token("me", ttl=60)
    assert fake.requests == []


async def test_revoking_an_sso_token_is_counted_by_zoom(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.users.revoke_sso_token("me")
    assert fake._state.user_data[fake.owner["id"]].sso_tokens_revoked == 1


async def test_permissions_follow_the_users_role(fake: FakeZoom) -> None:
    member = fake.add_user("m@example.com", first_name="M", last_name="E")
    async with fake.client() as zoom:
        owner = await zoom.users.get_permissions("me")
        plain = await zoom.users.get_permissions(member["id"])
    assert "User:Edit" in owner.permissions
    assert "User:Edit" not in plain.permissions


async def test_do_not_disturb_is_set_for_a_duration(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.users.update_presence_status("me", status="Do_Not_Disturb", duration=30)
    data = fake._state.user_data[fake.owner["id"]]
    assert data.presence_status == "Do_Not_Disturb"
    assert data.presence_until == fake.clock.time() + 30 * 60


async def test_a_duration_without_do_not_disturb_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match="Do_Not_Disturb"):
            await zoom.users.update_presence_status("me", status="Away", duration=30)
    assert fake.requests == []


async def test_the_accounts_daily_invite_cap_stops_invites_only(clock: FakeClock) -> None:
    # Zoom's 429 for the account's user invites names no category budget: zoomkit raises it
    # for that call and blocks nothing else, not even the other Light calls.
    plan = dataclasses.replace(PLANS["pro"], user_invites_per_day=1)
    fake = FakeZoom(clock=clock, seed=11, plan=plan)
    async with fake.client(rate_limits=RateLimits.pro()) as zoom:
        await zoom.users.create(email="one@example.com", type=UserType.BASIC, action="create")
        with pytest.raises(DailyLimitExceeded, match=r"daily rate limit \(1\) of user invite"):
            await zoom.users.create(email="two@example.com", type=UserType.BASIC, action="create")
        other = await zoom.users.create(
            email="two@example.com", type=UserType.BASIC, action="custCreate"
        )
        me = await zoom.users.me()  # Light, like the refused invite
        quota = await zoom.quota()
    assert other.email == "two@example.com"
    assert me.id == fake.owner["id"]
    assert all(q.blocked_until is None for q in quota.categories.values())
