"""A group's settings, lock settings, webinar registration settings and virtual backgrounds."""

from __future__ import annotations

import pytest

from zoomkit import ZoomClient
from zoomkit.errors import BadRequestError, NotFoundError, RequestValidationError
from zoomkit.models import (
    GroupLockSettings,
    GroupRegistrationCustomQuestionParams,
    GroupSettings,
    LockedScheduleMeeting,
    RegistrationApproval,
)
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio
PNG = b"\x89PNG\r\n\x1a\n" + bytes(100)


async def new_group(zoom: ZoomClient) -> str:
    group = await zoom.groups.create(name="Engineering")
    assert group.id is not None
    return group.id


async def test_a_group_has_default_settings_with_other_options(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        settings = await zoom.groups.get_settings(await new_group(zoom))
    assert isinstance(settings, GroupSettings)
    assert settings.other_options is not None
    assert settings.other_options.allow_users_contact_support_via_chat is True
    assert settings.recording is not None
    assert settings.recording.archive is not None
    assert settings.recording.archive.settings is not None


async def test_group_settings_merge_like_a_users(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        await zoom.groups.update_settings(
            group_id, other_options={"blur_snapshot": True}, in_meeting={"chat": False}
        )
        settings = await zoom.groups.get_settings(
            group_id, custom_query_fields="blur_snapshot,chat"
        )
    assert settings.to_dict() == {
        "in_meeting": {"chat": False},
        "other_options": {"blur_snapshot": True},
    }


async def test_group_meeting_security_is_read_and_changed_with_its_option(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        await zoom.groups.update_settings(
            group_id, meeting_security={"block_user_domain_list": ["spam.example"]}
        )
        security = await zoom.groups.get_settings(group_id, option="meeting_security")
    assert security.meeting_security is not None
    assert security.meeting_security.block_user_domain_list == ["spam.example"]
    assert security.meeting_security.chat_etiquette_tool is not None


async def test_group_meeting_authentication_is_switched_on(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        await zoom.groups.update_settings(group_id, meeting_authentication=True)
        settings = await zoom.groups.get_settings(group_id, option="meeting_authentication")
    assert settings.meeting_authentication is True
    assert settings.allow_authentication_exception is True


async def test_settings_of_an_unknown_group_are_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(NotFoundError) as caught:
            await zoom.groups.get_settings("nope")
    assert caught.value.code == 4130


async def test_nothing_is_locked_in_a_new_group(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        locks = await zoom.groups.get_lock_settings(await new_group(zoom))
    assert isinstance(locks, GroupLockSettings)
    assert locks.schedule_meeting is not None
    assert locks.schedule_meeting.host_video is False
    assert locks.recording is not None
    assert locks.recording.cloud_recording is False


async def test_a_locked_setting_reads_back_locked(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        await zoom.groups.update_lock_settings(
            group_id,
            schedule_meeting=LockedScheduleMeeting(host_video=True),
            recording={"cloud_recording": True},
        )
        locks = await zoom.groups.get_lock_settings(group_id)
    assert locks.schedule_meeting is not None
    assert locks.schedule_meeting.host_video is True
    assert locks.schedule_meeting.join_before_host is False
    assert locks.recording is not None
    assert locks.recording.cloud_recording is True


async def test_security_locks_use_the_meeting_security_option(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        await zoom.groups.update_lock_settings(group_id, meeting_security={"waiting_room": True})
        locks = await zoom.groups.get_lock_settings(group_id, option="meeting_security")
    assert locks.meeting_security is not None
    assert locks.meeting_security.waiting_room is True
    sent = [r.query for r in fake.requests if r.operation == "groupLockedSettings"]
    assert sent == [{"option": "meeting_security"}]


async def test_lock_settings_take_no_authentication_option(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.groups.get_lock_settings("g", option="meeting_authentication")
    assert caught.value.field == "option"
    assert fake.requests == []


async def test_a_lock_that_is_not_a_switch_is_refused_by_zoom(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        with pytest.raises(BadRequestError) as caught:
            await zoom.groups.update_lock_settings(
                group_id, extra_body={"in_meeting": {"chat": "on"}}
            )
    assert caught.value.errors == [{"field": "in_meeting.chat", "message": "Invalid field."}]


async def test_registration_settings_have_defaults(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        registration = await zoom.groups.get_registration_settings(await new_group(zoom))
    assert registration.approve_type is RegistrationApproval.AUTOMATIC
    assert registration.questions is not None
    assert len(registration.questions) == 14
    assert [r.query for r in fake.requests if r.operation == "groupSettingsRegistration"] == [
        {"type": "webinar"}
    ]


async def test_registration_settings_are_changed_in_part(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        await zoom.groups.update_registration_settings(
            group_id,
            approve_type=RegistrationApproval.MANUAL,
            options={"close_registration": True},
            questions=[{"field_name": "city", "required": True, "selected": True}],
            custom_questions=[
                GroupRegistrationCustomQuestionParams(
                    title="Team size", type="single_radio", answers=["1-10", "11+"]
                )
            ],
        )
        registration = await zoom.groups.get_registration_settings(group_id)
    assert registration.approve_type is RegistrationApproval.MANUAL
    assert registration.options is not None
    assert registration.options.close_registration is True
    assert registration.options.host_email_notification is True
    assert registration.questions is not None
    city = next(q for q in registration.questions if q.field_name == "city")
    assert (city.required, city.selected) == (True, True)
    assert registration.custom_questions is not None
    assert [(q.title, q.answers) for q in registration.custom_questions] == [
        ("Team size", ["1-10", "11+"])
    ]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"approve_type": 2}, "approve_type"),
        ({"questions": [{"field_name": "shoe_size"}]}, "questions[0].field_name"),
        ({"custom_questions": [{"title": "Why?", "type": "single_radio"}]}, "custom_questions[0]"),
        (
            {"custom_questions": [{"title": "Why?", "type": "short", "answers": ["x"]}]},
            "custom_questions[0]",
        ),
        ({"questions": "city"}, "questions"),
    ],
)
async def test_bad_registration_settings_are_refused_before_sending(
    fake: FakeZoom, fields: dict[str, object], field: str
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.groups.update_registration_settings("g", **fields)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert fake.requests == []


async def test_a_group_background_shows_in_its_settings_and_is_deleted(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        group_id = await new_group(zoom)
        uploaded = await zoom.groups.upload_virtual_background(group_id, file=PNG)
        with_file = await zoom.groups.get_settings(group_id)
        await zoom.groups.delete_virtual_backgrounds(group_id, file_ids=[uploaded.id or ""])
        without = await zoom.groups.get_settings(group_id)

    def files(settings: GroupSettings) -> list[str | None]:
        assert settings.in_meeting is not None
        assert settings.in_meeting.virtual_background_settings is not None
        return [f.id for f in settings.in_meeting.virtual_background_settings.files or []]

    assert (uploaded.name, uploaded.type) == ("background.png", "image")
    assert files(with_file) == [uploaded.id]
    assert files(without) == []


async def test_a_group_background_of_the_wrong_type_is_refused_before_sending(
    fake: FakeZoom,
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match="GIF, JPG, MOV, MP4, PNG"):
            await zoom.groups.upload_virtual_background("g", file=b"%PDF-1.7", filename="a.pdf")
    assert fake.requests == []
