"""api_coverage() is read from the code, matches scope.json, and its docs page is current."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from zoomkit import api_coverage
from zoomkit._coverage import coverage_markdown
from zoomkit._operations import OPERATIONS

DOC = Path(__file__).resolve().parents[2] / "docs" / "api-coverage.md"


def test_coverage_rows_name_real_operations_and_methods() -> None:
    in_scope = {(op.method, op.path) for op in OPERATIONS}
    rows = api_coverage()
    assert ("GET", "/meetings/{meetingId}", "meetings.get") in rows
    assert all((row.method, row.path) in in_scope for row in rows), [
        row for row in rows if (row.method, row.path) not in in_scope
    ]


def test_each_operation_is_called_by_exactly_one_method() -> None:
    counts = Counter((row.method, row.path) for row in api_coverage())
    assert [key for key, n in counts.items() if n > 1] == []


def test_the_coverage_page_is_current() -> None:
    assert DOC.read_text() == coverage_markdown(), "run: python scripts/generate_coverage_doc.py"
