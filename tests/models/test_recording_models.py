"""Recording models read what Zoom really sends, and request models refuse bad input early."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from zoomkit import MeetingUUID
from zoomkit.errors import RequestValidationError
from zoomkit.models import (
    CloudRecording,
    CloudRecordingList,
    CloudRecordingSettings,
    CloudRecordingSettingsParams,
    RecordingAnalyticsSummary,
    RecordingFileType,
    RecordingMeetingType,
    RecordingRegistrantParams,
    RecordingRegistrantStatusParams,
    RecordingRegistrationQuestionsParams,
)

# Written field by field from the Cloud Recording spec, with the quirks of real answers.
RECORDING: dict[str, Any] = {
    "uuid": "/ajXp112QmuoKj4854875==",
    "id": "6840331990",  # numeric id as a string
    "account_id": "Cx3wERazSgup7ZWRHQM8-w",
    "host_id": "_0ctZtY0REqWalTmwvrdIw",
    "topic": "My Personal Meeting",
    "type": "1",  # the meeting type as the string "1"
    "start_time": "03/18/2021 05:41",  # MM/DD/YYYY HH:MM
    "duration": 20,
    "total_size": "",  # empty string for an absent value
    "recording_count": 2,
    "share_url": "https://example.com/rec/share/abc",
    "password": "s3cret-pass",
    "recording_play_passcode": "play-passcode-xyz",
    "download_access_token": "eyJhbGciOi-token",
    "recording_files": [
        {
            "id": "a2f19f96-9294-4f51-8134-6f0eea108eb2",
            "meeting_id": "/ajXp112QmuoKj4854875==",
            "recording_start": "2021-03-18T05:41:36Z",
            "recording_end": "",  # still processing
            "file_type": "MP4",
            "file_extension": "MP4",
            "file_size": "7220",
            "play_url": "https://example.com/rec/play/abc",
            "download_url": "https://example.com/rec/download/abc",
            "status": "completed",
            "recording_type": "shared_screen_with_speaker_view",
        },
        {
            "file_type": "TIMELINE",  # no id, size or status for timelines
            "file_extension": "JSON",
            "download_url": "https://example.com/rec/download/timeline",
            "recording_start": "03/18/2021 05:41:36",
        },
    ],
    "participant_audio_files": [
        {"id": "p1", "file_name": "Ada", "file_type": "M4A", "file_size": 12.0}
    ],
}


def parsed() -> CloudRecording:
    return CloudRecording.model_validate_json(json.dumps(RECORDING))


def test_a_numeric_id_sent_as_a_string_is_an_int() -> None:
    assert parsed().id == 6840331990


def test_the_meeting_type_sent_as_the_string_1_is_an_instant_meeting() -> None:
    assert parsed().type is RecordingMeetingType.INSTANT


def test_a_zoom_style_date_is_an_aware_utc_datetime() -> None:
    recording = parsed()
    assert recording.start_time == datetime(2021, 3, 18, 5, 41, tzinfo=UTC)
    assert recording.recording_files[1].recording_start == datetime(
        2021, 3, 18, 5, 41, 36, tzinfo=UTC
    )


def test_empty_strings_are_absent_values() -> None:
    recording = parsed()
    assert recording.total_size is None
    assert recording.recording_files[0].recording_end is None


def test_a_file_size_in_a_string_is_an_int_and_a_float_is_kept() -> None:
    recording = parsed()
    assert recording.recording_files[0].file_size == 7220
    assert recording.participant_audio_files is not None
    assert recording.participant_audio_files[0].file_size == 12


def test_the_instance_uuid_is_ready_for_a_double_encoded_path() -> None:
    recording = parsed()
    assert isinstance(recording.uuid, MeetingUUID)
    assert isinstance(recording.recording_files[0].meeting_id, MeetingUUID)
    assert recording.uuid == "/ajXp112QmuoKj4854875=="


def test_passcodes_and_the_download_token_stay_out_of_repr() -> None:
    shown = repr(parsed())
    assert "s3cret-pass" not in shown
    assert "play-passcode-xyz" not in shown
    assert "eyJhbGciOi-token" not in shown


def test_unknown_fields_and_enum_values_survive_a_round_trip() -> None:
    data = {
        **RECORDING,
        "brand_new_field": {"nested": [1, 2]},
        "recording_files": [
            {**RECORDING["recording_files"][0], "file_type": "HOLOGRAM", "extra": True}
        ],
    }
    recording = CloudRecording.model_validate(data)
    assert recording.recording_files[0].file_type == "HOLOGRAM"
    again = CloudRecording.model_validate(recording.to_dict())
    assert again.to_dict()["brand_new_field"] == {"nested": [1, 2]}
    assert again.to_dict()["recording_files"][0]["file_type"] == "HOLOGRAM"
    assert again.to_dict()["recording_files"][0]["extra"] is True


def test_a_known_file_type_is_an_enum_member() -> None:
    assert parsed().recording_files[1].file_type is RecordingFileType.TIMELINE


def test_a_list_page_reads_its_window() -> None:
    page = CloudRecordingList.model_validate(
        {"from": "2026-01-01", "to": "2026-01-31", "next_page_token": "", "meetings": [RECORDING]}
    )
    assert (page.from_, page.to, page.next_page_token) == (
        date(2026, 1, 1),
        date(2026, 1, 31),
        None,
    )
    assert page.meetings[0].id == 6840331990


def test_an_analytics_day_keeps_a_date_it_cannot_read() -> None:
    summary = RecordingAnalyticsSummary.model_validate(
        {"analytics_summary": [{"date": "2026-01-02"}, {"date": "Jan 3"}]}
    )
    assert [d.date for d in summary.analytics_summary] == [date(2026, 1, 2), "Jan 3"]


def test_settings_keep_the_passcode_out_of_repr() -> None:
    settings = CloudRecordingSettings.model_validate({"password": "abcd1234", "approval_type": "1"})
    assert "abcd1234" not in repr(settings)
    assert settings.approval_type == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"password": "short"}, "password"),
        ({"password": "much-too-long"}, "password"),
        ({"share_recording": "everyone"}, "share_recording"),
        ({"approval_type": 3}, "approval_type"),
        ({"auto_deletes": True}, "auto_deletes"),
    ],
)
def test_bad_settings_are_refused_naming_the_field(fields: dict[str, Any], field: str) -> None:
    with pytest.raises(RequestValidationError) as caught:
        CloudRecordingSettingsParams(**fields)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"email": "ada@example.com"}, "first_name"),
        ({"email": "ada", "first_name": "Ada"}, "email"),
        ({"email": "ada@example.com", "first_name": "A" * 65}, "first_name"),
        ({"email": "ada@example.com", "first_name": "Ada", "status": "maybe"}, "status"),
        (
            {"email": "ada@example.com", "first_name": "Ada", "no_of_employees": "7"},
            "no_of_employees",
        ),
    ],
)
def test_a_bad_registrant_is_refused_naming_the_field(fields: dict[str, Any], field: str) -> None:
    with pytest.raises(RequestValidationError) as caught:
        RecordingRegistrantParams(**fields)
    assert caught.value.field == field


def test_a_status_change_takes_approve_or_deny_only() -> None:
    with pytest.raises(RequestValidationError) as caught:
        RecordingRegistrantStatusParams(action="cancel")
    assert caught.value.field == "action"


def test_a_custom_question_may_allow_several_answers() -> None:
    params = RecordingRegistrationQuestionsParams(
        custom_questions=[{"title": "Topics?", "type": "multiple", "answers": ["a", "b"]}]
    )
    assert params.to_body()["custom_questions"][0]["type"] == "multiple"
