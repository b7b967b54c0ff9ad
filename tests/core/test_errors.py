"""Error mapping: one status/code table, readable errors from any body Zoom sends."""

from __future__ import annotations

import httpx
import pytest

from zoomkit._http import make_api_error
from zoomkit.errors import (
    APIError,
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
    UserNotFound,
)

NOW = 1_780_000_000.0


def response(
    status: int, body: object = None, *, text: str | None = None, **headers: str
) -> httpx.Response:
    request = httpx.Request("GET", "https://api.zoom.us/v2/meetings/1")
    if text is not None:
        return httpx.Response(status, text=text, headers=headers, request=request)
    if body is None:
        return httpx.Response(status, headers=headers, request=request)
    return httpx.Response(status, json=body, headers=headers, request=request)


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (400, {"code": 300, "message": "Validation Failed."}, BadRequestError),
        (401, {"code": 124, "message": "Invalid access token."}, AuthenticationError),
        (403, {"code": 200, "message": "No permission."}, PermissionDeniedError),
        (404, {"code": 3001, "message": "Meeting does not exist: 1."}, MeetingNotFound),
        (404, {"code": 1001, "message": "User does not exist: x."}, UserNotFound),
        (404, {"code": 4130, "message": "Group does not exist."}, NotFoundError),
        (409, {"code": 1005, "message": "User already in the account."}, ConflictError),
        (429, {"code": 429, "message": "per-second rate limit"}, RateLimitError),
        (500, {"code": 500, "message": "Internal error"}, InternalServerError),
        (503, None, InternalServerError),
        (418, {"code": 1, "message": "teapot"}, APIError),
    ],
)
def test_status_and_code_pick_the_error_class(
    status: int, body: object, expected: type[APIError]
) -> None:
    error = make_api_error(response(status, body), now=NOW)
    assert type(error) is expected
    assert error.status_code == status


def test_error_carries_code_message_errors_and_tracking_id() -> None:
    body = {
        "code": 300,
        "message": "Validation Failed.",
        "errors": [{"field": "topic", "message": "Invalid field."}],
    }
    error = make_api_error(response(400, body, **{"x-zm-trackingid": "WEB_abc"}), now=NOW)
    assert error.code == 300
    assert error.message == "Validation Failed."
    assert error.errors == [{"field": "topic", "message": "Invalid field."}]
    assert error.tracking_id == "WEB_abc"
    assert str(error) == (
        "HTTP 400, code 300: Validation Failed. (topic: Invalid field.) [tracking id WEB_abc]"
    )


def test_missing_scope_names_the_scopes() -> None:
    body = {
        "code": 4711,
        "message": "Invalid access token, does not contain "
        "scopes:[meeting:write:admin, meeting:write].",
    }
    error = make_api_error(response(400, body), now=NOW)
    assert isinstance(error, MissingScopeError)
    assert error.scopes == ["meeting:write:admin", "meeting:write"]


def test_an_html_body_maps_cleanly() -> None:
    error = make_api_error(response(502, text="<html>Bad Gateway</html>"), now=NOW)
    assert isinstance(error, InternalServerError)
    assert error.code is None
    assert "no JSON error body" in str(error)
    assert error.body == "<html>Bad Gateway</html>"


XML_NOT_FOUND = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    "<error><code>1001</code><message>User does not exist: a&amp;b@example.com.</message></error>"
)


def test_zooms_xml_error_body_gives_its_code_and_message() -> None:
    error = make_api_error(response(404, text=XML_NOT_FOUND), now=NOW)
    assert isinstance(error, UserNotFound)  # the code picked the class, as from JSON
    assert error.code == 1001
    assert error.message == "User does not exist: a&b@example.com."
    assert error.body == XML_NOT_FOUND  # the body stays the text Zoom sent


@pytest.mark.parametrize(
    "text",
    [
        "<html><body><code>500</code></body></html>",  # markup, but no Zoom error
        "<error>without fields</error>",
        "plain text <error><code>1</code></error>",  # not an XML document
    ],
)
def test_other_markup_is_not_read_as_a_zoom_error(text: str) -> None:
    error = make_api_error(response(502, text=text), now=NOW)
    assert error.code is None
    assert "no JSON error body" in str(error)


def test_an_empty_body_maps_cleanly() -> None:
    error = make_api_error(response(404), now=NOW)
    assert isinstance(error, NotFoundError)
    assert error.body is None
    assert "Not Found" in str(error)


def test_a_json_body_that_is_not_an_object_maps_cleanly() -> None:
    error = make_api_error(response(400, ["unexpected"]), now=NOW)
    assert isinstance(error, BadRequestError)
    assert error.code is None


def test_an_expired_page_token_has_its_own_error() -> None:
    body = {"code": 300, "message": "The next page token is invalid or expired."}
    assert isinstance(make_api_error(response(400, body), now=NOW), PageTokenExpiredError)


def test_the_legacy_code_300_meeting_limit_is_a_daily_limit() -> None:
    body = {
        "code": 300,
        "message": "A maximum of 100 meetings can be created/updated for a single user in one day.",
    }
    error = make_api_error(response(400, body), now=NOW)
    assert isinstance(error, DailyLimitExceeded)
    assert error.retry_at is not None


def test_a_429_carries_its_rate_limit_headers() -> None:
    error = make_api_error(
        response(
            429,
            {"code": 429, "message": "per-second"},
            **{"Retry-After": "3", "X-RateLimit-Category": "Medium", "X-RateLimit-Type": "QPS"},
        ),
        now=NOW,
    )
    assert isinstance(error, RateLimitError)
    assert not isinstance(error, DailyLimitExceeded)
    assert (error.retry_after, error.category, error.limit_type) == (3.0, "Medium", "QPS")
    assert error.headers["x-ratelimit-category"] == "Medium"
