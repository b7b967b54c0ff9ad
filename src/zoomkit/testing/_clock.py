"""Clocks for FakeZoom: a fake one that tests move by hand, and the wall clock for ``serve``.

FakeZoom decides token expiry, authorization-code expiry and page-token expiry by reading a
clock, never ``time.time()`` directly, so tests cross an hour of token lifetime in microseconds.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Protocol

import anyio
import anyio.lowlevel

__all__ = ["DEFAULT_START", "Clock", "FakeClock", "WallClock"]

DEFAULT_START = 1_772_442_000.0
"""2026-03-02T09:00:00Z: a fixed Monday morning, so tests that print times are reproducible."""


class Clock(Protocol):
    """The time source FakeZoom reads (structurally the same as zoomkit's clock)."""

    def time(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class FakeClock:
    """A clock that only moves when told to.

    ``sleep`` advances the time instead of waiting, then yields to the event loop once so that
    other tasks still interleave the way they would with a real sleep.
    """

    def __init__(self, start: float = DEFAULT_START) -> None:
        self._now = float(start)

    def time(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        """Move time forward; moving backwards is refused because no real clock does that."""
        if seconds < 0:
            raise ValueError(f"cannot move a clock backwards (advance({seconds}))")
        self._now += seconds

    async def sleep(self, seconds: float) -> None:
        self.advance(max(0.0, seconds))
        await anyio.lowlevel.checkpoint()

    def __repr__(self) -> str:
        moment = datetime.fromtimestamp(self._now, UTC)
        return f"FakeClock({moment.isoformat(timespec='milliseconds').replace('+00:00', 'Z')})"


class WallClock:
    """The real clock, for FakeZoom served over a socket or used without a fake clock."""

    def time(self) -> float:
        return time.time()

    async def sleep(self, seconds: float) -> None:
        await anyio.sleep(seconds)

    def __repr__(self) -> str:
        return "WallClock()"
