"""The account's rate budgets in Redis: every process paces from one slot log per category.

:class:`RedisRateLimiter` implements :class:`zoomkit.RateLimiter` with one Lua script per call
(:mod:`._ratelimit_scripts`), so each decision is atomic across processes and matches
:class:`zoomkit.MemoryRateLimiter` exactly. All keys of one account share the hash tag
``{account_key}``, so they live on one Redis Cluster slot and a script may touch them together:

* ``slots:<category>``: the last grants (the sliding window), a list of epoch seconds;
* ``blocked:<category>``: until when Zoom said the category's daily budget is spent;
* ``daily:<budget>:<day>``: requests counted against a daily budget on a UTC day;
* ``hosts:<day>``: meeting creates/updates per host on a UTC day (a hash);
* ``hostblocks``: hosts Zoom refused, and until when (a hash).
"""

from __future__ import annotations

from datetime import UTC, datetime

from redis.asyncio import Redis

from zoomkit._clock import Clock, SystemClock
from zoomkit._ratelimit_math import next_midnight, utc_day
from zoomkit.errors import ConfigurationError, DailyLimitExceeded
from zoomkit.ratelimit import (
    Category,
    CategoryQuota,
    DailyBudget,
    LimitType,
    Observation,
    QuotaState,
    RateLimits,
)

from . import _ratelimit_scripts as scripts
from ._failures import redis_failures
from ._text import text

__all__ = ["RedisRateLimiter"]


class RedisRateLimiter:
    """A :class:`~zoomkit.RateLimiter` shared by every process that names the same account.

    ``account_key`` names the Zoom account whose budget this is (its account id, say): every
    process of that account must use the same one, and the same ``limits``. Time comes from
    ``clock``; the processes' clocks must agree (one host, or NTP), as Zoom's does with each.

    Grants are those of :class:`~zoomkit.MemoryRateLimiter`, with the same ``smooth``: a
    per-second budget is spread ``per / requests`` seconds apart by default, so no burst leaves
    late and bunches up with the next window's sends; ``smooth=False`` lets a window's budget
    go at once.
    """

    def __init__(
        self,
        redis: Redis,
        limits: RateLimits,
        *,
        account_key: str,
        clock: Clock | None = None,
        prefix: str = "zoomkit:",
        smooth: bool = True,
    ) -> None:
        if not account_key or "{" in account_key or "}" in account_key:
            raise ConfigurationError(
                f"account_key must be a non-empty name without braces, got {account_key!r}"
            )
        self.redis = redis
        self.limits = limits
        self.account_key = account_key
        self.clock: Clock = clock or SystemClock()
        self.smooth = smooth
        self._base = f"{prefix}ratelimit:{{{account_key}}}:"
        self._acquire = redis.register_script(scripts.ACQUIRE)
        self._meter_write = redis.register_script(scripts.METER_WRITE)
        self._block_host = redis.register_script(scripts.BLOCK_HOST)
        self._block = redis.register_script(scripts.BLOCK)
        self._tighten_daily = redis.register_script(scripts.TIGHTEN_DAILY)
        self._push_back = redis.register_script(scripts.PUSH_BACK)

    def __repr__(self) -> str:
        return (
            f"RedisRateLimiter(account_key={self.account_key!r}, plan={self.limits.plan!r}, "
            f"safety={self.limits.safety})"
        )

    # -- keys ---------------------------------------------------------------------------------
    def slots_key(self, category: Category) -> str:
        return f"{self._base}slots:{category.value}"

    def blocked_key(self, category: Category) -> str:
        return f"{self._base}blocked:{category.value}"

    def daily_key(self, budget: DailyBudget | None, now: float) -> str:
        name = budget.name if budget is not None else "none"
        return f"{self._base}daily:{name}:{utc_day(now)}"

    def hosts_key(self, now: float) -> str:
        return f"{self._base}hosts:{utc_day(now)}"

    def host_blocks_key(self) -> str:
        return f"{self._base}hostblocks"

    # -- the RateLimiter protocol ----------------------------------------------------------------
    async def acquire(self, category: Category, *, cost: int = 1) -> float:
        now = self.clock.time()
        requests, seconds = self.limits.window(category)
        if not 1 <= cost <= requests:
            raise ValueError(f"cost must be from 1 to the window's limit ({requests}), got {cost}")
        budget = self.limits.budget(category)
        daily_limit = self.limits.daily_limit(budget) if budget is not None else -1
        with redis_failures(f"reserve a {category.value} slot ({self.slots_key(category)!r})"):
            answer = await self._acquire(
                keys=[
                    self.blocked_key(category),
                    self.slots_key(category),
                    self.daily_key(budget, now),
                ],
                args=[
                    _num(now),
                    requests,
                    _num(seconds),
                    cost,
                    daily_limit,
                    _num(next_midnight(now) - now),
                    _num(next_midnight(now)),
                    _num(self.limits.grant_gap(category, smooth=self.smooth)),
                ],
            )
        verdict, value = _fields(answer)[:2]
        if verdict == "blocked":
            raise _not_sent(
                f"not sent: Zoom reported the daily {category.value} limit spent",
                retry_at=float(value),
                category=category,
            )
        if verdict == "spent":
            raise _not_sent(
                f"not sent: the daily budget of {daily_limit:,} {_name(budget)} requests is spent "
                "(counted by zoomkit)",
                retry_at=float(value),
                category=category,
            )
        return float(value)

    async def acquire_meeting_write(self, host_key: str) -> None:
        now = self.clock.time()
        limit = self.limits.meeting_writes_per_host_per_day
        with redis_failures(f"count a meeting write ({self.hosts_key(now)!r})"):
            reply = await self._meter_write(
                keys=[self.host_blocks_key(), self.hosts_key(now)],
                args=[
                    host_key,
                    _num(now),
                    -1 if limit is None else limit,
                    _num(next_midnight(now) - now),
                    _num(next_midnight(now)),
                ],
            )
        answer = _fields(reply)
        if answer[0] == "blocked":
            raise _not_sent(
                f"not sent: Zoom reported host {host_key!r} out of meeting creates/updates "
                "for today",
                retry_at=float(answer[1]),
                category=None,
            )
        if answer[0] == "spent":
            raise _not_sent(
                f"not sent: host {host_key!r} has made {answer[2]} meeting creates/updates today "
                f"(Zoom allows {limit} per host per UTC day)",
                retry_at=float(answer[1]),
                category=None,
            )

    async def observe(self, category: Category, observation: Observation) -> None:
        with redis_failures(f"record Zoom's {category.value} limits for {self.account_key!r}"):
            await self._observe(category, observation)

    async def quota(self) -> QuotaState:
        with redis_failures(f"read the quota of {self.account_key!r}"):
            return await self._quota()

    async def _observe(self, category: Category, observation: Observation) -> None:
        now = self.clock.time()
        if observation.host_key is not None:
            if observation.rejected:
                await self._observe_host(observation.host_key, observation.retry_at, now)
        elif observation.limit_type is LimitType.DAILY:
            await self._observe_daily(category, observation, now)
        elif observation.rejected:
            requests, seconds = self.limits.window(category)
            until = observation.retry_at if observation.retry_at is not None else now + seconds
            await self._push_back(
                keys=[self.slots_key(category)],
                args=[_num(until), requests, _num(seconds), _num(now)],
            )

    async def _quota(self) -> QuotaState:
        now = self.clock.time()
        budgets = {b.name: b for b in self.limits.daily}
        async with self.redis.pipeline(transaction=True) as pipe:  # one atomic snapshot
            for category in Category:
                pipe.get(self.blocked_key(category))
            for each in budgets.values():
                pipe.get(self.daily_key(each, now))
            pipe.hgetall(self.hosts_key(now))
            replies = await pipe.execute()
        blocks = dict(zip(Category, replies, strict=False))
        used = dict(zip(budgets, replies[len(Category) :], strict=False))
        hosts: dict[object, object] = replies[-1]
        categories: dict[Category, CategoryQuota] = {}
        for category in Category:
            requests, seconds = self.limits.window(category)
            budget = self.limits.budget(category)
            limit = remaining = None
            if budget is not None:
                limit = self.limits.daily_limit(budget)
                remaining = max(0, limit - int(text(used[budget.name]) or 0))
            stored = text(blocks[category])
            blocked = float(stored) if stored is not None and float(stored) > now else None
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
        writes = {text(host) or "": int(text(count) or 0) for host, count in hosts.items()}
        return QuotaState(
            taken_at=_utc(now),
            plan=self.limits.plan,
            categories=categories,
            meeting_writes={host: count for host, count in writes.items() if count},
            meeting_writes_limit=self.limits.meeting_writes_per_host_per_day,
            resets_at=_utc(next_midnight(now)),
        )

    # -- observe's branches -------------------------------------------------------------------
    async def _observe_host(self, host_key: str, retry_at: float | None, now: float) -> None:
        limit = self.limits.meeting_writes_per_host_per_day
        await self._block_host(
            keys=[self.host_blocks_key(), self.hosts_key(now)],
            args=[
                host_key,
                _num(retry_at or next_midnight(now)),
                _num(now),
                -1 if limit is None else limit,
                _num(next_midnight(now) - now),
            ],
        )

    async def _observe_daily(
        self, category: Category, observation: Observation, now: float
    ) -> None:
        budget = self.limits.budget(category)
        if observation.rejected:
            until = observation.retry_at or next_midnight(now)
            shared = budget.categories if budget is not None else {category}
            blocked = [c for c in Category if c in shared]
            await self._block(
                keys=[self.blocked_key(c) for c in blocked],
                args=[_num(until), _num(now), "extend"],
            )
        elif observation.remaining is None:
            return
        elif budget is not None:
            await self._tighten_daily(
                keys=[self.daily_key(budget, now)],
                args=[
                    observation.limit or budget.limit,
                    observation.remaining,
                    _num(next_midnight(now) - now),
                ],
            )
        elif observation.remaining <= 0:
            await self._block(
                keys=[self.blocked_key(category)],
                args=[_num(next_midnight(now)), _num(now), "set"],
            )


def _num(value: float) -> str:
    """A float as the text Lua's ``tonumber`` reads back as the same double."""
    return repr(float(value))


def _fields(answer: object) -> list[str]:
    """A script's reply (a list of bulk strings) as text."""
    if not isinstance(answer, list):
        raise TypeError(f"unexpected reply from a rate-limit script: {type(answer).__name__}")
    return [text(item) or "" for item in answer]


def _name(budget: DailyBudget | None) -> str:
    return budget.name if budget is not None else ""


def _utc(moment: float) -> datetime:
    return datetime.fromtimestamp(moment, UTC)


def _not_sent(message: str, *, retry_at: float, category: Category | None) -> DailyLimitExceeded:
    """A DailyLimitExceeded raised before sending, as :class:`MemoryRateLimiter` raises it."""
    return DailyLimitExceeded(
        message,
        retry_at=_utc(retry_at),
        status_code=429,
        limit_type=LimitType.DAILY.value,
        category=category.value if category is not None else None,
    )
