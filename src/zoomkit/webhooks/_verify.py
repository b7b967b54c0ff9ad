"""Zoom's webhook signature check, done the way the peers get wrong.

The HMAC is computed over the raw body bytes (never re-serialised JSON), compared in constant
time, bounded by a timestamp window both ways, read from case-insensitive headers, and it
fails closed: no secret, a missing header or an odd value is a rejection, never a pass and
never any exception but :class:`~zoomkit.errors.WebhookVerificationError`.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping, Sequence
from typing import Final

from zoomkit._clock import Clock, SystemClock
from zoomkit.errors import WebhookVerificationError

__all__ = [
    "DEFAULT_TOLERANCE",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "sign",
    "url_validation_response",
    "verified_secret",
    "verify",
]

SIGNATURE_HEADER: Final = "x-zm-signature"
TIMESTAMP_HEADER: Final = "x-zm-request-timestamp"
DEFAULT_TOLERANCE: Final = 300.0
"""Five minutes each way: Zoom's docs set no window; five minutes is the usual replay bound."""

# ASCII digits only (str.isdigit() also accepts other scripts' digits), and at most 15 of them
# (seconds until the year 33 million), so no header makes int() work on a huge number.
_TIMESTAMP_RE: Final = re.compile(r"[0-9]{1,15}", re.ASCII)
_SIGNATURE_RE: Final = re.compile(r"v0=([0-9a-fA-F]{64})", re.ASCII)


def sign(raw_body: bytes, timestamp: int | str, secret: str) -> str:
    """Return the ``x-zm-signature`` value Zoom would send: ``v0=`` + hex HMAC-SHA256.

    Useful to sign requests in your own tests; zoomkit's checks use the same function.
    """
    message = b"v0:" + str(timestamp).encode("ascii") + b":" + bytes(raw_body)
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()
    return f"v0={digest}"


def verify(
    raw_body: bytes,
    headers: Mapping[str, str],
    secret: str | Sequence[str],
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    clock: Clock | None = None,
) -> None:
    """Check that ``raw_body`` came from Zoom, signed with ``secret``, within ``tolerance`` s.

    Pass the body exactly as received and the request's headers (any case). During a secret
    rotation pass both secrets: a signature by either is accepted. Returns ``None`` on success;
    raises :class:`~zoomkit.errors.WebhookVerificationError` naming what failed otherwise
    (never the secret, never the expected signature).
    """
    now = (clock if clock is not None else SystemClock()).time()
    verified_secret(raw_body, headers, secret, tolerance=tolerance, now=now)


def verified_secret(
    raw_body: bytes,
    headers: Mapping[str, str],
    secret: str | Sequence[str],
    *,
    tolerance: float,
    now: float,
) -> str:
    """:func:`verify` at time ``now``, returning the secret that signed the request.

    URL validation answers with that secret, so a rotation never fails Zoom's revalidation.
    """
    secrets = _usable_secrets(secret)
    if not isinstance(raw_body, bytes | bytearray | memoryview):
        raise WebhookVerificationError(
            f"raw_body must be the request body as bytes, not {type(raw_body).__name__}: "
            "the signature covers the exact bytes Zoom sent"
        )
    timestamp = _header(headers, TIMESTAMP_HEADER)
    if timestamp is None:
        raise WebhookVerificationError(f"the {TIMESTAMP_HEADER} header is missing")
    if not _TIMESTAMP_RE.fullmatch(timestamp):
        raise WebhookVerificationError(
            f"the {TIMESTAMP_HEADER} header is not a whole number of seconds"
        )
    signature = _header(headers, SIGNATURE_HEADER)
    if signature is None:
        raise WebhookVerificationError(f"the {SIGNATURE_HEADER} header is missing")
    match = _SIGNATURE_RE.fullmatch(signature)
    if match is None:
        raise WebhookVerificationError(
            f"the {SIGNATURE_HEADER} header is not of the form v0=<64 hex digits>"
        )
    given = f"v0={match.group(1).lower()}".encode("ascii")
    matched: str | None = None
    for candidate in secrets:  # every secret is tried, so timing does not tell which matched
        expected = sign(raw_body, timestamp, candidate).encode("ascii")
        if hmac.compare_digest(expected, given) and matched is None:
            matched = candidate
    if matched is None:
        raise WebhookVerificationError(
            "the signature does not match the body and timestamp "
            "(wrong secret token, or the body was changed on the way)"
        )
    skew = now - int(timestamp)
    if not abs(skew) <= tolerance:  # written so that a NaN tolerance rejects too
        direction = "old" if skew > 0 else "in the future"
        raise WebhookVerificationError(
            f"the request timestamp is {abs(skew):.0f} s {direction}, "
            f"beyond the tolerance of {tolerance:g} s (a replay, or a clock out of sync)"
        )
    return matched


def url_validation_response(plain_token: str, secret: str) -> dict[str, str]:
    """Answer Zoom's ``endpoint.url_validation`` challenge.

    Returns ``{"plainToken": plain_token, "encryptedToken": hex HMAC-SHA256(secret,
    plain_token)}``, to be sent as the JSON body of a 200. Verify the request's signature
    first: :class:`~zoomkit.webhooks.WebhookApp` does both.
    """
    (key,) = _usable_secrets(secret)
    if not isinstance(plain_token, str) or not plain_token:
        raise WebhookVerificationError("the url_validation payload has no plainToken string")
    digest = hmac.new(key.encode("utf-8"), plain_token.encode("utf-8"), hashlib.sha256)
    return {"plainToken": plain_token, "encryptedToken": digest.hexdigest()}


def _usable_secrets(secret: str | Sequence[str]) -> list[str]:
    """The secrets to try; refuses an empty or missing one instead of skipping the check."""
    secrets = [secret] if isinstance(secret, str) else list(secret)
    if not secrets:
        raise WebhookVerificationError("no webhook secret token is configured")
    for candidate in secrets:
        if not isinstance(candidate, str) or not candidate:
            # An empty key would make a signature anyone can compute: fail closed.
            raise WebhookVerificationError("a webhook secret token is empty or not a string")
        try:
            candidate.encode("utf-8")
        except UnicodeEncodeError:
            raise WebhookVerificationError("a webhook secret token is not valid text") from None
    return secrets


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """The value of header ``name`` in any case; bytes are read as Latin-1 like HTTP."""
    for key, value in headers.items():
        if isinstance(key, bytes):
            key = key.decode("latin-1")
        if isinstance(key, str) and key.lower() == name:
            if isinstance(value, bytes):
                return value.decode("latin-1")
            return value if isinstance(value, str) else None
    return None
