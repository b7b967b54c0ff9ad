"""Client-side rate limiting: Zoom's budgets per category and plan, spent before Zoom says 429.

Zoom limits each account per category (Light, Medium, Heavy, Resource-intensive), per second
and per day, and counts 100 meeting creates/updates per host per UTC day. Every process and app
on the account draws from the same budget, so zoomkit paces requests itself::

    async with ZoomClient(auth=auth, rate_limits=RateLimits.pro()) as zoom:
        quota = await zoom.quota()

The request loop calls a :class:`RateLimiter`. :class:`MemoryRateLimiter` serves one process;
``zoomkit.contrib.redis.RedisRateLimiter`` implements the same protocol for many.

The protocol (all methods async; each call must be atomic with respect to the others):

``limits``
    The :class:`RateLimits` it enforces. The loop reads :meth:`RateLimits.lateness_allowance`
    from it: a send that would leave later than that after its slot (a stalled process, a slow
    round trip to the limiter) gives the slot up and reserves another, since a late send can
    meet the next window's sends inside one of Zoom's seconds. The missed slot stays taken.
``acquire(category, *, cost=1) -> float``
    Reserve ``cost`` sends in ``category`` and return the seconds to wait before sending (0.0
    for "now"). The reservation is made now: the caller sleeps that long and then sends, without
    calling again (unless it missed the slot, above), so one round trip per request is enough
    and waiters are served in order.
    Never grant more than the category's ``Rate.requests`` in any ``Rate.per``-second span
    (divided by ``safety``). Raise :class:`~zoomkit.errors.DailyLimitExceeded` (``retry_at`` =
    when it lifts) instead of reserving when the category is blocked or its daily budget is
    spent; a daily budget counts a send when it is reserved (a missed slot's too: the count
    errs on the side of more).
``acquire_meeting_write(host_key) -> None``
    Count one meeting or webinar create/update for the host (a Zoom user id, or the name the
    caller used when it could not be resolved). Raise ``DailyLimitExceeded`` (``retry_at`` = next
    00:00 UTC) if the host already has ``meeting_writes_per_host_per_day`` today.
``observe(category, observation) -> None``
    Learn from Zoom's answer (an :class:`Observation`, parsed by the loop from the
    ``X-RateLimit-*`` headers and 429 bodies): tighten the daily count to what Zoom reports,
    block the category (or the host, when ``observation.host_key`` is set) until ``retry_at``
    on a daily 429, push the category's slots past ``retry_at`` on a per-second 429.
``quota() -> QuotaState``
    A snapshot for scheduled jobs: what is left today, the pace, what is blocked until when.

Times are epoch seconds from the limiter's clock; daily budgets reset at 00:00 UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from ._clock import Clock, SystemClock
from ._ratelimit_math import next_midnight, push_back, reserve, tighten_daily, utc_day
from .errors import ConfigurationError, DailyLimitExceeded

__all__ = [
    "Category",
    "CategoryQuota",
    "DailyBudget",
    "LimitType",
    "MemoryRateLimiter",
    "Observation",
    "QuotaState",
    "Rate",
    "RateLimiter",
    "RateLimits",
]


class Category(StrEnum):
    """Zoom's rate-limit label of an operation, spelled as in ``X-RateLimit-Category``."""

    LIGHT = "Light"
    MEDIUM = "Medium"
    HEAVY = "Heavy"
    RESOURCE_INTENSIVE = "Resource-intensive"

    @classmethod
    def parse(cls, text: str | None) -> Category | None:
        """The category a header or spec names (any case), or ``None`` if it names none."""
        if not text:
            return None
        wanted = text.strip().lower().replace(" ", "-")
        for category in cls:
            if category.value.lower() == wanted:
                return category
        return None


class LimitType(StrEnum):
    """``X-RateLimit-Type``: which of Zoom's limits a header or a 429 is about."""

    QPS = "QPS"
    DAILY = "Daily-limit"


@dataclass(frozen=True, slots=True)
class Rate:
    """At most ``requests`` sends in any ``per``-second span (per second unless told)."""

    requests: int
    per: float = 1.0

    def __post_init__(self) -> None:
        if isinstance(self.requests, bool) or not isinstance(self.requests, int):
            raise ConfigurationError(f"Rate.requests must be an int, got {self.requests!r}")
        if self.requests < 1:
            raise ConfigurationError(f"Rate.requests must be at least 1, got {self.requests}")
        if not self.per > 0:
            raise ConfigurationError(f"Rate.per must be more than 0 seconds, got {self.per}")


@dataclass(frozen=True, slots=True)
class DailyBudget:
    """``limit`` requests per UTC day, shared by ``categories`` (Heavy and Resource-intensive
    share one on Pro and Business+)."""

    limit: int
    categories: frozenset[Category]

    def __init__(self, limit: int, categories: Iterable[Category | str]) -> None:
        parsed = frozenset(Category(c) for c in categories)
        if not parsed:
            raise ConfigurationError("a DailyBudget needs at least one category")
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ConfigurationError(f"DailyBudget.limit must be an int >= 1, got {limit!r}")
        object.__setattr__(self, "limit", limit)
        object.__setattr__(self, "categories", parsed)

    @property
    def name(self) -> str:
        """A stable key for the budget: its categories in table order, joined with ``+``."""
        return "+".join(c.value for c in Category if c in self.categories)


@dataclass(frozen=True, slots=True)
class RateLimits:
    """The budgets of one Zoom account: a :class:`Rate` per category and the daily budgets.

    Use a plan table (:meth:`free`, :meth:`pro`, :meth:`business`) or your own numbers.
    ``safety`` (0 < safety <= 1) keeps headroom for other apps on the account: every rate and
    daily budget is scaled by it. ``meeting_writes_per_host_per_day`` (``None`` turns it off) is
    Zoom's 100 meeting/webinar creates and updates per host per UTC day; it is not scaled.
    """

    light: Rate
    medium: Rate
    heavy: Rate
    resource_intensive: Rate
    daily: tuple[DailyBudget, ...] = ()
    meeting_writes_per_host_per_day: int | None = 100
    safety: float = 1.0
    plan: str = "custom"
    _budgets: Mapping[Category, DailyBudget] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        if not 0 < self.safety <= 1:
            raise ConfigurationError(f"safety must be in (0, 1], got {self.safety}")
        writes = self.meeting_writes_per_host_per_day
        if writes is not None and (isinstance(writes, bool) or writes < 1):
            raise ConfigurationError(
                f"meeting_writes_per_host_per_day must be >= 1 or None, got {writes!r}"
            )
        daily = tuple(self.daily)
        budgets: dict[Category, DailyBudget] = {}
        for budget in daily:
            for category in budget.categories:
                if category in budgets:
                    raise ConfigurationError(
                        f"{category.value} is in two daily budgets; a category has at most one"
                    )
                budgets[category] = budget
        object.__setattr__(self, "daily", daily)
        object.__setattr__(self, "_budgets", budgets)

    @classmethod
    def free(
        cls, *, safety: float = 1.0, meeting_writes_per_host_per_day: int | None = 100
    ) -> RateLimits:
        """Zoom's Free plan: 4/2/1 per second and 10 per minute, each with its own daily cap."""
        return cls(
            light=Rate(4),
            medium=Rate(2),
            heavy=Rate(1),
            resource_intensive=Rate(10, per=60.0),
            daily=(
                DailyBudget(6_000, [Category.LIGHT]),
                DailyBudget(2_000, [Category.MEDIUM]),
                DailyBudget(1_000, [Category.HEAVY]),
                DailyBudget(30_000, [Category.RESOURCE_INTENSIVE]),
            ),
            meeting_writes_per_host_per_day=meeting_writes_per_host_per_day,
            safety=safety,
            plan="free",
        )

    @classmethod
    def pro(
        cls, *, safety: float = 1.0, meeting_writes_per_host_per_day: int | None = 100
    ) -> RateLimits:
        """Zoom's Pro plan: 30/20/10 per second, 10 per minute; Heavy + Resource-intensive
        share 30,000 a day."""
        return cls(
            light=Rate(30),
            medium=Rate(20),
            heavy=Rate(10),
            resource_intensive=Rate(10, per=60.0),
            daily=(DailyBudget(30_000, [Category.HEAVY, Category.RESOURCE_INTENSIVE]),),
            meeting_writes_per_host_per_day=meeting_writes_per_host_per_day,
            safety=safety,
            plan="pro",
        )

    @classmethod
    def business(
        cls, *, safety: float = 1.0, meeting_writes_per_host_per_day: int | None = 100
    ) -> RateLimits:
        """Business+ (Business, Education, Enterprise, Partners): 80/60/40 per second, 20 per
        minute; Heavy + Resource-intensive share 60,000 a day."""
        return cls(
            light=Rate(80),
            medium=Rate(60),
            heavy=Rate(40),
            resource_intensive=Rate(20, per=60.0),
            daily=(DailyBudget(60_000, [Category.HEAVY, Category.RESOURCE_INTENSIVE]),),
            meeting_writes_per_host_per_day=meeting_writes_per_host_per_day,
            safety=safety,
            plan="business",
        )

    def rate(self, category: Category) -> Rate:
        """The plan's rate for ``category`` (before ``safety``)."""
        return {
            Category.LIGHT: self.light,
            Category.MEDIUM: self.medium,
            Category.HEAVY: self.heavy,
            Category.RESOURCE_INTENSIVE: self.resource_intensive,
        }[category]

    def window(self, category: Category) -> tuple[int, float]:
        """(requests, seconds) after ``safety``: the span is stretched, the count kept whole."""
        rate = self.rate(category)
        return rate.requests, rate.per / self.safety

    def lateness_allowance(self, category: Category) -> float:
        """How late a send may leave after its slot before it risks Zoom's window: half the
        headroom ``safety`` buys (``window - per``), the other half left for the network and
        Zoom's own timing. 0.0 at ``safety=1``: no headroom, so lateness cannot be absorbed."""
        rate = self.rate(category)
        return (rate.per / self.safety - rate.per) / 2

    def grant_gap(self, category: Category, *, smooth: bool) -> float:
        """The least time between consecutive grants in ``category``.

        With ``smooth``, a per-second budget is spread evenly (``per / requests``, after
        ``safety``): a burst's last sends leave tens of milliseconds late, as much as the
        headroom. A longer window (Resource-intensive, per minute) may still go at once: its
        headroom is seconds, and spreading it would make ten dashboard pages take a minute.
        """
        rate = self.rate(category)
        if not smooth or rate.per > 1.0:
            return 0.0
        requests, seconds = self.window(category)
        return seconds / requests

    def budget(self, category: Category) -> DailyBudget | None:
        """The daily budget ``category`` draws from, if the plan has one."""
        return self._budgets.get(category)

    def daily_limit(self, budget: DailyBudget) -> int:
        """A budget's limit after ``safety`` (at least 1)."""
        return max(1, int(budget.limit * self.safety))


@dataclass(frozen=True, slots=True)
class Observation:
    """What one Zoom response said about the limits; the loop parses it from the headers.

    ``rejected`` means Zoom refused the request (429, or the older code-300 meeting limit);
    ``retry_at`` (epoch seconds) is when Zoom said to come back. ``host_key`` is set when the
    refusal was the host's daily meeting create/update limit, not the category's.
    """

    limit_type: LimitType
    remaining: int | None = None
    limit: int | None = None
    rejected: bool = False
    retry_at: float | None = None
    host_key: str | None = None


@dataclass(frozen=True, slots=True)
class CategoryQuota:
    """One category's budget right now."""

    category: Category
    requests_per_second: float
    window_requests: int
    window_seconds: float
    daily_limit: int | None
    remaining_today: int | None
    blocked_until: datetime | None


@dataclass(frozen=True, slots=True)
class QuotaState:
    """What a scheduled job reads before it starts: can it run, and how fast, until when.

    ``categories`` holds every category; ``meeting_writes`` the creates/updates counted today
    per host (a host Zoom reported spent shows the full limit).
    """

    taken_at: datetime
    plan: str
    categories: Mapping[Category, CategoryQuota]
    meeting_writes: Mapping[str, int]
    meeting_writes_limit: int | None
    resets_at: datetime

    @property
    def blocked_until(self) -> datetime | None:
        """When the account can send again, if every category is blocked now; else ``None``."""
        blocks = [q.blocked_until for q in self.categories.values()]
        if not blocks or any(b is None for b in blocks):
            return None
        return min(b for b in blocks if b is not None)

    def blocked_until_for(self, *categories: Category) -> datetime | None:
        """When every one of ``categories`` is usable again (``None``: they all are now)."""
        blocks = [self.categories[c].blocked_until for c in categories]
        return max((b for b in blocks if b is not None), default=None)

    def meeting_writes_remaining(self, host_key: str) -> int | None:
        """Creates/updates ``host_key`` may still make today (``None``: no per-host limit)."""
        if self.meeting_writes_limit is None:
            return None
        return max(0, self.meeting_writes_limit - self.meeting_writes.get(host_key, 0))


@runtime_checkable
class RateLimiter(Protocol):
    """What the request loop asks of a limiter (see the module docstring for the contract)."""

    limits: RateLimits
    """The budgets it enforces; the loop reads how late a send may leave from them."""

    async def acquire(self, category: Category, *, cost: int = 1) -> float:
        """Reserve sends; return seconds to wait, or raise ``DailyLimitExceeded``."""
        ...

    async def acquire_meeting_write(self, host_key: str) -> None:
        """Count a meeting create/update for the host, or raise ``DailyLimitExceeded``."""
        ...

    async def observe(self, category: Category, observation: Observation) -> None:
        """Learn from what Zoom reported."""
        ...

    async def quota(self) -> QuotaState:
        """A snapshot of every budget."""
        ...


@dataclass(slots=True)
class _DailyCount:
    day: int
    used: int = 0


@dataclass(slots=True)
class _HostCount:
    count: int = 0
    blocked_until: float | None = None


def _utc(moment: float) -> datetime:
    return datetime.fromtimestamp(moment, UTC)


class MemoryRateLimiter:
    """A :class:`RateLimiter` for one process (one event loop), kept in memory.

    Several clients of one process can share an instance. For many processes on one account,
    use ``zoomkit.contrib.redis.RedisRateLimiter``.

    Grants of per-second budgets are ``per / requests`` seconds apart (one Light call every
    33 ms on Pro): the plan's pace, without bursts (:meth:`RateLimits.grant_gap`; per-minute
    budgets may still go at once). ``smooth=False`` lets a window's whole budget go at once,
    which serves the first calls of a quiet client sooner, but a burst's last sends leave late
    and can meet the next window's sends inside one of Zoom's seconds, so it needs more
    ``safety`` headroom to stay clear of 429s.
    """

    def __init__(
        self, limits: RateLimits, *, clock: Clock | None = None, smooth: bool = True
    ) -> None:
        self.limits = limits
        self.clock: Clock = clock or SystemClock()
        self.smooth = smooth
        self._slots: dict[Category, tuple[float, ...]] = {c: () for c in Category}
        self._daily: dict[str, _DailyCount] = {}
        self._blocked: dict[Category, float] = {}
        self._hosts_day = utc_day(self.clock.time())
        self._hosts: dict[str, _HostCount] = {}

    async def acquire(self, category: Category, *, cost: int = 1) -> float:
        now = self.clock.time()
        blocked = self._blocked_until(category, now)
        if blocked is not None:
            raise _daily_error(
                f"not sent: Zoom reported the daily {category.value} limit spent",
                retry_at=blocked,
                category=category,
            )
        budget = self.limits.budget(category)
        count: _DailyCount | None = None
        if budget is not None:
            count = self._count(budget, now)
            limit = self.limits.daily_limit(budget)
            if count.used + cost > limit:
                retry_at = next_midnight(now)
                raise _daily_error(
                    f"not sent: the daily budget of {limit:,} {budget.name} requests is spent "
                    "(counted by zoomkit)",
                    retry_at=retry_at,
                    category=category,
                )
        requests, seconds = self.limits.window(category)
        wait, self._slots[category] = reserve(
            self._slots[category],
            now,
            limit=requests,
            window=seconds,
            cost=cost,
            min_gap=self.limits.grant_gap(category, smooth=self.smooth),
        )
        if count is not None:
            count.used += cost
        return wait

    async def acquire_meeting_write(self, host_key: str) -> None:
        limit = self.limits.meeting_writes_per_host_per_day
        now = self.clock.time()
        host = self._host(host_key, now)
        if host.blocked_until is not None and host.blocked_until > now:
            raise _daily_error(
                f"not sent: Zoom reported host {host_key!r} out of meeting creates/updates "
                "for today",
                retry_at=host.blocked_until,
                category=None,
            )
        if limit is None:
            return
        if host.count >= limit:
            retry_at = next_midnight(now)
            raise _daily_error(
                f"not sent: host {host_key!r} has made {host.count} meeting creates/updates today "
                f"(Zoom allows {limit} per host per UTC day)",
                retry_at=retry_at,
                category=None,
            )
        host.count += 1

    async def observe(self, category: Category, observation: Observation) -> None:
        now = self.clock.time()
        if observation.host_key is not None:
            if observation.rejected:
                self._block_host(observation.host_key, observation.retry_at, now)
        elif observation.limit_type is LimitType.DAILY:
            self._observe_daily(category, observation, now)
        elif observation.rejected:
            requests, seconds = self.limits.window(category)
            until = observation.retry_at if observation.retry_at is not None else now + seconds
            self._slots[category] = push_back(
                self._slots[category], until, limit=requests, window=seconds
            )

    async def quota(self) -> QuotaState:
        now = self.clock.time()
        categories: dict[Category, CategoryQuota] = {}
        for category in Category:
            requests, seconds = self.limits.window(category)
            budget = self.limits.budget(category)
            limit = remaining = None
            if budget is not None:
                limit = self.limits.daily_limit(budget)
                remaining = max(0, limit - self._count(budget, now).used)
            blocked = self._blocked_until(category, now)
            if blocked is None and remaining == 0:
                blocked = next_midnight(now)
            categories[category] = CategoryQuota(
                category=category,
                requests_per_second=requests / seconds,
                window_requests=requests,
                window_seconds=seconds,
                daily_limit=limit,
                remaining_today=remaining,
                blocked_until=_utc(blocked) if blocked is not None else None,
            )
        self._roll_hosts(now)
        return QuotaState(
            taken_at=_utc(now),
            plan=self.limits.plan,
            categories=categories,
            meeting_writes={key: host.count for key, host in self._hosts.items() if host.count},
            meeting_writes_limit=self.limits.meeting_writes_per_host_per_day,
            resets_at=_utc(next_midnight(now)),
        )

    def _block_host(self, host_key: str, retry_at: float | None, now: float) -> None:
        host = self._host(host_key, now)
        host.blocked_until = retry_at or next_midnight(now)
        host.count = max(host.count, self.limits.meeting_writes_per_host_per_day or 0)

    def _observe_daily(self, category: Category, observation: Observation, now: float) -> None:
        budget = self.limits.budget(category)
        if observation.rejected:
            until = observation.retry_at or next_midnight(now)
            for blocked in budget.categories if budget else (category,):
                self._blocked[blocked] = max(until, self._blocked.get(blocked, until))
        elif observation.remaining is None:
            return
        elif budget is not None:
            count = self._count(budget, now)
            count.used = tighten_daily(
                count.used, limit=observation.limit or budget.limit, remaining=observation.remaining
            )
        elif observation.remaining <= 0:
            self._blocked[category] = next_midnight(now)

    def _blocked_until(self, category: Category, now: float) -> float | None:
        until = self._blocked.get(category)
        if until is None:
            return None
        if until <= now:
            del self._blocked[category]
            return None
        return until

    def _count(self, budget: DailyBudget, now: float) -> _DailyCount:
        day = utc_day(now)
        count = self._daily.get(budget.name)
        if count is None or count.day != day:
            count = self._daily[budget.name] = _DailyCount(day)
        return count

    def _roll_hosts(self, now: float) -> None:
        day = utc_day(now)
        if day != self._hosts_day:
            self._hosts_day = day
            self._hosts = {
                key: _HostCount(blocked_until=host.blocked_until)
                for key, host in self._hosts.items()
                if host.blocked_until is not None and host.blocked_until > now
            }

    def _host(self, host_key: str, now: float) -> _HostCount:
        self._roll_hosts(now)
        host = self._hosts.get(host_key)
        if host is None:
            host = self._hosts[host_key] = _HostCount()
        return host

    def __repr__(self) -> str:
        return (
            f"MemoryRateLimiter(plan={self.limits.plan!r}, safety={self.limits.safety}, "
            f"smooth={self.smooth})"
        )


def _daily_error(message: str, *, retry_at: float, category: Category | None) -> DailyLimitExceeded:
    """A DailyLimitExceeded raised before sending: no response, ``retry_at`` as aware UTC."""
    return DailyLimitExceeded(
        message,
        retry_at=_utc(retry_at),
        status_code=429,
        limit_type=LimitType.DAILY.value,
        category=category.value if category is not None else None,
    )
