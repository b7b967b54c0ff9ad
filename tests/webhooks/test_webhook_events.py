"""Typed events parse from Zoom's documented payloads; unknown fields and names survive."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from pydantic import TypeAdapter
from webhook_payloads import EVENT_TS, EXAMPLES, MEETING_ID, UUID, raw

from zoomkit.errors import ResponseValidationError
from zoomkit.types import MeetingUUID
from zoomkit.webhooks import (
    EVENT_TYPES,
    AppDeauthorized,
    EndpointUrlValidation,
    MeetingEnded,
    MeetingParticipantJoined,
    MeetingParticipantLeft,
    MeetingSharingStarted,
    MeetingStarted,
    MeetingUpdated,
    RecordingCompleted,
    RecordingStarted,
    UnknownEvent,
    UserCreated,
    UserUpdated,
    WebhookEvent,
    WebinarParticipantJoined,
    WebinarUpdated,
    parse_event,
)

DOCUMENTED = sorted(EXAMPLES)


def test_every_event_the_brief_names_has_a_model_and_an_example() -> None:
    assert sorted(EVENT_TYPES) == DOCUMENTED


@pytest.mark.parametrize("name", DOCUMENTED)
def test_each_documented_payload_parses_to_its_own_model(name: str) -> None:
    event = parse_event(raw(name))
    assert type(event) is EVENT_TYPES[name]
    assert event.event == name
    assert event.event_ts == EVENT_TS


@pytest.mark.parametrize("name", [n for n in DOCUMENTED if "object" in EXAMPLES[n]["payload"]])
def test_unknown_fields_survive_in_the_object(name: str) -> None:
    event: Any = parse_event(raw(name))
    assert event.payload.object.zoom_added_later == 1
    assert event.payload.object.to_dict()["zoom_added_later"] == 1


@pytest.mark.parametrize(
    "name", [n for n in DOCUMENTED if n.split(".")[0] in ("meeting", "recording", "webinar")]
)
def test_meeting_and_webinar_ids_are_ints_whether_sent_as_number_or_string(name: str) -> None:
    event: Any = parse_event(raw(name))
    assert isinstance(event.payload.object.id, int)


def test_a_string_meeting_id_becomes_the_same_int() -> None:
    started = parse_event(raw("meeting.started"))
    assert isinstance(started, MeetingStarted)
    assert EXAMPLES["meeting.started"]["payload"]["object"]["id"] == str(MEETING_ID)
    assert started.payload.object.id == MEETING_ID


def test_the_instance_uuid_is_a_meeting_uuid_ready_for_a_path() -> None:
    started = parse_event(raw("meeting.started"))
    assert isinstance(started, MeetingStarted)
    assert started.payload.object.uuid == MeetingUUID(UUID)
    assert isinstance(started.payload.object.uuid, MeetingUUID)


def test_times_are_aware_utc_datetimes() -> None:
    ended = parse_event(raw("meeting.ended"))
    assert isinstance(ended, MeetingEnded)
    assert ended.payload.object.end_time == datetime(2026, 6, 1, 10, 2, tzinfo=UTC)
    assert ended.occurred_at == datetime.fromtimestamp(EVENT_TS / 1000, UTC)


def test_a_participant_event_carries_the_participant() -> None:
    joined = parse_event(raw("meeting.participant_joined"))
    assert isinstance(joined, MeetingParticipantJoined)
    person = joined.payload.object.participant
    assert (person.user_name, person.user_id, person.email) == (
        "Jill Chill",
        "16778240",
        "jchill@example.com",
    )
    assert person.join_time == datetime(2026, 6, 1, 9, 1, 12, tzinfo=UTC)


def test_participant_left_has_the_leave_time_and_reason() -> None:
    left = parse_event(raw("meeting.participant_left"))
    assert isinstance(left, MeetingParticipantLeft)
    assert left.payload.object.participant.leave_time == datetime(2026, 6, 1, 9, 45, tzinfo=UTC)
    assert left.payload.object.participant.leave_reason is not None


def test_sharing_details_are_typed() -> None:
    sharing = parse_event(raw("meeting.sharing_started"))
    assert isinstance(sharing, MeetingSharingStarted)
    details = sharing.payload.object.participant.sharing_details
    assert details is not None
    assert details.content == "application"


def test_an_update_has_the_new_and_the_old_values() -> None:
    updated = parse_event(raw("meeting.updated"))
    assert isinstance(updated, MeetingUpdated)
    assert updated.payload.object.topic == "Quarterly planning (moved)"
    assert updated.payload.old_object is not None
    assert updated.payload.old_object.topic == "Quarterly planning"
    assert updated.payload.operator == "admin@example.com"


def test_webinar_and_user_updates_have_old_objects_too() -> None:
    webinar = parse_event(raw("webinar.updated"))
    user = parse_event(raw("user.updated"))
    assert isinstance(webinar, WebinarUpdated)
    assert isinstance(user, UserUpdated)
    assert webinar.payload.old_object is not None
    assert webinar.payload.old_object.topic == "Product launch"
    assert user.payload.old_object is not None
    assert user.payload.old_object.dept == "Support"


def test_webinar_participants_parse_like_meeting_participants() -> None:
    joined = parse_event(raw("webinar.participant_joined"))
    assert isinstance(joined, WebinarParticipantJoined)
    assert joined.payload.object.id == 95204914252
    assert joined.payload.object.participant.user_name == "Jill Chill"


def test_user_created_keeps_the_creation_type() -> None:
    created = parse_event(raw("user.created"))
    assert isinstance(created, UserCreated)
    assert created.payload.creation_type == "create"
    assert created.payload.object.email == "jchill@example.com"


def test_recording_started_has_an_open_recording_period() -> None:
    started = parse_event(raw("recording.started"))
    assert isinstance(started, RecordingStarted)
    assert started.payload.object.recording_file is not None
    assert started.payload.object.recording_file.recording_end is None  # Zoom sends ""


def test_recording_completed_lists_its_files() -> None:
    completed = parse_event(raw("recording.completed"))
    assert isinstance(completed, RecordingCompleted)
    (file,) = completed.payload.object.recording_files
    assert file.file_type == "MP4"
    assert file.file_size == 246560
    assert file.download_url is not None
    assert file.download_url.endswith("/rec/download/Qg75t7xZBtEbAkjdlgbfdngBBBB")


@pytest.mark.parametrize(("sent", "read"), [("false", False), ("true", True), (True, True)])
def test_app_deauthorized_user_data_retention_is_a_bool(sent: object, read: bool) -> None:
    body = json.loads(raw("app_deauthorized"))
    body["payload"]["user_data_retention"] = sent
    event = parse_event(json.dumps(body).encode())
    assert isinstance(event, AppDeauthorized)
    assert event.payload.user_data_retention is read


def test_app_deauthorized_keeps_who_and_when() -> None:
    event = parse_event(raw("app_deauthorized"))
    assert isinstance(event, AppDeauthorized)
    assert event.payload.user_id == "KDcuGIm1QgePTO8WbOqwIQ"
    assert event.payload.deauthorization_time == datetime(2026, 6, 1, 12, tzinfo=UTC)


def test_url_validation_exposes_the_plain_token() -> None:
    event = parse_event(raw("endpoint.url_validation"))
    assert isinstance(event, EndpointUrlValidation)
    assert event.payload.plain_token == "qgg8vlvZRS6UYooatFL8Aw"
    assert event.to_dict()["payload"] == {"plainToken": "qgg8vlvZRS6UYooatFL8Aw"}


def test_an_unknown_event_name_keeps_its_whole_payload() -> None:
    body = {"event": "meeting.chat_message_sent", "event_ts": 1, "payload": {"a": [1, {"b": 2}]}}
    event = parse_event(json.dumps(body).encode())
    assert isinstance(event, UnknownEvent)
    assert event.event == "meeting.chat_message_sent"
    assert event.payload == {"a": [1, {"b": 2}]}
    assert event.raw == body


def test_the_raw_body_is_reachable_from_a_typed_event() -> None:
    event = parse_event(raw("meeting.started"))
    assert event.raw == EXAMPLES["meeting.started"]


def test_the_union_validates_from_a_dict_too() -> None:
    adapter: TypeAdapter[WebhookEvent] = TypeAdapter(WebhookEvent)
    assert isinstance(adapter.validate_python(EXAMPLES["meeting.ended"]), MeetingEnded)
    assert isinstance(adapter.validate_python({"event": "x.y", "payload": 1}), UnknownEvent)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"not json", "not valid JSON"),
        (b"\xff\xfe\xfd", "not valid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"payload": {}}', "no event name"),
        (b'{"event": 7, "payload": {}}', "no event name"),
        (b'{"event": "meeting.started"}', "meeting.started event does not match.*payload"),
        (
            b'{"event": "meeting.started", "payload": {"object": {"id": "abc"}}}',
            "payload.object.id",
        ),
    ],
)
def test_a_malformed_body_raises_a_clear_response_validation_error(
    body: bytes, message: str
) -> None:
    with pytest.raises(ResponseValidationError, match=message):
        parse_event(body)


def test_a_validation_message_never_echoes_the_values() -> None:
    body = b'{"event": "meeting.started", "payload": {"object": {"id": "secret-ish-value"}}}'
    with pytest.raises(ResponseValidationError) as caught:
        parse_event(body)
    assert "secret-ish-value" not in str(caught.value)


async def fetch_with(auth: httpx.Auth) -> httpx.Request:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=b"mp4")

    async with httpx.AsyncClient(transport=httpx.MockTransport(record)) as http:
        await http.get("https://example.zoom.us/rec/download/abc", auth=auth)
    return seen[0]


@pytest.mark.anyio
async def test_download_auth_sends_the_token_as_a_bearer_header() -> None:
    completed = parse_event(raw("recording.completed"))
    assert isinstance(completed, RecordingCompleted)
    sent = await fetch_with(completed.download_auth())
    token = EXAMPLES["recording.completed"]["download_token"]
    assert sent.headers["authorization"] == f"Bearer {token}"
    assert token not in str(sent.url)


@pytest.mark.anyio
async def test_download_auth_reads_a_token_placed_inside_the_payload() -> None:
    body = json.loads(raw("recording.completed"))
    body["payload"]["download_token"] = body.pop("download_token")
    completed = parse_event(json.dumps(body).encode())
    assert isinstance(completed, RecordingCompleted)
    sent = await fetch_with(completed.download_auth())
    assert sent.headers["authorization"] == f"Bearer {body['payload']['download_token']}"


def test_download_headers_serve_a_synchronous_client() -> None:
    completed = parse_event(raw("recording.completed"))
    assert isinstance(completed, RecordingCompleted)
    token = EXAMPLES["recording.completed"]["download_token"]
    assert completed.download_headers() == {"Authorization": f"Bearer {token}"}


def test_download_auth_without_a_token_raises_a_typed_error() -> None:
    body = json.loads(raw("recording.completed"))
    del body["download_token"]
    completed = parse_event(json.dumps(body).encode())
    assert isinstance(completed, RecordingCompleted)
    with pytest.raises(ResponseValidationError, match="no download_token"):
        completed.download_auth()


def test_no_credential_of_an_event_reaches_its_repr() -> None:
    completed = parse_event(raw("recording.completed"))
    deauthorized = parse_event(raw("app_deauthorized"))
    text = repr(completed) + str(completed) + repr(deauthorized)
    assert EXAMPLES["recording.completed"]["download_token"] not in text
    assert EXAMPLES["app_deauthorized"]["payload"]["signature"] not in text
    assert "rec-pass" not in text
