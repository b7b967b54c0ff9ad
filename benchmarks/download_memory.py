"""Memory of a 1 GiB recording download: zoomkit's streamed download vs ``response.content``.

Run: ``.venv/bin/python benchmarks/download_memory.py [--size BYTES]`` (needs uvicorn).

It serves FakeZoom on 127.0.0.1 in a child process with one recording file of ``--size`` bytes
(1 GiB by default; the download URL redirects to the storage path, as Zoom's does), then
measures each way of downloading it in a fresh interpreter of its own, so one cannot inflate the
other's high-water mark:

* ``zoomkit``: ``client.recordings.download(url, path, download_token=...)``, streamed to disk;
* ``naive``: ``httpx.AsyncClient().get(url)`` and ``response.content`` written to disk.

For each it prints the time of one transfer, the peak RSS (``ru_maxrss``) and its growth over
the warmed-up interpreter's RSS just before it, and the tracemalloc peak (Python allocations)
of a second transfer. Figures, not assertions: nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

GIB = 1 << 30


def serve(size: int) -> None:
    """Child: a FakeZoom with one recording of ``size`` bytes, served until terminated."""
    from zoomkit.testing import FakeClock, FakeZoom

    fake = FakeZoom(clock=FakeClock(), seed=1)
    meeting = fake.add_meeting(fake.owner["id"], topic="Benchmark")
    recording = fake.complete_recording(meeting["id"], file_size=size)
    fake.redirect_recording_downloads()
    file_id = recording["recording_files"][0]["id"]

    def ready(url: str) -> None:
        print(
            json.dumps({"url": url, "file": file_id, "token": recording["download_access_token"]}),
            flush=True,
        )

    fake.serve(port=0, on_ready=ready)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


async def with_zoomkit(server: dict[str, str], size: int, target: Path) -> None:
    from zoomkit import ZoomClient
    from zoomkit.auth import StaticTokenAuth

    url = f"{server['url']}/rec/download/{server['file']}"
    async with ZoomClient(
        auth=StaticTokenAuth("unused"),
        base_url=server["url"] + "/v2",
        oauth_base_url=server["url"],
        timeout=120,
    ) as zoom:
        result = await zoom.recordings.download(
            url, target, download_token=server["token"], expected_size=size
        )
    assert result.size == size


async def naively(server: dict[str, str], size: int, target: Path) -> None:
    import anyio
    import httpx

    url = f"{server['url']}/rec/download/{server['file']}"
    headers = {"Authorization": f"Bearer {server['token']}"}
    async with httpx.AsyncClient(timeout=120, follow_redirects=True) as http:
        response = await http.get(url, headers=headers)  # same origin: httpx keeps the header
        response.raise_for_status()
        await anyio.Path(target).write_bytes(response.content)
    assert len(response.content) == size


def measure(way: str, server: dict[str, str], size: int) -> None:
    """Child: the download twice (timed, then under tracemalloc), then its figures as JSON."""
    import anyio
    import httpx

    import zoomkit  # noqa: F401 - the zoomkit path's imports, loaded before the baseline

    async def warm_up() -> None:  # httpcore, ssl and the thread pool load on first use
        async with httpx.AsyncClient() as http:
            await http.get(server["url"] + "/_fakezoom/clock")
        await anyio.to_thread.run_sync(lambda: None)

    run = {"zoomkit": with_zoomkit, "naive": naively}[way]
    anyio.run(warm_up)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "recording.mp4"
        before = peak_rss_mib()
        started = time.perf_counter()
        anyio.run(run, server, size, target)
        seconds = time.perf_counter() - started
        peak = peak_rss_mib()
        written = target.stat().st_size
        target.unlink()
        tracemalloc.start()
        anyio.run(run, server, size, target)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    figures = {
        "way": way,
        "written": written,
        "seconds": seconds,
        "rss_before_mib": before,
        "peak_rss_mib": peak,
        "tracemalloc_peak_mib": traced_peak / (1 << 20),
    }
    print(json.dumps(figures), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=GIB, help="file size in bytes (1 GiB)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure", choices=["zoomkit", "naive"], help=argparse.SUPPRESS)
    parser.add_argument("--server", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.size)
        return
    if args.measure:
        measure(args.measure, json.loads(args.server), args.size)
        return

    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    me = [sys.executable, str(Path(__file__).resolve())]
    server_process = subprocess.Popen(
        [*me, "--serve", "--size", str(args.size)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert server_process.stdout is not None
        server = json.loads(server_process.stdout.readline())
        time.sleep(1.0)  # the socket is bound; give uvicorn a moment to start serving
        print(f"FakeZoom served at {server['url']}; file of {args.size:,} bytes")
        print(f"{'way':<8} {'seconds':>8} {'peak RSS':>10} {'RSS growth':>11} {'tracemalloc':>12}")
        for way in ("zoomkit", "naive"):
            output = subprocess.run(
                [*me, "--measure", way, "--server", json.dumps(server), "--size", str(args.size)],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            ).stdout
            row = json.loads(output.strip().splitlines()[-1])
            assert row["written"] == args.size
            growth = row["peak_rss_mib"] - row["rss_before_mib"]
            print(
                f"{row['way']:<8} {row['seconds']:>8.2f} {row['peak_rss_mib']:>7.1f} MiB "
                f"{growth:>7.1f} MiB {row['tracemalloc_peak_mib']:>8.1f} MiB"
            )
    finally:
        server_process.terminate()
        server_process.wait(timeout=10)


if __name__ == "__main__":
    main()
