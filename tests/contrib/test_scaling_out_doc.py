"""The worker in docs/scaling-out.md runs as printed, in several processes at once."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from redis import Redis as SyncRedis
from redis_fleet import RedisServer, serve_fakezoom

DOC = Path(__file__).resolve().parents[2] / "docs" / "scaling-out.md"


def worker_source() -> str:
    section = DOC.read_text().split("## A worker", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "docs/scaling-out.md lost its worker example"
    return match.group(1)


def test_the_documented_worker_runs_in_two_processes_on_one_token(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    script = tmp_path / "worker.py"
    script.write_text(worker_source())
    SyncRedis.from_url(redis_server.url).flushdb()
    with serve_fakezoom("--plan", "pro", "--seed", "8") as served:
        credentials = served.credentials()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("ZOOM_")},
            "ZOOM_BASE_URL": f"{served.base}/v2",
            "ZOOM_OAUTH_BASE_URL": served.base,
            "ZOOM_ACCOUNT_ID": credentials["account_id"],
            "ZOOM_CLIENT_ID": credentials["s2s"]["client_id"],
            "ZOOM_CLIENT_SECRET": credentials["s2s"]["client_secret"],
            "REDIS_URL": redis_server.url,
        }
        workers = [
            subprocess.Popen(
                [sys.executable, str(script)], env=env, stdout=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        outputs = [worker.communicate(timeout=120)[0] for worker in workers]
        counters = served.counters()
    assert [worker.returncode for worker in workers] == [0, 0]
    assert all("51 calls as owner@" in output for output in outputs), outputs
    assert counters["total_token_requests"] == 1
