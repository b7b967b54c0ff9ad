"""FakeZoom stays an independent oracle: its code imports nothing of the client it checks."""

from __future__ import annotations

import ast
from pathlib import Path

import zoomkit.testing

TESTING_DIR = Path(zoomkit.testing.__file__).parent
# The one sanctioned exception: FakeZoom.client() builds a ZoomClient wired to the fake.
ALLOWED_FUNCTIONS = {"client"}
# Pure data generated from Zoom's scope.json: each operation's rate-limit category.
ALLOWED_MODULES = {"zoomkit._operations"}


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """Modules imported anywhere except under ``if TYPE_CHECKING`` and in allowed functions."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in (
            ALLOWED_FUNCTIONS
        ):
            return
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            dots = "." * node.level
            if node.module:
                found.append((node.lineno, dots + node.module))
            else:
                found.extend((node.lineno, dots + alias.name) for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def test_fakezoom_imports_nothing_of_the_client_resources_or_models() -> None:
    offenders = []
    for path in sorted(TESTING_DIR.glob("*.py")):
        for line, module in imported_modules(ast.parse(path.read_text())):
            reaches_out = module.startswith("..") or (
                module.startswith("zoomkit")
                and not module.startswith("zoomkit.testing")
                and module not in ALLOWED_MODULES
            )
            if reaches_out:
                offenders.append(f"{path.name}:{line} imports {module}")
    assert offenders == []


def test_the_check_itself_catches_an_import_of_the_client() -> None:
    sample = ast.parse("from zoomkit.models import Meeting\nfrom .. import errors\n")
    assert [m for _, m in imported_modules(sample)] == ["zoomkit.models", "..errors"]
