"""Request bodies of the user and settings endpoints: pure checks, table-tested."""

from __future__ import annotations

from typing import Any

import pytest

from zoomkit.errors import RequestValidationError
from zoomkit.models.user_params import (
    build_feature_update_body,
    build_user_create_body,
    check_password,
    user_refs,
)
from zoomkit.models.user_settings import MeetingSecuritySettings, ScheduleMeetingSettings
from zoomkit.models.user_settings_params import SettingsOption, build_settings_body
from zoomkit.resources.user_media import (
    PICTURE_TYPES,
    VIRTUAL_BACKGROUND_TYPES,
    check_upload,
    file_ids_value,
)

SECTIONS: dict[str, Any] = {
    "schedule_meeting": ScheduleMeetingSettings,
    "meeting_security": MeetingSecuritySettings,
}


@pytest.mark.parametrize(
    ("given", "option", "expected"),
    [
        ({"schedule_meeting": {"host_video": True}}, None, None),
        ({"meeting_security": {"waiting_room": True}}, None, "meeting_security"),
        ({"meeting_authentication": True}, None, "meeting_authentication"),
        ({"recording_authentication": False}, None, "recording_authentication"),
        (
            {"authentication_option": {"id": "a"}},
            "meeting_authentication",
            "meeting_authentication",
        ),
        ({"meeting_security": {}}, SettingsOption.MEETING_SECURITY, "meeting_security"),
        ({}, "meeting_security", "meeting_security"),
    ],
)
def test_the_option_follows_from_what_is_given(
    given: dict[str, Any], option: str | None, expected: str | None
) -> None:
    chosen, _ = build_settings_body(
        given, sections=SECTIONS, option=option, allowed_options=tuple(SettingsOption)
    )
    assert chosen == expected


def test_a_settings_body_holds_only_the_given_keys_and_extra_body() -> None:
    _, body = build_settings_body(
        {"schedule_meeting": ScheduleMeetingSettings(host_video=True), "meeting_security": None},
        sections=SECTIONS,
        option=None,
        allowed_options=tuple(SettingsOption),
        extra_body={"schedule_meeting": {"new_key": 1}},
    )
    assert body == {"schedule_meeting": {"host_video": True, "new_key": 1}}


def test_an_option_the_endpoint_does_not_take_is_refused() -> None:
    with pytest.raises(RequestValidationError, match="'meeting_security'") as caught:
        build_settings_body(
            {},
            sections=SECTIONS,
            option="meeting_authentication",
            allowed_options=(SettingsOption.MEETING_SECURITY,),
        )
    assert caught.value.field == "option"


@pytest.mark.parametrize(
    ("content", "filename", "allowed", "expected"),
    [
        (b"\xff\xd8\xff\xe0rest", None, PICTURE_TYPES, ("picture.jpg", "image/jpeg")),
        (b"\x89PNG\r\n\x1a\nrest", "me.PNG", PICTURE_TYPES, ("me.PNG", "image/png")),
        (b"GIF87arest", None, VIRTUAL_BACKGROUND_TYPES, ("picture.gif", "image/gif")),
        (
            b"\0\0\0\x18ftypqt  rest",
            None,
            VIRTUAL_BACKGROUND_TYPES,
            ("picture.mov", "video/quicktime"),
        ),
        (b"unsniffable", "clip.mp4", VIRTUAL_BACKGROUND_TYPES, ("clip.mp4", "video/mp4")),
    ],
)
def test_an_upload_is_typed_by_its_bytes_then_its_name(
    content: bytes, filename: str | None, allowed: frozenset[str], expected: tuple[str, str]
) -> None:
    upload = check_upload(
        content, filename=filename, allowed=allowed, max_bytes=1000, default_stem="picture"
    )
    assert (upload.filename, upload.content_type) == expected
    assert upload.part() == (expected[0], content, expected[1])


def test_an_upload_over_the_limit_is_refused() -> None:
    with pytest.raises(RequestValidationError, match="at most"):
        check_upload(
            b"\xff\xd8\xff" + bytes(2000),
            filename=None,
            allowed=PICTURE_TYPES,
            max_bytes=1000,
            default_stem="p",
        )


@pytest.mark.parametrize(("ids", "sent"), [(["a", " b "], "a,b"), ("a,b", "a,b"), (("c",), "c")])
def test_file_ids_are_joined_with_commas(ids: Any, sent: str) -> None:
    assert file_ids_value(ids) == sent


@pytest.mark.parametrize(
    ("items", "sent"),
    [
        (["a@example.com"], [{"email": "a@example.com"}]),
        (["KDcuGIm1QgePTO8WbOqwIQ"], [{"id": "KDcuGIm1QgePTO8WbOqwIQ"}]),
        ([{"id": "u", "email": "u@example.com"}], [{"id": "u", "email": "u@example.com"}]),
    ],
)
def test_users_are_named_by_id_or_email(items: list[Any], sent: list[dict[str, str]]) -> None:
    assert user_refs(items, field="users") == sent


def test_a_user_named_by_neither_id_nor_email_is_refused() -> None:
    with pytest.raises(RequestValidationError, match="id or email") as caught:
        user_refs([{}], field="members")
    assert caught.value.field == "members[0]"


def test_an_autocreate_body_carries_the_checked_password() -> None:
    body = build_user_create_body(
        action="autoCreate", email="a@example.com", type=2, password="Secret123"
    )
    assert body == {
        "action": "autoCreate",
        "user_info": {"email": "a@example.com", "type": 2, "password": "Secret123"},
    }


@pytest.mark.parametrize("password", ["short", "x" * 33, 12345678])
def test_a_password_outside_zooms_length_is_refused_without_echoing_it(password: Any) -> None:
    with pytest.raises(RequestValidationError) as caught:
        check_password(password)
    assert str(password) not in str(caught.value)


@pytest.mark.parametrize(("value", "sent"), [(True, "true"), (16, "16"), ("Plus", "Plus")])
def test_a_feature_value_is_sent_as_zooms_string(value: Any, sent: str) -> None:
    body = build_feature_update_body(feature_type="webinar", feature_value=value, users=["u"])
    assert body["feature_value"] == sent
