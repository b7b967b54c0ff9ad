"""FakeZoom's responses conform to the response schemas of Zoom's OpenAPI file.

Every field FakeZoom sends that the schema declares must have the declared JSON type (and one of
the declared enum values). The spec lives in ../shared/; without it these tests skip, except in
CI, where its absence is a failure.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from zoomkit.testing import FakeZoom

JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}


def response_schema(spec: dict[str, Any], path: str, method: str, status: str) -> dict[str, Any]:
    operation = spec["paths"][path][method]
    schema: dict[str, Any] = operation["responses"][status]["content"]["application/json"]["schema"]
    return schema


def properties(schema: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = dict(schema.get("properties", {}))
    for key in ("allOf", "oneOf", "anyOf"):
        for part in schema.get(key, []):
            merged.update(properties(part))
    return merged


def mismatches(value: Any, schema: dict[str, Any], where: str) -> list[str]:
    """Type and enum mismatches of ``value`` against ``schema``, recursively."""
    problems: list[str] = []
    kind = schema.get("type")
    if kind in JSON_TYPES:
        ok = isinstance(value, JSON_TYPES[kind]) and not (
            kind in ("integer", "number") and isinstance(value, bool)
        )
        if not ok:
            return [f"{where}: {value!r} is not {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, dict):
        declared = properties(schema)
        for name, item in value.items():
            if name in declared:
                problems.extend(mismatches(item, declared[name], f"{where}.{name}"))
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            problems.extend(mismatches(item, schema["items"], f"{where}[{index}]"))
    return problems


@pytest.mark.asyncio
async def test_user_and_user_list(
    api: httpx.AsyncClient, fake: FakeZoom, zoom_openapi: dict[str, Any]
) -> None:
    user = (await api.get("/users/me")).json()
    assert (
        mismatches(user, response_schema(zoom_openapi, "/users/{userId}", "get", "200"), "user")
        == []
    )
    users = (await api.get("/users", params={"page_number": 1})).json()
    assert mismatches(users, response_schema(zoom_openapi, "/users", "get", "200"), "users") == []


@pytest.mark.asyncio
async def test_meeting_create_get_and_list(
    api: httpx.AsyncClient, zoom_openapi: dict[str, Any]
) -> None:
    body = {
        "topic": "Weekly",
        "type": 8,
        "start_time": "2026-03-03T10:00:00Z",
        "recurrence": {"type": 2, "weekly_days": "3", "end_times": 2},
        "tracking_fields": [{"field": "team", "value": "sdk"}],
    }
    created = (await api.post("/users/me/meetings", json=body)).json()
    create_schema = response_schema(zoom_openapi, "/users/{userId}/meetings", "post", "201")
    assert mismatches(created, create_schema, "created") == []
    fetched = (await api.get(f"/meetings/{created['id']}")).json()
    get_schema = response_schema(zoom_openapi, "/meetings/{meetingId}", "get", "200")
    assert mismatches(fetched, get_schema, "meeting") == []
    listed = (await api.get("/users/me/meetings")).json()
    list_schema = response_schema(zoom_openapi, "/users/{userId}/meetings", "get", "200")
    assert mismatches(listed, list_schema, "meetings") == []
