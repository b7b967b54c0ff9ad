"""Realistic Zoom payloads, written field by field from the Meeting API spec."""

from __future__ import annotations

import copy
from typing import Any

import pytest

FULL_MEETING: dict[str, Any] = {
    "assistant_id": "kFFvsJc-Q1OSxaJQLvaa_A",
    "host_email": "jchill@example.com",
    "host_id": "30R7kT7bTIKSNUFEuH_Qlg",
    "id": 97763643886,
    "uuid": "aDYlohsHRtCd4ii1uC2+hA==",
    "agenda": "My Meeting",
    "created_at": "2022-03-25T07:29:29Z",
    "duration": 60,
    "encrypted_password": "8pEkRweVXPV3Ob2KJYgFTRlDtl1gSn.1",
    "pstn_password": "123456",
    "h323_password": "123456",
    "join_url": "https://example.com/j/11111",
    "chat_join_url": "https://example.com/launch/jc/11111",
    "occurrences": [
        {
            "duration": 60,
            "occurrence_id": "1648194360000",
            "start_time": "2022-03-25T07:46:00Z",
            "status": "available",
        }
    ],
    "password": "123456",
    "pmi": "97891943927",
    "pre_schedule": False,
    "recurrence": {
        "end_date_time": "2022-04-02T15:59:00Z",
        "monthly_day": 1,
        "monthly_week": 1,
        "monthly_week_day": 1,
        "repeat_interval": 1,
        "type": 1,
        "weekly_days": "1",
    },
    "settings": {
        "allow_multiple_devices": True,
        "alternative_hosts": "jchill@example.com;thill@example.com",
        "alternative_hosts_email_notification": True,
        "alternative_host_update_polls": True,
        "approval_type": 0,
        "approved_or_denied_countries_or_regions": {
            "approved_list": ["CX"],
            "denied_list": ["CA"],
            "enable": True,
            "method": "approve",
        },
        "audio": "telephony",
        "audio_conference_info": "test",
        "authentication_domains": "example.com",
        "authentication_exception": [
            {
                "email": "jchill@example.com",
                "name": "Jill Chill",
                "join_url": "https://example.com/s/11111",
            }
        ],
        "authentication_name": "Authentication Name",
        "authentication_option": "signIn_D8cJuqWVQ623CI4Q8yQK0Q",
        "auto_recording": "cloud",
        "breakout_room": {
            "enable": True,
            "rooms": [{"name": "room1", "participants": ["jchill@example.com"]}],
        },
        "calendar_type": 1,
        "close_registration": False,
        "cn_meeting": False,
        "contact_email": "jchill@example.com",
        "contact_name": "Jill Chill",
        "custom_keys": [{"key": "key1", "value": "value1"}],
        "email_notification": True,
        "encryption_type": "enhanced_encryption",
        "focus_mode": True,
        "global_dial_in_countries": ["US"],
        "global_dial_in_numbers": [
            {
                "city": "New York",
                "country": "US",
                "country_name": "US",
                "number": "+1 1000200200",
                "type": "toll",
            }
        ],
        "host_video": True,
        "in_meeting": False,
        "jbh_time": 0,
        "join_before_host": True,
        "language_interpretation": {
            "enable": True,
            "interpreters": [{"email": "interpreter@example.com", "languages": "US,FR"}],
        },
        "meeting_authentication": True,
        "mute_upon_entry": False,
        "participant_video": False,
        "private_meeting": False,
        "registrants_confirmation_email": True,
        "registrants_email_notification": True,
        "registration_type": 1,
        "show_share_button": True,
        "use_pmi": False,
        "waiting_room": False,
        "watermark": False,
        "host_save_video_order": True,
        "continuous_meeting_chat": {"enable": True, "auto_add_invited_external_users": True},
        "question_and_answer": {"enable": True, "question_visibility": "all"},
    },
    "start_time": "2022-03-25T07:29:29Z",
    "start_url": "https://example.com/s/11111",
    "status": "waiting",
    "timezone": "America/Los_Angeles",
    "topic": "My Meeting",
    "tracking_fields": [{"field": "field1", "value": "value1", "visible": True}],
    "type": 8,
}


@pytest.fixture
def full_meeting() -> dict[str, Any]:
    """A GET /meetings/{meetingId} response using every documented field."""
    return copy.deepcopy(FULL_MEETING)
