"""FakeZoom's control endpoints (``/_fakezoom/...``), outside Zoom's API.

They let tests in other processes drive and read a served FakeZoom: counters, the request log,
the clock (when it is a :class:`FakeClock`), token expiry, random faults and seeding. They need
no token and are never counted, faulted or rate limited. A served FakeZoom listens on 127.0.0.1
unless told otherwise; these endpoints hand out its test credentials, so keep it there.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from typing import Any

from ._app import Handler, Route
from ._clock import FakeClock
from ._faults import FaultRates
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._past_meetings import seed_past_meetings
from ._state import State

__all__ = ["ROUTES", "counters_json"]

_FAULT_OPTIONS = ("rate", "resets_before", "resets_after", "slow", "slow_seconds")


def counters_json(state: State) -> dict[str, Any]:
    """Every counter as JSON: Counters become objects with string keys."""
    out: dict[str, Any] = {}
    for item in dataclasses.fields(state.counters):
        value = getattr(state.counters, item.name)
        out[item.name] = (
            {str(key): count for key, count in value.items()}
            if isinstance(value, Counter)
            else value
        )
    out["total_token_requests"] = state.counters.total_token_requests
    return out


def _counters(state: State, call: Call) -> Response:
    return Response(200, counters_json(state))


def _requests(state: State, call: Call) -> Response:
    wanted = call.query.get("operation")
    return Response(
        200,
        {
            "requests": [
                dataclasses.asdict(request)
                for request in state.requests
                if wanted is None or request.operation == wanted
            ]
        },
    )


def _credentials(state: State, call: Call) -> Response:
    return Response(
        200,
        {
            "api_url": state.api_url,
            "account_id": state.account_id,
            "s2s": dataclasses.asdict(state.s2s),
            "oauth_app": dataclasses.asdict(state.oauth_app),
            "jwt": dataclasses.asdict(state.jwt),
            "owner_id": state.owner_id,
        },
    )


def _body(call: Call) -> dict[str, Any]:
    return call.json_object() if call.body.strip() else {}


def _number(body: dict[str, Any], name: str, default: float) -> float:
    value = body.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise validation_failed([{"field": name, "message": "Invalid field."}])
    return float(value)


def _count(body: dict[str, Any], name: str) -> int:
    value = body.get(name, 0)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise validation_failed([{"field": name, "message": "Invalid field."}])
    return value


def _get_clock(state: State, call: Call) -> Response:
    return Response(200, {"now": state.now(), "fake": isinstance(state.clock, FakeClock)})


def _advance_clock(state: State, call: Call) -> Response:
    """``{"advance": seconds}`` moves a fake clock forward; a real clock cannot be moved."""
    if not isinstance(state.clock, FakeClock):
        raise ZoomAPIError(409, 409, "This FakeZoom reads the real clock; serve it --fake-clock.")
    seconds = _number(_body(call), "advance", 0.0)
    if seconds < 0:
        raise validation_failed([{"field": "advance", "message": "Time only moves forward."}])
    state.clock.advance(seconds)
    return Response(200, {"now": state.now(), "fake": True})


def _expire_tokens(state: State, call: Call) -> Response:
    state.tokens.expire_all()
    return Response.empty()


def _set_faults(state: State, call: Call) -> Response:
    """The options of ``fake.faults()`` as JSON, plus ``operations`` and ``seed``."""
    body = _body(call)
    options = {name: _number(body, name, 0.0) for name in _FAULT_OPTIONS if name in body}
    statuses = body.get("statuses", [500, 502, 503])
    operations = body.get("operations")
    seed = body.get("seed")
    if not isinstance(statuses, list) or not all(isinstance(s, int) for s in statuses):
        raise validation_failed([{"field": "statuses", "message": "Invalid field."}])
    if operations is not None and (
        not isinstance(operations, list) or not all(isinstance(o, str) for o in operations)
    ):
        raise validation_failed([{"field": "operations", "message": "Invalid field."}])
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise validation_failed([{"field": "seed", "message": "Invalid field."}])
    try:
        rates = FaultRates(statuses=tuple(statuses), **options)
    except ValueError as error:
        raise ZoomAPIError(400, 300, str(error)) from None
    if seed is not None:
        state.faults.reseed(seed)
    state.faults.set_rates(rates, operations)
    return Response.empty()


def _clear_faults(state: State, call: Call) -> Response:
    state.faults.clear()
    return Response.empty()


def _seed(state: State, call: Call) -> Response:
    """``{"meetings": N, "participants": M, "host": id-or-email}``: N ended meetings of M each."""
    body = _body(call)
    host_ref = body.get("host", state.owner_id)
    host = state.find_user(host_ref, None) if isinstance(host_ref, str) else None
    if host is None:
        raise ZoomAPIError(404, 1001, f"User does not exist: {host_ref}.")
    seeded = seed_past_meetings(
        state, host, count=_count(body, "meetings"), participants=_count(body, "participants")
    )
    return Response(
        201,
        {"meetings": [{"id": p["id"], "uuid": p["uuid"], "topic": p["topic"]} for p in seeded]},
    )


def _route(method: str, path: str, operation: str, handler: Handler) -> Route:
    return Route(method, f"/_fakezoom/{path}", operation, handler, auth=False, control=True)


ROUTES = [
    _route("GET", "counters", "fakezoomCounters", _counters),
    _route("GET", "requests", "fakezoomRequests", _requests),
    _route("GET", "credentials", "fakezoomCredentials", _credentials),
    _route("GET", "clock", "fakezoomClock", _get_clock),
    _route("POST", "clock", "fakezoomClockAdvance", _advance_clock),
    _route("POST", "expire-tokens", "fakezoomExpireTokens", _expire_tokens),
    _route("POST", "faults", "fakezoomFaults", _set_faults),
    _route("DELETE", "faults", "fakezoomFaultsClear", _clear_faults),
    _route("POST", "seed", "fakezoomSeed", _seed),
]
