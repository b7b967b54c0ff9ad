"""Report and dashboard models read what Zoom actually sends, quirks included, losing nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from zoomkit.models import (
    DashboardMeeting,
    DashboardParticipant,
    MeetingType,
    ParticipantStatus,
    QualityRating,
    ReportDaily,
    ReportMeetingActivityList,
    ReportParticipant,
    ReportUser,
    ReportUserMeeting,
    ReportUserMeetingList,
    SignInActivity,
)
from zoomkit.types import MeetingUUID

# A record as Worklytics' sample of GET /report/users/{userId}/meetings shows it: times as
# MM/DD/YYYY HH:MM, the meeting type as a numeric string, empty strings for absent values.
PSOXY_STYLE_RECORD = {
    "uuid": "4444AAAiAAAAAiAiAiiAii==",
    "id": "85746065432",
    "host_id": "AAAAAiAiAiiAii",
    "type": "2",
    "topic": "Weekly sync",
    "user_name": "Jill Chill",
    "user_email": "jchill@example.com",
    "start_time": "2021-12-22T16:20:11Z",
    "end_time": "2021-12-22T16:50:13Z",
    "duration": "30",
    "total_minutes": 61,
    "participants_count": 2,
    "source": "Zoom",
    "schedule_time": "12/22/2021 16:20",
    "join_waiting_room_time": "",
    "join_time": "12/22/2021 16:20",
    "leave_time": "12/22/2021 16:50",
    "meeting_encryption_status": 1,
    "participants_count_my_account": "",
}


def test_report_meeting_reads_numeric_strings_and_zoom_clock_times() -> None:
    record = ReportUserMeeting.model_validate(PSOXY_STYLE_RECORD)

    assert record.id == 85746065432
    assert record.type == MeetingType.SCHEDULED
    assert record.duration == 30
    assert record.join_time == datetime(2021, 12, 22, 16, 20, tzinfo=UTC)
    assert record.leave_time == datetime(2021, 12, 22, 16, 50, tzinfo=UTC)


def test_empty_strings_read_as_absent() -> None:
    record = ReportUserMeeting.model_validate(PSOXY_STYLE_RECORD)

    assert record.join_waiting_room_time is None
    assert record.participants_count_my_account is None


def test_a_time_in_a_format_nobody_documented_is_kept_as_text() -> None:
    record = ReportUserMeeting.model_validate({**PSOXY_STYLE_RECORD, "join_time": "16:20:11"})

    assert record.join_time == "16:20:11"


def test_the_uuid_is_ready_for_a_path() -> None:
    record = ReportUserMeeting.model_validate({**PSOXY_STYLE_RECORD, "uuid": "/abc//def=="})

    assert isinstance(record.uuid, MeetingUUID)
    assert record.uuid.needs_double_encoding


def test_unknown_fields_and_enum_values_survive_a_round_trip() -> None:
    raw = {
        "id": "Xr1vVY4", "user_id": "16778240", "name": "Gus", "status": "in_breakout_room",
        "join_time": "2026-02-01T09:00:00Z", "new_field": {"nested": [1, 2]},
    }  # fmt: skip
    participant = ReportParticipant.model_validate(raw)

    assert participant.status == "in_breakout_room"
    assert participant.to_dict() == raw


def test_known_enum_values_read_as_members() -> None:
    participant = ReportParticipant.model_validate({"status": "in_waiting_room"})

    assert participant.status is ParticipantStatus.IN_WAITING_ROOM


@pytest.mark.parametrize(
    "attributes",
    [
        {"key": "cbf_a", "name": "Office", "value": "Berlin"},
        [{"key": "cbf_a", "name": "Office", "value": "Berlin"}],
    ],
)
def test_custom_attributes_as_one_object_or_a_list(attributes: object) -> None:
    user = ReportUser.model_validate({"id": "u1", "custom_attributes": attributes})

    assert user.custom_attributes is not None
    assert [a.value for a in user.custom_attributes] == ["Berlin"]


def test_a_page_echoes_its_window_under_from_and_to() -> None:
    page = ReportUserMeetingList.model_validate(
        {"from": "2026-02-01", "to": "2026-02-28", "next_page_token": "", "meetings": []}
    )

    assert (page.from_, page.to, page.next_page_token) == (
        date(2026, 2, 1),
        date(2026, 2, 28),
        None,
    )
    assert page.to_dict()["from"] == "2026-02-01"


def test_daily_dates_read_as_dates() -> None:
    daily = ReportDaily.model_validate(
        {"year": "2026", "month": 2, "dates": [{"date": "2026-02-01", "meetings": "3"}]}
    )

    assert daily.year == 2026
    assert (daily.dates[0].date, daily.dates[0].meetings) == (date(2026, 2, 1), 3)


def test_dashboard_quality_words_and_empty_quality() -> None:
    participant = DashboardParticipant.model_validate(
        {"audio_quality": "good", "video_quality": "", "screen_share_quality": "excellent"}
    )

    assert participant.audio_quality is QualityRating.GOOD
    assert participant.video_quality == ""
    assert participant.screen_share_quality == "excellent"


def test_dashboard_meeting_keeps_its_duration_as_text() -> None:
    meeting = DashboardMeeting.model_validate({"id": 85746065432, "duration": "01:02:03"})

    assert meeting.duration == "01:02:03"


def test_a_page_size_zoom_types_as_number_reads() -> None:
    page = ReportMeetingActivityList.model_validate(
        {"page_size": 30.0, "meeting_activity_logs": []}
    )

    assert page.page_size == 30


def test_a_sign_in_type_zoom_adds_later_is_kept() -> None:
    activity = SignInActivity.model_validate({"type": "Sign in (SSO)"})

    assert activity.type == "Sign in (SSO)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/22/2021 16:20:05", datetime(2021, 12, 22, 16, 20, 5, tzinfo=UTC)),
        ("2021-12-22T16:20:00Z", datetime(2021, 12, 22, 16, 20, tzinfo=UTC)),
        ("2021-12-22 16:20:00", datetime(2021, 12, 22, 16, 20, tzinfo=UTC)),
        ("13/45/2021 16:20", "13/45/2021 16:20"),
    ],
)
def test_report_times_parse_every_zoom_format_and_keep_impossible_dates_as_text(
    text: str, expected: object
) -> None:
    record = ReportUserMeeting.model_validate({"schedule_time": text})

    assert record.schedule_time == expected
