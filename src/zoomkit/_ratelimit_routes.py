"""Which operation a concrete request is, and so which rate-limit category it spends.

The 223 path templates of :mod:`zoomkit._operations` (from Zoom's scope.json) are compiled once
into a tree of path segments. A ``{name}`` segment matches any one non-empty encoded segment;
where a literal and a parameter both fit, the literal wins (``/meetings/1/recordings/settings``
is the settings operation, not a recording id), and the search backtracks when the method
does not fit. Unknown paths, and operations whose category Zoom leaves out, count as Light.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ._operations import OPERATIONS, Operation
from .ratelimit import Category

__all__ = ["Route", "resolve_route"]


@dataclass(frozen=True, slots=True)
class Route:
    """A request matched to its operation: the category, the template, the path ids."""

    category: Category
    template: str | None = None
    ids: tuple[str, ...] = ()


@dataclass(slots=True)
class _Node:
    literals: dict[str, _Node] = field(default_factory=dict)
    parameter: _Node | None = None
    operations: dict[str, Operation] = field(default_factory=dict)


@functools.cache
def _tree() -> _Node:
    root = _Node()
    for operation in OPERATIONS:
        node = root
        for segment in _segments(operation.path):
            if segment.startswith("{") and segment.endswith("}"):
                node.parameter = node.parameter or _Node()
                node = node.parameter
            else:
                node = node.literals.setdefault(segment, _Node())
        node.operations[operation.method] = operation
    return root


def _segments(path: str) -> list[str]:
    return path.split("?", 1)[0].strip("/").split("/")


def _match(
    node: _Node, segments: list[str], index: int, method: str, ids: list[str]
) -> Operation | None:
    if index == len(segments):
        return node.operations.get(method)
    segment = segments[index]
    literal = node.literals.get(segment)
    if literal is not None:
        found = _match(literal, segments, index + 1, method, ids)
        if found is not None:
            return found
    if node.parameter is not None and segment:
        ids.append(segment)
        found = _match(node.parameter, segments, index + 1, method, ids)
        if found is not None:
            return found
        ids.pop()
    return None


def resolve_route(method: str, path: str) -> Route:
    """The operation ``method path`` calls (path relative to the API root, ids encoded)."""
    ids: list[str] = []
    operation = _match(_tree(), _segments(path), 0, method.upper(), ids)
    if operation is None:
        return Route(Category.LIGHT)
    category = Category.parse(operation.category) or Category.LIGHT
    return Route(category, operation.path, tuple(ids))
