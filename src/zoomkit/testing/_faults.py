"""Faults a test schedules for an operation: Zoom answering an error instead of (or after) acting.

``after_effect`` faults perform the operation and then answer the error, which is how a client
learns that a POST it saw fail may still have created something.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from ._http import Response

__all__ = ["PER_SECOND_LIMIT_MESSAGE", "Fault", "FaultPlan"]

PER_SECOND_LIMIT_MESSAGE = (
    "You have reached the maximum per-second rate limit for this API. Try again later."
)


@dataclass(frozen=True)
class Fault:
    status: int
    after_effect: bool = False
    body: dict[str, object] | None = None
    headers: dict[str, str] = field(default_factory=dict)

    def response(self, *, oauth: bool) -> Response:
        if self.body is not None:
            response = Response(self.status, dict(self.body))
        elif self.status == 429 and not oauth:
            response = Response(429, {"code": 429, "message": PER_SECOND_LIMIT_MESSAGE})
            response.headers["x-ratelimit-type"] = "QPS"
        else:
            response = Response.error_for_status(self.status, oauth=oauth)
        response.headers.update({name.lower(): value for name, value in self.headers.items()})
        return response


@dataclass
class FaultPlan:
    """Pending faults, consumed in order, per operation id."""

    _pending: dict[str, deque[Fault]] = field(default_factory=dict)

    def add(self, operation: str, fault: Fault, times: int) -> None:
        if times < 1:
            raise ValueError("times must be at least 1")
        self._pending.setdefault(operation, deque()).extend([fault] * times)

    def take(self, operation: str) -> Fault | None:
        queue = self._pending.get(operation)
        if not queue:
            return None
        return queue.popleft()
