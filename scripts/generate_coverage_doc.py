"""Write docs/api-coverage.md from zoomkit.api_coverage() (run after adding a resource method)."""

from __future__ import annotations

from pathlib import Path

from zoomkit._coverage import coverage_markdown

TARGET = Path(__file__).resolve().parents[1] / "docs" / "api-coverage.md"

if __name__ == "__main__":
    TARGET.write_text(coverage_markdown())
    print(f"wrote {TARGET}")
