"""Grants, access tokens, refresh tokens and authorization codes, with Zoom's lifetimes.

A *grant* is one authorization: an S2S token request, or one authorization-code consent and the
chain of refreshes that follows it. Revoking any token of a grant kills the whole grant, and a
refresh rotates the grant's refresh token, leaving the previous one spent.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from enum import Enum

__all__ = [
    "ACCESS_TOKEN_TTL",
    "AUTHORIZATION_CODE_TTL",
    "AccessToken",
    "AuthorizationCode",
    "Grant",
    "RefreshOutcome",
    "TokenCheck",
    "TokenStore",
]

ACCESS_TOKEN_TTL = 3600
AUTHORIZATION_CODE_TTL = 300


@dataclass
class Grant:
    kind: str  # "account_credentials" or "authorization_code"
    client_id: str
    user_id: str
    scope: str
    refresh_token: str | None = None
    revoked: bool = False


@dataclass
class AccessToken:
    grant: Grant
    issued_at: float
    expires_in: int = ACCESS_TOKEN_TTL
    force_expired: bool = False


@dataclass
class AuthorizationCode:
    client_id: str
    redirect_uri: str
    user_id: str
    issued_at: float
    code_challenge: str | None = None
    code_challenge_method: str = "plain"
    used: bool = False


class TokenCheck(Enum):
    VALID = "valid"
    UNKNOWN = "unknown"
    EXPIRED = "expired"


class RefreshOutcome(Enum):
    ROTATED = "rotated"
    UNKNOWN = "unknown"
    SPENT = "spent"
    WRONG_CLIENT = "wrong_client"


@dataclass
class TokenStore:
    """Every token FakeZoom has issued, looked up by its opaque value."""

    access: dict[str, AccessToken] = field(default_factory=dict)
    refresh: dict[str, Grant] = field(default_factory=dict)
    spent_refresh: dict[str, Grant] = field(default_factory=dict)
    codes: dict[str, AuthorizationCode] = field(default_factory=dict)

    def issue(self, grant: Grant, now: float) -> str:
        """A new access token for ``grant``; authorization-code grants also get a refresh token."""
        value = secrets.token_urlsafe(32)
        self.access[value] = AccessToken(grant, now)
        if grant.kind == "authorization_code":
            refresh = secrets.token_urlsafe(32)
            self.refresh[refresh] = grant
            grant.refresh_token = refresh
        return value

    def check(self, value: str, now: float) -> tuple[TokenCheck, Grant | None]:
        token = self.access.get(value)
        if token is None or token.grant.revoked:
            return TokenCheck.UNKNOWN, None
        if token.force_expired or token.issued_at + token.expires_in <= now:
            return TokenCheck.EXPIRED, token.grant
        return TokenCheck.VALID, token.grant

    def rotate(self, refresh_token: str, client_id: str, now: float) -> tuple[RefreshOutcome, str]:
        """Spend ``refresh_token`` and issue a new pair; returns the new access token value."""
        grant = self.refresh.get(refresh_token)
        if grant is None:
            spent = self.spent_refresh.get(refresh_token)
            if spent is not None and not spent.revoked:
                return RefreshOutcome.SPENT, ""
            return RefreshOutcome.UNKNOWN, ""
        if grant.client_id != client_id:
            return RefreshOutcome.WRONG_CLIENT, ""
        del self.refresh[refresh_token]
        self.spent_refresh[refresh_token] = grant
        return RefreshOutcome.ROTATED, self.issue(grant, now)

    def revoke(self, value: str) -> bool:
        """Kill the grant that ``value`` (an access or refresh token) belongs to."""
        grant: Grant | None = None
        if value in self.access:
            grant = self.access[value].grant
        elif value in self.refresh:
            grant = self.refresh[value]
        if grant is None:
            return False
        grant.revoked = True
        if grant.refresh_token is not None:
            self.refresh.pop(grant.refresh_token, None)
        return True

    def expire_all(self) -> None:
        for token in self.access.values():
            token.force_expired = True

    def new_code(self, code: AuthorizationCode) -> str:
        value = secrets.token_urlsafe(24)
        self.codes[value] = code
        return value
