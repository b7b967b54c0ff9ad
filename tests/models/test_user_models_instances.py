"""Any JSON Zoom's schemas allow for a user, group or tracking field answer parses.

Instances come from the response schemas of both spec files (hypothesis): every documented
property present or not, any value of its type, one ``oneOf`` alternative at a time (the
settings answers have four), and now and then an enum value Zoom has not documented yet. The
answer must parse; a field zoomkit does not know and every undocumented enum value must survive
``to_dict()``. The specs live in ../shared/zoom-openapi; without them these tests skip, except
under CI.
"""

from __future__ import annotations

import inspect
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from zoom_schemas import ZoomSchemas
from zoomkit import api_coverage
from zoomkit._client import ZoomClient
from zoomkit._operations import OPERATIONS

OPERATION_IDS = {(op.method, op.path): op.operation_id for op in OPERATIONS}
UNKNOWN_WORD = "zoomkit-new-word"
UNKNOWN_NUMBER = 987_654_321
INT64 = 2**63


def model_of(dotted: str) -> type[BaseModel] | None:
    owner: Any = ZoomClient
    *resources, name = dotted.split(".")
    for part in resources:
        owner = inspect.getattr_static(owner, part).resource
    model: type[BaseModel] | None = getattr(owner, name).__zoom_response_model__
    return model


ROWS = sorted(
    (
        row
        for row in api_coverage()
        if row.name.startswith(("users.", "groups.", "tracking_fields."))
        and model_of(row.name) is not None
    ),
    key=lambda row: row.name,
)


def values(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """JSON values ``schema`` allows, plus undocumented enum values now and then."""
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return st.one_of([values(part) for part in schema[key]])
    if "allOf" in schema:
        folded: dict[str, Any] = {"type": "object", "properties": {}}
        for part in schema["allOf"]:
            folded["properties"].update(part.get("properties", {}))
        return values(folded)
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([values({**schema, "type": k}) for k in kind])
    if kind == "array":
        items = schema.get("items", {})
        if "enum" in schema and "enum" not in items:  # Zoom's enum on the array, meant per item
            items = {**items, "enum": schema["enum"]}
        return st.lists(values(items), max_size=3)
    if "enum" in schema:
        unknown = UNKNOWN_NUMBER if kind == "integer" else UNKNOWN_WORD
        return st.sampled_from(schema["enum"]) | st.just(unknown)
    if kind == "object" or "properties" in schema:
        optional = {name: values(prop) for name, prop in schema.get("properties", {}).items()}
        return st.fixed_dictionaries({}, optional=optional)
    if kind == "integer":
        return st.integers(min_value=-INT64, max_value=INT64 - 1)
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "string":
        if schema.get("format") == "date-time":
            moments = st.datetimes(timezones=st.just(UTC)).map(lambda d: d.replace(microsecond=0))
            return moments.map(lambda d: d.isoformat().replace("+00:00", "Z"))
        if schema.get("format") == "email":
            return st.emails()
        return st.text(max_size=20)
    return st.none() | st.booleans() | st.integers() | st.text(max_size=10)


def count(value: Any, wanted: object) -> int:
    if isinstance(value, dict):
        return sum(count(item, wanted) for item in value.values())
    if isinstance(value, list):
        return sum(count(item, wanted) for item in value)
    return int(value == wanted and type(value) is type(wanted))


@pytest.fixture(scope="module")
def schemas(zoom_openapi_dir: Path) -> ZoomSchemas:
    return ZoomSchemas(zoom_openapi_dir)


def documented(schemas: ZoomSchemas, row: Any) -> list[dict[str, Any]]:
    found = []
    for operation in schemas.by_id[OPERATION_IDS[(row.method, row.path)]]:
        for status in schemas.success_statuses(operation):
            schema = schemas.response_schema(operation, status)
            if schema is not None:
                found.append(schema)
    return found


def test_every_answer_of_these_areas_is_generated() -> None:
    assert len(ROWS) == 31


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_documented_answer_parses_and_keeps_the_unknown(
    row: Any, schemas: ZoomSchemas, data: st.DataObject
) -> None:
    model = model_of(row.name)
    assert model is not None
    for schema in documented(schemas, row):
        sent = data.draw(values(schema).filter(lambda v: isinstance(v, dict)))
        sent["zoomkit_unknown_field"] = {"kept": True}
        dumped = model.model_validate(sent).model_dump(mode="json", exclude_unset=True)
        assert dumped["zoomkit_unknown_field"] == {"kept": True}
        for unknown in (UNKNOWN_WORD, UNKNOWN_NUMBER):
            assert count(dumped, unknown) == count(sent, unknown)


def test_the_generator_sends_undocumented_enum_values() -> None:
    schema = {"type": "object", "properties": {"kind": {"type": "string", "enum": ["a"]}}}
    seen: set[object] = set()

    @settings(max_examples=60, deadline=None)
    @given(values(schema))
    def collect(value: dict[str, Any]) -> None:
        seen.add(value.get("kind"))

    collect()
    assert {"a", UNKNOWN_WORD} <= seen
