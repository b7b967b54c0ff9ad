"""Real services for zoomkit.contrib tests: a redis-server and FakeZoom served over 127.0.0.1.

``redis_server`` starts ``redis-server`` once per session on a free 127.0.0.1 port (no disk
persistence) and stops it afterwards. Without ``redis-server`` on PATH the tests skip with the
reason, except under CI (``CI=true``), where that is a failure: ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
from collections.abc import AsyncIterator, Iterator

import pytest
from redis_fleet import RedisServer, drain

try:
    from redis.asyncio import Redis
except ImportError:  # the redis extra is not installed: only the import test can run
    if os.environ.get("CI") == "true":
        raise RuntimeError("redis-py is missing under CI; the dev extra installs it") from None
    collect_ignore_glob = ["test_redis_*.py"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # redis-py's client (redis.asyncio) runs on asyncio only


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_redis(path: str) -> tuple[subprocess.Popen[str], int] | None:
    """One try on a free port: the process once it accepts connections, or None if it exited."""
    port = _free_port()
    process = subprocess.Popen(
        [path, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if "Ready to accept connections" in line:
            threading.Thread(target=drain, args=(process.stdout,), daemon=True).start()
            return process, port
    process.wait(timeout=10)  # it exited (the port was taken meanwhile): try another
    return None


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    path = shutil.which("redis-server")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is not on PATH under CI; .ci/run installs it")
        pytest.skip("redis-server is not on PATH (apt-get install redis-server)")
    for _attempt in range(3):
        started = _start_redis(path)
        if started is not None:
            break
    else:
        pytest.fail("redis-server did not start on a free 127.0.0.1 port in three tries")
    process, port = started
    try:
        yield RedisServer(port)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
async def redis(redis_server: RedisServer) -> AsyncIterator[Redis]:
    """A client on an emptied database."""
    client = Redis.from_url(redis_server.url)
    await client.flushdb()
    try:
        yield client
    finally:
        await client.aclose()
