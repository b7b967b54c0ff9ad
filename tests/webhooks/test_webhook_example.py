"""examples/webhook_receiver.py runs as a user would run it: uvicorn on 127.0.0.1, FakeZoom."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_webhook_receiver_example_prints_each_verified_event() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZOOM_")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "webhook_receiver.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert re.search(r"Receiver listening on http://127\.0\.0\.1:\d+/zoom/webhooks", out)
    assert "FakeZoom validated the endpoint" in out
    events = re.findall(r"^  (\S+)\s+meeting (\d+)", out, re.MULTILINE)
    assert [name for name, _ in events] == [
        "meeting.created",
        "meeting.started",
        "meeting.participant_joined",
        "meeting.participant_left",
        "meeting.ended",
        "recording.started",
        "recording.stopped",
        "recording.completed",
    ]
    assert len({meeting_id for _, meeting_id in events}) == 1  # one meeting, ids as ints
    assert "Ada Lovelace" in out
    assert re.search(r"downloaded \d+ bytes of MP4", out)
    assert out.rstrip().endswith("Done: 8 signed events received, verified and handled.")
    assert "Traceback" not in result.stderr
