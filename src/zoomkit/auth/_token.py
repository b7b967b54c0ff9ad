"""The token value object and the sans-I/O pieces of Zoom's OAuth token endpoint.

Building token requests and reading token responses are pure functions, shared by every
strategy and tested without a network. The strategies only decide *when* to call them.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qs

import httpx

from ..errors import OAuthError, ReauthorizationRequired

__all__ = ["OAuthToken", "TokenKey"]

logger = logging.getLogger("zoomkit.auth")

TOKEN_REQUEST_EXTENSION = "zoomkit.token_request"
"""Marks requests to the OAuth endpoint, so the request loop knows the API call was not sent."""

# Zoom OAuth codes after which only a new authorization helps (zoom-api-facts §1.2):
# 4711 refresh token invalid, 4733 code expired, 4734 invalid code, 4735 token owner gone,
# 4737 / 4741 token revoked.
REAUTHORIZE_CODES = frozenset({4711, 4733, 4734, 4735, 4737, 4741})
REAUTHORIZE_ERRORS = frozenset({"invalid_grant"})


@dataclass(frozen=True, slots=True)
class TokenKey:
    """Whose token this is: tokens are stored per account, OAuth app and user."""

    client_id: str
    account_id: str | None = None
    user_id: str | None = None

    def as_string(self) -> str:
        """A stable string form, for stores keyed by text (Redis, SQL)."""
        return ":".join((self.client_id, self.account_id or "-", self.user_id or "-"))


@dataclass(frozen=True, slots=True)
class OAuthToken:
    """An access token, its expiry (epoch seconds) and, for user OAuth, its refresh token.

    Immutable: a refresh produces a new ``OAuthToken``, which is what the store persists.
    ``repr`` never shows the tokens.
    """

    access_token: str = field(repr=False)
    expires_at: float
    refresh_token: str | None = field(default=None, repr=False)
    scope: tuple[str, ...] = ()
    api_url: str | None = None
    token_type: str = "bearer"
    issued_at: float | None = None

    def __repr__(self) -> str:
        refresh = ", refresh_token=***" if self.refresh_token else ""
        return (
            f"OAuthToken(access_token=***{refresh}, expires_at={self.expires_at:.0f}, "
            f"scope={' '.join(self.scope)!r}, api_url={self.api_url!r})"
        )

    def is_fresh(self, now: float, margin: float) -> bool:
        """True while the token has more than ``margin`` seconds left.

        The margin never exceeds half the token's lifetime, so a short-lived token is still
        used for a while instead of being refetched on every call.
        """
        if self.issued_at is not None:
            margin = min(margin, (self.expires_at - self.issued_at) / 2)
        return self.expires_at - now > margin

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict for token stores."""
        return {
            "access_token": self.access_token,
            "expires_at": self.expires_at,
            "refresh_token": self.refresh_token,
            "scope": " ".join(self.scope),
            "api_url": self.api_url,
            "token_type": self.token_type,
            "issued_at": self.issued_at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OAuthToken:
        return cls(
            access_token=str(data["access_token"]),
            expires_at=float(data["expires_at"]),
            refresh_token=data.get("refresh_token"),
            scope=tuple(str(data.get("scope") or "").split()),
            api_url=data.get("api_url"),
            token_type=str(data.get("token_type") or "bearer"),
            issued_at=float(data["issued_at"]) if data.get("issued_at") is not None else None,
        )

    def with_expiry(self, expires_at: float) -> OAuthToken:
        return replace(self, expires_at=expires_at)


def basic_credentials(client_id: str, client_secret: str) -> str:
    raw = f"{client_id}:{client_secret}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


def build_token_request(
    oauth_base_url: str, client_id: str, client_secret: str, form: Mapping[str, str]
) -> httpx.Request:
    """A POST to ``/oauth/token`` with client credentials in the Basic header, grant in the body."""
    return httpx.Request(
        "POST",
        oauth_base_url.rstrip("/") + "/oauth/token",
        headers={
            "Authorization": basic_credentials(client_id, client_secret),
            "Accept": "application/json",
        },
        data=dict(form),
        extensions={TOKEN_REQUEST_EXTENSION: True},
    )


def build_revoke_request(
    oauth_base_url: str, client_id: str, client_secret: str, token: str
) -> httpx.Request:
    return httpx.Request(
        "POST",
        oauth_base_url.rstrip("/") + "/oauth/revoke",
        headers={"Authorization": basic_credentials(client_id, client_secret)},
        data={"token": token},
        extensions={TOKEN_REQUEST_EXTENSION: True},
    )


def _json_or_empty(response: httpx.Response) -> dict[str, Any]:
    try:
        data = json.loads(response.content or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def oauth_error_from_response(response: httpx.Response) -> OAuthError:
    """Turn a token-endpoint failure into :class:`OAuthError` or :class:`ReauthorizationRequired`.

    Zoom answers ``{"reason", "error"}`` on its OAuth endpoints and ``{"code", "message"}`` in
    places; both are read. The body is never echoed beyond Zoom's own reason text.
    """
    data = _json_or_empty(response)
    error = data.get("error") if isinstance(data.get("error"), str) else None
    raw_code = data.get("code")
    code = raw_code if isinstance(raw_code, int) else None
    reason = data.get("reason") or data.get("error_description") or data.get("message")
    if not isinstance(reason, str) or not reason:
        reason = f"token endpoint answered HTTP {response.status_code}"
    tracking_id = response.headers.get("x-zm-trackingid")
    grant_type = _grant_type_of(response)
    cls = (
        ReauthorizationRequired
        if error in REAUTHORIZE_ERRORS or code in REAUTHORIZE_CODES or reason == "Invalid Token!"
        else OAuthError
    )
    return cls(
        reason,
        status_code=response.status_code,
        error=error,
        code=code,
        tracking_id=tracking_id,
        grant_type=grant_type,
    )


def _grant_type_of(response: httpx.Response) -> str | None:
    """The grant a token request asked for, read back from the request that was sent."""
    try:
        request = response.request
    except RuntimeError:
        return None
    values = parse_qs(request.content.decode("ascii", "replace")).get("grant_type")
    return values[0] if values else None


def parse_token_response(response: httpx.Response, *, now: float) -> OAuthToken:
    """Read a token response, or raise the OAuth error it carries."""
    if not response.is_success:
        raise oauth_error_from_response(response)
    data = _json_or_empty(response)
    access_token = data.get("access_token")
    expires_in = data.get("expires_in")
    if not isinstance(access_token, str) or not access_token:
        raise OAuthError("token response has no access_token", status_code=response.status_code)
    if not isinstance(expires_in, int | float) or isinstance(expires_in, bool):
        expires_in = 3600
    refresh_token = data.get("refresh_token")
    api_url = data.get("api_url")
    return OAuthToken(
        access_token=access_token,
        expires_at=now + float(expires_in),
        refresh_token=refresh_token if isinstance(refresh_token, str) and refresh_token else None,
        scope=tuple(str(data.get("scope") or "").split()),
        api_url=api_url if isinstance(api_url, str) and api_url else None,
        token_type=str(data.get("token_type") or "bearer"),
        issued_at=now,
    )
