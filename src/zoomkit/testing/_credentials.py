"""The three apps FakeZoom knows, with credentials a test hands to its auth strategy.

Secrets are kept out of ``repr`` so a failing assertion never prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["JWTApp", "OAuthApp", "ServerToServerApp"]


@dataclass(frozen=True)
class ServerToServerApp:
    """A Server-to-Server OAuth app (grant ``account_credentials``)."""

    account_id: str
    client_id: str
    client_secret: str = field(repr=False)


@dataclass(frozen=True)
class OAuthApp:
    """An authorization-code OAuth app (optionally with PKCE)."""

    client_id: str
    client_secret: str = field(repr=False)
    redirect_uri: str = "http://127.0.0.1:8000/oauth/callback"


@dataclass(frozen=True)
class JWTApp:
    """A legacy JWT app: callers sign ``{"iss": api_key, "exp": ...}`` with HS256."""

    api_key: str
    api_secret: str = field(repr=False)
