"""Every JSON answer Zoom's response schemas allow parses into zoomkit's model for it.

For each method in ``zoomkit.api_coverage()`` with a response model (``@operation(...,
response=Model)``), instances are generated from every 2xx JSON schema either spec file documents
for its operation (tests/schema_instances.py: hypothesis-jsonschema cannot run on the installed
hypothesis, see there): objects with every documented field, objects with any subset, and
objects whose enums hold values Zoom has not documented plus a field zoomkit does not know,
which must come back from ``to_dict()``. A few derandomized examples each, to stay fast.
Methods without a response model answer no body (204); a check below holds them to that.
The specs live in ../shared/zoom-openapi; without them these tests skip, except under CI.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict

from schema_instances import EXTRA_FIELD, UNKNOWN_WORD, instances, lost, requiring
from zoom_schemas import FORMATS, ZoomSchemas, generation_schema
from zoomkit import api_coverage
from zoomkit._client import ZoomClient
from zoomkit._coverage import CoveredOperation
from zoomkit._operations import OPERATIONS
from zoomkit.models import MeetingList

OPERATION_IDS = {(op.method, op.path): op.operation_id for op in OPERATIONS}
FEW = settings(
    max_examples=3,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def model_of(row: CoveredOperation) -> type[BaseModel] | None:
    owner: Any = ZoomClient
    *resources, name = row.name.split(".")
    for resource in resources:
        owner = inspect.getattr_static(owner, resource).resource
    model: type[BaseModel] | None = inspect.getattr_static(owner, name).__zoom_response_model__
    return model


ROWS = api_coverage()
WITH_MODEL = [row for row in ROWS if model_of(row) is not None]
WITHOUT_MODEL = [row for row in ROWS if model_of(row) is None]


@pytest.fixture(scope="module")
def schemas(zoom_openapi_dir: Path) -> ZoomSchemas:
    return ZoomSchemas(zoom_openapi_dir)


def documented(schemas: ZoomSchemas, row: CoveredOperation) -> list[tuple[str, dict[str, Any]]]:
    """Every 2xx JSON schema of the row's operation in either file, labelled ``file status``,
    with the fields its model requires marked required (see :func:`requiring`)."""
    model = model_of(row)
    found = []
    for operation in schemas.by_id[OPERATION_IDS[(row.method, row.path)]]:
        for status in schemas.success_statuses(operation):
            schema = schemas.response_schema(operation, status)
            if schema is not None:
                schema = generation_schema(schema)
                if model is not None:
                    schema = requiring(schema, model)
                found.append((f"{operation.spec} {status}", schema))
    return found


def test_every_response_model_has_a_documented_schema(schemas: ZoomSchemas) -> None:
    assert [row.name for row in WITH_MODEL if not documented(schemas, row)] == []


def test_methods_without_a_response_model_are_those_zoom_documents_no_body_for(
    schemas: ZoomSchemas,
) -> None:
    assert [row.name for row in WITHOUT_MODEL if documented(schemas, row)] == []


@pytest.mark.parametrize("row", WITH_MODEL, ids=[row.name for row in WITH_MODEL])
def test_documented_answers_parse(row: CoveredOperation, schemas: ZoomSchemas) -> None:
    model = model_of(row)
    assert model is not None
    cases = [
        (f"{label} {'full' if full else 'sparse'}", instances(schema, full=full))
        for label, schema in documented(schemas, row)
        for full in (True, False)
    ]

    @FEW
    @given(st.data())
    def check(data: st.DataObject) -> None:
        for label, strategy in cases:
            model.model_validate(data.draw(strategy, label=label))

    check()


@pytest.mark.parametrize("row", WITH_MODEL, ids=[row.name for row in WITH_MODEL])
def test_unknown_fields_and_enum_values_survive_a_round_trip(
    row: CoveredOperation, schemas: ZoomSchemas
) -> None:
    model = model_of(row)
    assert model is not None
    cases = [
        (label, instances(schema, unknowns=True)) for label, schema in documented(schemas, row)
    ]

    @FEW
    @given(st.data())
    def check(data: st.DataObject) -> None:
        for label, strategy in cases:
            sent = data.draw(strategy, label=label)
            assert lost(sent, model.model_validate(sent).to_dict()) == []  # type: ignore[attr-defined]

    check()


# -- the generator and the round-trip check themselves -------------------------------------------

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "integer", "minimum": 1, "maximum": 3},
        "kind": {"type": "string", "enum": ["a", "b"]},
        "at": {"type": "string", "format": "date-time"},
        "tags": {"type": "array", "items": {"type": "string", "maxLength": 4}, "maxItems": 2},
        "either": {"anyOf": [{"type": "integer"}, {"type": "object", "properties": {}}]},
        "maybe": {"type": ["string", "null"]},
    },
}


@pytest.mark.parametrize("full", [True, False])
def test_generated_instances_are_valid_against_their_schema(full: bool) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=FORMATS)

    @settings(max_examples=30, derandomize=True, database=None)
    @given(instances(SCHEMA, full=full))
    def check(value: dict[str, Any]) -> None:
        assert list(validator.iter_errors(value)) == []
        assert set(value) == set(SCHEMA["properties"]) if full else "id" in value

    check()


def test_unknown_instances_carry_an_unknown_enum_value_and_an_extra_field() -> None:
    @settings(max_examples=5, derandomize=True, database=None)
    @given(instances(SCHEMA, unknowns=True))
    def check(value: dict[str, Any]) -> None:
        assert value["kind"] == UNKNOWN_WORD
        assert EXTRA_FIELD in value

    check()


def test_a_model_that_drops_unknown_fields_is_caught() -> None:
    class Forgetful(BaseModel):
        model_config = ConfigDict(extra="ignore")
        kind: str | None = None

    sent = {"kind": UNKNOWN_WORD, EXTRA_FIELD: {"kept": True}}
    assert lost(sent, Forgetful.model_validate(sent).model_dump()) == [
        f"$.{EXTRA_FIELD}: became None"
    ]


def test_a_real_model_keeps_what_zoom_did_not_document() -> None:
    sent = {"meetings": [{"id": 85746065432, "type": 987_654, EXTRA_FIELD: ["x"]}]}
    assert lost(sent, MeetingList.model_validate(sent).to_dict()) == []
