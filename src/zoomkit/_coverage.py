"""Which Zoom operations zoomkit implements, read from the resource classes themselves."""

from __future__ import annotations

import inspect
from typing import NamedTuple

__all__ = ["CoveredOperation", "api_coverage", "coverage_markdown"]


class CoveredOperation(NamedTuple):
    """One implemented operation: HTTP method, path template (as scope.json writes it), and the
    dotted name of the client method that calls it, e.g. ``("GET", "/meetings/{meetingId}",
    "meetings.get")``."""

    method: str
    path: str
    name: str


def api_coverage() -> list[CoveredOperation]:
    """Every operation a :class:`~zoomkit.ZoomClient` method calls, sorted by path and method."""
    from ._client import ZoomClient
    from .resources._base import ResourceAttribute

    found: list[CoveredOperation] = []

    def walk(owner: type, prefix: str) -> None:
        for name in sorted(dir(owner)):
            if name.startswith("_"):
                continue
            attribute = inspect.getattr_static(owner, name)
            if isinstance(attribute, ResourceAttribute):
                walk(attribute.resource, f"{prefix}{name}.")
                continue
            mark = getattr(attribute, "__zoom_operation__", None)
            if mark is not None:
                method, path = mark
                found.append(CoveredOperation(method, path, f"{prefix}{name}"))

    walk(ZoomClient, "")
    return sorted(found, key=lambda op: (op.path, op.method, op.name))


def coverage_markdown() -> str:
    """The docs page docs/api-coverage.md: every in-scope operation and the method that calls it.

    Generated (``python scripts/generate_coverage_doc.py``); a test fails when the page is stale.
    """
    from ._operations import OPERATIONS

    covered = {(op.method, op.path): op.name for op in api_coverage()}
    done = sum(1 for op in OPERATIONS if (op.method, op.path) in covered)
    lines = [
        "# API coverage",
        "",
        "Generated from `zoomkit.api_coverage()` against the 223 in-scope operations of Zoom's",
        "OpenAPI specs (`scope.json`); do not edit by hand: run",
        "`python scripts/generate_coverage_doc.py`. A test fails when this page is stale.",
        "",
        f"**{done} of {len(OPERATIONS)} operations implemented.**",
        "",
    ]
    for tag in sorted({op.tag for op in OPERATIONS}):
        lines += [
            f"## {tag}",
            "",
            "| Method | Path | Rate limit | zoomkit |",
            "|---|---|---|---|",
        ]
        for op in sorted((o for o in OPERATIONS if o.tag == tag), key=lambda o: (o.path, o.method)):
            name = covered.get((op.method, op.path))
            call = f"`client.{name}()`" if name else "not yet"
            lines.append(f"| {op.method} | `{op.path}` | {op.category or '-'} | {call} |")
        lines.append("")
    return "\n".join(lines)
