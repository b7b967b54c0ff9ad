"""The response models declare every field Zoom's OpenAPI file documents for them.

A field missing from a model would still be kept (``extra="allow"``) but untyped. The spec lives
in ../shared/zoom-openapi (or ``$ZOOMKIT_OPENAPI_DIR``); without it these tests skip, except in
CI, where its absence is a failure.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from zoomkit.models import Meeting, MeetingList, User, UserList


def response_schema(spec: dict[str, Any], path: str, method: str, status: str) -> dict[str, Any]:
    schema: dict[str, Any] = spec["paths"][path][method]["responses"][status]["content"][
        "application/json"
    ]["schema"]
    return schema


def undeclared(model: type[BaseModel], schema: dict[str, Any], where: str) -> list[str]:
    """Spec properties with no model field, following nested objects and arrays of objects."""
    missing: list[str] = []
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    for name, prop in schema.get("properties", {}).items():
        if name not in fields:
            missing.append(f"{where}.{name}")
            continue
        nested = nested_model(fields[name].annotation)
        if nested is None:
            continue
        inner = prop.get("items", prop)
        missing += undeclared(nested, inner, f"{where}.{name}")
    return missing


def nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = nested_model(arg)
        if found is not None:
            return found
    return None


@pytest.mark.parametrize(
    ("model", "path", "method", "status"),
    [
        (Meeting, "/meetings/{meetingId}", "get", "200"),
        (Meeting, "/users/{userId}/meetings", "post", "201"),
        (MeetingList, "/users/{userId}/meetings", "get", "200"),
        (User, "/users/{userId}", "get", "200"),
        (UserList, "/users", "get", "200"),
    ],
)
def test_model_declares_every_documented_field(
    model: type[BaseModel], path: str, method: str, status: str, zoom_openapi: dict[str, Any]
) -> None:
    assert (
        undeclared(model, response_schema(zoom_openapi, path, method, status), model.__name__) == []
    )
