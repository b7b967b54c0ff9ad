"""Meeting and past-meeting models: Zoom's quirks read, unknown values kept, bad input refused."""

from __future__ import annotations

import functools
import inspect
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from zoomkit import MeetingUUID, api_coverage
from zoomkit._client import ZoomClient
from zoomkit.errors import RequestValidationError
from zoomkit.models import (
    JoinToken,
    MeetingPoll,
    MeetingRegistration,
    MeetingSummaryList,
    MeetingType,
    PastMeeting,
    PastMeetingParticipantList,
    PollStatus,
    PollType,
    UpcomingMeetingList,
)
from zoomkit.models.meeting_access import InviteLinksParams
from zoomkit.models.meeting_polls import PollParams
from zoomkit.models.meeting_registrants import RegistrantRef, RegistrantStatusParams
from zoomkit.resources._base import ResourceAttribute

SPEC_2023 = "ZoomMeetingAPISpec-2023.json"
SPEC_2025 = "zoom-meetings-openapi-2025.json"


# -- what real Zoom sends ---------------------------------------------------------------------


def test_a_past_meeting_reads_string_ids_odd_dates_and_empty_strings() -> None:
    past = PastMeeting.model_validate(
        {
            "id": "85746065432",
            "uuid": "/ajXp112QmuoKj4854875==",
            "type": "2",
            "start_time": "03/01/2026 15:00",
            "end_time": "",
            "duration": "45",
            "dept": "",
        }
    )
    assert past.id == 85746065432
    assert isinstance(past.uuid, MeetingUUID)
    assert past.type == MeetingType.SCHEDULED
    assert past.start_time == datetime(2026, 3, 1, 15, 0, tzinfo=UTC)
    assert past.end_time is None
    assert past.duration == 45


def test_a_past_meeting_keeps_a_meeting_type_zoom_adds() -> None:
    assert PastMeeting.model_validate({"type": 7}).type == 7


def test_participants_read_empty_times_as_absent() -> None:
    page = PastMeetingParticipantList.model_validate(
        {
            "next_page_token": "",
            "participants": [{"id": "", "name": "Guest", "join_time": "", "duration": "60"}],
        }
    )
    assert page.next_page_token is None
    assert page.participants[0].join_time is None
    assert page.participants[0].duration == 60


def test_a_poll_keeps_unknown_status_values_and_extra_fields() -> None:
    poll = MeetingPoll.model_validate(
        {"id": "p1", "poll_type": "3", "status": "archived", "brand_new_field": {"a": 1}}
    )
    assert poll.poll_type == PollType.QUIZ
    assert poll.status == "archived"
    assert poll.to_dict()["brand_new_field"] == {"a": 1}
    assert MeetingPoll.model_validate({"status": "sharing"}).status == PollStatus.SHARING


def test_a_registration_reads_the_meeting_id_as_a_string() -> None:
    created = MeetingRegistration.model_validate(
        {"id": "85746065432", "registrant_id": "r1", "start_time": "2026-03-10T09:00:00Z"}
    )
    assert created.id == 85746065432
    assert created.start_time == datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def test_upcoming_meetings_read_string_ids_and_types() -> None:
    listed = UpcomingMeetingList.model_validate(
        {"total_records": "1", "meetings": [{"id": "85746065432", "type": "8", "passcode": 123}]}
    )
    assert listed.meetings[0].id == 85746065432
    assert listed.meetings[0].type == MeetingType.RECURRING_FIXED_TIME
    assert listed.meetings[0].passcode == "123"


def test_summary_list_dates_in_zooms_odd_format() -> None:
    page = MeetingSummaryList.model_validate(
        {"from": "01/01/2026 00:00", "to": "2026-01-31T23:59:59Z", "summaries": []}
    )
    assert page.from_ == datetime(2026, 1, 1, tzinfo=UTC)
    assert page.to == datetime(2026, 1, 31, 23, 59, 59, tzinfo=UTC)


def test_a_join_token_reads_its_lifetime_as_a_string() -> None:
    assert JoinToken.model_validate({"token": "t", "expire_in": "120"}).expire_in == 120


# -- request bodies ---------------------------------------------------------------------------


def test_a_status_change_names_at_most_30_registrants() -> None:
    with pytest.raises(RequestValidationError) as caught:
        RegistrantStatusParams(action="approve", registrants=[{"id": str(n)} for n in range(31)])
    assert caught.value.field == "registrants"


def test_a_registrant_is_named_by_id_or_email() -> None:
    with pytest.raises(RequestValidationError, match="by id or email"):
        RegistrantRef()


def test_a_poll_question_with_choices_needs_answers() -> None:
    with pytest.raises(RequestValidationError) as caught:
        PollParams(title="T", questions=[{"name": "Pick", "type": "multiple"}])
    assert caught.value.field == "questions[0]"


def test_a_poll_body_holds_only_what_was_given() -> None:
    poll = PollParams(title="T", questions=[{"name": "Why?", "type": "long_answer"}])
    assert poll.to_body() == {"title": "T", "questions": [{"name": "Why?", "type": "long_answer"}]}


def test_invite_links_need_an_attendee() -> None:
    with pytest.raises(RequestValidationError) as caught:
        InviteLinksParams(attendees=[])
    assert caught.value.field == "attendees"


# -- every field the specs document -----------------------------------------------------------


def _merged(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema's properties, with allOf/oneOf/anyOf parts folded in (the 2025 file uses them)."""
    merged = dict(schema.get("properties", {}))
    for key in ("allOf", "oneOf", "anyOf"):
        for part in schema.get(key, []):
            merged.update(_merged(part))
    return merged


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _nested_model(arg)
        if found is not None:
            return found
    return None


def undeclared(model: type[BaseModel], schema: dict[str, Any], where: str) -> list[str]:
    """Documented properties with no model field, following nested objects and arrays."""
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    missing = []
    for name, prop in _merged(schema).items():
        if name not in fields:
            missing.append(f"{where}.{name}")
            continue
        nested = _nested_model(fields[name].annotation)
        if nested is not None:
            missing += undeclared(nested, prop.get("items", prop), f"{where}.{name}")
    return missing


def _method(dotted: str) -> Any:
    owner: Any = ZoomClient
    *path, name = dotted.split(".")
    for part in path:
        attribute = inspect.getattr_static(owner, part)
        assert isinstance(attribute, ResourceAttribute)
        owner = attribute.resource
    return inspect.getattr_static(owner, name)


def _shape(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


@functools.cache
def _success_schemas(spec_file: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """The first 2xx JSON schema of each operation, by method and path shape (names ignored)."""
    spec = json.loads(spec_file.read_text())
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if not isinstance(operation, dict):
                continue
            for status, answer in operation.get("responses", {}).items():
                schema = answer.get("content", {}).get("application/json", {}).get("schema")
                if status.startswith("2") and schema:
                    found.setdefault((method.upper(), _shape(path)), schema)
    return found


MEETING_ROWS = [
    row for row in api_coverage() if row.name.split(".")[0] in ("meetings", "past_meetings")
]


@pytest.mark.parametrize("row", MEETING_ROWS, ids=[row.name for row in MEETING_ROWS])
def test_each_meeting_model_declares_every_documented_field(
    row: Any, zoom_openapi_dir: Path
) -> None:
    model = _method(row.name).__zoom_response_model__
    key = (row.method, _shape(row.path))
    found = (_success_schemas(zoom_openapi_dir / name).get(key) for name in (SPEC_2023, SPEC_2025))
    schemas = [schema for schema in found if schema]
    if model is None:
        assert schemas == [], f"{row.name} returns nothing but Zoom documents a body"
        return
    assert schemas, f"{row.name} names a response model but Zoom documents no body"
    missing = [m for schema in schemas for m in undeclared(model, schema, model.__name__)]
    assert missing == []
