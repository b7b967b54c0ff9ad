"""WebhookApp: receive Zoom webhooks as a plain ASGI app, or from any framework via handle().

Order of work for each request: method (405), size (413), signature and timestamp (401),
shape (400), URL validation (answered here), dedupe, then the 200, and only then the
handlers, so Zoom's 3-second deadline never depends on handler code.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, MutableMapping, Sequence
from typing import Any, NamedTuple, TypeVar, overload

from zoomkit._clock import Clock, SystemClock
from zoomkit.errors import ConfigurationError
from zoomkit.types import NOT_GIVEN, NotGiven
from zoomkit.webhooks._decision import Accept, Reply, decide, json_body
from zoomkit.webhooks._handlers import Handler, HandlerRegistry, run_handlers
from zoomkit.webhooks._verify import DEFAULT_TOLERANCE
from zoomkit.webhooks.dedupe import DEFAULT_DEDUPE_TTL, DedupeStore, MemoryDedupeStore
from zoomkit.webhooks.events import (
    EVENT_TYPES,
    BaseEvent,
    EndpointUrlValidation,
    UnknownEvent,
)

__all__ = ["DEFAULT_HANDLER_TIMEOUT", "DEFAULT_MAX_BODY_BYTES", "WebhookApp", "WebhookResponse"]

logger = logging.getLogger("zoomkit.webhooks")

DEFAULT_MAX_BODY_BYTES = 1_000_000
DEFAULT_HANDLER_TIMEOUT = 60.0
JSON_HEADERS = {"content-type": "application/json"}

E = TypeVar("E", bound=BaseEvent)
R = TypeVar("R")
H = TypeVar("H", bound=Handler)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


async def _no_handlers() -> None:
    return None


class WebhookResponse(NamedTuple):
    """What :meth:`WebhookApp.handle` decided: send it, then ``await run_handlers()``."""

    status: int
    body: bytes
    headers: dict[str, str]
    run_handlers: Callable[[], Awaitable[None]] = _no_handlers


class WebhookApp:
    """Verify, parse, dedupe and dispatch Zoom webhooks; an ASGI app and a framework-free core.

    ``secret`` may be a list during a rotation (either secret's signature is accepted). Events
    go to handlers registered with :meth:`on`, :meth:`on_unknown` and :meth:`on_any`, which
    run after the response is sent. ``dedupe=None`` turns deduplication off; by default
    a :class:`MemoryDedupeStore` on ``clock`` remembers events for ``dedupe_ttl`` seconds.
    """

    def __init__(
        self,
        secret: str | Sequence[str],
        *,
        tolerance: float = DEFAULT_TOLERANCE,
        clock: Clock | None = None,
        dedupe: DedupeStore | NotGiven | None = NOT_GIVEN,
        dedupe_ttl: float = DEFAULT_DEDUPE_TTL,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        handler_timeout: float | None = DEFAULT_HANDLER_TIMEOUT,
    ) -> None:
        secrets = [secret] if isinstance(secret, str) else list(secret)
        if not secrets or not all(isinstance(s, str) and s for s in secrets):
            raise ConfigurationError(
                "WebhookApp needs the app's webhook secret token (Marketplace > Features > "
                "Access > Secret Token); an empty secret would accept forged events"
            )
        if not tolerance >= 0:
            raise ConfigurationError(f"tolerance must be >= 0 seconds, got {tolerance!r}")
        if not dedupe_ttl > 0:
            raise ConfigurationError(f"dedupe_ttl must be > 0 seconds, got {dedupe_ttl!r}")
        if max_body_bytes <= 0:
            raise ConfigurationError(f"max_body_bytes must be > 0, got {max_body_bytes!r}")
        if handler_timeout is not None and not handler_timeout >= 0:
            raise ConfigurationError(
                f"handler_timeout must be >= 0 seconds or None, got {handler_timeout!r}"
            )
        self._secrets = secrets
        self._tolerance = float(tolerance)
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._dedupe: DedupeStore | None = (
            MemoryDedupeStore(clock=self._clock) if isinstance(dedupe, NotGiven) else dedupe
        )
        self._dedupe_ttl = float(dedupe_ttl)
        self._max_body_bytes = max_body_bytes
        self._handler_timeout = handler_timeout
        self._handlers = HandlerRegistry()

    def __repr__(self) -> str:
        return (
            f"WebhookApp(secrets=<{len(self._secrets)} hidden>, tolerance={self._tolerance:g}, "
            f"dedupe={self._dedupe!r}, handlers={len(self._handlers)})"
        )

    # -- registration --------------------------------------------------------------------------

    @overload
    def on(self, event: type[E], /) -> Callable[[Callable[[E], R]], Callable[[E], R]]: ...

    @overload
    def on(self, event: str, /, *more: str) -> Callable[[H], H]: ...

    def on(self, event: str | type[BaseEvent], /, *more: str) -> Callable[[Any], Any]:
        """Register the decorated function for these events (names, or one event class).

        ``@app.on("meeting.started")`` or ``@app.on(MeetingStarted)``; the handler receives
        the typed event. A name zoomkit does not model delivers an :class:`UnknownEvent`.
        """
        names = [_event_name(event), *(_event_name(name) for name in more)]

        def register(handler: Any) -> Any:
            for name in names:
                self._handlers.by_name.setdefault(name, []).append(handler)
            return handler

        return register

    def on_unknown(self, handler: H) -> H:
        """Register a fallback for :class:`UnknownEvent` names that no :meth:`on` handler takes."""
        self._handlers.unknown.append(handler)
        return handler

    def on_any(self, handler: H) -> H:
        """Register a handler for every event (after the named ones); not URL validation."""
        self._handlers.every.append(handler)
        return handler

    # -- the framework-free core ---------------------------------------------------------------

    async def handle(self, raw_body: bytes, headers: Mapping[str, str]) -> WebhookResponse:
        """Decide the response to one POST; handlers run only when you await ``run_handlers``.

        Send ``status``, ``body`` and ``headers`` first, then ``await run_handlers()`` (it
        never raises): that keeps handler time out of Zoom's 3-second deadline.
        """
        outcome = decide(
            raw_body,
            headers,
            secrets=self._secrets,
            tolerance=self._tolerance,
            now=self._clock.time(),
            max_body_bytes=self._max_body_bytes,
        )
        if isinstance(outcome, Reply):
            if outcome.status >= 400:
                logger.warning("webhook rejected with %d: %s", outcome.status, outcome.reason)
            else:
                logger.info("webhook: %s", outcome.reason)
            return WebhookResponse(outcome.status, json_body(outcome.body), dict(JSON_HEADERS))
        return await self._accept(outcome)

    async def _accept(self, accepted: Accept) -> WebhookResponse:
        event = accepted.event
        if self._dedupe is not None:
            try:
                first = await self._dedupe.first_time(accepted.key, self._dedupe_ttl)
            except Exception:
                # The store is pluggable (Redis...). If it fails, 500 makes Zoom retry later,
                # which neither drops the event nor risks running it twice.
                logger.exception("webhook dedupe store failed on %s", event.event)
                return WebhookResponse(
                    500, json_body({"error": "dedupe_store_unavailable"}), dict(JSON_HEADERS)
                )
            if not first:
                logger.info("webhook %s is a redelivery; handlers skipped", event.event)
                return WebhookResponse(200, json_body({"status": "duplicate"}), dict(JSON_HEADERS))
        handlers = self._handlers.for_event(event)

        async def run() -> None:
            await run_handlers(event, handlers, timeout=self._handler_timeout)

        logger.debug("webhook %s accepted for %d handlers", event.event, len(handlers))
        return WebhookResponse(200, json_body({"status": "received"}), dict(JSON_HEADERS), run)

    # -- ASGI ----------------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """ASGI entry point: POST only; handlers run in this task after the response is sent."""
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return  # a websocket is refused by returning without accepting it
        if scope["method"] != "POST":
            await _respond(send, 405, {"error": "method_not_allowed"}, {"allow": "POST"})
            return
        headers = _scope_headers(scope)
        if _declared_length(headers) > self._max_body_bytes:
            logger.warning("webhook rejected with 413: content-length over the limit")
            await _respond(send, 413, {"error": "payload_too_large"})
            return
        body = await _read_body(receive, self._max_body_bytes)
        if body is None:
            return  # the client went away
        if len(body) > self._max_body_bytes:
            logger.warning("webhook rejected with 413: body over %d bytes", self._max_body_bytes)
            await _respond(send, 413, {"error": "payload_too_large"})
            return
        response = await self.handle(body, headers)
        await _send(send, response.status, response.body, response.headers)
        await response.run_handlers()


def _event_name(event: str | type[BaseEvent]) -> str:
    """The event name to register under; refuses names no handler could ever receive."""
    if isinstance(event, str):
        name = event
    elif event in EVENT_TYPES.values():
        name = event.model_fields["event"].default
    elif isinstance(event, type) and issubclass(event, UnknownEvent):
        raise ConfigurationError("register UnknownEvent handlers with @app.on_unknown")
    else:
        raise ConfigurationError(f"{event!r} is not a webhook event class or name")
    if not name:
        raise ConfigurationError("an event name is empty")
    if name == EndpointUrlValidation.model_fields["event"].default:
        raise ConfigurationError(
            "endpoint.url_validation is answered by WebhookApp itself; handlers never see it"
        )
    return name


def _scope_headers(scope: Scope) -> dict[str, str]:
    """Header names lower-cased; repeated headers joined with ", " as HTTP defines."""
    headers: dict[str, str] = {}
    for raw_name, raw_value in scope.get("headers", ()):
        name = bytes(raw_name).decode("latin-1").lower()
        value = bytes(raw_value).decode("latin-1")
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


def _declared_length(headers: Mapping[str, str]) -> float:
    """The Content-Length, or 0 when absent or unreadable (the body is counted anyway)."""
    try:
        return max(0.0, float(int(headers.get("content-length", "0"))))
    except ValueError:
        return 0.0


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The request body, read up to one chunk past ``limit``; ``None`` if the client left."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        if size > limit or not message.get("more_body", False):
            return b"".join(chunks)


async def _respond(
    send: Send, status: int, body: Mapping[str, Any], extra: Mapping[str, str] | None = None
) -> None:
    await _send(send, status, json_body(body), {**JSON_HEADERS, **(extra or {})})


async def _send(send: Send, status: int, body: bytes, headers: Mapping[str, str]) -> None:
    raw_headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    raw_headers.append((b"content-length", str(len(body)).encode("ascii")))
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _lifespan(receive: Receive, send: Send) -> None:
    """Answer lifespan events, so the app also runs alone under ``uvicorn --lifespan on``."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
