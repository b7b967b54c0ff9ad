"""WebhookApp over ASGI: statuses, URL validation, dedupe, and handlers after the response."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import httpx
import pytest
from webhook_payloads import EXAMPLES, raw
from webhook_signing import OTHER_SECRET, SECRET, signed_headers

from zoomkit.errors import ConfigurationError
from zoomkit.webhooks import (
    AppDeauthorized,
    MeetingStarted,
    UnknownEvent,
    WebhookApp,
)

pytestmark = pytest.mark.anyio
URL = "http://receiver.test/zoom/webhooks"


@pytest.fixture
def app(clock: Any) -> WebhookApp:
    return WebhookApp(SECRET, clock=clock)


async def post(
    app: WebhookApp, body: bytes, headers: dict[str, str] | None = None, *, at: float
) -> httpx.Response:
    sent = signed_headers(body, at=at) if headers is None else headers
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
        return await http.post(URL, content=body, headers=sent)


def collect(app: WebhookApp, name: str) -> list[Any]:
    seen: list[Any] = []

    @app.on(name)
    async def handler(event: Any) -> None:
        seen.append(event)

    return seen


async def test_a_signed_event_is_acknowledged_and_reaches_its_handler(
    app: WebhookApp, clock: Any
) -> None:
    seen = collect(app, "meeting.started")
    response = await post(app, raw("meeting.started"), at=clock.time())
    assert response.status_code == 200
    assert response.json() == {"status": "received"}
    assert [type(e) for e in seen] == [MeetingStarted]


async def test_a_handler_registered_by_class_gets_the_typed_event(
    app: WebhookApp, clock: Any
) -> None:
    seen: list[MeetingStarted] = []

    @app.on(MeetingStarted)
    async def started(event: MeetingStarted) -> None:
        seen.append(event)

    await post(app, raw("meeting.started"), at=clock.time())
    assert seen[0].payload.object.id == 85746065432


async def test_url_validation_is_answered_with_the_hmac_of_the_plain_token(
    app: WebhookApp, clock: Any
) -> None:
    on_any: list[Any] = []
    app.on_any(on_any.append)
    response = await post(app, raw("endpoint.url_validation"), at=clock.time())
    expected = hmac.new(SECRET.encode(), b"qgg8vlvZRS6UYooatFL8Aw", hashlib.sha256).hexdigest()
    assert response.status_code == 200
    assert response.json() == {"plainToken": "qgg8vlvZRS6UYooatFL8Aw", "encryptedToken": expected}
    assert on_any == []


async def test_an_unsigned_url_validation_is_refused(app: WebhookApp, clock: Any) -> None:
    response = await post(app, raw("endpoint.url_validation"), headers={}, at=clock.time())
    assert response.status_code == 401
    assert "encryptedToken" not in response.text


async def test_during_rotation_url_validation_answers_with_the_secret_that_signed_it(
    clock: Any,
) -> None:
    app = WebhookApp([SECRET, OTHER_SECRET], clock=clock)
    body = raw("endpoint.url_validation")
    response = await post(
        app, body, headers=signed_headers(body, at=clock.time(), secret=OTHER_SECRET), at=0
    )
    expected = hmac.new(OTHER_SECRET.encode(), b"qgg8vlvZRS6UYooatFL8Aw", "sha256").hexdigest()
    assert response.json()["encryptedToken"] == expected


NOW = 1_780_000_000.0  # the ManualClock's start (tests/conftest.py)
BODY = raw("meeting.started")
GOOD = signed_headers(BODY, at=NOW)
FORGED = {
    "tampered body": (BODY.replace(b"Quarterly", b"Quarterlx"), GOOD),
    "wrong secret": (BODY, signed_headers(BODY, at=NOW, secret="guess")),
    "stale timestamp": (BODY, signed_headers(BODY, at=NOW - 301)),
    "future timestamp": (BODY, signed_headers(BODY, at=NOW + 301)),
    "missing signature": (BODY, {"x-zm-request-timestamp": GOOD["x-zm-request-timestamp"]}),
    "missing timestamp": (BODY, {"x-zm-signature": GOOD["x-zm-signature"]}),
    "malformed timestamp": (BODY, {**GOOD, "x-zm-request-timestamp": "soon"}),
    "malformed signature": (BODY, {**GOOD, "x-zm-signature": "sha256=abc"}),
    "no headers": (BODY, {}),
    "non-JSON, unsigned": (b"\x00not json", {}),
}


@pytest.mark.parametrize(("body", "headers"), FORGED.values(), ids=FORGED.keys())
async def test_every_forged_request_gets_401_with_a_small_json_body_and_no_handler(
    app: WebhookApp, clock: Any, body: bytes, headers: dict[str, str]
) -> None:
    assert clock.time() == NOW
    seen: list[Any] = []
    app.on_any(seen.append)
    response = await post(app, body, headers=headers, at=NOW)
    assert response.status_code == 401
    assert response.json() == {"error": "invalid_signature"}
    assert seen == []


async def test_the_rejection_reason_is_logged_without_the_secret(
    app: WebhookApp, clock: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="zoomkit.webhooks")
    body = raw("meeting.started")
    await post(app, body, headers=signed_headers(body, at=clock.time() - 999), at=0)
    assert "999 s old" in caplog.text
    assert SECRET not in caplog.text


async def test_a_signed_body_that_is_not_json_gets_400(app: WebhookApp, clock: Any) -> None:
    response = await post(app, b"<xml/>", at=clock.time())
    assert response.status_code == 400
    assert response.json()["message"] == "the webhook body is not valid JSON"


async def test_a_signed_known_event_of_the_wrong_shape_gets_400(
    app: WebhookApp, clock: Any
) -> None:
    body = json.dumps({"event": "meeting.started", "payload": {"object": {"id": "x"}}}).encode()
    response = await post(app, body, at=clock.time())
    assert response.status_code == 400
    assert "payload.object.id" in response.json()["message"]


async def test_a_declared_oversized_body_gets_413_before_it_is_read(clock: Any) -> None:
    app = WebhookApp(SECRET, clock=clock, max_body_bytes=100)
    body = raw("meeting.started")
    response = await post(app, body, at=clock.time())
    assert response.status_code == 413
    assert response.json() == {"error": "payload_too_large"}


async def test_an_undeclared_oversized_body_is_cut_off_at_the_limit(clock: Any) -> None:
    app = WebhookApp(SECRET, clock=clock, max_body_bytes=100)
    chunks = [{"type": "http.request", "body": b"x" * 60, "more_body": True}] * 1000
    received = iter(chunks)
    sent: list[dict[str, Any]] = []
    reads = 0

    async def receive() -> dict[str, Any]:
        nonlocal reads
        reads += 1
        return next(received)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/", "headers": []}
    await app(scope, receive, send)
    assert sent[0]["status"] == 413
    assert reads == 2  # stopped as soon as the limit was passed


@pytest.mark.parametrize("method", ["GET", "PUT", "HEAD"])
async def test_another_method_gets_405_naming_post(app: WebhookApp, method: str) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
        response = await http.request(method, URL)
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


async def test_the_same_event_delivered_twice_runs_its_handler_once(
    app: WebhookApp, clock: Any
) -> None:
    seen = collect(app, "meeting.started")
    body = raw("meeting.started")
    first = await post(app, body, at=clock.time())
    clock.advance(300)  # Zoom's first retry, 5 minutes later: fresh timestamp and signature
    again = await post(app, body, at=clock.time())
    assert (first.status_code, again.status_code) == (200, 200)
    assert again.json() == {"status": "duplicate"}
    assert len(seen) == 1


async def test_a_redelivery_with_other_whitespace_is_still_a_duplicate(
    app: WebhookApp, clock: Any
) -> None:
    seen = collect(app, "meeting.started")
    await post(app, raw("meeting.started"), at=clock.time())
    pretty = json.dumps(EXAMPLES["meeting.started"], indent=2).encode()
    await post(app, pretty, at=clock.time())
    assert len(seen) == 1


async def test_after_the_dedupe_ttl_the_same_event_runs_again(clock: Any) -> None:
    app = WebhookApp(SECRET, clock=clock, dedupe_ttl=600)
    seen = collect(app, "meeting.started")
    await post(app, raw("meeting.started"), at=clock.time())
    clock.advance(601)
    await post(app, raw("meeting.started"), at=clock.time())
    assert len(seen) == 2


async def test_without_dedupe_every_delivery_runs(clock: Any) -> None:
    app = WebhookApp(SECRET, clock=clock, dedupe=None)
    seen = collect(app, "meeting.started")
    for _ in range(2):
        await post(app, raw("meeting.started"), at=clock.time())
    assert len(seen) == 2


async def test_a_failing_dedupe_store_answers_500_so_zoom_retries(clock: Any) -> None:
    class Broken:
        async def first_time(self, key: str, ttl: float) -> bool:
            raise ConnectionError("redis is down")

    app = WebhookApp(SECRET, clock=clock, dedupe=Broken())
    seen = collect(app, "meeting.started")
    response = await post(app, raw("meeting.started"), at=clock.time())
    assert response.status_code == 500
    assert seen == []


async def test_an_unknown_event_reaches_the_fallback_handler(app: WebhookApp, clock: Any) -> None:
    fallback: list[UnknownEvent] = []
    app.on_unknown(fallback.append)
    body = json.dumps({"event": "meeting.chat_message_sent", "payload": {"x": 1}}).encode()
    response = await post(app, body, at=clock.time())
    assert response.status_code == 200
    assert [(e.event, e.payload) for e in fallback] == [("meeting.chat_message_sent", {"x": 1})]


async def test_a_named_handler_for_an_unknown_event_takes_it_instead_of_the_fallback(
    app: WebhookApp, clock: Any
) -> None:
    fallback: list[Any] = []
    app.on_unknown(fallback.append)
    named = collect(app, "meeting.chat_message_sent")
    body = json.dumps({"event": "meeting.chat_message_sent", "payload": {}}).encode()
    await post(app, body, at=clock.time())
    assert (len(named), fallback) == (1, [])


async def test_an_event_without_handlers_is_acknowledged_and_ignored(
    app: WebhookApp, clock: Any
) -> None:
    body = json.dumps({"event": "phone.callee_ringing", "payload": {}}).encode()
    response = await post(app, body, at=clock.time())
    assert response.status_code == 200


async def test_on_any_sees_every_event_after_the_named_handlers(
    app: WebhookApp, clock: Any
) -> None:
    order: list[str] = []
    app.on("meeting.started")(lambda event: order.append("named"))
    app.on_any(lambda event: order.append(f"any:{event.event}"))
    await post(app, raw("meeting.started"), at=clock.time())
    await post(app, raw("meeting.ended"), at=clock.time())
    assert order == ["named", "any:meeting.started", "any:meeting.ended"]


async def test_app_deauthorized_reaches_its_handler_with_a_bool(
    app: WebhookApp, clock: Any
) -> None:
    seen: list[AppDeauthorized] = []

    @app.on(AppDeauthorized)
    async def deauthorized(event: AppDeauthorized) -> None:
        seen.append(event)

    await post(app, raw("app_deauthorized"), at=clock.time())
    assert seen[0].payload.user_data_retention is False


async def test_a_failing_handler_is_logged_and_the_others_still_run(
    app: WebhookApp, clock: Any, caplog: pytest.LogCaptureFixture
) -> None:
    after: list[Any] = []

    @app.on("meeting.started")
    async def broken(event: Any) -> None:
        raise RuntimeError("handler bug")

    app.on("meeting.started")(after.append)
    response = await post(app, raw("meeting.started"), at=clock.time())
    assert response.status_code == 200
    assert len(after) == 1
    assert "handler bug" in caplog.text
    assert "broken" in caplog.text
    assert (await post(app, raw("meeting.ended"), at=clock.time())).status_code == 200


async def test_a_handler_over_its_timeout_is_cancelled_and_logged(
    clock: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app = WebhookApp(SECRET, clock=clock, handler_timeout=0)
    finished: list[bool] = []

    @app.on("meeting.started")
    async def slow(event: Any) -> None:
        await anyio.sleep_forever()
        finished.append(True)

    response = await post(app, raw("meeting.started"), at=clock.time())
    assert response.status_code == 200
    assert finished == []
    assert "exceeded handler_timeout" in caplog.text


async def test_handlers_run_only_after_the_response_is_sent(app: WebhookApp, clock: Any) -> None:
    log: list[str] = []

    @app.on("meeting.started")
    async def handler(event: Any) -> None:
        log.append("handler")

    body = raw("meeting.started")
    headers = [(k.encode(), v.encode()) for k, v in signed_headers(body, at=clock.time()).items()]
    scope = {"type": "http", "method": "POST", "path": "/", "headers": headers}
    messages = iter([{"type": "http.request", "body": body, "more_body": False}])

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send(message: dict[str, Any]) -> None:
        log.append(message["type"])

    await app(scope, receive, send)
    assert log == ["http.response.start", "http.response.body", "handler"]


async def test_handle_returns_the_response_and_defers_the_handlers(
    app: WebhookApp, clock: Any
) -> None:
    seen = collect(app, "meeting.started")
    body = raw("meeting.started")
    status, content, headers, run_handlers = await app.handle(
        body, signed_headers(body, at=clock.time())
    )
    assert (status, json.loads(content), headers) == (
        200,
        {"status": "received"},
        {"content-type": "application/json"},
    )
    assert seen == []
    await run_handlers()
    assert len(seen) == 1


async def test_handle_answers_a_rejection_with_nothing_to_run(app: WebhookApp, clock: Any) -> None:
    result = await app.handle(raw("meeting.started"), {})
    assert result.status == 401
    await result.run_handlers()  # a no-op, safe to call


async def test_handle_with_a_body_over_the_limit_is_413(clock: Any) -> None:
    app = WebhookApp(SECRET, clock=clock, max_body_bytes=10)
    body = raw("meeting.started")
    assert (await app.handle(body, signed_headers(body, at=clock.time()))).status == 413


async def test_the_app_answers_lifespan_events(app: WebhookApp) -> None:
    incoming = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])
    sent: list[str] = []

    async def receive() -> dict[str, Any]:
        return next(incoming)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message["type"])

    await app({"type": "lifespan"}, receive, send)
    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


@pytest.mark.parametrize(
    "options",
    [
        {"secret": ""},
        {"secret": []},
        {"secret": [SECRET, ""]},
        {"secret": SECRET, "tolerance": -1},
        {"secret": SECRET, "tolerance": float("nan")},
        {"secret": SECRET, "max_body_bytes": 0},
        {"secret": SECRET, "dedupe_ttl": 0},
        {"secret": SECRET, "handler_timeout": -1},
    ],
)
def test_a_misconfigured_app_is_refused_at_construction(options: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError):
        WebhookApp(**options)


def test_url_validation_and_unknown_event_cannot_be_registered_with_on(app: WebhookApp) -> None:
    with pytest.raises(ConfigurationError, match="answered by WebhookApp"):
        app.on("endpoint.url_validation")
    with pytest.raises(ConfigurationError, match="on_unknown"):
        app.on(UnknownEvent)


def test_the_repr_hides_the_secrets() -> None:
    app = WebhookApp([SECRET, OTHER_SECRET])
    assert SECRET not in repr(app)
    assert OTHER_SECRET not in repr(app)
    assert "2 hidden" in repr(app)


def test_a_sync_framework_can_call_handle_and_run_handlers_with_anyio_run(clock: Any) -> None:
    # What the Flask and Django recipes in docs/webhooks.md do, from worker threads.
    app = WebhookApp(SECRET, clock=clock)
    seen: list[Any] = []
    app.on_any(seen.append)
    body = raw("meeting.started")
    wsgi_headers = {k.title(): v for k, v in signed_headers(body, at=clock.time()).items()}

    def view() -> int:
        result = anyio.run(app.handle, body, wsgi_headers)
        anyio.run(result.run_handlers)
        return result.status

    with ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(lambda _: view(), range(8)))
    assert statuses == [200] * 8
    assert len(seen) == 1  # seven redeliveries deduped across threads


async def run_asgi(
    app: WebhookApp, headers: list[tuple[bytes, bytes]], messages: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    incoming = iter(messages)
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return next(incoming)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app({"type": "http", "method": "POST", "path": "/", "headers": headers}, receive, send)
    return sent


async def test_a_repeated_signature_header_fails_closed(app: WebhookApp, clock: Any) -> None:
    body = raw("meeting.started")
    good = signed_headers(body, at=clock.time())
    headers = [(k.encode(), v.encode()) for k, v in good.items()]
    headers.append((b"X-Zm-Signature", good["x-zm-signature"].encode()))
    sent = await run_asgi(app, headers, [{"type": "http.request", "body": body}])
    assert sent[0]["status"] == 401


async def test_a_client_that_disconnects_mid_body_gets_no_response(app: WebhookApp) -> None:
    seen: list[Any] = []
    app.on_any(seen.append)
    messages = [
        {"type": "http.request", "body": b'{"event":', "more_body": True},
        {"type": "http.disconnect"},
    ]
    assert await run_asgi(app, [], messages) == []
    assert seen == []
