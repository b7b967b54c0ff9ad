"""Path encoding (the meeting-UUID double-encoding rule) and Zoom's datetime format."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from zoomkit import MeetingUUID, build_path
from zoomkit.types import encode_path_segment, format_zoom_datetime, validate_timezone


@pytest.mark.parametrize(
    ("uuid", "encoded"),
    [
        ("/ajXp112QmuoKj4854875==", "%252FajXp112QmuoKj4854875%253D%253D"),
        ("abc//def==", "abc%252F%252Fdef%253D%253D"),
        ("4444AAAiAAAAAiAiAiiAii==", "4444AAAiAAAAAiAiAiiAii%3D%3D"),
        ("ab/cd+ef==", "ab%2Fcd%2Bef%3D%3D"),
    ],
)
def test_meeting_uuids_are_double_encoded_only_when_zoom_requires_it(
    uuid: str, encoded: str
) -> None:
    assert encode_path_segment(MeetingUUID(uuid)) == encoded


def test_plain_strings_are_encoded_once_even_with_slashes() -> None:
    assert encode_path_segment("/odd//user") == "%2Fodd%2F%2Fuser"


def test_build_path_encodes_every_id() -> None:
    path = build_path("/past_meetings/{meetingId}/participants", meetingId=MeetingUUID("/a//b=="))
    assert path == "/past_meetings/%252Fa%252F%252Fb%253D%253D/participants"
    assert build_path("/users/{userId}", userId="a b@x.com") == "/users/a%20b%40x.com"


def test_empty_and_bool_path_segments_are_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        encode_path_segment("")
    with pytest.raises(TypeError, match="bool"):
        encode_path_segment(True)


def test_aware_datetimes_go_out_as_utc_z() -> None:
    berlin = datetime(2026, 5, 4, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert format_zoom_datetime(berlin) == "2026-05-04T08:00:00Z"
    offset = datetime(2026, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert format_zoom_datetime(offset) == "2025-12-31T19:00:00Z"
    assert format_zoom_datetime(datetime(2026, 1, 1, tzinfo=UTC)) == "2026-01-01T00:00:00Z"


def test_a_naive_datetime_without_timezone_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match=r"naive datetime .* has no timezone"):
        format_zoom_datetime(datetime(2026, 5, 4, 10, 0))


def test_a_naive_datetime_with_a_timezone_goes_out_as_local_time() -> None:
    value = format_zoom_datetime(datetime(2026, 5, 4, 10, 0), timezone="Europe/Berlin")
    assert value == "2026-05-04T10:00:00"


@pytest.mark.parametrize("name", ["Mars/Olympus", "", " Europe/Berlin", "../etc/passwd"])
def test_unknown_timezones_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="unknown timezone"):
        validate_timezone(name)
