"""What to answer a webhook request, decided without I/O.

:func:`decide` turns a body and headers into either a final :class:`Reply` (a rejection, or
the answer to Zoom's URL validation) or an :class:`Accept` carrying the typed event and its
dedupe key. The app around it only reads, dedupes, sends and runs handlers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from zoomkit.errors import ResponseValidationError, WebhookVerificationError
from zoomkit.webhooks._verify import url_validation_response, verified_secret
from zoomkit.webhooks.dedupe import dedupe_key
from zoomkit.webhooks.events import EndpointUrlValidation, WebhookEvent, parse_event

__all__ = ["Accept", "Reply", "decide", "json_body"]


@dataclass(frozen=True)
class Reply:
    """Answer with ``status`` and the JSON ``body``; ``reason`` is for the log only."""

    status: int
    body: dict[str, Any]
    reason: str


@dataclass(frozen=True)
class Accept:
    """A verified event: answer 200 if ``key`` is new, then run its handlers."""

    event: WebhookEvent
    key: str


def decide(
    raw_body: bytes,
    headers: Mapping[str, str],
    *,
    secrets: Sequence[str],
    tolerance: float,
    now: float,
    max_body_bytes: int,
) -> Reply | Accept:
    """Size, then signature and timestamp, then shape: the first failure decides the status."""
    if len(raw_body) > max_body_bytes:
        return Reply(413, {"error": "payload_too_large"}, f"body over {max_body_bytes} bytes")
    try:
        secret = verified_secret(raw_body, headers, secrets, tolerance=tolerance, now=now)
    except WebhookVerificationError as exc:
        # The reason is logged, not sent: a caller without the secret learns nothing from it.
        return Reply(401, {"error": "invalid_signature"}, str(exc))
    try:
        event = parse_event(bytes(raw_body))
    except ResponseValidationError as exc:
        return Reply(400, {"error": "bad_request", "message": str(exc)}, str(exc))
    if isinstance(event, EndpointUrlValidation):
        if not event.payload.plain_token:
            reason = "the endpoint.url_validation payload has an empty plainToken"
            return Reply(400, {"error": "bad_request", "message": reason}, reason)
        answer = url_validation_response(event.payload.plain_token, secret)
        return Reply(200, dict(answer), "endpoint.url_validation answered")
    return Accept(event, dedupe_key(event.raw))


def json_body(body: Mapping[str, Any]) -> bytes:
    """Compact JSON bytes for a response body."""
    return json.dumps(body, separators=(",", ":")).encode("utf-8")
