"""zoomkit imports without redis-py; zoomkit.contrib.redis alone needs it, and says so."""

from __future__ import annotations

import subprocess
import sys

BLOCK_REDIS = "import sys; sys.modules['redis'] = None; sys.modules['redis.asyncio'] = None\n"


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK_REDIS + code], capture_output=True, text=True, check=False
    )


def test_zoomkit_imports_without_redis() -> None:
    result = run("import zoomkit, zoomkit.auth, zoomkit.webhooks, zoomkit.testing, zoomkit.contrib")
    assert result.returncode == 0, result.stderr


def test_the_redis_contrib_names_the_extra_it_needs() -> None:
    result = run("import zoomkit.contrib.redis")
    assert result.returncode != 0
    assert "ImportError: zoomkit.contrib.redis needs redis-py: pip install 'zoomkit[redis]'" in (
        result.stderr
    )
