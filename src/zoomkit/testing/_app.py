"""FakeZoom's ASGI app: a table of routes, and the one dispatch loop every request goes through.

The loop is the only place that knows about cross-cutting behaviour: recording calls, counting
them, authenticating, rate limits, injected faults, the tracking-id and content-type headers, and
turning a handler crash into a 500. Handlers only implement one Zoom operation each.

Order for one call: a reset before arrival (nothing recorded), record and count, authenticate,
the account's category limit, the host's daily meeting writes, then a status fault instead of
acting, or the handler followed by an after-effect fault, reset or slow answer.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import parse_qsl, unquote

from ._faults import Fault, FaultKind, NetworkFault
from ._http import (
    JSON_CONTENT_TYPE,
    Call,
    OAuthError,
    Response,
    StreamedResponse,
    ZoomAPIError,
    new_tracking_id,
)
from ._limits import category_of, meeting_write_host
from ._state import Exchange, RecordedRequest, State

__all__ = ["FakeZoomApp", "Handler", "Route", "send_response"]

logger = logging.getLogger("zoomkit.testing")

Handler = Callable[[State, Call], Response]
Observer = Callable[[State, Call], None]
Authenticator = Observer

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_PARAM = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Route:
    """One operation: ``GET /v2/users/{userId}`` → ``user``.

    ``observe`` runs for every request routed here, even one an injected fault answers (the
    token endpoint uses it to count token requests). ``oauth`` routes answer OAuth-shaped errors;
    only ``/v2`` calls are recorded in ``fake.requests``, so codes and secrets never are.
    ``control`` routes are FakeZoom's own (``/_fakezoom/...``): never counted, faulted or limited.
    """

    method: str
    template: str
    operation: str
    handler: Handler
    auth: bool = True
    oauth: bool = False
    observe: Observer | None = None
    control: bool = False

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        segments = [
            f"(?P<{seg[1:-1]}>[^/]+)" if _PARAM.fullmatch(seg) else re.escape(seg)
            for seg in self.template.split("/")
        ]
        return re.compile("^" + "/".join(segments) + "$")

    def match(self, raw_path: str) -> dict[str, str] | None:
        """Path parameters (percent-decoded once) if ``raw_path`` fits the template."""
        found = self._pattern.match(raw_path)
        if found is None:
            return None
        return {name: unquote(value) for name, value in found.groupdict().items()}


class FakeZoomApp:
    """A plain ASGI application over a :class:`State` and a route table."""

    def __init__(self, state: State, routes: Iterable[Route], authenticate: Authenticator) -> None:
        self._state = state
        self._routes = list(routes)
        self._authenticate = authenticate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one request; a network fault leaves as :class:`NetworkFault` instead."""
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        call = await _read_call(scope, receive)
        await send_response(self.dispatch(call), send)

    def dispatch(self, call: Call) -> Response:
        """Answer one request synchronously, so each operation is atomic.

        Raises :class:`NetworkFault` when an injected fault drops the connection or delays the
        answer past the client's timeout.
        """
        route, allowed = self._route(call)
        state = self._state
        rest = call.path.startswith("/v2/")
        if route is not None and route.control:
            return self._answer(route, call)
        drawn: Fault | None = None
        if route is not None:
            drawn = state.faults.take_reset_before(route.operation) or state.faults.draw(
                route.operation, rest=rest
            )
            if drawn is not None and drawn.kind is FaultKind.RESET_BEFORE:
                state.counters.faults[drawn.kind.value] += 1
                raise NetworkFault(drawn)  # the request never arrived: not recorded or counted
        if rest:
            operation = route.operation if route is not None else None
            state.requests.append(
                RecordedRequest(
                    call.method,
                    call.raw_path,
                    dict(call.query),
                    call.json_body(),
                    operation,
                    state.now(),
                )
            )
        if route is None:
            status = 405 if allowed else 404
            return Response.error_for_status(status, oauth=call.path.startswith("/oauth/"))
        state.counters.calls[route.operation] += 1
        response = self._answer(route, call, drawn, rest=rest)
        if rest:  # the body is copied as sent: handlers may hand out live state
            body = None if response.body is None else json.loads(json.dumps(response.body))
            state.exchanges.append(Exchange(route.operation, call.method, response.status, body))
        return response

    def _answer(
        self, route: Route, call: Call, drawn: Fault | None = None, *, rest: bool = False
    ) -> Response:
        """Run the route, turning Zoom and OAuth errors into their bodies and crashes into 500."""
        state = self._state
        try:
            return self._run(route, call, drawn, rest=rest)
        except NetworkFault:
            raise
        except ZoomAPIError as error:
            if error.status == 401:
                state.counters.unauthorized_responses += 1
            return error.response()
        except OAuthError as error:
            return error.response()
        except Exception:  # an ASGI app must answer 500, not drop the connection
            logger.exception("FakeZoom handler for %s crashed", route.operation)
            return Response.error_for_status(500, oauth=route.oauth)

    def _run(self, route: Route, call: Call, drawn: Fault | None, *, rest: bool) -> Response:
        state = self._state
        if route.observe is not None:
            route.observe(state, call)
        if route.auth:
            self._authenticate(state, call)
        limit_headers: dict[str, str] = {}
        host_id: str | None = None
        if rest and route.auth:
            refusal, limit_headers, host_id = self._limit(route.operation, call)
            if refusal is not None:
                return refusal
        fault = None if route.control else state.faults.take(route.operation) or drawn
        if fault is not None:
            state.counters.faults[fault.kind.value] += 1
            if fault.kind is FaultKind.STATUS:
                state.counters.fault_statuses[fault.status] += 1
        if fault is not None and not fault.acts:
            return _with_headers(fault.response(oauth=route.oauth), limit_headers)
        try:
            response = route.handler(state, call)
        except ZoomAPIError as error:  # answered here so it still carries the rate-limit headers
            response = error.response()
        if host_id is not None and 200 <= response.status < 300:
            state.limits.count_host_write(host_id, state.now())
        if fault is not None:
            if fault.kind is FaultKind.STATUS:
                return _with_headers(fault.response(oauth=route.oauth), limit_headers)
            if fault.kind in (FaultKind.SLOW, FaultKind.RESET_MID_BODY):
                raise NetworkFault(fault, _with_headers(response, limit_headers))
            raise NetworkFault(fault)
        return _with_headers(response, limit_headers)

    def _limit(
        self, operation: str, call: Call
    ) -> tuple[Response | None, dict[str, str], str | None]:
        """The account's category limit, then the host's daily meeting writes.

        Returns Zoom's 429 (or None), the rate-limit headers for an admitted call, and the host
        whose meeting writes the call spends if it succeeds.
        """
        state = self._state
        now = state.now()
        category = category_of(operation)
        admission = state.limits.admit(category, now)
        counters = state.counters
        counters.peak_per_second[category] = max(
            counters.peak_per_second[category], admission.seen_in_second
        )
        if admission.refusal is not None:
            counters.rate_limited[category] += 1
            return admission.refusal, {}, None
        host_id = meeting_write_host(state, operation, call)
        if host_id is not None:
            refusal = state.limits.check_host(host_id, category, now)
            if refusal is not None:
                counters.rate_limited[category] += 1
                return refusal, {}, None
        return None, admission.headers, host_id

    def _route(self, call: Call) -> tuple[Route | None, bool]:
        path_matched = False
        for route in self._routes:
            params = route.match(call.raw_path)
            if params is None:
                continue
            path_matched = True
            if route.method == call.method:
                call.params = params
                return route, True
        return None, path_matched


def _with_headers(response: Response, headers: dict[str, str]) -> Response:
    for name, value in headers.items():
        response.headers.setdefault(name, value)
    return response


async def send_response(response: Response, send: Send) -> None:
    """Send ``response`` with Zoom's JSON content type, a fresh tracking id and a length."""
    response.headers.setdefault("content-type", JSON_CONTENT_TYPE)
    response.headers["x-zm-trackingid"] = new_tracking_id()
    if isinstance(response, StreamedResponse):
        await _send_streamed(response, send)
        return
    body = response.encode()
    response.headers["content-length"] = str(len(body))
    await send(
        {
            "type": "http.response.start",
            "status": response.status,
            "headers": [(k.encode(), v.encode()) for k, v in response.headers.items()],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _send_streamed(response: StreamedResponse, send: Send) -> None:
    """A large binary answer part by part, so a served fake's memory stays flat."""
    response.headers["content-length"] = str(response.length)
    await send(
        {
            "type": "http.response.start",
            "status": response.status,
            "headers": [(k.encode(), v.encode()) for k, v in response.headers.items()],
        }
    )
    for part in response.parts():
        await send({"type": "http.response.body", "body": part, "more_body": True})
    await send({"type": "http.response.body", "body": b""})


async def _read_call(scope: Scope, receive: Receive) -> Call:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    raw_path_bytes: bytes | None = scope.get("raw_path")
    raw_path = raw_path_bytes.decode("latin-1") if raw_path_bytes else scope["path"]
    raw_path = raw_path.split("?", 1)[0]
    query_string: bytes = scope.get("query_string", b"")
    return Call(
        method=scope["method"].upper(),
        path=scope["path"],
        raw_path=raw_path,
        query=dict(parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)),
        headers={k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]},
        body=b"".join(chunks),
    )


async def _lifespan(receive: Receive, send: Send) -> None:
    """Nothing to set up or tear down; just acknowledge so servers like uvicorn proceed."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
