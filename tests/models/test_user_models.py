"""User, settings and delegate models read Zoom's quirks and keep what they do not know."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from zoomkit.models import (
    AssistantsAdded,
    AuthenticationOption,
    AuthenticationOptionsByKind,
    CollaborationDevice,
    CollaborationDeviceStatus,
    CreatedUser,
    FeatureUpdateResult,
    Scheduler,
    UserSettings,
    UserSummary,
    UserToken,
    UserType,
    VirtualBackgroundFile,
)


def test_a_user_type_sent_as_a_string_is_the_enum_member() -> None:
    assert CreatedUser.model_validate({"type": "1"}).type is UserType.BASIC


def test_an_unknown_user_type_is_kept_as_its_number() -> None:
    created = CreatedUser.model_validate({"type": 7})
    assert created.type == 7
    assert created.to_dict() == {"type": 7}


def test_a_schedulers_pmi_sent_as_a_string_is_an_int() -> None:
    assert Scheduler.model_validate({"pmi": "8474213680"}).pmi == 8474213680


def test_an_odd_date_format_reads_as_an_aware_datetime() -> None:
    added = AssistantsAdded.model_validate({"ids": "a,b", "add_at": "10/31/2018 04:32"})
    assert added.add_at == datetime(2018, 10, 31, 4, 32, tzinfo=UTC)
    assert added.id_list == ["a", "b"]


def test_empty_strings_for_absent_counts_read_as_none() -> None:
    summary = UserSummary.model_validate({"licensed_users_count": "", "basic_users_count": "4"})
    assert (summary.licensed_users_count, summary.basic_users_count) == (None, 4)


@pytest.mark.parametrize(("sent", "read"), [("2048", 2048), (2048, 2048), ("2 MB", "2 MB")])
def test_a_background_size_is_an_int_when_it_is_a_number(sent: object, read: object) -> None:
    assert VirtualBackgroundFile.model_validate({"size": sent}).size == read


def test_an_unknown_device_status_is_kept() -> None:
    device = CollaborationDevice.model_validate({"status": "Sleeping"})
    assert device.status == "Sleeping"
    assert CollaborationDevice.model_validate({"status": "Online"}).status is (
        CollaborationDeviceStatus.ONLINE
    )


def test_unknown_settings_and_words_survive_a_round_trip() -> None:
    sent = {
        "in_meeting": {"entry_exit_chime": "robot voice", "brand_new_switch": True},
        "future_section": {"anything": [1, 2]},
    }
    settings = UserSettings.model_validate(sent)
    assert settings.in_meeting is not None
    assert settings.in_meeting.entry_exit_chime == "robot voice"
    assert settings.to_dict() == sent


def test_authentication_options_read_as_a_list_of_profiles() -> None:
    settings = UserSettings.model_validate(
        {"meeting_authentication": True, "authentication_options": [{"id": "a", "visible": True}]}
    )
    assert settings.authentication_options == [AuthenticationOption(id="a", visible=True)]


def test_authentication_options_of_both_kinds_read_as_one_object() -> None:
    settings = UserSettings.model_validate(
        {
            "authentication_options": {
                "meeting_authentication": {"meeting_authentication": True},
                "recording_authentication": {"authentication_options": [{"id": "r"}]},
            }
        }
    )
    both = settings.authentication_options
    assert isinstance(both, AuthenticationOptionsByKind)
    assert both.meeting_authentication is not None
    assert both.meeting_authentication.meeting_authentication is True


def test_a_token_is_left_out_of_the_repr() -> None:
    token = UserToken.model_validate({"token": "6IjAwMDAwMSIsInptX3NrbSI6InptX"})
    assert "6IjAwMDAwMSIs" not in repr(token)
    assert token.token == "6IjAwMDAwMSIsInptX3NrbSI6InptX"


def test_an_unknown_failure_reason_is_kept() -> None:
    result = FeatureUpdateResult.model_validate(
        {"fail_details": [{"user_ids": ["u1"], "reason": "Moon is full"}]}
    )
    assert result.success_user_ids == []
    assert result.fail_details[0].reason == "Moon is full"
