"""Zoom's OpenAPI response schemas, made plain JSON Schema for the schema and model tests.

Zoom's two spec files (../shared/zoom-openapi) describe each in-scope operation; scope.json keys
them by method and path with parameter names ignored. :class:`ZoomSchemas` finds an operation's
response for a status (the 2023 file's; the 2025 file's for operations only it has, or for a
status only it documents, e.g. ``201`` where the 2023 file said ``200``) and normalises its
schema, minimally and always the same way:

- ``$ref`` is inlined (both files use local ``#/components/...`` references only);
- OpenAPI's ``nullable: true`` becomes JSON Schema's ``"null"`` type;
- ``format`` is kept only where it can be checked (``date-time`` as RFC 3339, ``date``,
  ``email``); Zoom's other formats (``int64``, ``double``, ``url``, ``string``) are annotations;
- descriptive keys (``description``, ``example``, ``x-*``...) are dropped;
- an ``enum`` written on an array (group settings' ``languages``) applies to its items;
- ``oneOf`` over objects: Zoom uses it for the views of one settings object (chosen by the
  ``option`` query parameter), with branches that declare no ``required`` keys, so every body
  matches several branches. :func:`schema_problems` checks a body against the branch whose
  properties share the most keys with it; :func:`generation_schema` reads it as ``anyOf``.

Nothing else is changed: a field Zoom's schema says is a string must be a string.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError

__all__ = [
    "SPEC_FILES",
    "SpecOperation",
    "ZoomSchemas",
    "generation_schema",
    "plain_schema",
    "schema_problems",
]

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
        scope = json.loads((folder / "scope.json").read_text())
        self.specs = {key: json.loads((folder / f).read_text()) for key, f in SPEC_FILES.items()}
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
        """Every in-scope operation id: its operation in each file, the 2023 file's first."""
        for entry in scope["operations"]:
            key = (entry["method"], _PARAM.sub("{}", entry["path"]))
            found = []
            for spec in sorted(entry["specs"]):
                path, operation = index[spec][key]
                found.append(
                    SpecOperation(
                        entry["operationId"], spec, entry["method"], path, operation["responses"]
                    )
                )
            self.by_id[entry["operationId"]] = found

    def documented(self, operation_id: str, status: int | str) -> SpecOperation | None:
        """The operation whose file documents ``status``: the 2023 file's first, else 2025's."""
        for operation in self.by_id[operation_id]:
            if str(status) in operation.responses:
                return operation
        return None

    def response_schema(self, operation: SpecOperation, status: int | str) -> dict[str, Any] | None:
        """The plain JSON Schema of ``operation``'s JSON answer for ``status``, if documented."""
        content = operation.responses.get(str(status), {}).get("content", {})
        schema = content.get("application/json", {}).get("schema")
        if schema is None:
            return None
        plain: dict[str, Any] = plain_schema(schema, self.specs[operation.spec])
        return plain

    def success_statuses(self, operation: SpecOperation) -> list[str]:
        """The 2xx statuses ``operation``'s file documents."""
        return sorted(status for status in operation.responses if status.startswith("2"))


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
    if plain.get("type") == "array" and "enum" in plain and "items" in plain:
        plain["items"] = {**plain["items"], "enum": plain.pop("enum")}
    if schema.get("nullable") is True:
        if "type" in plain:
            plain["type"] = [plain["type"], "null"]
        if "enum" in plain:
            plain["enum"] = [*plain["enum"], None]
    return plain


def generation_schema(schema: Any) -> Any:
    """A plain schema with ``oneOf`` read as ``anyOf``, for generating instances."""
    if isinstance(schema, list):
        return [generation_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "properties" in schema:
        schema = {
            **schema,
            "properties": {k: generation_schema(v) for k, v in schema["properties"].items()},
        }
    return {("anyOf" if k == "oneOf" else k): generation_schema(v) for k, v in schema.items()}


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _RFC3339.match(value):
        return False
    datetime.fromisoformat(value.replace("Z", "+00:00"))  # ValueError for a day that can't be
    return True


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _is_email(value: object) -> bool:
    return not isinstance(value, str) or "@" in value


FORMATS = jsonschema.FormatChecker(formats=())
FORMATS.checks("date-time", raises=ValueError)(_is_date_time)
FORMATS.checks("date")(_is_date)
FORMATS.checks("email")(_is_email)

_ONE_OF = jsonschema.Draft4Validator.VALIDATORS["oneOf"]


def _declared_keys(branch: dict[str, Any]) -> set[str]:
    keys = set(branch.get("properties", {}))
    for nested in branch.get("oneOf", []):
        keys |= _declared_keys(nested)
    return keys


def _one_of_by_keys(
    validator: Any, branches: list[dict[str, Any]], instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """``oneOf`` over object views: check the branch sharing the most keys with the body."""
    if not isinstance(instance, dict) or any(b.get("type") != "object" for b in branches):
        yield from _ONE_OF(validator, branches, instance, schema)
        return
    best = max(branches, key=lambda b: len(instance.keys() & _declared_keys(b)))
    yield from validator.descend(instance, best)


ZoomValidator = jsonschema.validators.extend(jsonschema.Draft4Validator, {"oneOf": _one_of_by_keys})


def schema_problems(body: object, schema: dict[str, Any]) -> list[str]:
    """Every way ``body`` breaks ``schema`` (a plain schema), as ``where: what`` lines."""
    validator = ZoomValidator(schema, format_checker=FORMATS)
    errors = validator.iter_errors(body)
    return sorted(f"{error.json_path}: {error.message[:200]}" for error in errors)
