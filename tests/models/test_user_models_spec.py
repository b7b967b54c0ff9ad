"""The user, group and tracking field models against Zoom's OpenAPI files.

Two checks per response model: it declares every field the spec documents (in every ``oneOf``
variant, nested objects included), and an instance built from the schema with every documented
field parses and dumps back unchanged. Both spec files are read where an operation is in both.
The specs live in ../shared/zoom-openapi; without them these tests skip, except under CI.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from zoom_schemas import ZoomSchemas
from zoomkit import api_coverage
from zoomkit._client import ZoomClient
from zoomkit._operations import OPERATIONS

OPERATION_IDS = {(op.method, op.path): op.operation_id for op in OPERATIONS}
AREAS = ("users.", "groups.", "tracking_fields.")
# User.custom_attributes: GET /users/{userId} documents one object, GET /users (and Zoom) a
# list; the model reads either as a list, so this one field is reshaped on purpose.
RESHAPED = {("User", "custom_attributes")}


def response_model(dotted: str) -> type[BaseModel] | None:
    owner: Any = ZoomClient
    *resources, name = dotted.split(".")
    for part in resources:
        owner = inspect.getattr_static(owner, part).resource
    model: type[BaseModel] | None = getattr(owner, name).__zoom_response_model__
    return model


MINE = sorted(
    (row.name, OPERATION_IDS[(row.method, row.path)], model)
    for row in api_coverage()
    if row.name.startswith(AREAS) and (model := response_model(row.name)) is not None
)


@pytest.fixture(scope="module")
def schemas(zoom_openapi_dir: Path) -> ZoomSchemas:
    return ZoomSchemas(zoom_openapi_dir)


def documented(schemas: ZoomSchemas, operation_id: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each spec file's JSON schema of the operation's success answer."""
    for operation in schemas.by_id[operation_id]:
        for status in schemas.success_statuses(operation):
            schema = schemas.response_schema(operation, status)
            if schema is not None:
                yield f"{operation.spec} {status}", schema


def variants(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """``oneOf``/``anyOf`` alternatives one by one, ``allOf`` parts merged."""
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return [v for part in schema[key] for v in variants(part)]
    if "allOf" in schema:
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        for part in schema["allOf"]:
            for variant in variants(part):
                merged.setdefault("properties", {}).update(variant.get("properties", {}))
        return [merged]
    return [schema]


def nested_model(annotation: Any, *, in_list: bool) -> type[BaseModel] | None:
    """The model a field holds (directly, or in a list when ``in_list``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return None if in_list else annotation
    origin = getattr(annotation, "__origin__", None)
    if origin is list:
        return nested_model(annotation.__args__[0], in_list=False) if in_list else None
    for arg in getattr(annotation, "__args__", ()):
        found = nested_model(arg, in_list=in_list)
        if found is not None:
            return found
    return None


def undeclared(model: type[BaseModel], schema: dict[str, Any], where: str) -> list[str]:
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    missing: list[str] = []
    for variant in variants(schema):
        for name, prop in variant.get("properties", {}).items():
            if name not in fields:
                missing.append(f"{where}.{name}")
                continue
            if (model.__name__, name) in RESHAPED:
                continue
            for option in variants(prop):
                in_list = option.get("type") == "array"
                inner = option.get("items", {}) if in_list else option
                if not any("properties" in v for v in variants(inner)):
                    continue
                nested = nested_model(fields[name].annotation, in_list=in_list)
                if nested is None:
                    missing.append(f"{where}.{name} (no model for this shape)")
                else:
                    missing += undeclared(nested, inner, f"{where}.{name}")
    return sorted(set(missing))


def example(schema: dict[str, Any], pick: int) -> Any:
    """A value with every documented field; ``pick`` chooses among nested alternatives."""
    options = variants(schema)
    schema = options[pick % len(options)]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "array":  # Zoom sometimes puts the items' enum on the array itself
        items = schema.get("items", {})
        if "enum" in schema and "enum" not in items:
            items = {**items, "enum": schema["enum"]}
        return [example(items, pick)]
    if "enum" in schema:
        return next(value for value in schema["enum"] if value is not None)
    if kind == "object" or "properties" in schema:
        return {name: example(sub, pick) for name, sub in schema.get("properties", {}).items()}
    if kind == "integer":
        return 7
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if schema.get("format") == "date-time":
        return "2022-03-25T07:29:29Z"
    if schema.get("format") == "email":
        return "jchill@example.com"
    return "text"


@pytest.mark.parametrize(("name", "operation_id", "model"), MINE, ids=[m[0] for m in MINE])
def test_model_declares_every_documented_field(
    schemas: ZoomSchemas, name: str, operation_id: str, model: type[BaseModel]
) -> None:
    for source, schema in documented(schemas, operation_id):
        assert undeclared(model, schema, f"{model.__name__} ({source})") == []


@pytest.mark.parametrize(("name", "operation_id", "model"), MINE, ids=[m[0] for m in MINE])
def test_a_full_documented_answer_parses_and_dumps_back_unchanged(
    schemas: ZoomSchemas, name: str, operation_id: str, model: type[BaseModel]
) -> None:
    for _source, schema in documented(schemas, operation_id):
        for variant in variants(schema):
            for pick in (0, 1):
                answer = example(variant, pick)
                dumped = model.model_validate(answer).model_dump(
                    mode="json", by_alias=True, exclude_unset=True
                )
                for model_name, field in RESHAPED:
                    if model_name == model.__name__ and isinstance(answer.get(field), dict):
                        assert dumped.pop(field) == [answer.pop(field)]
                assert dumped == answer


def test_every_operation_of_these_areas_is_checked() -> None:
    named = {name for name, _, _ in MINE}
    assert len(named) == 31  # the other 26 of the 57 operations answer without a body
    assert "users.get_settings" in named
