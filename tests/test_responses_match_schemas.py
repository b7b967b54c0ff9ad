"""FakeZoom's answers match the response schemas of Zoom's OpenAPI files.

Every FakeZoom the session built logs its answers (``fake.exchanges``); a test run last checks
each answer to an in-scope operation against that operation's response schema for that status:
the 2023 file's (the 2025 file's for operations or statuses only it has), normalised the
one way tests/zoom_schemas.py documents. Only successful answers (2xx) are checked: Zoom's files
document no error bodies. A second test fails for any implemented operation that never answered
successfully, so none goes unchecked. Both need the whole suite (they skip otherwise) and the
spec folder, ../shared/zoom-openapi: without it they skip, except under CI, where it fails.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from zoom_schemas import ZoomSchemas, plain_schema, schema_problems
from zoomkit import api_coverage
from zoomkit._operations import OPERATIONS

TESTS = Path(__file__).resolve().parent
OPERATION_IDS = {(op.method, op.path): op.operation_id for op in OPERATIONS}


@pytest.fixture(scope="module")
def schemas(zoom_openapi_dir: Path) -> ZoomSchemas:
    return ZoomSchemas(zoom_openapi_dir)


def exchange_problems(schemas: ZoomSchemas, exchange: Any) -> list[str]:
    """How one successful answer breaks its operation's documented response, if it does."""
    status = exchange.status
    operation = schemas.documented(exchange.operation, status)
    if operation is None:
        statuses = {
            s for op in schemas.by_id[exchange.operation] for s in schemas.success_statuses(op)
        }
        documented = ", ".join(sorted(statuses)) or "none"
        return [f"status {status} is not documented (documented: {documented})"]
    schema = schemas.response_schema(operation, status)
    if schema is None:
        return [] if exchange.body is None else [f"status {status} documents no body, got one"]
    if exchange.body is None:
        return [f"status {status} documents a JSON body, got none"]
    return schema_problems(exchange.body, schema)


def whole_suite_fakes(registry: tuple[list[Any], set[str]]) -> list[Any]:
    fakes, collected = registry
    if not {str(p) for p in TESTS.rglob("test_*.py")} <= collected:
        pytest.skip("needs the whole suite: run pytest without selecting files or tests")
    return fakes


@pytest.mark.runs_last
def test_every_fakezoom_answer_matches_its_response_schema(
    schemas: ZoomSchemas, fakezoom_session_registry: tuple[list[Any], set[str]]
) -> None:
    found: dict[str, set[str]] = defaultdict(set)
    for fake in whole_suite_fakes(fakezoom_session_registry):
        for exchange in fake.exchanges:
            if exchange.operation in schemas.by_id and 200 <= exchange.status < 300:
                for problem in exchange_problems(schemas, exchange):
                    found[f"{exchange.operation} {exchange.status}"].add(problem)
    report = {name: sorted(problems)[:5] for name, problems in sorted(found.items())}
    assert report == {}


@pytest.mark.runs_last
def test_every_implemented_operation_gave_a_successful_answer_to_check(
    schemas: ZoomSchemas, fakezoom_session_registry: tuple[list[Any], set[str]]
) -> None:
    answered = {
        exchange.operation
        for fake in whole_suite_fakes(fakezoom_session_registry)
        for exchange in fake.exchanges
        if 200 <= exchange.status < 300
    }
    unchecked = sorted(
        f"{row.name} ({OPERATION_IDS[(row.method, row.path)]})"
        for row in api_coverage()
        if OPERATION_IDS[(row.method, row.path)] not in answered
    )
    assert unchecked == []


# -- the checker itself ---------------------------------------------------------------------------

SPEC: dict[str, Any] = {
    "components": {
        "schemas": {
            "Meeting": {
                "type": "object",
                "description": "a meeting",
                "properties": {
                    "id": {"type": "integer", "format": "int64", "example": 1},
                    "start_time": {"type": "string", "format": "date-time"},
                    "agenda": {"type": "string", "nullable": True},
                },
            }
        }
    }
}
MEETING = {"$ref": "#/components/schemas/Meeting"}


def test_refs_are_inlined_and_annotations_dropped() -> None:
    assert plain_schema(MEETING, SPEC) == {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "start_time": {"type": "string", "format": "date-time"},
            "agenda": {"type": ["string", "null"]},
        },
    }


def test_a_nullable_field_accepts_null() -> None:
    assert schema_problems({"agenda": None}, plain_schema(MEETING, SPEC)) == []


def test_a_wrong_type_is_reported_with_its_path() -> None:
    problems = schema_problems({"id": "85746065432"}, plain_schema(MEETING, SPEC))
    assert problems == ["$.id: '85746065432' is not of type 'integer'"]


@pytest.mark.parametrize(
    "value", ["03/25/2022 07:29", "2022-03-25", "2022-03-25T07:29:29", "2022-02-30T07:29:29Z"]
)
def test_a_date_time_must_be_rfc3339(value: str) -> None:
    problems = schema_problems({"start_time": value}, plain_schema(MEETING, SPEC))
    assert len(problems) == 1
    assert problems[0].startswith("$.start_time:")


def test_an_rfc3339_date_time_passes() -> None:
    body = {"start_time": "2022-03-25T07:29:29Z"}
    assert schema_problems(body, plain_schema(MEETING, SPEC)) == []


SETTINGS = {
    "type": "object",
    "oneOf": [
        {
            "type": "object",
            "properties": {"in_meeting": {"type": "object"}, "recording": {"type": "object"}},
        },
        {"type": "object", "properties": {"meeting_security": {"type": "object"}}},
    ],
}


def test_a_settings_view_is_checked_against_the_branch_it_matches() -> None:
    assert schema_problems({"meeting_security": {}}, SETTINGS) == []
    assert schema_problems({"in_meeting": {}, "recording": {}}, SETTINGS) == []


def test_a_settings_view_with_a_wrong_type_is_reported() -> None:
    problems = schema_problems({"meeting_security": []}, SETTINGS)
    assert problems == ["$.meeting_security: [] is not of type 'object'"]


def test_an_enum_written_on_an_array_applies_to_its_items() -> None:
    schema = plain_schema(
        {"type": "array", "items": {"type": "string"}, "enum": ["English", "German"]}, {}
    )
    assert schema_problems(["German", "English"], schema) == []
    [problem] = schema_problems(["Klingon"], schema)
    assert problem.startswith("$[0]: 'Klingon' is not one of")


def test_a_status_only_the_2025_file_documents_is_read_from_it(schemas: ZoomSchemas) -> None:
    assert schemas.documented("addBatchRegistrants", 200).spec == "2023"  # type: ignore[union-attr]
    assert schemas.documented("addBatchRegistrants", 201).spec == "2025"  # type: ignore[union-attr]
    assert schemas.documented("addBatchRegistrants", 202) is None
