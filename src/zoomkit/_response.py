"""The raw side of a response: status, headers, tracking id and rate-limit headers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from .errors import ResponseValidationError

__all__ = ["RateLimitInfo", "ZoomResponse"]

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class RateLimitInfo:
    """Zoom's ``X-RateLimit-*`` headers, where it sent them."""

    category: str | None
    type: str | None
    limit: int | None
    remaining: int | None

    @classmethod
    def from_headers(cls, headers: httpx.Headers) -> RateLimitInfo:
        return cls(
            category=headers.get("x-ratelimit-category"),
            type=headers.get("x-ratelimit-type"),
            limit=_int_or_none(headers.get("x-ratelimit-limit")),
            remaining=_int_or_none(headers.get("x-ratelimit-remaining")),
        )


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class ZoomResponse:
    """A successful response, for calls that need more than the parsed body."""

    __slots__ = ("http_response",)

    def __init__(self, http_response: httpx.Response) -> None:
        self.http_response = http_response

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def tracking_id(self) -> str | None:
        """``x-zm-trackingid``: quote it to Zoom support."""
        value: str | None = self.http_response.headers.get("x-zm-trackingid")
        return value

    @property
    def rate_limit(self) -> RateLimitInfo:
        return RateLimitInfo.from_headers(self.http_response.headers)

    @property
    def content(self) -> bytes:
        return self.http_response.content

    def json(self) -> Any:
        """The body as JSON (``None`` for an empty body, as on 204)."""
        if not self.http_response.content:
            return None
        try:
            return json.loads(self.http_response.content)
        except ValueError as exc:
            raise ResponseValidationError(
                f"expected JSON from {self._where()}, got "
                f"{self.http_response.headers.get('content-type', 'no content type')}",
                response=self.http_response,
            ) from exc

    def parse(self, model: type[ModelT]) -> ModelT:
        """Validate the raw bytes straight into ``model`` (no intermediate dict)."""
        return parse_model(self.http_response, model)

    def _where(self) -> str:
        request = self.http_response.request
        return f"{request.method} {request.url.path}"

    def __repr__(self) -> str:
        return f"<ZoomResponse {self.status_code} {self._where()} tracking_id={self.tracking_id}>"


def parse_model(response: httpx.Response, model: type[ModelT]) -> ModelT:
    try:
        return model.model_validate_json(response.content)
    except ValidationError as exc:
        details = exc.errors()
        location = ".".join(str(p) for p in details[0]["loc"]) if details else ""
        problem = details[0]["msg"] if details else "invalid"
        request = response.request
        raise ResponseValidationError(
            f"could not read {request.method} {request.url.path} as {model.__name__}: "
            f"{location or 'body'}: {problem} ({exc.error_count()} error(s))",
            response=response,
        ) from exc
