"""Every operation zoomkit implements is called against FakeZoom somewhere in the suite.

FakeZoom counts calls per operation id; this test, run last, takes the union over every FakeZoom
the session built and lists any implemented operation that no test ever called.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from zoomkit import api_coverage
from zoomkit._operations import OPERATIONS

TESTS = Path(__file__).resolve().parent


@pytest.mark.runs_last
def test_every_implemented_operation_is_called_against_fakezoom(
    fakezoom_session_registry: tuple[list[Any], set[str]],
) -> None:
    fakes, collected = fakezoom_session_registry
    all_files = {str(p) for p in TESTS.rglob("test_*.py")}
    if not all_files <= collected:
        pytest.skip("needs the whole suite: run pytest without selecting files or tests")
    calls: Counter[str] = Counter()
    for fake in fakes:
        calls.update(fake.counters.calls)
    operation_ids = {(op.method, op.path): op.operation_id for op in OPERATIONS}
    never_called = sorted(
        f"{row.name} ({row.method} {row.path})"
        for row in api_coverage()
        if calls[operation_ids[(row.method, row.path)]] == 0
    )
    assert never_called == []
