"""Requests and responses as FakeZoom's handlers see them, and Zoom's error bodies.

Handlers are plain synchronous functions from a :class:`Call` to a :class:`Response`; they signal
Zoom errors by raising :class:`ZoomAPIError` or :class:`OAuthError`, which the app turns into the
bodies real Zoom sends. Keeping handlers synchronous makes every operation atomic with respect to
concurrent requests, as a single database transaction would be.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

__all__ = [
    "JSON_CONTENT_TYPE",
    "Call",
    "OAuthError",
    "Principal",
    "Response",
    "StreamedResponse",
    "ZoomAPIError",
    "new_tracking_id",
    "validation_failed",
]

JSON_CONTENT_TYPE = "application/json;charset=UTF-8"


def new_tracking_id() -> str:
    """A value shaped like Zoom's ``x-zm-trackingid`` header, unique per response."""
    return f"v=2.0;clid=us05;rid=WEB_{secrets.token_hex(16)}"


@dataclass(frozen=True)
class Principal:
    """Who an API call acts as: the user ``me`` stands for, and how the token was obtained."""

    user_id: str
    kind: str  # "account_credentials", "authorization_code" or "jwt"


class ZoomAPIError(Exception):
    """An API error answer: ``{"code": ..., "message": ...[, "errors": [...]]}``."""

    def __init__(
        self,
        status: int,
        code: int,
        message: str,
        *,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors
        self.headers = headers or {}

    def response(self) -> Response:
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.errors is not None:
            body["errors"] = self.errors
        return Response(self.status, body, dict(self.headers))


class OAuthError(Exception):
    """An OAuth endpoint error answer: ``{"reason": ..., "error": ...}``."""

    def __init__(self, status: int, error: str, reason: str) -> None:
        super().__init__(f"{status} {error}: {reason}")
        self.status = status
        self.error = error
        self.reason = reason

    def response(self) -> Response:
        return Response(self.status, {"reason": self.reason, "error": self.error})


def validation_failed(errors: list[dict[str, str]]) -> ZoomAPIError:
    """Zoom's answer to a body that parses but breaks a field rule."""
    return ZoomAPIError(400, 300, "Validation Failed.", errors=errors)


@dataclass
class Response:
    """What a handler answers; ``body`` is JSON-serialisable, or None for an empty body."""

    status: int
    body: object | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def empty(cls, status: int = 204) -> Response:
        return cls(status)

    @classmethod
    def redirect(cls, location: str) -> Response:
        return cls(302, None, {"location": location})

    @classmethod
    def error_for_status(cls, status: int, *, oauth: bool = False) -> Response:
        """A generic error body for a status, used by injected faults and unknown routes."""
        phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
        if oauth:
            return OAuthError(status, "server_error", f"{phrase}.").response()
        return ZoomAPIError(status, status, f"{phrase}.").response()

    def encode(self) -> bytes:
        if self.body is None:
            return b""
        return json.dumps(self.body, separators=(",", ":")).encode()


@dataclass
class StreamedResponse(Response):
    """A binary answer sent in ``parts`` (a recording file): never built as one bytes object."""

    length: int = 0
    parts: Callable[[], Iterator[bytes]] = field(default=lambda: iter(()))

    def encode(self) -> bytes:
        return b"".join(self.parts())


@dataclass
class Call:
    """One incoming request, parsed just enough for Zoom's handlers.

    ``path`` is the decoded path and ``raw_path`` the path exactly as sent (still
    percent-encoded), which matters for meeting UUIDs that Zoom wants double-encoded.
    """

    method: str
    path: str
    raw_path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    params: dict[str, str] = field(default_factory=dict)
    principal: Principal | None = None

    def json_body(self) -> object | None:
        """The parsed body, or None when it is empty or not JSON."""
        if not self.body.strip():
            return None
        try:
            parsed: object = json.loads(self.body)
        except ValueError:
            return None
        return parsed

    def json_object(self) -> dict[str, Any]:
        """The body as a JSON object, refused the way Zoom refuses anything else."""
        parsed = self.json_body()
        if not isinstance(parsed, dict):
            raise ZoomAPIError(400, 300, "Request Body should be a valid JSON object.")
        return parsed

    def form(self) -> dict[str, str]:
        """Query parameters overlaid with a form-encoded body (OAuth accepts either)."""
        merged = dict(self.query)
        content_type = self.headers.get("content-type", "")
        if "application/x-www-form-urlencoded" in content_type or (
            not content_type and b"=" in self.body
        ):
            merged.update(parse_qsl(self.body.decode("latin-1"), keep_blank_values=True))
        return merged

    @property
    def me(self) -> Principal:
        """The authenticated principal; only reachable on routes that require auth."""
        if self.principal is None:
            raise RuntimeError("route was not authenticated")
        return self.principal
