"""Webhook delivery: subscriptions, signed POSTs, Zoom's retry schedule and URL revalidation.

``fake.webhooks`` is a :class:`Webhooks`. State changes queue events (see ``_events``);
``await fake.webhooks.flush()`` sends whatever is due by the fake's clock. The rules are Zoom's:

- every request is signed: ``x-zm-signature: v0=HMAC-SHA256(secret, "v0:{ts}:{raw body}")``;
- a 2xx answer completes a delivery; a 5xx or an unreachable endpoint is retried 5, then 20,
  then 60 minutes after the previous attempt (4 attempts in all); 3xx and 4xx are final;
- an endpoint proves it holds the secret (``endpoint.url_validation``) when subscribed and every
  72 hours after; 6 failed revalidations in a row disable the subscription.

This module builds, signs and sends with the standard library and httpx only: it shares no code
with ``zoomkit.webhooks``, the receiving side it checks.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import hmac
import itertools
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import anyio
import httpx

from ._http import new_tracking_id

if TYPE_CHECKING:
    from ._app import Receive, Scope, Send
    from ._events import Event
    from ._state import State

    ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

__all__ = [
    "DELIVERY_TIMEOUT",
    "MAX_FAILED_VALIDATIONS",
    "RETRY_DELAYS",
    "REVALIDATION_INTERVAL",
    "USER_AGENT",
    "VALIDATION_EVENT",
    "BackgroundFlush",
    "Delivery",
    "PendingDelivery",
    "Subscription",
    "Webhooks",
    "encrypted_token",
    "retry_due_at",
    "sign",
    "validation_problem",
]

logger = logging.getLogger("zoomkit.testing")

VALIDATION_EVENT = "endpoint.url_validation"
RETRY_DELAYS = (300.0, 1200.0, 3600.0)
"""Seconds from one failed attempt to the next: 5, 20 and 60 minutes."""
REVALIDATION_INTERVAL = 72 * 3600.0
MAX_FAILED_VALIDATIONS = 6
DELIVERY_TIMEOUT = httpx.Timeout(3.0)
"""Zoom wants an answer within 3 seconds; a slower endpoint counts as unreachable."""
USER_AGENT = "Zoom Marketplace/1.0a"


# -- pure rules -------------------------------------------------------------------------------


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ``x-zm-signature`` value for ``body`` sent at ``timestamp`` (epoch seconds)."""
    message = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def encrypted_token(secret: str, plain_token: str) -> str:
    """What a valid endpoint answers to ``plainToken``: hex HMAC-SHA256 keyed by the secret."""
    return hmac.new(secret.encode(), plain_token.encode(), hashlib.sha256).hexdigest()


def retry_due_at(attempt: int, status: int | None, attempted_at: float) -> float | None:
    """When to try again after attempt ``attempt`` got ``status`` (None: unreachable).

    None means the delivery is finished: it succeeded, got a 1xx-4xx answer (Zoom retries
    neither redirects nor client errors), or used up its three retries.
    """
    if status is not None and status < 500:
        return None
    if attempt > len(RETRY_DELAYS):
        return None
    return attempted_at + RETRY_DELAYS[attempt - 1]


def validation_problem(
    status: int | None, body: bytes, plain_token: str, secret: str
) -> str | None:
    """Why an ``endpoint.url_validation`` answer fails, or None if it proves the secret."""
    if status is None:
        return "the endpoint is unreachable"
    if not 200 <= status < 300:
        return f"the endpoint answered HTTP {status}, not 200"
    try:
        answer = json.loads(body)
    except ValueError:
        return "the answer is not JSON"
    if not isinstance(answer, dict):
        return "the answer is not a JSON object"
    if answer.get("plainToken") != plain_token:
        return "plainToken in the answer is not the one sent"
    given = answer.get("encryptedToken")
    if not isinstance(given, str) or not hmac.compare_digest(
        given, encrypted_token(secret, plain_token)
    ):
        return "encryptedToken is not hex HMAC-SHA256(secret, plainToken)"
    return None


def _encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":")).encode()


# -- records ----------------------------------------------------------------------------------


@dataclass(eq=False)
class Subscription:
    """One event subscription: where to POST, which events (None: all), and its health.

    ``last_validated_at`` and ``next_validation_at`` are epoch seconds by the fake's clock.
    """

    id: str
    url: str
    events: tuple[str, ...] | None
    secret: str = field(repr=False)
    transport: httpx.AsyncBaseTransport | None = field(default=None, repr=False)
    enabled: bool = True
    last_validated_at: float | None = None
    next_validation_at: float = 0.0
    failed_validations: int = 0
    """Consecutive failed revalidations; reset by a success."""

    def wants(self, event: str) -> bool:
        return self.enabled and (self.events is None or event in self.events)


@dataclass(frozen=True)
class Delivery:
    """One POST FakeZoom made: ``status`` is None when the endpoint was unreachable.

    ``body`` is the exact bytes sent (and signed); ``attempted_at`` is epoch seconds by the
    fake's clock; ``error`` says why an attempt failed without an answer, or why a URL
    validation was refused.
    """

    event: str
    subscription_id: str
    attempt: int
    status: int | None
    body: bytes = field(repr=False)
    headers: dict[str, str] = field(repr=False)
    attempted_at: float
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class PendingDelivery:
    """A delivery waiting for its retry: ``attempt`` is the number it will have."""

    event: str
    subscription_id: str
    attempt: int
    due_at: float
    body: bytes = field(repr=False)


@dataclass(order=True)
class _Queued:
    due_at: float
    seq: int
    event: str = field(compare=False)
    subscription_id: str = field(compare=False)
    attempt: int = field(compare=False)
    body: bytes = field(compare=False, repr=False)


class _Borrowed(httpx.AsyncBaseTransport):
    """The caller's transport, used by our short-lived clients but never closed by them."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        return None


# -- the dispatcher ---------------------------------------------------------------------------


class Webhooks:
    """Subscriptions and deliveries of one FakeZoom (``fake.webhooks``)."""

    def __init__(self, state: State) -> None:
        self._state = state
        self._subscriptions: dict[str, Subscription] = {}
        self._queue: list[_Queued] = []
        self._seq = itertools.count()
        self.deliveries: list[Delivery] = []
        """Every event delivery attempt, in order."""
        self.validations: list[Delivery] = []
        """Every ``endpoint.url_validation`` request, at subscription and every 72 hours."""
        state.events.wants = self._wanted

    def __repr__(self) -> str:
        return f"Webhooks(subscriptions={len(self._subscriptions)}, queued={len(self._queue)})"

    @property
    def subscriptions(self) -> list[Subscription]:
        return list(self._subscriptions.values())

    @property
    def pending(self) -> list[PendingDelivery]:
        """Deliveries waiting for a retry, soonest first."""
        return [
            PendingDelivery(item.event, item.subscription_id, item.attempt, item.due_at, item.body)
            for item in sorted(self._queue)
            if item.attempt > 1
        ]

    async def subscribe(
        self,
        url: str,
        secret: str,
        events: Sequence[str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> Subscription:
        """Validate the endpoint, then deliver ``events`` (None: every event) to it.

        Only events raised after this call are delivered. Raises ValueError naming why the
        endpoint failed validation; nothing is subscribed then.
        """
        _check_url(url)
        if not secret:
            raise ValueError("secret must be the app's non-empty webhook secret token")
        if isinstance(events, str):
            raise ValueError(f"events must be a sequence of event names, not the string {events!r}")
        if events is not None and not events:
            raise ValueError("events must name at least one event, or be None for every event")
        subscription = Subscription(
            id=self._state.ids.opaque(),
            url=url,
            events=tuple(events) if events is not None else None,
            secret=secret,
            transport=transport,
        )
        async with contextlib.AsyncExitStack() as clients:
            problem = await self._validate(subscription, _client_for(subscription, clients))
        if problem is not None:
            raise ValueError(f"webhook endpoint {url} failed URL validation: {problem}")
        self._collect()  # events raised before this subscription are not delivered to it
        now = self._state.now()
        subscription.last_validated_at = now
        subscription.next_validation_at = now + REVALIDATION_INTERVAL
        self._subscriptions[subscription.id] = subscription
        return subscription

    def unsubscribe(self, subscription_id: str) -> None:
        """Stop delivering to a subscription; its queued retries are dropped."""
        if self._subscriptions.pop(subscription_id, None) is None:
            raise ValueError(f"no webhook subscription with id {subscription_id!r}")
        self._drop(subscription_id)

    async def flush(self) -> list[Delivery]:
        """Send everything due by the clock now: revalidations, new events, due retries.

        Returns the event delivery attempts made (validations are in ``validations``).
        """
        now = self._state.now()
        self._collect()
        made: list[Delivery] = []
        async with contextlib.AsyncExitStack() as stack:
            clients: dict[str, httpx.AsyncClient] = {}

            def client(subscription: Subscription) -> httpx.AsyncClient:
                if subscription.id not in clients:
                    clients[subscription.id] = _client_for(subscription, stack)
                return clients[subscription.id]

            for subscription in list(self._subscriptions.values()):
                if subscription.enabled and now >= subscription.next_validation_at:
                    await self._revalidate(subscription, client(subscription), now)
            while self._queue and self._queue[0].due_at <= now:
                item = heapq.heappop(self._queue)
                target = self._subscriptions.get(item.subscription_id)
                if target is not None and target.enabled:
                    made.append(await self._attempt(target, client(target), item))
        return made

    # -- internals ------------------------------------------------------------------------

    def _wanted(self, event: str) -> bool:
        return any(sub.wants(event) for sub in self._subscriptions.values())

    def _collect(self) -> None:
        """Fan the state's new events out to the subscriptions that want them."""
        for event in self._state.events.drain():
            body = _encode(_event_body(event))
            for subscription in self._subscriptions.values():
                if subscription.wants(event.name):
                    self._push(event.ts_ms / 1000, event.name, subscription.id, 1, body)

    def _push(
        self, due_at: float, event: str, subscription_id: str, attempt: int, body: bytes
    ) -> None:
        queued = _Queued(due_at, next(self._seq), event, subscription_id, attempt, body)
        heapq.heappush(self._queue, queued)

    def _drop(self, subscription_id: str) -> None:
        self._queue = [item for item in self._queue if item.subscription_id != subscription_id]
        heapq.heapify(self._queue)

    def _headers(self, secret: str, body: bytes) -> dict[str, str]:
        timestamp = int(self._state.now())
        return {
            "content-type": "application/json",
            "user-agent": USER_AGENT,
            "x-zm-request-timestamp": str(timestamp),
            "x-zm-signature": sign(secret, timestamp, body),
            "x-zm-trackingid": new_tracking_id(),
        }

    async def _attempt(
        self, subscription: Subscription, client: httpx.AsyncClient, item: _Queued
    ) -> Delivery:
        attempted_at = self._state.now()
        headers = self._headers(subscription.secret, item.body)
        status, _, error = await _post(client, subscription.url, item.body, headers)
        delivery = Delivery(
            item.event,
            subscription.id,
            item.attempt,
            status,
            item.body,
            headers,
            attempted_at,
            error,
        )
        self.deliveries.append(delivery)
        due = retry_due_at(item.attempt, status, attempted_at)
        if due is not None:
            self._push(due, item.event, subscription.id, item.attempt + 1, item.body)
        return delivery

    async def _validate(self, subscription: Subscription, client: httpx.AsyncClient) -> str | None:
        """Challenge the endpoint; None if it proved the secret, else why it did not."""
        plain_token = secrets.token_urlsafe(16)
        now = self._state.now()
        body = _encode(
            {
                "payload": {"plainToken": plain_token},
                "event_ts": int(now * 1000),
                "event": VALIDATION_EVENT,
            }
        )
        headers = self._headers(subscription.secret, body)
        status, answer, error = await _post(client, subscription.url, body, headers)
        problem = validation_problem(status, answer, plain_token, subscription.secret)
        if problem is not None and error is not None:
            problem = f"{problem} ({error})"
        attempt = 1 + sum(1 for v in self.validations if v.subscription_id == subscription.id)
        self.validations.append(
            Delivery(
                VALIDATION_EVENT, subscription.id, attempt, status, body, headers, now, problem
            )
        )
        return problem

    async def _revalidate(
        self, subscription: Subscription, client: httpx.AsyncClient, now: float
    ) -> None:
        subscription.next_validation_at = now + REVALIDATION_INTERVAL  # before awaiting: once
        problem = await self._validate(subscription, client)
        if problem is None:
            subscription.last_validated_at = now
            subscription.failed_validations = 0
            return
        subscription.failed_validations += 1
        logger.info(
            "webhook subscription %s failed revalidation %d: %s",
            subscription.id,
            subscription.failed_validations,
            problem,
        )
        if subscription.failed_validations >= MAX_FAILED_VALIDATIONS:
            subscription.enabled = False
            self._drop(subscription.id)


def _check_url(url: str) -> None:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise ValueError(f"webhook url {url!r} is not a URL: {error}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError(f"webhook url {url!r} must be an absolute http or https URL")


def _event_body(event: Event) -> dict[str, Any]:
    return {"event": event.name, "event_ts": event.ts_ms, "payload": event.payload}


def _client_for(subscription: Subscription, stack: contextlib.AsyncExitStack) -> httpx.AsyncClient:
    """A client for one subscription, closed with ``stack``; never closes a given transport."""
    transport = _Borrowed(subscription.transport) if subscription.transport is not None else None
    client = httpx.AsyncClient(transport=transport, timeout=DELIVERY_TIMEOUT, trust_env=False)
    stack.push_async_callback(client.aclose)
    return client


async def _post(
    client: httpx.AsyncClient, url: str, body: bytes, headers: dict[str, str]
) -> tuple[int | None, bytes, str | None]:
    """Status, body and error of one POST; status None when the endpoint was unreachable."""
    try:
        response = await client.post(url, content=body, headers=headers)
    except httpx.TransportError as error:  # refused, reset, timed out: Zoom retries these
        return None, b"", type(error).__name__
    return response.status_code, response.content, None


# -- serving ----------------------------------------------------------------------------------


class BackgroundFlush:
    """ASGI middleware for ``fake.serve()``: flushes webhooks every ``interval`` real seconds.

    The flushing task lives in the server's lifespan, so it starts and stops with the server.
    """

    def __init__(
        self,
        app: ASGIApp,
        webhooks: Webhooks,
        *,
        interval: float = 0.5,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    ) -> None:
        self._app = app
        self._webhooks = webhooks
        self._interval = interval
        self._sleep = sleep

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "lifespan":
            await self._app(scope, receive, send)
            return
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(self._flush_forever)
            await self._app(scope, receive, send)  # returns once shutdown is acknowledged
            tasks.cancel_scope.cancel()

    async def _flush_forever(self) -> None:
        while True:
            await self._sleep(self._interval)
            try:
                await self._webhooks.flush()
            except Exception:  # a broken receiver must not stop deliveries to the others
                logger.exception("FakeZoom webhook flush failed")
