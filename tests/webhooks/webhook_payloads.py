"""Realistic Zoom webhook bodies, written from Zoom's webhook reference for each event.

Ids come as Zoom sends them: the meeting id as a number in some events and a string in
others. Every body carries one field zoomkit does not model (``zoom_added_later``) to show
that unknown fields survive parsing.
"""

from __future__ import annotations

import json
from typing import Any

ACCOUNT = "AAAAAABBBB-zoomkit"
HOST = "z8yAAAAA8bbbQ"
MEETING_ID = 85746065432
UUID = "4444AAAiAAAAAiAiAiiAii=="
EVENT_TS = 1_780_000_000_123

MEETING = {
    "uuid": UUID,
    "id": str(MEETING_ID),
    "host_id": HOST,
    "topic": "Quarterly planning",
    "type": 2,
    "start_time": "2026-06-01T09:00:00Z",
    "duration": 60,
    "timezone": "Europe/Berlin",
}
PARTICIPANT = {
    "user_id": "16778240",
    "user_name": "Jill Chill",
    "id": "iFxeBPYun6SAiWUzBcEkX",
    "participant_uuid": "55555AAAiAAAAAiAiAiiAii",
    "email": "jchill@example.com",
    "join_time": "2026-06-01T09:01:12Z",
}
RECORDING_FILE = {
    "id": "ed6c2f27-2ae7-42f4-b3d0-835b493e4fa8",
    "meeting_id": UUID,
    "recording_start": "2026-06-01T09:00:10Z",
    "recording_end": "2026-06-01T09:58:02Z",
    "file_type": "MP4",
    "file_extension": "MP4",
    "file_size": 246560,
    "play_url": "https://example.zoom.us/rec/play/Qg75t7xZBtEbAkjdlgbfdngBBBB",
    "download_url": "https://example.zoom.us/rec/download/Qg75t7xZBtEbAkjdlgbfdngBBBB",
    "status": "completed",
    "recording_type": "shared_screen_with_speaker_view",
}
RECORDING = {
    "uuid": UUID,
    "id": MEETING_ID,
    "account_id": ACCOUNT,
    "host_id": HOST,
    "host_email": "host@example.com",
    "topic": "Quarterly planning",
    "type": 2,
    "start_time": "2026-06-01T09:00:00Z",
    "timezone": "Europe/Berlin",
    "duration": 58,
    "total_size": 246560,
    "recording_count": 1,
    "share_url": "https://example.zoom.us/rec/share/aaaa",
    "password": "rec-pass",
    "recording_files": [RECORDING_FILE],
}
WEBINAR = {
    "uuid": "dj12vck6sdTn6yy7qdjiqw==",
    "id": "95204914252",
    "host_id": HOST,
    "topic": "Product launch",
    "type": 5,
    "start_time": "2026-06-02T16:00:00Z",
    "duration": 90,
    "timezone": "America/New_York",
}
USER = {
    "id": "KDcuGIm1QgePTO8WbOqwIQ",
    "first_name": "Jill",
    "last_name": "Chill",
    "email": "jchill@example.com",
    "type": 1,
}
OPERATOR = {"operator": "admin@example.com", "operator_id": "z8yCxjabcdEFGHfp8uQ"}


def body(event: str, payload: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"event": event, "event_ts": EVENT_TS, "payload": payload, **top}


def wrap(obj: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"account_id": ACCOUNT, "object": {**obj, "zoom_added_later": 1}, **extra}


EXAMPLES: dict[str, dict[str, Any]] = {
    "meeting.created": body(
        "meeting.created",
        wrap(
            {
                **MEETING,
                "id": MEETING_ID,
                "join_url": "https://example.zoom.us/j/85746065432",
                "password": "zk-2026",
                "settings": {"use_pmi": False, "alternative_hosts": ""},
            },
            operation="single",
            **OPERATOR,
        ),
    ),
    "meeting.updated": body(
        "meeting.updated",
        wrap(
            {"id": MEETING_ID, "topic": "Quarterly planning (moved)"},
            old_object={"id": MEETING_ID, "topic": "Quarterly planning"},
            time_stamp=1_780_000_000_000,
            operation="all",
            **OPERATOR,
        ),
    ),
    "meeting.deleted": body(
        "meeting.deleted", wrap({**MEETING, "id": MEETING_ID}, operation="all", **OPERATOR)
    ),
    "meeting.started": body("meeting.started", wrap(MEETING)),
    "meeting.ended": body("meeting.ended", wrap({**MEETING, "end_time": "2026-06-01T10:02:00Z"})),
    "meeting.participant_joined": body(
        "meeting.participant_joined", wrap({**MEETING, "participant": PARTICIPANT})
    ),
    "meeting.participant_left": body(
        "meeting.participant_left",
        wrap(
            {
                **MEETING,
                "participant": {
                    **PARTICIPANT,
                    "leave_time": "2026-06-01T09:45:00Z",
                    "leave_reason": "left the meeting. Reason : left the meeting",
                },
            }
        ),
    ),
    "meeting.sharing_started": body(
        "meeting.sharing_started",
        wrap(
            {
                **MEETING,
                "participant": {
                    "user_id": "16778240",
                    "user_name": "Jill Chill",
                    "id": "iFxeBPYun6SAiWUzBcEkX",
                    "sharing_details": {
                        "content": "application",
                        "link_source": "",
                        "file_link": "",
                        "date_time": "2026-06-01T09:10:00Z",
                        "source": "",
                    },
                },
            }
        ),
    ),
    "meeting.sharing_ended": body(
        "meeting.sharing_ended",
        wrap(
            {
                **MEETING,
                "participant": {
                    "user_id": "16778240",
                    "user_name": "Jill Chill",
                    "sharing_details": {"content": "application", "date_time": "2026-06-01"},
                },
            }
        ),
    ),
    "recording.started": body(
        "recording.started",
        wrap(
            {
                **MEETING,
                "id": MEETING_ID,
                "recording_file": {"recording_start": "2026-06-01T09:00:10Z", "recording_end": ""},
            }
        ),
    ),
    "recording.stopped": body(
        "recording.stopped",
        wrap(
            {
                **MEETING,
                "id": MEETING_ID,
                "recording_file": {
                    "recording_start": "2026-06-01T09:00:10Z",
                    "recording_end": "2026-06-01T09:58:02Z",
                },
            }
        ),
    ),
    "recording.completed": body(
        "recording.completed",
        wrap(RECORDING),
        download_token="abJhbGciOiJIUzUxMiJ9.eyJpc3MiOiJodHRwczovL2V2ZW50.download",
    ),
    "recording.trashed": body("recording.trashed", wrap(RECORDING, **OPERATOR)),
    "recording.deleted": body("recording.deleted", wrap(RECORDING, **OPERATOR)),
    "recording.recovered": body("recording.recovered", wrap(RECORDING, **OPERATOR)),
    "webinar.created": body(
        "webinar.created",
        wrap(
            {**WEBINAR, "id": 95204914252, "join_url": "https://example.zoom.us/j/95204914252"},
            **OPERATOR,
        ),
    ),
    "webinar.updated": body(
        "webinar.updated",
        wrap(
            {"id": 95204914252, "topic": "Product launch (v2)"},
            old_object={"id": 95204914252, "topic": "Product launch"},
            time_stamp=1_780_000_000_000,
            **OPERATOR,
        ),
    ),
    "webinar.deleted": body("webinar.deleted", wrap({**WEBINAR, "id": 95204914252}, **OPERATOR)),
    "webinar.started": body("webinar.started", wrap(WEBINAR)),
    "webinar.ended": body("webinar.ended", wrap({**WEBINAR, "end_time": "2026-06-02T17:31:00Z"})),
    "webinar.participant_joined": body(
        "webinar.participant_joined", wrap({**WEBINAR, "participant": PARTICIPANT})
    ),
    "webinar.participant_left": body(
        "webinar.participant_left",
        wrap({**WEBINAR, "participant": {**PARTICIPANT, "leave_time": "2026-06-02T17:00:00Z"}}),
    ),
    "user.created": body("user.created", wrap(USER, creation_type="create", **OPERATOR)),
    "user.updated": body(
        "user.updated",
        wrap(
            {"id": USER["id"], "dept": "Sales"},
            old_object={"id": USER["id"], "dept": "Support"},
            time_stamp=1_780_000_000_000,
            **OPERATOR,
        ),
    ),
    "user.deleted": body("user.deleted", wrap(USER, **OPERATOR)),
    "user.activated": body("user.activated", wrap(USER, **OPERATOR)),
    "user.deactivated": body("user.deactivated", wrap(USER, **OPERATOR)),
    "app_deauthorized": body(
        "app_deauthorized",
        {
            "account_id": ACCOUNT,
            "user_id": USER["id"],
            "signature": "827edc3452044f0bc86bdd5684afb7d1e6becfa1a767f24df1b287853cf73000",
            "deauthorization_time": "2026-06-01T12:00:00.000Z",
            "client_id": "ADZ9k9bTWmGUoUbECUKU_a",
            "user_data_retention": "false",
        },
    ),
    "endpoint.url_validation": body(
        "endpoint.url_validation", {"plainToken": "qgg8vlvZRS6UYooatFL8Aw"}
    ),
}


def raw(event: str, **changes: Any) -> bytes:
    """The example body for ``event`` as bytes, with top-level ``changes`` applied."""
    return json.dumps({**EXAMPLES[event], **changes}).encode()
