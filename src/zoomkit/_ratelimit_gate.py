"""Where the request loop meets the rate limiter: before each call, each attempt, each answer.

Per logical call, :meth:`RateGate.prepare` finds the operation's category and, for meeting and
webinar creates/updates, the host whose 100-a-day it spends (counted once, before anything is
sent). Per request Zoom will count, :meth:`RateGate.before_attempt` reserves a slot and sleeps
on the client's clock until it comes; it runs inside the auth flow (:class:`GatedAuth`), after
the token is in hand, so nothing but the send itself comes between the slot and the wire.
:meth:`RateGate.after_attempt` passes what Zoom said to the limiter, and :meth:`RateGate.learn`
remembers meeting hosts from the parsed answer of a typed call. :func:`read_observation` is the
pure header reading.

Hosts are keyed by Zoom user id. ``"me"`` and email addresses are resolved to an id once per
client with ``GET /users/{userId}`` (cached; if Zoom refuses, the name itself is the key). An
update is counted against the meeting's host when this client has seen the meeting (get,
create or list); otherwise it is not counted locally and Zoom's own answer applies.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import unquote

import anyio
import httpx

from ._clock import Clock
from ._ratelimit_routes import Route, resolve_route
from .auth._token import TOKEN_REQUEST_EXTENSION
from .errors import APIError, DailyLimitExceeded, RateLimitError
from .ratelimit import Category, LimitType, Observation, RateLimiter

__all__ = [
    "MAX_MISSED_SLOTS",
    "GatedAuth",
    "RateGate",
    "Ticket",
    "read_observation",
    "says_account_daily",
    "says_per_host",
]

logger = logging.getLogger("zoomkit")

MAX_MISSED_SLOTS = 3
"""Slots one attempt may give up for being late before it is sent regardless."""

KeyT = TypeVar("KeyT")
ValueT = TypeVar("ValueT")

MEETING_HOSTS_REMEMBERED = 10_000
USERS_REMEMBERED = 1_000

# Operations that spend the host's daily meeting/webinar creates and updates.
_CREATES = frozenset({("POST", "/users/{userId}/meetings"), ("POST", "/users/{userId}/webinars")})
_UPDATES = {
    ("PATCH", "/meetings/{meetingId}"): "meetings",
    ("PATCH", "/webinars/{webinarId}"): "webinars",
}
# Responses that name a meeting's (or webinar's) host: one object, or a page of them.
_ONE = {
    ("GET", "/meetings/{meetingId}"): "meetings",
    ("POST", "/users/{userId}/meetings"): "meetings",
    ("GET", "/webinars/{webinarId}"): "webinars",
    ("POST", "/users/{userId}/webinars"): "webinars",
}
_PAGE = {
    ("GET", "/users/{userId}/meetings"): "meetings",
    ("GET", "/users/{userId}/webinars"): "webinars",
}
_USER = ("GET", "/users/{userId}")


class _Lru(Generic[KeyT, ValueT]):
    """A dict that forgets its least recently used entries beyond ``size``."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[KeyT, ValueT] = OrderedDict()

    def get(self, key: KeyT) -> ValueT | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: KeyT, value: ValueT) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)


@dataclass(frozen=True, slots=True)
class Ticket:
    """One logical call as the gate sees it: its route and the host it writes for, if any."""

    method: str
    route: Route
    host_key: str | None = None


def says_per_host(error: APIError) -> bool:
    """Whether Zoom's refusal is the host's 100-a-day meeting limit, not the account's."""
    message = error.message.lower()
    return (
        error.code == 300
        or "particular user" in message
        or "create/update" in message
        or "created/updated" in message
    )


def says_account_daily(error: APIError, *, kind: str, remaining: int | None) -> bool:
    """Whether a daily refusal is the account's budget for the category, shared by every call.

    Only Zoom's account message, or a daily-type header with nothing remaining, says so. Zoom
    also refuses one registrant's fourth registration of the day, one host's 101st meeting
    write, and other per-resource limits with a daily 429: blocking the category for the whole
    account until midnight on one of those would stop every other call for a day.
    """
    if "maximum daily rate limit" in error.message.lower():
        return True
    return kind.startswith("daily") and remaining == 0


def _int_header(headers: httpx.Headers, name: str) -> int | None:
    value = headers.get(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def read_observation(
    headers: httpx.Headers, error: APIError | None, *, now: float, host_key: str | None
) -> Observation | None:
    """What an answer tells the limiter, or ``None`` when it tells nothing it acts on.

    Zoom's per-second ``Remaining`` counts a window the client cannot see the edges of, so only
    a per-second 429 is acted on; daily counts (``X-RateLimit-Type: Daily-limit``) always are.
    A per-host refusal is only useful when the host is known; a daily refusal that is not the
    account's (:func:`says_account_daily`) tells the limiter nothing.
    """
    remaining = _int_header(headers, "x-ratelimit-remaining")
    limit = _int_header(headers, "x-ratelimit-limit")
    kind = (headers.get("x-ratelimit-type") or "").strip().lower()
    if isinstance(error, DailyLimitExceeded):
        retry_at = error.retry_at.timestamp() if error.retry_at is not None else None
        if says_per_host(error):
            if host_key is None:
                return None
            return Observation(LimitType.DAILY, rejected=True, retry_at=retry_at, host_key=host_key)
        if not says_account_daily(error, kind=kind, remaining=remaining):
            return None  # one registrant's or user's own limit: the caller gets the error
        return Observation(LimitType.DAILY, remaining, limit, rejected=True, retry_at=retry_at)
    if isinstance(error, RateLimitError):
        retry_at = now + error.retry_after if error.retry_after is not None else None
        return Observation(LimitType.QPS, remaining, limit, rejected=True, retry_at=retry_at)
    if kind.startswith("daily") and remaining is not None:
        return Observation(LimitType.DAILY, remaining, limit)
    return None


class RateGate:
    """The loop's side of rate limiting for one client (its user names are per credential)."""

    def __init__(
        self,
        limiter: RateLimiter,
        clock: Clock,
        lookup_user_id: Callable[[str], Awaitable[str | None]],
    ) -> None:
        self.limiter = limiter
        self.clock = clock
        self._lookup_user_id = lookup_user_id
        self._users: _Lru[str, str] = _Lru(USERS_REMEMBERED)
        self._hosts: _Lru[tuple[str, str], str] = _Lru(MEETING_HOSTS_REMEMBERED)
        self._lookup_lock = anyio.Lock()

    async def prepare(self, method: str, path: str) -> Ticket:
        """Route the call; count a meeting write against its host (raises before sending)."""
        method = method.upper()
        route = resolve_route(method, path)
        host_key: str | None = None
        key = (method, route.template)
        if key in _CREATES:
            host_key = await self._user_key(route.ids[0])
        elif key in _UPDATES:
            host_key = self._hosts.get((_UPDATES[key], unquote(route.ids[0])))
        if host_key is not None:
            await self.limiter.acquire_meeting_write(host_key)
        return Ticket(method, route, host_key)

    async def before_attempt(self, ticket: Ticket) -> None:
        """Reserve a slot in the category and wait for it on the client's clock.

        A send that would leave later than the category's lateness allowance after its slot
        (this process was stalled, or the limiter answered slowly) gives the slot up and takes
        another: late, it could meet sends the limiter granted after it in one of Zoom's
        seconds. After :data:`MAX_MISSED_SLOTS` it goes anyway, and Zoom's answer decides.
        """
        category = ticket.route.category
        allowance = self.limiter.limits.lateness_allowance(category)
        for missed in range(MAX_MISSED_SLOTS + 1):
            asked = self.clock.time()
            # The slot is a moment, not a delay: a slow answer (a shared limiter's round trip)
            # has already used part of the wait.
            slot = asked + await self.limiter.acquire(category)
            remaining = slot - self.clock.time()
            if remaining > 0:
                await self.clock.sleep(remaining)
            late = self.clock.time() - slot
            if allowance <= 0 or late <= allowance or missed == MAX_MISSED_SLOTS:
                return
            logger.debug(
                "%s slot missed by %.0f ms (allowance %.0f ms): reserving another",
                category.value,
                late * 1000,
                allowance * 1000,
            )

    def auth_for(self, auth: httpx.Auth, ticket: Ticket) -> httpx.Auth:
        """``auth`` with a slot reserved before each API request it lets out (see
        :class:`GatedAuth`)."""
        return GatedAuth(auth, self, ticket)

    async def after_attempt(
        self, ticket: Ticket, response: httpx.Response, error: APIError | None
    ) -> None:
        """Tell the limiter what Zoom said."""
        observation = read_observation(
            response.headers, error, now=self.clock.time(), host_key=ticket.host_key
        )
        if observation is not None:
            category = (
                Category.parse(response.headers.get("x-ratelimit-category"))
                if observation.host_key is None
                else None
            )
            try:
                await self.limiter.observe(category or ticket.route.category, observation)
            except Exception:
                # Zoom has answered; failing the call now could make a caller repeat a create
                # that happened. What is lost is one reading, and Zoom will report again.
                logger.exception("the rate limiter could not record Zoom's answer")

    async def _user_key(self, segment: str) -> str:
        name = unquote(segment)
        if name != "me" and "@" not in name:
            return name
        name = name.lower()
        known = self._users.get(name)
        if known is not None:
            return known
        async with self._lookup_lock:
            known = self._users.get(name)
            if known is not None:
                return known
            try:
                user_id = await self._lookup_user_id(name)
            except RateLimitError:
                return name  # try again on a later write; count under the name meanwhile
            except APIError:
                user_id = None  # no scope to read users, or no such user: count under the name
            self._users.put(name, user_id or name)
            return user_id or name

    def learn(self, ticket: Ticket, answer: object) -> None:
        """Remember what a successful typed answer names: a user's id, meetings' hosts.

        ``answer`` is the parsed model, so the JSON is read once, by the model; answers of
        ``client.request()`` (raw JSON) teach nothing.
        """
        key = (ticket.method, ticket.route.template)
        if key == _USER:
            name = unquote(ticket.route.ids[0]).lower()
            user_id = getattr(answer, "id", None)
            if (name == "me" or "@" in name) and isinstance(user_id, str) and user_id:
                self._users.put(name, user_id)
        elif key in _ONE:
            self._remember(_ONE[key], answer)
        elif key in _PAGE:
            kind = _PAGE[key]
            for item in getattr(answer, kind, None) or ():
                self._remember(kind, item)

    def _remember(self, kind: str, meeting: object) -> None:
        meeting_id, host_id = getattr(meeting, "id", None), getattr(meeting, "host_id", None)
        if isinstance(meeting_id, int | str) and isinstance(host_id, str) and host_id:
            self._hosts.put((kind, str(meeting_id)), host_id)


class GatedAuth(httpx.Auth):
    """An auth flow that waits for a rate-limit slot just before each API request leaves.

    The slot is taken after the strategy has its token, so a token fetch never makes the send
    late; a replay after a 401 is a second request Zoom counts, so it takes a second slot.
    Token requests (to Zoom's OAuth host) are not rate limited and pass straight through.
    """

    def __init__(self, inner: httpx.Auth, gate: RateGate, ticket: Ticket) -> None:
        self.inner = inner
        self.gate = gate
        self.ticket = ticket
        self.requires_request_body = inner.requires_request_body
        self.requires_response_body = inner.requires_response_body

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        raise RuntimeError("zoomkit's rate gate runs only in an async client")

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        flow = self.inner.async_auth_flow(request)
        try:
            outgoing = await flow.__anext__()
            while True:
                if not outgoing.extensions.get(TOKEN_REQUEST_EXTENSION):
                    await self.gate.before_attempt(self.ticket)
                response = yield outgoing
                outgoing = await flow.asend(response)
        except StopAsyncIteration:
            return
        finally:
            await flow.aclose()
