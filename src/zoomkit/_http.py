"""The one request loop every call goes through: build, authorise, send, retry, map errors.

Resources never talk to httpx directly. They describe a call (method, path template, ids,
query, body) and get back parsed models or typed errors. Decisions live in pure functions
(:mod:`zoomkit._retry`, :func:`make_api_error`) so they are table-tested; this module is the
thin I/O shell around them.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt

from ._clock import Clock
from ._ratelimit_gate import RateGate, Ticket
from ._response import ZoomResponse, parse_model
from ._retry import RetryPolicy, next_utc_midnight, parse_retry_after, parse_retry_at
from .auth._token import TOKEN_REQUEST_EXTENSION
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DailyLimitExceeded,
    InternalServerError,
    MeetingNotFound,
    MissingScopeError,
    NotFoundError,
    PageTokenExpiredError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    UserNotFound,
    parse_missing_scopes,
)
from .ratelimit import RateLimiter
from .types import NOT_GIVEN, encode_path_segment

__all__ = ["RequestLoop", "RequestOptions", "build_path", "make_api_error"]

logger = logging.getLogger("zoomkit")

ModelT = TypeVar("ModelT", bound=BaseModel)

_STATUS_ERRORS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}
_CODE_ERRORS: dict[int, type[APIError]] = {
    1001: UserNotFound,
    3001: MeetingNotFound,
}


@dataclass(frozen=True, slots=True)
class RequestOptions:
    """Per-call escape hatches every resource method accepts."""

    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None
    timeout: float | httpx.Timeout | None = None
    max_retries: int | None = None


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    path: str
    params: dict[str, Any] = field(default_factory=dict)
    json_body: Any = None
    files: Mapping[str, Any] | None = None  # multipart parts; bytes content, so a retry resends


def build_path(template: str, **ids: object) -> str:
    """Fill a path template (``/meetings/{meetingId}``) with encoded ids, one encoder for all."""
    try:
        return template.format(**{name: encode_path_segment(v) for name, v in ids.items()})
    except (TypeError, ValueError) as exc:
        raise ValueError(f"bad path id for {template}: {exc}") from exc


def _query_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return value.value
    return value


def clean_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Drop unset query values and render booleans the way Zoom reads them."""
    if not params:
        return {}
    return {k: _query_value(v) for k, v in params.items() if v is not None and v is not NOT_GIVEN}


_XML_CODE = re.compile(r"<code>\s*(\d+)\s*</code>")
_XML_MESSAGE = re.compile(r"<message>(.*?)</message>", re.DOTALL)


def xml_error_fields(text: str) -> dict[str, Any] | None:
    """``code`` and ``message`` of Zoom's XML error body, which some endpoints still send
    (``<error><code>300</code><message>…</message></error>``); ``None`` for anything else.

    Read with two patterns, not an XML parser: the body is untrusted, and two fields are all
    an error needs.
    """
    if not text.lstrip().startswith("<") or "<error" not in text:
        return None
    code = _XML_CODE.search(text)
    message = _XML_MESSAGE.search(text)
    if code is None and message is None:
        return None
    fields: dict[str, Any] = {}
    if code is not None:
        fields["code"] = int(code.group(1))
    if message is not None:
        fields["message"] = html.unescape(message.group(1).strip())
    return fields


def make_api_error(response: httpx.Response, *, now: float) -> APIError:
    """Map a non-2xx response to the most specific :class:`APIError`.

    The status picks the family; Zoom's ``code`` and message refine it (1001 → UserNotFound,
    3001 → MeetingNotFound, "does not contain scopes" → MissingScopeError, expired page tokens,
    daily limits). Zoom's occasional XML error bodies are read for the same two fields; empty
    and other non-JSON bodies still give a readable error.
    """
    status = response.status_code
    body: object = None
    code: int | None = None
    message = ""
    errors: list[dict[str, Any]] = []
    if response.content:
        try:
            body = json.loads(response.content)
        except ValueError:
            body = response.text[:200]
    fields = body
    if isinstance(body, str):
        fields = xml_error_fields(response.text) or body  # ``body`` stays the text received
    if isinstance(fields, dict):
        raw_code = fields.get("code")
        if isinstance(raw_code, int) and not isinstance(raw_code, bool):
            code = raw_code
        elif isinstance(raw_code, str) and raw_code.isdigit():
            code = int(raw_code)
        raw_message = fields.get("message") or fields.get("reason") or fields.get("error")
        message = raw_message if isinstance(raw_message, str) else ""
        raw_errors = fields.get("errors")
        if isinstance(raw_errors, list):
            errors = [e for e in raw_errors if isinstance(e, dict)]
    if not message:
        reason = response.reason_phrase or "error"
        message = (
            f"{reason} (no JSON error body)" if body is None or isinstance(body, str) else reason
        )
    kwargs: dict[str, Any] = {
        "status_code": status,
        "code": code,
        "errors": errors,
        "tracking_id": response.headers.get("x-zm-trackingid"),
        "response": response,
        "body": body,
    }
    lowered = message.lower()
    if "does not contain scope" in lowered or code == 4711:
        return MissingScopeError(message, scopes=parse_missing_scopes(message), **kwargs)
    if _is_daily_limit(status, code, lowered, response.headers):
        retry_at = parse_retry_at(response.headers.get("retry-after"), now=now)
        return DailyLimitExceeded(
            message,
            retry_at=retry_at or next_utc_midnight(now),
            limit_type=response.headers.get("x-ratelimit-type") or "Daily-limit",
            category=response.headers.get("x-ratelimit-category"),
            **kwargs,
        )
    if status == 429:
        return RateLimitError(
            message,
            retry_after=parse_retry_after(response.headers.get("retry-after"), now=now),
            limit_type=response.headers.get("x-ratelimit-type"),
            category=response.headers.get("x-ratelimit-category"),
            **kwargs,
        )
    if code == 300 and "next page token" in lowered:
        return PageTokenExpiredError(message, **kwargs)
    if code in _CODE_ERRORS:
        return _CODE_ERRORS[code](message, **kwargs)
    if status >= 500:
        return InternalServerError(message, **kwargs)
    return _STATUS_ERRORS.get(status, APIError)(message, **kwargs)


def _is_daily_limit(status: int, code: int | None, message: str, headers: httpx.Headers) -> bool:
    if status == 429:
        limit_type = (headers.get("x-ratelimit-type") or "").lower()
        return limit_type.startswith("daily") or "daily" in message
    # Older behaviour: HTTP 400/300 "A maximum of N meetings can be created/updated ... in one day".
    return code == 300 and "in one day" in message


def _connection_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    """Wrap an httpx failure, recording whether the API request could have reached Zoom."""
    failed = getattr(exc, "_request", None) or request
    token_phase = bool(failed.extensions.get(TOKEN_REQUEST_EXTENSION))
    # Only a refused connection or an exhausted pool proves the request never left. A
    # ConnectTimeout does not: httpx-aiohttp reports a server that hung up after reading the
    # request (Zoom may have acted) as ConnectTimeout, so a POST must not be resent for it.
    never_sent = token_phase or isinstance(exc, httpx.ConnectError | httpx.PoolTimeout)
    where = "the OAuth token endpoint" if token_phase else "Zoom"
    error: APIConnectionError
    if isinstance(exc, httpx.TimeoutException):
        error = APITimeoutError(
            f"request to {where} timed out ({type(exc).__name__})", request=request
        )
    else:
        error = APIConnectionError(
            f"could not complete the request to {where} ({type(exc).__name__})", request=request
        )
    error.request_sent = not never_sent  # type: ignore[attr-defined]
    return error


class RequestLoop:
    """Sends calls with retries on one httpx client; shared by a client and its clones."""

    def __init__(
        self,
        *,
        http_client: httpx.AsyncClient,
        auth: httpx.Auth,
        base_url: str,
        clock: Clock,
        retry_policy: RetryPolicy,
        timeout: float | httpx.Timeout,
        default_headers: Mapping[str, str],
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        self.http_client = http_client
        self.auth = auth
        self.base_url = base_url.rstrip("/")
        self.clock = clock
        self.retry_policy = retry_policy
        self.timeout = timeout
        self.default_headers = dict(default_headers)
        self.rate_gate = (
            RateGate(rate_limiter, clock, self._user_id) if rate_limiter is not None else None
        )

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        files: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
    ) -> ZoomResponse:
        """Send one logical call (with retries) and return the successful response."""
        response, _ticket = await self._request(
            method, path, params=params, json_body=json_body, files=files, options=options
        )
        return response

    async def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None,
        json_body: Any,
        files: Mapping[str, Any] | None,
        options: RequestOptions | None,
    ) -> tuple[ZoomResponse, Ticket | None]:
        options = options or RequestOptions()
        call_params = clean_params(params)
        if options.extra_query:
            call_params.update(clean_params(options.extra_query))
        body = json_body
        if options.extra_body:
            if body is not None and not isinstance(body, dict):
                raise TypeError("extra_body needs a JSON object body")
            body = {**(body or {}), **options.extra_body}
        policy = self.retry_policy
        if options.max_retries is not None:
            policy = RetryPolicy(
                max_retries=options.max_retries,
                max_retry_after=policy.max_retry_after,
                initial_backoff=policy.initial_backoff,
                max_backoff=policy.max_backoff,
            )
        call = _Call(method.upper(), path, call_params, body, files)
        ticket = await self.rate_gate.prepare(call.method, path) if self.rate_gate else None
        try:
            return ZoomResponse(await self._send_once(call, options, ticket)), ticket
        except Exception as error:
            if policy.max_retries < 1 or not policy.should_retry(error, method=call.method):
                raise
            first_error = error
        # Outside the except block, so a later failure is not chained to the first.
        response = await self._send_again(call, options, ticket, policy, first_error)
        return ZoomResponse(response), ticket

    async def _send_again(
        self,
        call: _Call,
        options: RequestOptions,
        ticket: Ticket | None,
        policy: RetryPolicy,
        first_error: Exception,
    ) -> httpx.Response:
        """Attempts 2 to ``max_retries + 1``, after a first that failed and may be retried.

        tenacity runs only from here: most calls succeed at once, and building its machinery
        for every call cost more CPU than the rest of zoomkit's own work on a request.
        """

        def pause(error: BaseException, attempt: int) -> float:
            seconds = policy.wait_seconds(error, attempt=attempt)
            logger.info(
                "retrying %s %s in %.2fs after %s (attempt %d of %d)",
                call.method,
                call.path,
                seconds,
                type(error).__name__,
                attempt + 1,
                policy.max_retries + 1,
            )
            return seconds

        def wait(state: RetryCallState) -> float:
            error = state.outcome.exception() if state.outcome else None
            # tenacity counts from the second attempt, which is this loop's first.
            return pause(error, state.attempt_number + 1) if error else 0.0

        await self.clock.sleep(pause(first_error, 1))
        retrying = AsyncRetrying(
            stop=stop_after_attempt(policy.max_retries),
            retry=retry_if_exception(lambda exc: policy.should_retry(exc, method=call.method)),
            wait=wait,
            sleep=self.clock.sleep,
            reraise=True,
        )
        response: httpx.Response = await retrying(self._send_once, call, options, ticket)
        return response

    async def request_model(
        self,
        model: type[ModelT],
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        files: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
    ) -> ModelT:
        response, ticket = await self._request(
            method, path, params=params, json_body=json_body, files=files, options=options
        )
        parsed = parse_model(response.http_response, model)
        if self.rate_gate is not None and ticket is not None:
            self.rate_gate.learn(ticket, parsed)  # from the model: the JSON is read once
        return parsed

    async def _user_id(self, name: str) -> str | None:
        """Zoom's id for a user name (``me``, an email), for the rate limiter's host keys."""
        response = await self.request("GET", build_path("/users/{userId}", userId=name))
        try:
            body = response.json()
        except ResponseValidationError:
            return None
        user_id = body.get("id") if isinstance(body, dict) else None
        return user_id if isinstance(user_id, str) and user_id else None

    async def _send_once(
        self, call: _Call, options: RequestOptions, ticket: Ticket | None = None
    ) -> httpx.Response:
        auth = self.auth
        if self.rate_gate is not None and ticket is not None:
            auth = self.rate_gate.auth_for(auth, ticket)
        headers = {**self.default_headers, **(options.extra_headers or {})}
        request = self.http_client.build_request(
            call.method,
            self.base_url + call.path,
            params=call.params or None,
            json=call.json_body,
            files=call.files,
            headers=headers,
            timeout=options.timeout if options.timeout is not None else self.timeout,
        )
        try:
            response = await self.http_client.send(request, auth=auth)
        except httpx.TransportError as exc:
            raise _connection_error(exc, request) from exc
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %d (tracking id %s)",
                call.method,
                response.request.url.path,
                response.status_code,
                response.headers.get("x-zm-trackingid"),
            )
        error = None if response.is_success else make_api_error(response, now=self.clock.time())
        if self.rate_gate is not None and ticket is not None:
            await self.rate_gate.after_attempt(ticket, response, error)
        if error is not None:
            raise error
        return response
