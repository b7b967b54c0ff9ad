"""Helpers for the multi-process tests: FakeZoom served in its own process, and worker fleets.

``serve_fakezoom(...)`` runs ``python -m zoomkit.testing serve --port 0`` with options and
gives its control endpoints; ``start_fleet(...)`` starts tests/contrib/fleet_worker.py
processes, each printing one JSON result line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass(frozen=True)
class RedisServer:
    """A redis-server the session started on 127.0.0.1."""

    port: int

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


def drain(stream: Any) -> None:
    """Keep reading a child's output so a full pipe never blocks it."""
    for _line in stream:
        pass


@dataclass
class ServedFakeZoom:
    """A ``python -m zoomkit.testing serve`` process and its control endpoints."""

    base: str
    process: subprocess.Popen[str]

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        response = httpx.request(method, f"{self.base}/_fakezoom/{path}", json=body, timeout=60)
        response.raise_for_status()
        return response.json() if response.content else None

    def counters(self) -> dict[str, Any]:
        result: dict[str, Any] = self.admin("GET", "counters")
        return result

    def credentials(self) -> dict[str, Any]:
        result: dict[str, Any] = self.admin("GET", "credentials")
        return result

    def requests(self, operation: str) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self.admin("GET", f"requests?operation={operation}")[
            "requests"
        ]
        return result


@contextmanager
def serve_fakezoom(*options: str) -> Iterator[ServedFakeZoom]:
    """Serve a fresh FakeZoom on a free port with ``options`` until the block ends."""
    process = subprocess.Popen(
        [sys.executable, "-m", "zoomkit.testing", "serve", "--port", "0", *options],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        base = ""
        for line in process.stdout:
            if line.startswith("FakeZoom listening on "):
                base = line.removeprefix("FakeZoom listening on ").strip()
                break
        assert base, "FakeZoom exited before it announced its address"
        threading.Thread(target=drain, args=(process.stdout,), daemon=True).start()
        yield ServedFakeZoom(base, process)
    finally:
        process.terminate()
        process.wait(timeout=10)


@dataclass
class Fleet:
    """Worker processes running tests/contrib/fleet_worker.py, each printing one JSON result."""

    processes: list[subprocess.Popen[str]]

    def results(self, timeout: float = 120) -> list[dict[str, Any]]:
        out = []
        for process in self.processes:
            stdout, stderr = process.communicate(timeout=timeout)
            assert process.returncode == 0, stderr[-3000:]
            out.append(json.loads(stdout.strip().splitlines()[-1]))
        return out


@contextmanager
def start_fleet(scenario: str, config: dict[str, Any], workers: int = 4) -> Iterator[Fleet]:
    """Start ``workers`` processes of ``scenario``; each gets ``config`` plus its index."""
    script = os.path.join(os.path.dirname(__file__), "fleet_worker.py")
    processes = [
        subprocess.Popen(
            [sys.executable, script, scenario, json.dumps({**config, "worker": index})],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for index in range(workers)
    ]
    try:
        yield Fleet(processes)
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)
