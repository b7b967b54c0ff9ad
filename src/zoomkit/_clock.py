"""Time as an object, so every time-based decision can be tested without waiting.

Token expiry, Retry-After dates and back-off all read time through a :class:`Clock`.
Wall-clock seconds are used (not a monotonic clock) because token expiry is shared with
other processes through token stores, and Zoom's limits reset at wall-clock midnight UTC.
"""

from __future__ import annotations

import time
from typing import Protocol, runtime_checkable

import anyio

__all__ = ["Clock", "SystemClock"]


@runtime_checkable
class Clock(Protocol):
    """What zoomkit needs of time: the current epoch seconds, and a way to wait."""

    def time(self) -> float:
        """Seconds since the epoch, UTC."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait ``seconds``; a fake clock advances instead of waiting."""
        ...


class SystemClock:
    """The real clock: ``time.time()`` and ``anyio.sleep`` (works under asyncio and trio)."""

    def time(self) -> float:
        return time.time()

    async def sleep(self, seconds: float) -> None:
        await anyio.sleep(seconds)

    def __repr__(self) -> str:
        return "SystemClock()"
