"""Webinar models declare every field Zoom's OpenAPI files document for their responses.

A field missing from a model would still be kept (``extra="allow"``) but untyped. Both spec
files are read, at every success status they document a body for: the 2025 file documents
fields the 2023 one lacks. The specs live in ../shared/zoom-openapi; without them these tests
skip, except under CI.
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
    (row for row in api_coverage() if row.name.startswith(("webinars.", "past_webinars."))),
    key=lambda row: row.name,
)


@pytest.fixture(scope="module")
def schemas(zoom_openapi_dir: Path) -> ZoomSchemas:
    return ZoomSchemas(zoom_openapi_dir)


def method_of(dotted: str) -> Any:
    """The resource method a dotted name (``webinars.registrants.list``) stands for."""
    *resources, name = dotted.split(".")
    owner: Any = ZoomClient
    for resource in resources:
        owner = getattr(owner, resource).resource
    return getattr(owner, name)


def properties(schema: dict[str, Any]) -> dict[str, Any]:
    """Declared properties, merged across allOf / oneOf / anyOf parts."""
    merged: dict[str, Any] = dict(schema.get("properties", {}))
    for key in ("allOf", "oneOf", "anyOf"):
        for part in schema.get(key, []):
            merged.update(properties(part))
    return merged


def items_of(schema: dict[str, Any]) -> dict[str, Any]:
    """What an array holds, or the schema itself."""
    items: dict[str, Any] = schema.get("items", schema)
    return items


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
            missing += undeclared(nested, items_of(prop), f"{where}.{name}")
    return missing


def test_every_webinar_operation_is_implemented_once() -> None:
    in_scope = {op.operation_id for op in OPERATIONS if op.tag == "Webinars"}
    implemented = [OPERATION_IDS[(row.method, row.path)] for row in MINE]
    assert sorted(implemented) == sorted(in_scope)
    assert len(implemented) == 53


@pytest.mark.parametrize("row", MINE, ids=[row.name for row in MINE])
def test_model_declares_every_field_both_specs_document(row: Any, schemas: ZoomSchemas) -> None:
    model = method_of(row.name).__zoom_response_model__
    missing: list[str] = []
    documented = 0
    for operation in schemas.by_id[OPERATION_IDS[(row.method, row.path)]]:
        for status in schemas.success_statuses(operation):
            schema = schemas.response_schema(operation, status)
            if schema is None:
                continue
            documented += 1
            assert model is not None, f"{row.name}: {operation.spec} documents a {status} body"
            missing += undeclared(model, schema, f"{operation.spec}:{model.__name__}")
    assert missing == []
    assert documented > 0 or model is None
