"""The methods follow the naming scheme docs/api-naming.md writes down, and the page lists them.

The page's tables pair every method with Zoom's operationId; these tests fail when the page and
``zoomkit.api_coverage()`` disagree, or when a method breaks a rule of the scheme.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from zoom_schemas import ZoomSchemas
from zoomkit import api_coverage
from zoomkit._client import ZoomClient
from zoomkit._coverage import CoveredOperation
from zoomkit._operations import OPERATIONS

PAGE = Path(__file__).resolve().parents[1] / "docs" / "api-naming.md"
ROW = re.compile(r"^\| `([a-z_.]+)` \| `(\w+)` \| ([A-Z]+) `([^`]+)` \|$", re.MULTILINE)
ROOTS = {
    "meetings",
    "webinars",
    "users",
    "groups",
    "tracking_fields",
    "reports",
    "dashboards",
    "recordings",
    "past_meetings",
    "past_webinars",
}
PER_CALL = ("extra_headers", "extra_query", "timeout")
OPERATION_IDS = {(op.method, op.path): op.operation_id for op in OPERATIONS}
ROWS = api_coverage()


def method_of(row: CoveredOperation) -> Callable[..., Any]:
    owner: Any = ZoomClient
    *resources, name = row.name.split(".")
    for resource in resources:
        owner = inspect.getattr_static(owner, resource).resource
    method: Callable[..., Any] = inspect.getattr_static(owner, name)
    return method


def parameters(row: CoveredOperation) -> list[inspect.Parameter]:
    return list(inspect.signature(method_of(row)).parameters.values())[1:]  # without self


def test_the_page_lists_every_method_with_its_operation() -> None:
    listed = {(name, op, method, path) for name, op, method, path in ROW.findall(PAGE.read_text())}
    implemented = {
        (row.name, OPERATION_IDS[(row.method, row.path)], row.method, row.path) for row in ROWS
    }
    assert sorted(listed ^ implemented) == []


def test_every_method_hangs_off_a_collection_root() -> None:
    assert sorted({row.name.split(".")[0] for row in ROWS} - ROOTS) == []


def test_path_ids_are_positional_and_everything_else_keyword_only() -> None:
    wrong = []
    for row in ROWS:
        positional = [p.name for p in parameters(row) if p.kind is p.POSITIONAL_OR_KEYWORD]
        ids = re.findall(r"\{(\w+)\}", row.path)
        if len(positional) != len(ids):
            wrong.append(f"{row.name}({', '.join(positional)}) for {row.path}")
    assert wrong == []


def test_every_method_takes_the_per_call_options() -> None:
    missing = [
        f"{row.name}: {name}"
        for row in ROWS
        for name in PER_CALL
        if name not in {p.name for p in parameters(row) if p.kind is p.KEYWORD_ONLY}
    ]
    assert missing == []


def test_every_method_that_sends_a_json_body_takes_extra_body(zoom_openapi_dir: Path) -> None:
    schemas = ZoomSchemas(zoom_openapi_dir)

    def sends_json(row: CoveredOperation) -> bool:
        for operation in schemas.by_id[OPERATION_IDS[(row.method, row.path)]]:
            spec = schemas.specs[operation.spec]
            body = spec["paths"][operation.path][row.method.lower()].get("requestBody", {})
            if "$ref" in body:
                body = spec["components"]["requestBodies"][body["$ref"].rsplit("/", 1)[-1]]
            if "application/json" in body.get("content", {}):
                return True
        return False

    missing = [
        row.name
        for row in ROWS
        if sends_json(row) and "extra_body" not in {p.name for p in parameters(row)}
    ]
    assert missing == []


@pytest.mark.parametrize("name", ["list", "get", "create", "update", "delete"])
def test_the_basic_verbs_mean_the_same_http_method_everywhere(name: str) -> None:
    allowed = {
        "list": {"GET"},
        "get": {"GET"},
        "create": {"POST"},
        "update": {"PATCH", "PUT"},
        "delete": {"DELETE"},
    }[name]
    odd = [
        f"{row.name}: {row.method}"
        for row in ROWS
        if row.name.endswith(f".{name}") and row.method not in allowed
    ]
    assert odd == []
