"""build_meeting_update_body: a PATCH sends only what the caller gave, checked like a create."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from zoomkit.errors import RequestValidationError
from zoomkit.models import build_meeting_update_body


def test_update_body_holds_only_the_given_fields() -> None:
    assert build_meeting_update_body(agenda="New agenda", duration=45) == {
        "agenda": "New agenda",
        "duration": 45,
    }


def test_update_with_nothing_given_is_empty() -> None:
    assert build_meeting_update_body() == {}


def test_update_can_send_an_empty_string_to_clear_text() -> None:
    assert build_meeting_update_body(agenda="") == {"agenda": ""}


@pytest.mark.parametrize("field", ["topic", "agenda", "start_time", "settings", "recurrence"])
def test_none_in_an_update_is_refused_naming_the_field(field: str) -> None:
    arguments: dict[str, Any] = {field: None}

    with pytest.raises(RequestValidationError) as caught:
        build_meeting_update_body(**arguments)

    assert caught.value.field == field


def test_update_checks_fields_like_create() -> None:
    with pytest.raises(RequestValidationError) as caught:
        build_meeting_update_body(topic="x" * 201)

    assert caught.value.field == "topic"


def test_update_refuses_naive_start_time_without_timezone() -> None:
    with pytest.raises(RequestValidationError) as caught:
        build_meeting_update_body(start_time=datetime(2026, 5, 4, 10, 0))

    assert caught.value.field == "start_time"


def test_update_sends_aware_start_time_in_utc() -> None:
    body = build_meeting_update_body(start_time=datetime(2026, 5, 4, 10, 0, tzinfo=UTC))

    assert body == {"start_time": "2026-05-04T10:00:00Z"}


def test_update_settings_send_only_the_given_settings() -> None:
    body = build_meeting_update_body(settings={"waiting_room": True})

    assert body == {"settings": {"waiting_room": True}}


def test_update_recurrence_without_type_is_not_checked_against_the_meeting_type() -> None:
    body = build_meeting_update_body(recurrence={"type": 1, "end_times": 5})

    assert body == {"recurrence": {"type": 1, "end_times": 5}}


def test_update_extra_body_merges() -> None:
    body = build_meeting_update_body(topic="Sync", extra_body={"brand_new": True})

    assert body == {"topic": "Sync", "brand_new": True}
