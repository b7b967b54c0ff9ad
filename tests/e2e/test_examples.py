"""The examples run as a user would run them, against FakeZoom."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quickstart_runs_against_fakezoom_without_credentials() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZOOM_")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quickstart.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("zoomkit quickstart against FakeZoom")
    for step in (
        "1. Signed in as",
        "2. Created meeting",
        "join URL: https://",
        "3. Listed",
        "4. Renamed meeting",
        "5. Read back: 'zoomkit quickstart (renamed)'",
        "6. Deleted meeting",
    ):
        assert any(step in line for line in lines), step
    assert "over 1 pages" not in result.stdout  # the listing really spanned pages
