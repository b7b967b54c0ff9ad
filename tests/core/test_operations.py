"""The generated operation table matches Zoom's scope.json (regenerate with the script if not)."""

from __future__ import annotations

import json
from typing import Any

from zoomkit._operations import OPERATIONS


def test_operation_table_matches_scope_json(zoom_openapi_dir: Any) -> None:
    scope = json.loads((zoom_openapi_dir / "scope.json").read_text())
    expected = {
        (o["method"], o["path"], o["operationId"], o["tag"], o["rate_limit"], tuple(o["scopes"]))
        for o in scope["operations"]
    }
    actual = {tuple(op) for op in OPERATIONS}
    assert actual == expected, "run: python scripts/generate_operations.py"
    assert len(OPERATIONS) == scope["count"] == 223


def test_each_method_and_path_appears_once() -> None:
    keys = [(op.method, op.path) for op in OPERATIONS]
    assert len(keys) == len(set(keys))
