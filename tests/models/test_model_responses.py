"""Response models read what Zoom actually sends, quirks included, and never drop data."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from zoomkit.models import (
    Meeting,
    MeetingList,
    MeetingSettings,
    MeetingStatus,
    MeetingType,
    User,
    UserList,
    UserStatus,
    UserType,
)
from zoomkit.models._types import parse_zoom_datetime
from zoomkit.types import MeetingUUID


def test_meeting_id_given_as_numeric_string_is_an_int() -> None:
    meeting = Meeting.model_validate({"id": "85746065432"})

    assert meeting.id == 85746065432


def test_meeting_id_given_as_numeric_string_is_an_int_from_json_bytes() -> None:
    meeting = Meeting.model_validate_json(b'{"id": "85746065432"}')

    assert meeting.id == 85746065432


def test_meeting_id_beyond_int64_is_refused() -> None:
    with pytest.raises(ValueError, match="id"):
        Meeting.model_validate({"id": 2**63})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-05-04T10:00:00Z", datetime(2026, 5, 4, 10, 0, tzinfo=UTC)),
        ("2026-05-04T12:00:00+02:00", datetime(2026, 5, 4, 10, 0, tzinfo=UTC)),
        ("2026-05-04T10:00:00", datetime(2026, 5, 4, 10, 0, tzinfo=UTC)),
        ("2026-05-04 10:00:00", datetime(2026, 5, 4, 10, 0, tzinfo=UTC)),
        ("05/04/2026 10:00", datetime(2026, 5, 4, 10, 0, tzinfo=UTC)),
        ("05/04/2026 10:00:30", datetime(2026, 5, 4, 10, 0, 30, tzinfo=UTC)),
    ],
)
def test_datetime_formats_zoom_sends_parse_to_the_same_instant(
    text: str, expected: datetime
) -> None:
    meeting = Meeting.model_validate({"id": 1, "start_time": text})

    assert meeting.start_time == expected  # aware: comparing to a naive value would raise


@pytest.mark.parametrize("text", ["2026-05-04T10:00:00", "2026-05-04 10:00:00", "05/04/2026 10:00"])
def test_datetime_without_offset_is_read_as_utc(text: str) -> None:
    meeting = Meeting.model_validate_json(json.dumps({"id": 1, "start_time": text}))

    assert meeting.start_time is not None
    assert meeting.start_time.utcoffset() == timedelta(0)


def test_month_first_date_is_read_as_month_first() -> None:
    parsed = parse_zoom_datetime("03/25/2022 07:29")

    assert parsed == datetime(2022, 3, 25, 7, 29, tzinfo=UTC)


def test_datetime_with_offset_keeps_its_offset() -> None:
    meeting = Meeting.model_validate_json(b'{"id": 1, "start_time": "2026-05-04T12:00:00+02:00"}')

    assert meeting.start_time is not None
    assert meeting.start_time.utcoffset() == timedelta(hours=2)


def test_unparseable_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="start_time"):
        Meeting.model_validate({"id": 1, "start_time": "next tuesday"})


@pytest.mark.parametrize("field", ["start_time", "created_at", "duration", "pmi", "type"])
def test_empty_string_for_an_absent_value_reads_as_none(field: str) -> None:
    meeting = Meeting.model_validate({"id": 1, field: ""})

    assert getattr(meeting, field) is None


def test_empty_next_page_token_reads_as_none() -> None:
    page = UserList.model_validate({"next_page_token": "", "users": []})

    assert page.next_page_token is None


def test_unknown_fields_are_kept_as_attributes() -> None:
    meeting = Meeting.model_validate({"id": 1, "brand_new_field": {"x": 1}})

    assert meeting.brand_new_field == {"x": 1}


def test_unknown_fields_survive_to_dict() -> None:
    meeting = Meeting.model_validate(
        {"id": 1, "brand_new_field": [1, 2], "settings": {"new_setting": True}}
    )

    assert meeting.to_dict() == {
        "id": 1,
        "brand_new_field": [1, 2],
        "settings": {"new_setting": True},
    }


def test_unknown_int_enum_value_is_kept_as_plain_int() -> None:
    meeting = Meeting.model_validate({"id": 1, "type": 99})

    assert meeting.type == 99
    assert not isinstance(meeting.type, MeetingType)


def test_unknown_str_enum_value_is_kept_as_plain_string() -> None:
    meeting = Meeting.model_validate({"id": 1, "status": "something_new"})

    assert meeting.status == "something_new"
    assert not isinstance(meeting.status, MeetingStatus)


def test_unknown_enum_values_survive_to_dict() -> None:
    meeting = Meeting.model_validate({"id": 1, "type": 99, "status": "something_new"})

    assert meeting.to_dict() == {"id": 1, "type": 99, "status": "something_new"}


def test_known_int_enum_value_given_as_string_is_the_member() -> None:
    meeting = Meeting.model_validate({"id": 1, "type": "8"})

    assert meeting.type is MeetingType.RECURRING_FIXED_TIME


def test_unknown_setting_enum_value_is_kept() -> None:
    settings = MeetingSettings.model_validate({"audio": "hologram", "approval_type": 7})

    assert (settings.audio, settings.approval_type) == ("hologram", 7)


def test_to_dict_holds_only_what_zoom_sent() -> None:
    meeting = Meeting.model_validate({"id": 1, "topic": "Sync"})

    assert meeting.to_dict() == {"id": 1, "topic": "Sync"}


def test_to_dict_renders_datetimes_as_utc_z() -> None:
    meeting = Meeting.model_validate({"id": 1, "start_time": "05/04/2026 10:00"})

    assert meeting.to_dict()["start_time"] == "2026-05-04T10:00:00Z"


def test_uuid_is_a_meeting_uuid() -> None:
    meeting = Meeting.model_validate({"id": 1, "uuid": "/ajXp112QmuoKj4854875=="})

    assert isinstance(meeting.uuid, MeetingUUID)
    assert meeting.uuid.needs_double_encoding


def test_number_where_the_spec_says_string_is_read_as_string() -> None:
    meeting = Meeting.model_validate({"id": 1, "occurrences": [{"occurrence_id": 1648194360000}]})

    assert meeting.occurrences is not None
    assert meeting.occurrences[0].occurrence_id == "1648194360000"


def test_full_meeting_from_the_spec_parses(full_meeting: dict[str, Any]) -> None:
    meeting = Meeting.model_validate_json(json.dumps(full_meeting))

    assert meeting.id == 97763643886
    assert meeting.type is MeetingType.RECURRING_FIXED_TIME
    assert meeting.status is MeetingStatus.WAITING
    assert meeting.pmi == 97891943927
    assert meeting.created_at == datetime(2022, 3, 25, 7, 29, 29, tzinfo=UTC)
    assert meeting.recurrence is not None
    assert meeting.recurrence.end_date_time == datetime(2022, 4, 2, 15, 59, tzinfo=UTC)
    assert meeting.settings is not None
    assert meeting.settings.breakout_room is not None
    assert meeting.settings.breakout_room.rooms is not None
    assert meeting.settings.breakout_room.rooms[0].participants == ["jchill@example.com"]
    assert meeting.tracking_fields is not None
    assert meeting.tracking_fields[0].visible is True


def test_full_meeting_declares_every_field_it_carries(full_meeting: dict[str, Any]) -> None:
    meeting = Meeting.model_validate(full_meeting)

    assert meeting.model_extra == {}
    assert meeting.settings is not None
    assert meeting.settings.model_extra == {}


def test_full_meeting_round_trips_through_to_dict(full_meeting: dict[str, Any]) -> None:
    meeting = Meeting.model_validate(full_meeting)

    assert meeting.to_dict() == full_meeting | {"pmi": 97891943927}


def test_meeting_list_page_of_300_parses_from_bytes() -> None:
    items = [
        {
            "uuid": f"uuid{i}==",
            "id": str(85746065432 + i),
            "host_id": "30R7kT7bTIKSNUFEuH_Qlg",
            "topic": f"Meeting {i}",
            "type": 2,
            "start_time": "2026-05-04T10:00:00Z",
            "duration": 60,
            "timezone": "Europe/Berlin",
            "created_at": "2026-04-01T09:30:12Z",
            "join_url": f"https://example.com/j/{85746065432 + i}",
        }
        for i in range(300)
    ]
    raw = json.dumps(
        {"page_size": 300, "total_records": 301, "next_page_token": "t", "meetings": items}
    )

    page = MeetingList.model_validate_json(raw.encode())

    assert len(page.meetings) == 300
    assert page.meetings[299].id == 85746065432 + 299
    assert page.next_page_token == "t"


def test_meeting_list_reads_from_under_its_python_name() -> None:
    page = MeetingList.model_validate({"from": "2026-05-01", "to": "2026-05-31", "meetings": []})

    assert page.from_ is not None
    assert page.from_.isoformat() == "2026-05-01"
    assert page.to_dict()["from"] == "2026-05-01"


def test_user_type_4_is_unassigned_without_meetings_basic() -> None:
    user = User.model_validate({"id": "u1", "type": 4})

    assert user.type is UserType.UNASSIGNED_WITHOUT_MEETINGS_BASIC


def test_user_status_and_pmi_parse() -> None:
    user = User.model_validate_json(b'{"id": "u1", "status": "active", "pmi": "3542471135"}')

    assert user.status is UserStatus.ACTIVE
    assert user.pmi == 3542471135


def test_pending_user_without_id_parses() -> None:
    page = UserList.model_validate({"users": [{"email": "new@example.com", "status": "pending"}]})

    assert page.users[0].id is None


def test_user_custom_attributes_as_single_object_read_as_a_list() -> None:
    user = User.model_validate({"id": "u1", "custom_attributes": {"key": "k", "value": "v"}})

    assert user.custom_attributes is not None
    assert [a.key for a in user.custom_attributes] == ["k"]


def test_user_datetimes_are_aware() -> None:
    user = User.model_validate({"id": "u1", "user_created_at": "2019-06-01 07:58:03"})

    assert user.user_created_at == datetime(2019, 6, 1, 7, 58, 3, tzinfo=UTC)
