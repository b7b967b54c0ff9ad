"""Faults a test asks for: Zoom answering an error, the network dropping, a response too slow.

Two sources, both per operation id:

* scheduled faults (``fake.inject_fault``), consumed in order by the next calls;
* random faults (``fake.faults``): rates of error statuses, connection resets before and after
  the operation took effect, and slow responses, drawn from one seedable generator.

``after_effect`` status faults and resets after the effect perform the operation first, which is
how a client learns that a POST it saw fail may still have created something. A reset before
the effect means the request never arrived: FakeZoom neither records, counts nor acts on it.
Network faults leave the app as :class:`NetworkFault`; the transport (in process) or the served
edge (uvicorn) turns that into what a real network does.
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ._http import Response
from ._limits import PER_SECOND_LIMIT_MESSAGE

__all__ = [
    "DEFAULT_SLOW_SECONDS",
    "PER_SECOND_LIMIT_MESSAGE",
    "Fault",
    "FaultKind",
    "FaultPlan",
    "FaultRates",
    "NetworkFault",
]

DEFAULT_SLOW_SECONDS = 35.0
"""How long a served FakeZoom holds a slow response: past zoomkit's default 30-second timeout."""


class FaultKind(StrEnum):
    STATUS = "status"
    RESET_BEFORE = "reset_before"
    RESET_AFTER = "reset_after"
    RESET_MID_BODY = "reset_mid_body"
    """Act, start the answer, and drop the connection half-way through its body."""
    SLOW = "slow"


@dataclass(frozen=True)
class Fault:
    status: int = 500
    after_effect: bool = False
    body: dict[str, object] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    kind: FaultKind = FaultKind.STATUS
    delay: float = DEFAULT_SLOW_SECONDS

    @property
    def acts(self) -> bool:
        """Whether the operation is carried out before the fault shows."""
        if self.kind is FaultKind.STATUS:
            return self.after_effect
        return self.kind is not FaultKind.RESET_BEFORE

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


class NetworkFault(Exception):
    """Raised out of the ASGI app when the network, not Zoom, answers this request.

    ``response`` is what a slow fault delivers late, or what a mid-body reset starts to send
    (None for other resets).
    """

    def __init__(self, fault: Fault, response: Response | None = None) -> None:
        super().__init__(f"injected network fault: {fault.kind}")
        self.fault = fault
        self.response = response


def _rate(name: str, value: float) -> float:
    if not (0.0 <= value <= 1.0) or math.isnan(value):
        raise ValueError(f"{name} must be a probability between 0 and 1, got {value!r}")
    return value


@dataclass(frozen=True)
class FaultRates:
    """Probabilities, per call, of each kind of fault; together at most 1.

    ``rate`` is the share of calls answered with one of ``statuses`` (instead of acting);
    ``resets_before``, ``resets_after`` and ``slow`` are the shares of each network fault.
    ``slow_seconds`` is how long a served FakeZoom holds a slow response.
    """

    rate: float = 0.0
    statuses: tuple[int, ...] = (500, 502, 503)
    resets_before: float = 0.0
    resets_after: float = 0.0
    slow: float = 0.0
    slow_seconds: float = DEFAULT_SLOW_SECONDS

    def __post_init__(self) -> None:
        for name in ("rate", "resets_before", "resets_after", "slow"):
            _rate(name, getattr(self, name))
        if self.total > 1.0 + 1e-9:
            raise ValueError(f"fault rates add up to {self.total:g}, more than 1")
        if not self.statuses or any(not 400 <= status <= 599 for status in self.statuses):
            raise ValueError(f"statuses must be HTTP error codes (400-599), got {self.statuses}")
        if self.slow_seconds < 0:
            raise ValueError(f"slow_seconds must be >= 0, got {self.slow_seconds}")

    @property
    def total(self) -> float:
        return self.rate + self.resets_before + self.resets_after + self.slow

    def pick(self, draw: float) -> Fault | None:
        """The fault that a uniform ``draw`` in [0, 1) selects, or None (no fault)."""
        if draw < self.rate:
            index = min(int(draw / self.rate * len(self.statuses)), len(self.statuses) - 1)
            return Fault(self.statuses[index])
        bound = self.rate
        for kind, share in (
            (FaultKind.RESET_BEFORE, self.resets_before),
            (FaultKind.RESET_AFTER, self.resets_after),
            (FaultKind.SLOW, self.slow),
        ):
            bound += share
            if draw < bound:
                return Fault(kind=kind, delay=self.slow_seconds)
        return None


@dataclass
class FaultPlan:
    """Scheduled faults per operation id, and the random fault rates with their generator."""

    _pending: dict[str, deque[Fault]] = field(default_factory=dict)
    _rates: dict[str, FaultRates] = field(default_factory=dict)
    _default: FaultRates | None = None
    _rng: random.Random = field(default_factory=random.Random)

    def add(self, operation: str, fault: Fault, times: int) -> None:
        if times < 1:
            raise ValueError("times must be at least 1")
        self._pending.setdefault(operation, deque()).extend([fault] * times)

    def take(self, operation: str) -> Fault | None:
        queue = self._pending.get(operation)
        if not queue:
            return None
        return queue.popleft()

    def take_reset_before(self, operation: str) -> Fault | None:
        """The next scheduled fault of ``operation`` if it is a reset before arrival."""
        queue = self._pending.get(operation)
        if queue and queue[0].kind is FaultKind.RESET_BEFORE:
            return queue.popleft()
        return None

    def reseed(self, seed: int | None) -> None:
        self._rng.seed(seed)

    def set_rates(self, rates: FaultRates, operations: Iterable[str] | None) -> None:
        """Random faults for ``operations``, or (None) the default for every REST operation."""
        if operations is None:
            self._default = rates if rates.total > 0 else None
            return
        for operation in operations:
            self._rates[operation] = rates

    def clear(self) -> None:
        """Forget scheduled and random faults alike."""
        self._pending.clear()
        self._rates.clear()
        self._default = None

    def draw(self, operation: str, *, rest: bool) -> Fault | None:
        """A random fault for one call of ``operation``; the default applies to REST calls only."""
        rates = self._rates.get(operation) or (self._default if rest else None)
        if rates is None or rates.total <= 0:
            return None
        return rates.pick(self._rng.random())
