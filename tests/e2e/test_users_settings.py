"""User settings end to end: defaults, deep merges, the ``option`` variants, field filters."""

from __future__ import annotations

import pytest

from zoomkit.errors import BadRequestError, RequestValidationError
from zoomkit.models import (
    AuthenticationOption,
    InMeetingSettings,
    ScheduleMeetingSettings,
    UserSettings,
)
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio


async def test_a_new_user_has_realistic_default_settings(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        settings = await zoom.users.get_settings("me")
    assert isinstance(settings, UserSettings)
    assert settings.schedule_meeting is not None
    assert settings.schedule_meeting.audio_type == "both"
    assert settings.in_meeting is not None
    assert settings.in_meeting.waiting_room is True
    assert settings.feature is not None
    assert settings.feature.meeting_capacity == 300  # the owner is licensed


async def test_an_update_merges_into_the_stored_settings(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.users.update_settings(
            "me",
            schedule_meeting={"host_video": True},
            in_meeting=InMeetingSettings(webinar_chat={"enable": False}),  # type: ignore[arg-type]
        )
        settings = await zoom.users.get_settings("me")
    assert settings.schedule_meeting is not None
    assert settings.schedule_meeting.host_video is True
    assert settings.schedule_meeting.audio_type == "both"  # untouched keys stay
    assert settings.in_meeting is not None
    assert settings.in_meeting.webinar_chat is not None
    assert settings.in_meeting.webinar_chat.enable is False
    assert settings.in_meeting.webinar_chat.allow_panelists_chat_with == 2


async def test_only_the_given_settings_are_sent(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.users.update_settings(
            "me", schedule_meeting=ScheduleMeetingSettings(host_video=True)
        )
    sent = [r for r in fake.requests if r.operation == "userSettingsUpdate"]
    assert [(r.json, r.query) for r in sent] == [({"schedule_meeting": {"host_video": True}}, {})]


async def test_settings_read_back_can_be_sent_again(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        before = await zoom.users.get_settings("me")
        assert before.in_meeting is not None
        await zoom.users.update_settings("me", in_meeting=before.in_meeting)
        after = await zoom.users.get_settings("me")
    assert after == before


async def test_custom_query_fields_keep_only_the_named_keys(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        settings = await zoom.users.get_settings("me", custom_query_fields="host_video,chat")
    assert settings.to_dict() == {
        "schedule_meeting": {"host_video": False},
        "in_meeting": {"chat": True},
    }


async def test_meeting_security_is_its_own_option(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.users.update_settings("me", meeting_security={"waiting_room": False})
        security = await zoom.users.get_settings("me", option="meeting_security")
        plain = await zoom.users.get_settings("me")
    assert security.meeting_security is not None
    assert security.meeting_security.waiting_room is False
    assert security.schedule_meeting is None
    assert plain.meeting_security is None
    sent = [r.query for r in fake.requests if r.operation == "userSettingsUpdate"]
    assert sent == [{"option": "meeting_security"}]


async def test_meeting_authentication_lists_the_profiles(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        settings = await zoom.users.get_settings("me", option="meeting_authentication")
    assert settings.meeting_authentication is False
    assert isinstance(settings.authentication_options, list)
    assert all(isinstance(o, AuthenticationOption) for o in settings.authentication_options)
    assert [o.default_option for o in settings.authentication_options] == [True, False]


async def test_an_authentication_profile_can_become_the_default_and_be_hidden(
    fake: FakeZoom,
) -> None:
    async with fake.client() as zoom:
        before = await zoom.users.get_settings("me", option="recording_authentication")
        assert isinstance(before.authentication_options, list)
        second = before.authentication_options[1].id
        await zoom.users.update_settings(
            "me",
            recording_authentication=True,
            authentication_option={"action": "update", "id": second, "default_option": True},
        )
        await zoom.users.update_settings(
            "me",
            option="recording_authentication",
            authentication_option={"action": "hide", "id": second},
        )
        after = await zoom.users.get_settings("me", option="recording_authentication")
    assert after.recording_authentication is True
    assert isinstance(after.authentication_options, list)
    assert [(o.default_option, o.visible) for o in after.authentication_options] == [
        (False, True),
        (True, False),
    ]


async def test_an_unknown_authentication_profile_is_refused_by_zoom(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError):
            await zoom.users.update_settings(
                "me",
                option="meeting_authentication",
                authentication_option={"action": "show", "id": "nope"},
            )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"schedule_meeting": {"host_video": "sometimes"}}, "schedule_meeting.host_video"),
        ({"in_meeting": {"closed_captioning": {"enable": []}}}, "in_meeting.closed_captioning"),
        ({"schedule_meeting": {}, "meeting_security": {}}, "meeting_security"),
        ({"meeting_authentication": True, "recording_authentication": True}, None),
        ({"meeting_security": {}, "option": "meeting_authentication"}, "option"),
        ({"schedule_meeting": {}, "option": "meeting_security"}, "option"),
        ({"authentication_option": {"id": "x"}}, "authentication_option"),
        ({"option": "everything"}, "option"),
        ({"meeting_authentication": "yes"}, "meeting_authentication"),
        ({"recording": ["on"]}, "recording"),
    ],
)
async def test_a_bad_settings_update_is_refused_before_sending(
    fake: FakeZoom, fields: dict[str, object], field: str | None
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.users.update_settings("me", **fields)  # type: ignore[arg-type]
    if field is not None:
        assert (caught.value.field or "").startswith(field)
    assert fake.requests == []


async def test_zoom_refuses_a_setting_of_the_wrong_type_and_keeps_the_old_value(
    fake: FakeZoom,
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as caught:
            await zoom.users.update_settings(
                "me",
                extra_body={"recording": {"auto_recording": "always", "local_recording": False}},
            )
        settings = await zoom.users.get_settings("me")
    assert caught.value.code == 300
    assert caught.value.errors == [
        {"field": "recording.auto_recording", "message": "Invalid field."}
    ]
    assert settings.recording is not None
    assert settings.recording.local_recording is True


async def test_an_unknown_setting_passes_through_to_zoom(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.users.update_settings("me", in_meeting={"brand_new_switch": True})
    sent = [r.json for r in fake.requests if r.operation == "userSettingsUpdate"]
    assert sent == [{"in_meeting": {"brand_new_switch": True}}]
