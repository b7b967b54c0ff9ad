"""Any JSON Zoom's schemas allow for a webinar response parses into zoomkit's model.

Instances are generated from the response schemas of both spec files (a small generator over
the plain schemas of tests/zoom_schemas.py: every documented property may be present or not,
with any value of its type), so a model that is stricter than Zoom's documentation fails here.
Fields zoomkit does not know survive a round trip through ``to_dict()``. The specs live in
../shared/zoom-openapi; without them these tests skip, except under CI.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from schema_instances import requiring
from zoom_schemas import ZoomSchemas
from zoomkit import api_coverage
from zoomkit._client import ZoomClient
from zoomkit._operations import OPERATIONS

OPERATION_IDS = {(op.method, op.path): op.operation_id for op in OPERATIONS}
MINE = sorted(
    (row for row in api_coverage() if row.name.startswith(("webinars.", "past_webinars."))),
    key=lambda row: row.name,
)
INT64 = 2**63


def model_of(dotted: str) -> type[BaseModel] | None:
    *resources, name = dotted.split(".")
    owner: Any = ZoomClient
    for resource in resources:
        owner = getattr(owner, resource).resource
    model: type[BaseModel] | None = getattr(owner, name).__zoom_response_model__
    return model


def merged(schema: dict[str, Any]) -> dict[str, Any]:
    """``allOf`` parts folded into one schema (Zoom's 2025 file nests objects that way)."""
    if "allOf" not in schema:
        return schema
    folded: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in schema["allOf"]:
        part = merged(part)
        folded.setdefault("type", part.get("type"))
        folded.setdefault("properties", {}).update(part.get("properties", {}))
        folded["required"] = sorted({*folded.get("required", ()), *part.get("required", ())})
        if "items" in part:
            folded["items"] = part["items"]
    return folded


def instances(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """JSON values that ``schema`` (a plain schema) allows."""
    schema = merged(schema)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([instances({**schema, "type": k}) for k in kind])
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        needed = set(schema.get("required", ()))
        required = {name: instances(p) for name, p in properties.items() if name in needed}
        optional = {name: instances(p) for name, p in properties.items() if name not in needed}
        return st.fixed_dictionaries(required, optional=optional)
    if kind == "array":
        return st.lists(instances(schema.get("items", {})), max_size=3)
    if kind == "integer":
        low = int(schema.get("minimum", -INT64))
        high = int(schema.get("maximum", INT64 - 1))
        return st.integers(min_value=low, max_value=high)
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "string":
        return strings(schema.get("format"))
    if kind == "null":
        return st.none()
    return st.none() | st.booleans() | st.integers() | st.text(max_size=10)


def strings(format: str | None) -> st.SearchStrategy[str]:
    if format == "date-time":
        moments = st.datetimes(timezones=st.just(UTC)).map(lambda d: d.replace(microsecond=0))
        return moments.map(lambda d: d.isoformat().replace("+00:00", "Z"))
    if format == "date":
        return st.dates().map(lambda d: d.isoformat())
    if format == "email":
        return st.emails()
    return st.text(max_size=20)


@pytest.fixture(scope="module")
def schemas(zoom_openapi_dir: Path) -> ZoomSchemas:
    return ZoomSchemas(zoom_openapi_dir)


def documented(schemas: ZoomSchemas, row: Any) -> list[dict[str, Any]]:
    """The row's 2xx schemas, with the fields its model requires marked required."""
    model = model_of(row.name)
    found = []
    for operation in schemas.by_id[OPERATION_IDS[(row.method, row.path)]]:
        for status in schemas.success_statuses(operation):
            schema = schemas.response_schema(operation, status)
            if schema is not None:
                found.append(requiring(schema, model) if model is not None else schema)
    return found


WITH_BODY = [row for row in MINE if model_of(row.name) is not None]


@pytest.mark.parametrize("row", WITH_BODY, ids=[row.name for row in WITH_BODY])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_documented_answer_parses_and_keeps_unknown_fields(
    row: Any, schemas: ZoomSchemas, data: st.DataObject
) -> None:
    model = model_of(row.name)
    assert model is not None
    for schema in documented(schemas, row):
        sent = data.draw(instances(schema))
        sent["zoomkit_unknown_field"] = {"kept": True}
        parsed = model.model_validate(sent)
        assert parsed.to_dict()["zoomkit_unknown_field"] == {"kept": True}  # type: ignore[attr-defined]


def test_the_generator_honours_types_enums_and_formats() -> None:
    schema = {
        "type": "object",
        "properties": {
            "n": {"type": "integer", "maximum": 3, "minimum": 1},
            "kind": {"type": "string", "enum": ["a", "b"]},
            "at": {"type": "string", "format": "date-time"},
        },
    }

    @settings(max_examples=50, deadline=None)
    @given(instances(schema))
    def check(value: dict[str, Any]) -> None:
        assert set(value) <= {"n", "kind", "at"}
        assert value.get("n", 1) in (1, 2, 3)
        assert value.get("kind", "a") in ("a", "b")
        assert value.get("at", "Z").endswith("Z")

    check()
