"""Report and dashboard models declare every field Zoom's OpenAPI files document for them.

A field missing from a model would still be kept (``extra="allow"``) but untyped. Both spec
files are read: the 2025 one documents fields the 2023 one lacks. The specs live in
../shared/zoom-openapi; without them these tests skip, except under CI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from zoom_schemas import ZoomSchemas
from zoomkit import api_coverage
from zoomkit._client import ZoomClient
from zoomkit._operations import OPERATIONS

OPERATION_IDS = {(op.method, op.path): op.operation_id for op in OPERATIONS}
MINE = sorted(
    (row for row in api_coverage() if row.name.startswith(("reports.", "dashboards."))),
    key=lambda row: row.name,
)


@pytest.fixture(scope="module")
def schemas(zoom_openapi_dir: Path) -> ZoomSchemas:
    return ZoomSchemas(zoom_openapi_dir)


def response_model(dotted: str) -> type[BaseModel]:
    resource, method = dotted.split(".")
    function = getattr(getattr(ZoomClient, resource).resource, method)
    model: type[BaseModel] = function.__zoom_response_model__
    return model


def properties(schema: dict[str, Any]) -> dict[str, Any]:
    """Declared properties, merged across allOf / oneOf / anyOf parts."""
    merged: dict[str, Any] = dict(schema.get("properties", {}))
    for key in ("allOf", "oneOf", "anyOf"):
        for part in schema.get(key, []):
            merged.update(properties(part))
    return merged


def nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = nested_model(arg)
        if found is not None:
            return found
    return None


def undeclared(model: type[BaseModel], schema: dict[str, Any], where: str) -> list[str]:
    """Spec properties with no model field, following nested objects and arrays of objects."""
    missing: list[str] = []
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    for name, prop in properties(schema).items():
        if name not in fields:
            missing.append(f"{where}.{name}")
            continue
        nested = nested_model(fields[name].annotation)
        if nested is not None:
            inner = prop.get("items", prop)
            missing += undeclared(nested, inner, f"{where}.{name}")
    return missing


def test_every_report_and_dashboard_operation_is_checked() -> None:
    assert len(MINE) == 49


@pytest.mark.parametrize("row", MINE, ids=[row.name for row in MINE])
def test_model_declares_every_field_both_specs_document(row: Any, schemas: ZoomSchemas) -> None:
    model = response_model(row.name)
    missing = []
    for operation in schemas.by_id[OPERATION_IDS[(row.method, row.path)]]:
        schema = schemas.response_schema(operation, "200")
        assert schema is not None, f"{operation.spec} documents no 200 body"
        missing += undeclared(model, schema, f"{operation.spec}:{model.__name__}")
    assert missing == []
