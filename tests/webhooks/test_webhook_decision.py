"""decide(): the pure table from a request to its answer, before any I/O."""

from __future__ import annotations

import json

import pytest
from webhook_payloads import raw
from webhook_signing import SECRET, signed_headers

from zoomkit.webhooks import MeetingStarted, dedupe_key
from zoomkit.webhooks._decision import Accept, Reply, decide

NOW = 1_780_000_000.0
STARTED = raw("meeting.started")
VALIDATION = raw("endpoint.url_validation")
EMPTY_TOKEN = json.dumps({"event": "endpoint.url_validation", "payload": {"plainToken": ""}})


def signed(body: bytes) -> dict[str, str]:
    return signed_headers(body, at=NOW)


TABLE = {
    "a signed event": (STARTED, signed(STARTED), None),
    "over the size limit": (STARTED + b" " * 1000, {}, 413),
    "size is checked before the signature": (b"x" * 2000, signed(b"x" * 2000), 413),
    "unsigned": (STARTED, {}, 401),
    "signed, not JSON": (b"<xml/>", signed(b"<xml/>"), 400),
    "signed, no event name": (b'{"payload":{}}', signed(b'{"payload":{}}'), 400),
    "signed url validation": (VALIDATION, signed(VALIDATION), 200),
    "url validation with an empty token": (
        EMPTY_TOKEN.encode(),
        signed(EMPTY_TOKEN.encode()),
        400,
    ),
}


@pytest.mark.parametrize(("body", "headers", "status"), TABLE.values(), ids=TABLE.keys())
def test_each_request_gets_its_answer(
    body: bytes, headers: dict[str, str], status: int | None
) -> None:
    outcome = decide(
        body, headers, secrets=[SECRET], tolerance=300, now=NOW, max_body_bytes=len(STARTED) + 10
    )
    if status is None:
        assert isinstance(outcome, Accept)
    else:
        assert isinstance(outcome, Reply)
        assert outcome.status == status


def test_an_accepted_event_carries_its_typed_event_and_dedupe_key() -> None:
    outcome = decide(
        STARTED, signed(STARTED), secrets=[SECRET], tolerance=300, now=NOW, max_body_bytes=10**6
    )
    assert isinstance(outcome, Accept)
    assert isinstance(outcome.event, MeetingStarted)
    assert outcome.key == dedupe_key(json.loads(STARTED))


def test_a_rejection_keeps_the_reason_for_the_log_but_not_in_the_body() -> None:
    outcome = decide(STARTED, {}, secrets=[SECRET], tolerance=300, now=NOW, max_body_bytes=10**6)
    assert isinstance(outcome, Reply)
    assert "x-zm-request-timestamp header is missing" in outcome.reason
    assert outcome.body == {"error": "invalid_signature"}
