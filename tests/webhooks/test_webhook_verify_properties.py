"""Whatever arrives, verify() returns or raises WebhookVerificationError, nothing else."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from webhook_signing import SECRET, signed_headers

from zoomkit.errors import ResponseValidationError, WebhookVerificationError
from zoomkit.webhooks import parse_event, verify

NOW = 1_780_000_000.0
NAMES = st.sampled_from(
    ["x-zm-signature", "X-Zm-Signature", "x-zm-request-timestamp", "X-ZM-REQUEST-TIMESTAMP"]
)
TEXT = st.text(max_size=80)  # any code points, surrogates included
TIMESTAMPS = st.one_of(
    TEXT,
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
    st.just("9" * 6000),
)
SIGNATURES = st.one_of(TEXT, st.text("0123456789abcdefABCDEF", max_size=70).map("v0=".__add__))
HEADERS = st.dictionaries(
    st.one_of(NAMES, TEXT), st.one_of(TIMESTAMPS, SIGNATURES, st.binary(max_size=40)), max_size=6
)


class FixedClock:
    def time(self) -> float:
        return NOW

    async def sleep(self, seconds: float) -> None:
        raise AssertionError("verify never sleeps")


def outcome(body: bytes, headers: dict[str, object]) -> str:
    try:
        verify(body, headers, SECRET, clock=FixedClock())  # type: ignore[arg-type]
    except WebhookVerificationError as exc:
        return "rejected" if SECRET not in str(exc) else "leaked the secret"
    return "accepted"


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.binary(max_size=2048), headers=HEADERS)
@example(body=b"\xff\xfe", headers={"x-zm-request-timestamp": "\ud800", "x-zm-signature": "é"})
@example(body=b"", headers={"x-zm-request-timestamp": "9" * 6000, "x-zm-signature": "v0="})
def test_arbitrary_bytes_and_headers_only_ever_raise_webhook_verification_error(
    body: bytes, headers: dict[str, object]
) -> None:
    assert outcome(body, headers) == "rejected"  # nothing random is ever signed right


@settings(max_examples=200)
@given(body=st.binary(max_size=2048), skew=st.integers(-10_000, 10_000))
def test_a_correctly_signed_body_passes_exactly_within_the_window(body: bytes, skew: int) -> None:
    headers: dict[str, object] = dict(signed_headers(body, at=NOW + skew))
    assert outcome(body, headers) == ("accepted" if abs(skew) <= 300 else "rejected")


@settings(max_examples=200)
@given(
    body=st.binary(min_size=1, max_size=512), index=st.integers(0, 511), flip=st.integers(1, 255)
)
def test_changing_any_byte_of_a_signed_body_is_rejected(body: bytes, index: int, flip: int) -> None:
    headers: dict[str, object] = dict(signed_headers(body, at=NOW))
    position = index % len(body)
    tampered = body[:position] + bytes([body[position] ^ flip]) + body[position + 1 :]
    assert outcome(tampered, headers) == "rejected"


@settings(max_examples=300)
@given(body=st.binary(max_size=4096))
def test_parse_event_on_arbitrary_bytes_only_raises_response_validation_error(body: bytes) -> None:
    with contextlib.suppress(ResponseValidationError):
        parse_event(body)


@pytest.mark.parametrize("depth", [10, 10_000, 200_000])
def test_deeply_nested_json_is_a_clean_parse_error(depth: int) -> None:
    body = b"[" * depth + b"]" * depth
    with pytest.raises(ResponseValidationError):
        parse_event(body)
