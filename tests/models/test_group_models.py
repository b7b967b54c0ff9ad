"""Group and tracking field models read Zoom's quirks; group request bodies are checked."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from zoomkit.errors import RequestValidationError
from zoomkit.models import (
    Group,
    GroupLockSettings,
    GroupMember,
    GroupRegistrationSettings,
    GroupUsersAdded,
    RegistrantQuestionField,
    TrackingFieldList,
    UserType,
)
from zoomkit.models.groups import build_group_name_body, build_registration_settings_body


def test_a_member_count_sent_as_a_string_is_an_int() -> None:
    assert Group.model_validate({"id": "g", "total_members": "12"}).total_members == 12


def test_a_members_type_sent_as_a_string_is_the_enum_member() -> None:
    assert GroupMember.model_validate({"type": "2"}).type is UserType.LICENSED


def test_an_added_at_in_zooms_odd_format_is_read() -> None:
    added = GroupUsersAdded.model_validate({"ids": "u1", "added_at": "03/25/2022 03:08"})
    assert added.added_at == datetime(2022, 3, 25, 3, 8, tzinfo=UTC)


def test_an_empty_total_reads_as_none() -> None:
    assert TrackingFieldList.model_validate({"total_records": ""}).total_records is None


def test_an_unknown_question_field_and_lock_survive_a_round_trip() -> None:
    sent = {"questions": [{"field_name": "shoe_size", "required": True}], "approve_type": 5}
    registration = GroupRegistrationSettings.model_validate(sent)
    assert registration.questions is not None
    assert registration.questions[0].field_name == "shoe_size"
    assert registration.to_dict() == sent
    locks = {"in_meeting": {"new_lock": True}}
    assert GroupLockSettings.model_validate(locks).to_dict() == locks


def test_a_known_question_field_is_the_enum_member() -> None:
    registration = GroupRegistrationSettings.model_validate({"questions": [{"field_name": "zip"}]})
    assert registration.questions is not None
    assert registration.questions[0].field_name is RegistrantQuestionField.ZIP


def test_a_group_name_body_merges_extra_body() -> None:
    assert build_group_name_body("Sales", extra_body={"note": 1}) == {"name": "Sales", "note": 1}


def test_registration_settings_send_only_what_is_given() -> None:
    assert build_registration_settings_body(options={"close_registration": False}) == {
        "options": {"close_registration": False}
    }


def test_a_question_flag_must_be_a_real_bool() -> None:
    with pytest.raises(RequestValidationError) as caught:
        build_registration_settings_body(questions=[{"field_name": "zip", "required": "yes"}])
    assert caught.value.field == "questions[0].required"
