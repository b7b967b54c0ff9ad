"""Zoom's OpenAPI response schemas, made plain JSON Schema for the schema and model tests.

Zoom's two spec files (../shared/zoom-openapi) describe each in-scope operation; scope.json keys
them by method and path with parameter names ignored. :class:`ZoomSchemas` finds an operation's
response schema for a status and normalises it, minimally and always the same way:

- ``$ref`` is inlined (both files use local ``#/components/...`` references only);
- OpenAPI's ``nullable: true`` becomes JSON Schema's ``"null"`` type;
- ``format`` is kept only where it can be checked (``date-time``, ``date``, ``email``); Zoom's
  other formats (``int64``, ``double``, ``url``, ``string``) are annotations;
- descriptive keys (``description``, ``example``, ``x-*``...) are dropped.

Nothing else is changed: a field Zoom's schema says is a string must be a string.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jsonschema

__all__ = ["SPEC_FILES", "SpecOperation", "ZoomSchemas", "plain_schema", "schema_problems"]

SPEC_FILES = {"2023": "ZoomMeetingAPISpec-2023.json", "2025": "zoom-meetings-openapi-2025.json"}
CHECKED_FORMATS = frozenset({"date-time", "date", "email"})
ANNOTATIONS = frozenset({"description", "example", "title", "default", "deprecated", "readOnly"})
HTTP_METHODS = ("get", "post", "put", "patch", "delete")
_PARAM = re.compile(r"\{[^}]+\}")
_RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@dataclass(frozen=True)
class SpecOperation:
    """One operation as one spec file writes it."""

    operation_id: str
    spec: str
    """``"2023"`` or ``"2025"``."""
    method: str
    path: str
    responses: dict[str, Any]


class ZoomSchemas:
    """The in-scope operations of scope.json and their response schemas in both spec files."""

    def __init__(self, folder: Path) -> None:
        self.scope: list[dict[str, Any]] = json.loads((folder / "scope.json").read_text())[
            "operations"
        ]
        self.specs = {key: json.loads((folder / name).read_text()) for key, name in SPEC_FILES.items()}
        index = {
            key: {
                (method.upper(), _PARAM.sub("{}", path)): (path, operation)
                for path, item in spec["paths"].items()
                for method, operation in item.items()
                if method in HTTP_METHODS
            }
            for key, spec in self.specs.items()
        }
        self.by_id: dict[str, list[SpecOperation]] = {}
        for entry in self.scope:
            key = (entry["method"], _PARAM.sub("{}", entry["path"]))
            self.by_id[entry["operationId"]] = [
                SpecOperation(entry["operationId"], spec, entry["method"], *_found(index[spec], key))
                for spec in sorted(entry["specs"])
            ]

    def primary(self, operation_id: str) -> SpecOperation:
        """The 2023 file's operation, or the 2025 file's for operations only it has."""
        return self.by_id[operation_id][0]

    def response_schema(self, operation: SpecOperation, status: str) -> dict[str, Any] | None:
        """The plain JSON Schema of ``operation``'s JSON answer for ``status``, if documented."""
        content = operation.responses.get(status, {}).get("content", {})
        schema = content.get("application/json", {}).get("schema")
        if schema is None:
            return None
        return plain_schema(schema, self.specs[operation.spec])

    def success_statuses(self, operation: SpecOperation) -> list[str]:
        return sorted(status for status in operation.responses if status.startswith("2"))


def _found(
    index: dict[tuple[str, str], tuple[str, dict[str, Any]]], key: tuple[str, str]
) -> tuple[str, dict[str, Any]]:
    path, operation = index[key]
    return path, operation.get("responses", {})


def plain_schema(schema: Any, spec: dict[str, Any], depth: int = 0) -> Any:
    """``schema`` as plain JSON Schema (see the module docstring), refs inlined from ``spec``."""
    if depth > 50:
        raise ValueError("recursive $ref in Zoom's spec")
    if isinstance(schema, list):
        return [plain_schema(item, spec, depth + 1) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        target: Any = spec
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return plain_schema(target, spec, depth + 1)
    plain: dict[str, Any] = {}
    for key, value in schema.items():
        if key in ANNOTATIONS or key.startswith("x-") or key == "nullable":
            continue
        if key == "format" and value not in CHECKED_FORMATS:
            continue
        if key == "properties":
            plain[key] = {name: plain_schema(sub, spec, depth + 1) for name, sub in value.items()}
        elif key == "enum":
            plain[key] = list(value)
        else:
            plain[key] = plain_schema(value, spec, depth + 1)
    if schema.get("nullable") is True:
        if "type" in plain:
            plain["type"] = [plain["type"], "null"]
        if "enum" in plain:
            plain["enum"] = [*plain["enum"], None]
    return plain


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str) or not _RFC3339.match(value):
        return not isinstance(value, str)
    datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        return len(value) == 10 and date.fromisoformat(value) is not None
    except ValueError:
        return False


FORMATS = jsonschema.FormatChecker(formats=())
FORMATS.checks("date-time", raises=ValueError)(_is_date_time)
FORMATS.checks("date")(_is_date)
FORMATS.checks("email")(lambda value: not isinstance(value, str) or "@" in value)


def schema_problems(body: object, schema: dict[str, Any]) -> list[str]:
    """Every way ``body`` breaks ``schema`` (a plain schema), as ``where: what`` lines."""
    validator = jsonschema.Draft4Validator(schema, format_checker=FORMATS)
    return sorted(
        f"{error.json_path}: {error.message[:200]}" for error in validator.iter_errors(body)
    )
