"""Webhook test helpers: requests signed here with the hmac module, never with zoomkit's code."""

from __future__ import annotations

import hashlib
import hmac

SECRET = "whsec-test-2f9c1a7e"
OTHER_SECRET = "whsec-rotated-88d04b"


def zoom_signature(secret: str, timestamp: str, raw_body: bytes) -> str:
    """``v0=`` + hex HMAC-SHA256(secret, ``v0:{timestamp}:{body}``), as Zoom documents it."""
    message = b"v0:" + timestamp.encode() + b":" + raw_body
    return "v0=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed_headers(
    raw_body: bytes, *, at: float, secret: str = SECRET, timestamp: str | None = None
) -> dict[str, str]:
    """Headers as Zoom sends them for ``raw_body`` signed with ``secret`` at time ``at``."""
    ts = timestamp if timestamp is not None else str(int(at))
    return {
        "content-type": "application/json",
        "x-zm-request-timestamp": ts,
        "x-zm-signature": zoom_signature(secret, ts, raw_body),
        "x-zm-trackingid": "v=2.0;clid=aw1;rid=WEBHOOK-TEST",
        "user-agent": "Zoom Marketplace/1.0a",
    }
