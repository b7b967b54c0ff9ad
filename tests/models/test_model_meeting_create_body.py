"""build_meeting_create_body: Zoom's rules are checked before sending; errors name the field."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from zoomkit.errors import RequestValidationError, ZoomError
from zoomkit.models import (
    MeetingSettings,
    MeetingSettingsParams,
    MeetingType,
    Recurrence,
    RecurrenceParams,
    TrackingField,
    build_meeting_create_body,
)

BERLIN = ZoneInfo("Europe/Berlin")
AWARE = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)


def refusal(**fields: Any) -> RequestValidationError:
    """The error build_meeting_create_body raises for ``fields`` (topic defaults to a valid one)."""
    fields.setdefault("topic", "Sync")
    with pytest.raises(RequestValidationError) as caught:
        build_meeting_create_body(**fields)
    return caught.value


# --- what is sent ----------------------------------------------------------------------------


def test_minimal_body_is_topic_and_scheduled_type() -> None:
    assert build_meeting_create_body(topic="Sync") == {"topic": "Sync", "type": 2}


def test_fields_left_as_none_are_not_sent() -> None:
    body = build_meeting_create_body(topic="Sync", agenda=None, duration=None)

    assert set(body) == {"topic", "type"}


def test_body_is_json_ready() -> None:
    body = build_meeting_create_body(
        topic="Sync",
        type=MeetingType.RECURRING_FIXED_TIME,
        start_time=AWARE,
        recurrence={"type": 1, "end_date_time": datetime(2026, 6, 1, tzinfo=UTC)},
    )

    assert json.loads(json.dumps(body)) == body


def test_aware_start_time_is_sent_in_utc_with_z() -> None:
    body = build_meeting_create_body(
        topic="Sync", start_time=datetime(2026, 5, 4, 10, tzinfo=BERLIN)
    )

    assert body["start_time"] == "2026-05-04T08:00:00Z"


def test_naive_start_time_with_timezone_is_sent_as_local_wall_time() -> None:
    body = build_meeting_create_body(
        topic="Sync", start_time=datetime(2026, 5, 4, 10, 0), timezone="Europe/Berlin"
    )

    assert body["start_time"] == "2026-05-04T10:00:00"
    assert body["timezone"] == "Europe/Berlin"


def test_recurrence_end_date_time_is_sent_in_utc_with_z() -> None:
    body = build_meeting_create_body(
        topic="Sync",
        type=8,
        recurrence=RecurrenceParams(type=1, end_date_time=datetime(2026, 6, 1, 2, tzinfo=BERLIN)),
    )

    assert body["recurrence"] == {"type": 1, "end_date_time": "2026-06-01T00:00:00Z"}


def test_weekly_days_accepts_a_list() -> None:
    body = build_meeting_create_body(
        topic="Sync", type=8, recurrence={"type": 2, "weekly_days": [2, 4]}
    )

    assert body["recurrence"]["weekly_days"] == "2,4"


def test_alternative_hosts_list_is_joined_with_semicolons() -> None:
    body = build_meeting_create_body(
        topic="Sync", settings={"alternative_hosts": ["a@example.com", "b@example.com"]}
    )

    assert body["settings"]["alternative_hosts"] == "a@example.com;b@example.com"


def test_unknown_setting_passes_through() -> None:
    body = build_meeting_create_body(topic="Sync", settings={"brand_new_setting": {"on": True}})

    assert body["settings"] == {"brand_new_setting": {"on": True}}


def test_settings_model_from_a_response_is_accepted() -> None:
    body = build_meeting_create_body(topic="Sync", settings=MeetingSettings(waiting_room=True))

    assert body["settings"] == {"waiting_room": True}


def test_recurrence_from_a_fetched_meeting_is_accepted() -> None:
    fetched = Recurrence.model_validate({"type": 1, "end_date_time": "2026-06-01T00:00:00Z"})

    body = build_meeting_create_body(topic="Sync", type=8, recurrence=fetched)

    assert body["recurrence"] == {"type": 1, "end_date_time": "2026-06-01T00:00:00Z"}


def test_tracking_field_from_a_response_sends_only_field_and_value() -> None:
    body = build_meeting_create_body(
        topic="Sync", tracking_fields=[TrackingField(field="Team", value="Core", visible=True)]
    )

    assert body["tracking_fields"] == [{"field": "Team", "value": "Core"}]


def test_extra_body_adds_unmodelled_fields() -> None:
    body = build_meeting_create_body(topic="Sync", extra_body={"new_field": 1})

    assert body["new_field"] == 1


def test_extra_body_merges_into_settings_key_by_key() -> None:
    body = build_meeting_create_body(
        topic="Sync",
        settings={"waiting_room": True},
        extra_body={"settings": {"brand_new_setting": False}},
    )

    assert body["settings"] == {"waiting_room": True, "brand_new_setting": False}


def test_extra_body_wins_over_a_validated_field() -> None:
    body = build_meeting_create_body(topic="Sync", extra_body={"type": 99})

    assert body["type"] == 99


# --- what is refused --------------------------------------------------------------------------


def test_refusal_is_a_zoom_error() -> None:
    assert isinstance(refusal(topic="x" * 201), ZoomError)


def test_topic_of_201_chars_names_topic_and_nothing_else() -> None:
    error = refusal(topic="x" * 201)

    assert error.field == "topic"
    assert str(error) == "topic: must be at most 200 characters (got 201)"


def test_topic_of_200_chars_is_accepted() -> None:
    assert build_meeting_create_body(topic="x" * 200)["topic"] == "x" * 200


def test_agenda_over_2000_chars_names_agenda() -> None:
    assert refusal(agenda="x" * 2001).field == "agenda"


def test_passcode_of_11_chars_names_password() -> None:
    error = refusal(password="a" * 11)

    assert error.field == "password"
    assert "at most 10 characters" in str(error)


def test_passcode_with_a_disallowed_character_names_password() -> None:
    error = refusal(password="abc$")

    assert error.field == "password"
    assert "'$'" in str(error)


def test_passcode_with_every_allowed_kind_of_character_is_accepted() -> None:
    assert build_meeting_create_body(topic="Sync", password="aZ9@-_*")["password"] == "aZ9@-_*"


def test_unknown_timezone_names_timezone() -> None:
    error = refusal(timezone="Mars/Olympus")

    assert error.field == "timezone"
    assert "Mars/Olympus" in str(error)


def test_naive_start_time_without_timezone_names_start_time() -> None:
    error = refusal(start_time=datetime(2026, 5, 4, 10, 0))

    assert error.field == "start_time"


def test_naive_start_time_error_says_how_to_fix_it() -> None:
    message = str(refusal(start_time=datetime(2026, 5, 4, 10, 0)))

    assert "aware datetime" in message
    assert "timezone" in message


@pytest.mark.parametrize("meeting_type", [4, 5, 99])
def test_type_zoom_cannot_create_names_type(meeting_type: int) -> None:
    assert refusal(type=meeting_type).field == "type"


def test_bool_type_is_refused() -> None:
    assert refusal(type=True).field == "type"


def test_negative_duration_names_duration() -> None:
    assert refusal(duration=-1).field == "duration"


def test_recurrence_with_end_times_and_end_date_time_names_recurrence() -> None:
    error = refusal(type=8, recurrence={"type": 1, "end_times": 3, "end_date_time": AWARE})

    assert error.field == "recurrence"
    assert "mutually exclusive" in str(error)


def test_recurrence_on_a_scheduled_meeting_names_recurrence() -> None:
    assert refusal(type=2, recurrence={"type": 1}).field == "recurrence"


@pytest.mark.parametrize("meeting_type", [3, 8])
def test_recurrence_on_a_recurring_meeting_is_accepted(meeting_type: int) -> None:
    body = build_meeting_create_body(topic="Sync", type=meeting_type, recurrence={"type": 1})

    assert body["recurrence"] == {"type": 1}


@pytest.mark.parametrize(
    ("recurrence", "field"),
    [
        ({"type": 4}, "recurrence.type"),
        ({"type": 1, "repeat_interval": 0}, "recurrence.repeat_interval"),
        ({"type": 2, "weekly_days": "1,8"}, "recurrence.weekly_days"),
        ({"type": 3, "monthly_day": 32}, "recurrence.monthly_day"),
        ({"type": 3, "monthly_week": 0, "monthly_week_day": 1}, "recurrence.monthly_week"),
        ({"type": 3, "monthly_week": 1, "monthly_week_day": 8}, "recurrence.monthly_week_day"),
        ({"type": 1, "end_times": 0}, "recurrence.end_times"),
        ({"type": 1, "end_times": 366}, "recurrence.end_times"),
        ({"type": 1, "end_date_time": datetime(2026, 6, 1)}, "recurrence.end_date_time"),
        ({"type": 1, "every": 2}, "recurrence.every"),
    ],
)
def test_bad_recurrence_field_is_named_with_its_path(
    recurrence: dict[str, Any], field: str
) -> None:
    assert refusal(type=8, recurrence=recurrence).field == field


def test_monthly_week_without_monthly_week_day_names_recurrence() -> None:
    assert refusal(type=8, recurrence={"type": 3, "monthly_week": -1}).field == "recurrence"


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ({"jbh_time": 7}, "settings.jbh_time"),
        ({"approval_type": 3}, "settings.approval_type"),
        ({"registration_type": 0}, "settings.registration_type"),
        ({"audio": "smoke_signals"}, "settings.audio"),
        ({"auto_recording": "tape"}, "settings.auto_recording"),
    ],
)
def test_bad_setting_is_named_with_its_path(settings: dict[str, Any], field: str) -> None:
    assert refusal(settings=settings).field == field


def test_bad_jbh_time_message_lists_the_allowed_values() -> None:
    assert str(refusal(settings={"jbh_time": 7})) == (
        "settings.jbh_time: must be 0, 5, 10 or 15 (got 7)"
    )


def test_bad_tracking_field_is_named_with_its_index() -> None:
    error = refusal(tracking_fields=[{"field": "Team", "value": "Core"}, {"field": "Cost"}])

    assert error.field == "tracking_fields[1].value"


def test_recurrence_params_built_directly_refuse_bad_input() -> None:
    with pytest.raises(RequestValidationError) as caught:
        RecurrenceParams(type=1, end_times=0)

    assert caught.value.field == "end_times"


def test_request_model_changed_after_construction_is_checked_again() -> None:
    recurrence = RecurrenceParams(type=1, end_times=3)
    recurrence.end_times = 0

    assert refusal(type=8, recurrence=recurrence).field == "recurrence.end_times"


def test_settings_params_instance_keeps_its_unknown_settings() -> None:
    settings = MeetingSettingsParams(jbh_time=5, brand_new_setting=True)

    body = build_meeting_create_body(topic="Sync", settings=settings)

    assert body["settings"] == {"jbh_time": 5, "brand_new_setting": True}


def test_naive_end_date_time_message_shows_the_value_readably() -> None:
    error = refusal(type=8, recurrence={"type": 1, "end_date_time": datetime(2026, 6, 1)})

    assert str(error) == (
        "recurrence.end_date_time: must be a timezone-aware datetime "
        "(got naive datetime 2026-06-01T00:00:00)"
    )
