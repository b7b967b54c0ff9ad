"""Webinar models read what Zoom actually sends, quirks included, and never drop data; webinar
request bodies are checked before sending, naming the bad field."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from zoomkit.errors import RequestValidationError
from zoomkit.models import (
    PastWebinarInstances,
    PollStatus,
    RegistrantStatus,
    Webinar,
    WebinarList,
    WebinarParticipantList,
    WebinarPoll,
    WebinarRegistrantList,
    WebinarType,
    build_webinar_create_body,
    build_webinar_update_body,
)
from zoomkit.types import MeetingUUID


def test_webinar_id_given_as_numeric_string_is_an_int() -> None:
    assert Webinar.model_validate_json(b'{"id": "85746065432"}').id == 85746065432


def test_webinar_type_given_as_a_string_is_the_enum_member() -> None:
    assert Webinar.model_validate({"id": 1, "type": "9"}).type is WebinarType.RECURRING_FIXED_TIME


def test_month_first_dates_parse_to_aware_utc() -> None:
    page = WebinarParticipantList.model_validate(
        {"participants": [{"join_time": "03/25/2022 07:29", "leave_time": "03/25/2022 08:01:30"}]}
    )
    participant = page.participants[0]
    assert participant.join_time == datetime(2022, 3, 25, 7, 29, tzinfo=UTC)
    assert participant.leave_time == datetime(2022, 3, 25, 8, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize("field", ["duration", "start_time", "created_at"])
def test_an_empty_string_is_read_as_absent(field: str) -> None:
    webinar = Webinar.model_validate({"id": 81234567890, field: ""})
    assert getattr(webinar, field) is None


@pytest.mark.parametrize("answer", [{}, {"id": ""}, {"id": None}])
def test_a_webinar_without_an_id_is_refused_naming_the_field(answer: dict[str, object]) -> None:
    with pytest.raises(ValidationError, match="id"):
        Webinar.model_validate(answer)


def test_an_empty_page_token_means_no_next_page() -> None:
    assert WebinarList.model_validate({"next_page_token": ""}).next_page_token is None


def test_an_instance_uuid_is_ready_for_a_path() -> None:
    instances = PastWebinarInstances.model_validate({"webinars": [{"uuid": "/a//b=="}]})
    uuid = instances.webinars[0].uuid
    assert isinstance(uuid, MeetingUUID)
    assert uuid.needs_double_encoding


def test_unknown_enum_values_and_fields_survive_a_round_trip() -> None:
    sent: dict[str, Any] = {
        "id": 85746065432,
        "type": 7,
        "creation_source": "mobile_app",
        "brand_new_field": {"nested": [1, 2]},
        "settings": {"audio": "satellite", "future_setting": True},
    }
    webinar = Webinar.model_validate(sent)
    assert webinar.type == 7
    assert webinar.to_dict() == sent


def test_a_registrant_status_zoom_adds_later_is_kept() -> None:
    page = WebinarRegistrantList.model_validate(
        {"registrants": [{"status": "waitlisted"}, {"status": "approved"}]}
    )
    assert [r.status for r in page.registrants] == ["waitlisted", RegistrantStatus.APPROVED]


def test_a_poll_status_zoom_adds_later_is_kept() -> None:
    assert WebinarPoll.model_validate({"status": "archived"}).status == "archived"
    assert WebinarPoll.model_validate({"status": "ended"}).status is PollStatus.ENDED


# -- request bodies ---------------------------------------------------------------------------


def test_a_create_body_holds_only_what_was_given_in_zoom_formats() -> None:
    body = build_webinar_create_body(
        topic="Launch",
        start_time=datetime(2026, 4, 14, 15, 0, tzinfo=UTC),
        settings={"approval_type": 0, "alternative_hosts": ["a@example.com"]},
        tracking_fields=[{"field": "team", "value": "sdk"}],
    )
    assert body == {
        "topic": "Launch",
        "type": 5,
        "start_time": "2026-04-14T15:00:00Z",
        "settings": {"approval_type": 0, "alternative_hosts": "a@example.com"},
        "tracking_fields": [{"field": "team", "value": "sdk"}],
    }


def test_a_naive_start_time_with_a_timezone_goes_out_as_wall_time() -> None:
    body = build_webinar_create_body(
        topic="Local", start_time=datetime(2026, 4, 14, 17, 0), timezone="Europe/Berlin"
    )
    assert (body["start_time"], body["timezone"]) == ("2026-04-14T17:00:00", "Europe/Berlin")


def test_extra_body_adds_a_setting_without_dropping_validated_ones() -> None:
    body = build_webinar_update_body(
        settings={"hd_video": True}, extra_body={"settings": {"brand_new": 1}}
    )
    assert body == {"settings": {"hd_video": True, "brand_new": 1}}


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"topic": "x" * 201}, "topic"),
        ({"topic": "ok", "type": 8}, "type"),
        ({"topic": "ok", "password": "has space"}, "password"),
        ({"topic": "ok", "password": "12345678901"}, "password"),
        ({"topic": "ok", "timezone": "Mars/Olympus"}, "timezone"),
        ({"topic": "ok", "duration": -1}, "duration"),
        ({"topic": "ok", "settings": {"approval_type": 5}}, "settings.approval_type"),
        (
            {"topic": "ok", "settings": {"registrants_restrict_number": 20001}},
            "settings.registrants_restrict_number",
        ),
        ({"topic": "ok", "type": 9, "recurrence": {"type": 4}}, "recurrence.type"),
    ],
)
def test_a_bad_create_field_is_named(fields: dict[str, Any], field: str) -> None:
    with pytest.raises(RequestValidationError) as refused:
        build_webinar_create_body(**fields)
    assert refused.value.field == field


def test_a_passcode_may_hold_an_exclamation_mark() -> None:
    assert build_webinar_create_body(topic="ok", password="Go!")["password"] == "Go!"
