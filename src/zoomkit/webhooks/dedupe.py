"""Run each webhook event once, although Zoom may deliver it more than once.

Zoom retries a delivery it thinks failed (5, 20 and 60 minutes later) and sometimes delivers
an event twice; both resend the same event. The key is therefore built from what the event
*is*, not from how it was delivered: a hash of its name, ``event_ts`` and payload, read as
canonical JSON so whitespace and key order cannot make two copies look different. The
delivery headers (``x-zm-request-timestamp``, the signature, ``x-zm-trackingid``) are left out
because they describe one attempt, and so is ``download_token``, a credential Zoom may issue
afresh for the same recording.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import threading
from collections.abc import Mapping
from typing import Any, Final, Protocol, runtime_checkable

from zoomkit._clock import Clock, SystemClock

__all__ = ["DEFAULT_DEDUPE_TTL", "DedupeStore", "MemoryDedupeStore", "dedupe_key"]

DEFAULT_DEDUPE_TTL: Final = 3 * 3600.0
"""Three hours: Zoom's last retry comes 85 minutes after the first attempt; this covers it twice."""


@runtime_checkable
class DedupeStore(Protocol):
    """Remembers keys for a while; shared by every process that receives the same webhooks."""

    async def first_time(self, key: str, ttl: float) -> bool:
        """Record ``key`` for ``ttl`` seconds; ``True`` only if it was not already recorded.

        Must be atomic: of two concurrent calls with one key, exactly one gets ``True``
        (Redis: ``SET key 1 NX EX ttl``).
        """
        ...


def dedupe_key(raw: Mapping[str, Any]) -> str:
    """The dedupe key of a parsed webhook body: ``zoomkit:webhook:<event>:<sha256 hex>``."""
    payload = raw.get("payload")
    if isinstance(payload, Mapping) and "download_token" in payload:
        payload = {k: v for k, v in payload.items() if k != "download_token"}
    identity = {"event": raw.get("event"), "event_ts": raw.get("event_ts"), "payload": payload}
    canonical = json.dumps(
        identity, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )
    digest = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
    return f"zoomkit:webhook:{raw.get('event')}:{digest}"


class MemoryDedupeStore:
    """A :class:`DedupeStore` in this process's memory, expiring keys by the injected clock.

    Safe to share between threads (a Flask or Django app calling ``asyncio.run`` per request);
    for several processes use a shared store such as ``zoomkit.contrib.redis``.
    """

    def __init__(self, *, clock: Clock | None = None) -> None:
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._expiry: dict[str, float] = {}
        self._queue: list[tuple[float, str]] = []  # a heap of (expiry, key)
        self._lock = threading.Lock()  # held only for dict work, never across an await

    def __repr__(self) -> str:
        return f"MemoryDedupeStore(keys={len(self)}, clock={self._clock!r})"

    def __len__(self) -> int:
        """How many keys are remembered (expired ones are dropped on the next call)."""
        return len(self._expiry)

    async def first_time(self, key: str, ttl: float) -> bool:
        now = self._clock.time()
        with self._lock:
            self._forget_expired(now)
            if key in self._expiry:
                return False
            expiry = now + ttl
            self._expiry[key] = expiry
            heapq.heappush(self._queue, (expiry, key))
            return True

    def _forget_expired(self, now: float) -> None:
        while self._queue and self._queue[0][0] <= now:
            expiry, key = heapq.heappop(self._queue)
            if self._expiry.get(key) == expiry:
                del self._expiry[key]
