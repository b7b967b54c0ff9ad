"""Zoom's rate limits as FakeZoom enforces them (zoom-api-facts §2).

Limits are per account and per category (Light, Medium, Heavy, Resource-intensive), per second
and per UTC day, plus 100 meeting creates/updates per host per UTC day. The category of each
operation comes from the generated table of Zoom's scope.json (``zoomkit._operations``, pure
data). Zoom does not document whether its per-second limit is a sliding or a fixed window;
FakeZoom uses a sliding one (any span of one second, or of one minute for Resource-intensive),
the stricter reading: a client that never gets a 429 here gets none under either.

The decisions are pure functions (:func:`decide`, :func:`admitted_headers`); :class:`RateLimits`
only keeps the windows and day counters they read.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from zoomkit._operations import OPERATIONS

from ._http import Response, ZoomAPIError
from ._times import iso_z

if TYPE_CHECKING:
    from ._http import Call
    from ._state import State

__all__ = [
    "BUSINESS",
    "CATEGORIES",
    "DAILY_LIMIT_MESSAGE",
    "FREE",
    "PER_SECOND_LIMIT_MESSAGE",
    "PLANS",
    "PRO",
    "CategoryLimit",
    "Decision",
    "Plan",
    "RateLimits",
    "admitted_headers",
    "category_of",
    "decide",
    "host_limit_message",
    "meeting_write_host",
    "next_utc_midnight_iso",
    "registrant_limit_message",
    "resolve_plan",
    "utc_day",
]

CATEGORIES = ("Light", "Medium", "Heavy", "Resource-intensive")
PER_SECOND_LIMIT_MESSAGE = (
    "You have reached the maximum per-second rate limit for this API. Try again later."
)
DAILY_LIMIT_MESSAGE = (
    "You have reached the maximum daily rate limit for this API. "
    "Refer to the response header for details on when you can make another request."
)
_DAY = 86_400
_OPERATION_CATEGORIES = {op.operation_id: op.category or "Light" for op in OPERATIONS}


def host_limit_message(limit: int) -> str:
    """Zoom's message when one host has used up its meeting creates/updates for the day."""
    return (
        f"You have exceeded the daily rate limit ({limit}) of Meeting Create/Update API requests "
        "permitted for this particular user. You may resume these requests at GMT 00:00:00."
    )


def meeting_write_host(state: State, operation: str, call: Call) -> str | None:
    """The host whose 100 daily meeting and webinar creates/updates ``call`` spends, if any.

    Zoom counts meeting and webinar writes together against the host (the spec text on all
    four operations). None when the operation is not such a write or names no known host,
    meeting or webinar: the handler then answers Zoom's 404 itself.
    """
    if operation in ("meetingCreate", "webinarCreate"):
        user = state.find_user(call.params.get("userId", ""), call.principal)
        return str(user["id"]) if user is not None else None
    if operation == "meetingUpdate":
        raw = call.params.get("meetingId", "")
        meeting = state.meetings.get(int(raw)) if raw.isdigit() else None
        return str(meeting["host_id"]) if meeting is not None else None
    if operation == "webinarUpdate":
        raw = call.params.get("webinarId", "")
        webinar = state.webinar_store.webinars.get(int(raw)) if raw.isdigit() else None
        return str(webinar["host_id"]) if webinar is not None else None
    return None


def registrant_limit_message(kind: str, email: str, limit: int) -> str:
    """Zoom's message when one person has been registered ``limit`` times today (devforum
    t/141856); ``kind`` is ``meeting`` or ``webinar``."""
    return (
        f"You have exceeded the daily rate limit of ({limit}) for Add a {kind} registrant API "
        f"requests for the registrant ({email}). You can resume these API requests at GMT "
        "00:00:00."
    )


def category_of(operation: str) -> str:
    """The rate-limit category scope.json gives ``operation``; Light where it names none."""
    return _OPERATION_CATEGORIES.get(operation, "Light")


@dataclass(frozen=True)
class CategoryLimit:
    """One category's budget: ``rate`` requests per ``per`` seconds, and an optional daily cap.

    Categories that name the same ``daily_pool`` share one daily counter (Heavy and
    Resource-intensive on Pro and Business+).
    """

    rate: int
    per: float = 1.0
    daily: int | None = None
    daily_pool: str | None = None

    def __post_init__(self) -> None:
        if self.rate < 1 or self.per <= 0:
            raise ValueError(f"a rate limit needs rate >= 1 and per > 0, got {self}")
        if self.daily is not None and self.daily < 1:
            raise ValueError(f"a daily limit must be at least 1, got {self.daily}")


@dataclass(frozen=True)
class Plan:
    """An account plan's limits; build your own for tests that need small numbers."""

    name: str
    categories: Mapping[str, CategoryLimit]
    meeting_writes_per_host: int = 100
    registrations_per_registrant: int = 3
    """Adds (single or batch) of one email to one meeting or webinar per UTC day."""
    user_invites_per_day: int | None = None
    """``POST /users`` with ``action: create`` per UTC day for the account (None: no cap)."""

    def limit(self, category: str) -> CategoryLimit:
        return self.categories.get(category) or self.categories["Light"]

    def pool(self, category: str) -> str:
        return self.limit(category).daily_pool or category


FREE = Plan(
    "free",
    {
        "Light": CategoryLimit(4, daily=6_000),
        "Medium": CategoryLimit(2, daily=2_000),
        "Heavy": CategoryLimit(1, daily=1_000),
        # Zoom's table prints 10/min and 30,000/day for Free; FakeZoom keeps the printed numbers.
        "Resource-intensive": CategoryLimit(10, per=60.0, daily=30_000),
    },
    user_invites_per_day=50,
)
PRO = Plan(
    "pro",
    {
        "Light": CategoryLimit(30),
        "Medium": CategoryLimit(20),
        "Heavy": CategoryLimit(10, daily=30_000, daily_pool="Heavy"),
        "Resource-intensive": CategoryLimit(10, per=60.0, daily=30_000, daily_pool="Heavy"),
    },
    user_invites_per_day=1_500,
)
BUSINESS = Plan(
    "business",
    {
        "Light": CategoryLimit(80),
        "Medium": CategoryLimit(60),
        "Heavy": CategoryLimit(40, daily=60_000, daily_pool="Heavy"),
        "Resource-intensive": CategoryLimit(20, per=60.0, daily=60_000, daily_pool="Heavy"),
    },
    user_invites_per_day=10_000,
)
PLANS: dict[str, Plan] = {"free": FREE, "pro": PRO, "business": BUSINESS}


def resolve_plan(plan: str | Plan | None) -> Plan | None:
    """A plan by name (``free``, ``pro``, ``business``), a custom :class:`Plan`, or no limits."""
    if plan is None or isinstance(plan, Plan):
        return plan
    found = PLANS.get(plan.strip().lower().rstrip("+"))
    if found is None:
        raise ValueError(f"unknown plan {plan!r}; expected one of {sorted(PLANS)} or None")
    return found


def utc_day(now: float) -> int:
    """Days since the epoch in UTC: daily counters are keyed by it and so reset at 00:00 UTC."""
    return int(now // _DAY)


def next_utc_midnight_iso(now: float) -> str:
    """``Retry-After`` for a daily limit: the next 00:00 UTC as an ISO date."""
    return iso_z((utc_day(now) + 1) * _DAY)


class Decision(Enum):
    ADMIT = "admit"
    PER_SECOND = "per_second"
    DAILY = "daily"


def decide(limit: CategoryLimit, *, in_window: int, used_today: int) -> Decision:
    """Whether one more request fits, given what was admitted in the window and today.

    A spent daily budget wins over a full window: it is the answer that stays true longer.
    """
    if limit.daily is not None and used_today >= limit.daily:
        return Decision.DAILY
    if in_window >= limit.rate:
        return Decision.PER_SECOND
    return Decision.ADMIT


def admitted_headers(
    category: str, limit: CategoryLimit, *, in_window: int, used_today: int
) -> dict[str, str]:
    """Headers on an admitted request's response, counting that request.

    Where the category has a daily cap they report the daily budget (as Zoom did in the one
    documented example); otherwise the per-second window. ``X-RateLimit-Type`` says which.
    """
    if limit.daily is not None:
        kind, cap, used = "Daily-limit", limit.daily, used_today
    else:
        kind, cap, used = "QPS", limit.rate, in_window
    return {
        "x-ratelimit-category": category,
        "x-ratelimit-type": kind,
        "x-ratelimit-limit": str(cap),
        "x-ratelimit-remaining": str(max(0, cap - used)),
    }


def _refusal(message: str, headers: dict[str, str]) -> Response:
    return Response(429, {"code": 429, "message": message}, headers)


def _daily_refusal(message: str, category: str, cap: int, now: float) -> Response:
    """A daily 429: ``Retry-After`` is the next 00:00 UTC as an ISO date, as Zoom sends it."""
    headers = {
        "x-ratelimit-category": category,
        "x-ratelimit-type": "Daily-limit",
        "x-ratelimit-limit": str(cap),
        "x-ratelimit-remaining": "0",
        "retry-after": next_utc_midnight_iso(now),
    }
    return _refusal(message, headers)


def _slide(window: deque[float], now: float, span: float) -> int:
    """Drop timestamps older than ``span`` seconds; what is left is (now - span, now]."""
    while window and window[0] <= now - span:
        window.popleft()
    return len(window)


@dataclass
class Admission:
    """The limiter's answer for one request: Zoom's 429 or the headers of an admitted call.

    ``seen_in_second`` counts the calls of the category (this one included, refused ones too)
    in the last second, for the ``peak_per_second`` counter.
    """

    refusal: Response | None
    headers: dict[str, str]
    seen_in_second: int


@dataclass
class RateLimits:
    """Sliding windows and UTC-day counters for one account under ``plan`` (None: no limits)."""

    plan: Plan | None = None
    _admitted: dict[str, deque[float]] = field(default_factory=dict)
    _seen: dict[str, deque[float]] = field(default_factory=dict)
    _daily: Counter[tuple[str, int]] = field(default_factory=Counter)
    _host_writes: Counter[tuple[str, int]] = field(default_factory=Counter)
    _registrations: Counter[tuple[str, int, str, int]] = field(default_factory=Counter)
    _user_invites: Counter[int] = field(default_factory=Counter)

    def admit(self, category: str, now: float) -> Admission:
        """Count one authenticated request of ``category`` and decide whether it is served."""
        seen = self._seen.setdefault(category, deque())
        seen.append(now)
        seen_in_second = _slide(seen, now, 1.0)
        if self.plan is None:
            return Admission(None, {}, seen_in_second)
        limit = self.plan.limit(category)
        admitted = self._admitted.setdefault(category, deque())
        day_key = (self.plan.pool(category), utc_day(now))
        decision = decide(
            limit, in_window=_slide(admitted, now, limit.per), used_today=self._daily[day_key]
        )
        if decision is Decision.DAILY:
            refusal = _daily_refusal(DAILY_LIMIT_MESSAGE, category, limit.daily or 0, now)
            return Admission(refusal, {}, seen_in_second)
        if decision is Decision.PER_SECOND:
            headers = {
                "x-ratelimit-category": category,
                "x-ratelimit-type": "QPS",
                "x-ratelimit-limit": str(limit.rate),
                "x-ratelimit-remaining": "0",
            }
            return Admission(_refusal(PER_SECOND_LIMIT_MESSAGE, headers), {}, seen_in_second)
        admitted.append(now)
        self._daily[day_key] += 1
        headers = admitted_headers(
            category, limit, in_window=len(admitted), used_today=self._daily[day_key]
        )
        return Admission(None, headers, seen_in_second)

    def check_host(self, host_id: str, category: str, now: float) -> Response | None:
        """Zoom's per-user 429 once ``host_id`` has used its meeting writes for the UTC day."""
        if self.plan is None:
            return None
        cap = self.plan.meeting_writes_per_host
        if self._host_writes[(host_id, utc_day(now))] < cap:
            return None
        return _daily_refusal(host_limit_message(cap), category, cap, now)

    def count_host_write(self, host_id: str, now: float) -> None:
        """One meeting create/update that Zoom carried out for ``host_id``."""
        self._host_writes[(host_id, utc_day(now))] += 1

    def count_registrations(self, kind: str, event_id: int, emails: list[str], now: float) -> None:
        """Count one add of each email to the meeting (or webinar) ``event_id``. Raise Zoom's
        429, counting nothing, if one of them has already been added its limit of times today."""
        if self.plan is None:
            return
        cap = self.plan.registrations_per_registrant
        day = utc_day(now)
        keys = [(kind, event_id, email.casefold(), day) for email in emails]
        for key, email in zip(keys, emails, strict=True):
            if self._registrations[key] >= cap:
                raise ZoomAPIError(
                    429,
                    429,
                    registrant_limit_message(kind, email, cap),
                    headers={"retry-after": next_utc_midnight_iso(now)},
                )
        for key in keys:
            self._registrations[key] += 1

    def count_user_invite(self, now: float) -> None:
        """Count one ``action: create`` user invite today; Zoom's 429 once the plan's are spent.

        Zoom's message is the one its spec documents for ``POST /users``; the refusal is the
        account's for this operation, not its Light budget.
        """
        if self.plan is None or self.plan.user_invites_per_day is None:
            return
        cap = self.plan.user_invites_per_day
        day = utc_day(now)
        if self._user_invites[day] >= cap:
            raise ZoomAPIError(
                429,
                429,
                f"You have exceeded the daily rate limit ({cap}) of user invite requests "
                "permitted for this account. You may resume these requests at GMT 00:00:00.",
                headers={"retry-after": next_utc_midnight_iso(now)},
            )
        self._user_invites[day] += 1
