"""verify(): the raw body, constant-time compare, a window both ways, fail closed."""

from __future__ import annotations

import hmac
from typing import Any

import pytest
from webhook_signing import OTHER_SECRET, SECRET, signed_headers, zoom_signature

from zoomkit.errors import WebhookVerificationError
from zoomkit.webhooks import sign, url_validation_response, verify

NOW = 1_780_000_000.0
BODY = b'{"event":"meeting.started","event_ts":1780000000123,"payload":{"object":{"id":1}}}'


class FixedClock:
    def __init__(self, now: float = NOW) -> None:
        self.now = now

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        raise AssertionError("verify never sleeps")


def check(body: bytes, headers: Any, secret: Any = SECRET, **options: Any) -> None:
    verify(body, headers, secret, clock=FixedClock(), **options)


def test_a_request_signed_over_the_raw_body_passes() -> None:
    check(BODY, signed_headers(BODY, at=NOW))


def test_header_names_are_case_insensitive() -> None:
    headers = {k.upper(): v for k, v in signed_headers(BODY, at=NOW).items()}
    check(BODY, headers)


def test_an_uppercase_hex_signature_passes() -> None:
    headers = signed_headers(BODY, at=NOW)
    headers["x-zm-signature"] = "v0=" + headers["x-zm-signature"][3:].upper()
    check(BODY, headers)


def test_bytes_headers_from_a_raw_asgi_scope_are_read() -> None:
    headers = {k.encode(): v.encode() for k, v in signed_headers(BODY, at=NOW).items()}
    check(BODY, headers)


def test_the_same_json_reserialised_is_rejected() -> None:
    # What the peers do: hash json.dumps(json.loads(body)). Different bytes, so no match.
    reserialised = b'{"event": "meeting.started", "event_ts": 1780000000123, "payload": {}}'
    with pytest.raises(WebhookVerificationError, match="does not match"):
        check(reserialised, signed_headers(BODY, at=NOW))


@pytest.mark.parametrize(
    ("name", "body", "headers"),
    [
        ("tampered body", BODY.replace(b'"id":1', b'"id":2'), signed_headers(BODY, at=NOW)),
        ("wrong secret", BODY, signed_headers(BODY, at=NOW, secret="not-the-secret")),
        ("stale timestamp", BODY, signed_headers(BODY, at=NOW - 301)),
        ("future timestamp", BODY, signed_headers(BODY, at=NOW + 301)),
        (
            "signature of another timestamp",
            BODY,
            {**signed_headers(BODY, at=NOW), "x-zm-request-timestamp": str(int(NOW) - 1)},
        ),
    ],
)
def test_a_forged_or_replayed_request_is_rejected(
    name: str, body: bytes, headers: dict[str, str]
) -> None:
    with pytest.raises(WebhookVerificationError):
        check(body, headers)


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "x-zm-request-timestamp header is missing"),
        ({"x-zm-request-timestamp": str(int(NOW))}, "x-zm-signature header is missing"),
        ({"x-zm-request-timestamp": "", "x-zm-signature": "v0=" + "0" * 64}, "whole number"),
        ({"x-zm-request-timestamp": "12.5", "x-zm-signature": "v0=" + "0" * 64}, "whole number"),
        ({"x-zm-request-timestamp": "-1", "x-zm-signature": "v0=" + "0" * 64}, "whole number"),
        ({"x-zm-request-timestamp": "١٢٣", "x-zm-signature": "v0=" + "0" * 64}, "whole number"),
        ({"x-zm-request-timestamp": "9" * 5000, "x-zm-signature": "v0=" + "0" * 64}, "whole"),
        ({"x-zm-request-timestamp": str(int(NOW)), "x-zm-signature": "0" * 64}, "v0=<64 hex"),
        ({"x-zm-request-timestamp": str(int(NOW)), "x-zm-signature": "v1=" + "0" * 64}, "v0="),
        ({"x-zm-request-timestamp": str(int(NOW)), "x-zm-signature": "v0=" + "g" * 64}, "v0="),
        ({"x-zm-request-timestamp": str(int(NOW)), "x-zm-signature": "v0=" + "0" * 63}, "v0="),
        ({"x-zm-request-timestamp": str(int(NOW)), "x-zm-signature": "v0=ä" + "0" * 63}, "v0="),
    ],
)
def test_a_missing_or_malformed_header_is_rejected_by_name(
    headers: dict[str, str], message: str
) -> None:
    with pytest.raises(WebhookVerificationError, match=message):
        check(BODY, headers)


def test_a_timestamp_at_the_edge_of_the_window_passes_both_ways() -> None:
    check(BODY, signed_headers(BODY, at=NOW - 300))
    check(BODY, signed_headers(BODY, at=NOW + 300))


def test_the_stale_message_says_how_old_and_the_tolerance() -> None:
    with pytest.raises(WebhookVerificationError, match="400 s old, beyond the tolerance of 300"):
        check(BODY, signed_headers(BODY, at=NOW - 400))


def test_the_future_message_says_it_is_in_the_future() -> None:
    with pytest.raises(WebhookVerificationError, match="in the future"):
        check(BODY, signed_headers(BODY, at=NOW + 400))


def test_tolerance_widens_the_window() -> None:
    check(BODY, signed_headers(BODY, at=NOW - 3000), tolerance=3600)


def test_a_nan_tolerance_rejects_instead_of_disabling_the_check() -> None:
    with pytest.raises(WebhookVerificationError, match="tolerance"):
        check(BODY, signed_headers(BODY, at=NOW), tolerance=float("nan"))


@pytest.mark.parametrize("secret", ["", [], [""], [SECRET, ""], [None], b"bytes-secret"])
def test_a_missing_or_empty_secret_fails_closed(secret: Any) -> None:
    body_signed_with_empty_key = signed_headers(BODY, at=NOW, secret="")
    with pytest.raises(WebhookVerificationError, match="secret"):
        check(BODY, body_signed_with_empty_key, secret=secret)


def test_during_rotation_either_secret_passes() -> None:
    check(BODY, signed_headers(BODY, at=NOW, secret=SECRET), secret=[OTHER_SECRET, SECRET])
    check(BODY, signed_headers(BODY, at=NOW, secret=OTHER_SECRET), secret=[OTHER_SECRET, SECRET])


def test_during_rotation_a_third_secret_is_still_rejected() -> None:
    with pytest.raises(WebhookVerificationError, match="does not match"):
        check(BODY, signed_headers(BODY, at=NOW, secret="third"), secret=[OTHER_SECRET, SECRET])


def test_a_str_body_is_refused_because_the_bytes_are_what_was_signed() -> None:
    with pytest.raises(WebhookVerificationError, match="bytes"):
        check(BODY.decode(), signed_headers(BODY, at=NOW))  # type: ignore[arg-type]


def test_a_body_that_is_not_utf8_is_verified_as_bytes() -> None:
    body = b"\xff\xfe\x00 not json, not utf-8"
    check(body, signed_headers(body, at=NOW))


def test_no_message_contains_the_secret_or_the_expected_signature() -> None:
    messages = []
    expected = zoom_signature(SECRET, str(int(NOW)), BODY)
    for headers in (
        signed_headers(BODY, at=NOW, secret="wrong"),
        signed_headers(BODY, at=NOW - 10_000),
        {"x-zm-request-timestamp": "x"},
    ):
        with pytest.raises(WebhookVerificationError) as caught:
            check(BODY, headers)
        messages.append(str(caught.value))
    for message in messages:
        assert SECRET not in message
        assert expected[3:] not in message


def test_the_compare_is_hmac_compare_digest(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    check(BODY, signed_headers(BODY, at=NOW))
    assert len(calls) == 1


def test_sign_matches_an_independent_hmac() -> None:
    assert sign(BODY, 1_780_000_000, SECRET) == zoom_signature(SECRET, "1780000000", BODY)


def test_url_validation_response_is_hex_hmac_of_the_plain_token() -> None:
    answer = url_validation_response("qgg8vlvZRS6UYooatFL8Aw", SECRET)
    expected = hmac.new(SECRET.encode(), b"qgg8vlvZRS6UYooatFL8Aw", "sha256").hexdigest()
    assert answer == {"plainToken": "qgg8vlvZRS6UYooatFL8Aw", "encryptedToken": expected}


def test_url_validation_response_refuses_an_empty_secret() -> None:
    with pytest.raises(WebhookVerificationError, match="secret"):
        url_validation_response("qgg8vlvZRS6UYooatFL8Aw", "")
