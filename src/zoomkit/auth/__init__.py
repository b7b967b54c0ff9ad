"""Pluggable auth: each strategy is an :class:`httpx.Auth` that ZoomClient drives.

* :class:`ServerToServerOAuth`: an internal app acting for its whole account (most servers).
* :class:`AuthorizationCodeOAuth`: acting as a user who authorized your app (with PKCE and
  refresh-token rotation persisted to a :class:`TokenStore`).
* :class:`JWTAuth`: legacy JWT apps on private-cloud deployments.
* :class:`StaticTokenAuth`: a token you obtained elsewhere.
"""

from ._base import AuthStrategy, RefreshLockFactory, TokenAuth
from ._token import OAuthToken, TokenKey
from .authorization_code import AuthorizationCodeOAuth, AuthorizationRequest, pkce_challenge
from .jwt import JWTAuth
from .server_to_server import ServerToServerOAuth
from .static import StaticTokenAuth
from .stores import AtomicTokenStore, MemoryTokenStore, TokenStore

__all__ = [
    "AtomicTokenStore",
    "AuthStrategy",
    "AuthorizationCodeOAuth",
    "AuthorizationRequest",
    "JWTAuth",
    "MemoryTokenStore",
    "OAuthToken",
    "RefreshLockFactory",
    "ServerToServerOAuth",
    "StaticTokenAuth",
    "TokenAuth",
    "TokenKey",
    "TokenStore",
    "pkce_challenge",
]
