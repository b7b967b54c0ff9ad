"""Zoom's OAuth endpoints (``/oauth/token``, ``/authorize``, ``/revoke``) and bearer checks.

Lifetimes and rotation follow Zoom: access tokens live an hour; authorization codes five
minutes and once; every refresh rotates the refresh token and spends the old one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import math
from typing import Any
from urllib.parse import urlencode

import jwt

from ._app import Route
from ._http import Call, OAuthError, Principal, Response, ZoomAPIError
from ._state import State
from ._tokens import (
    ACCESS_TOKEN_TTL,
    AUTHORIZATION_CODE_TTL,
    AuthorizationCode,
    Grant,
    RefreshOutcome,
    TokenCheck,
)

__all__ = ["ROUTES", "authenticate"]

_S2S, _CODE, _REFRESH = "account_credentials", "authorization_code", "refresh_token"


def _count_token_request(state: State, call: Call) -> None:
    grant_type = call.form().get("grant_type")
    if grant_type:
        state.counters.token_requests[grant_type] += 1


def _client_id(state: State, call: Call) -> str:
    """The client authenticated by HTTP Basic, or a 401 ``invalid_client``."""
    refused = OAuthError(401, "invalid_client", "Invalid client_id or client_secret")
    scheme, _, encoded = call.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        raise refused
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise refused from None
    client_id, _, secret = decoded.partition(":")
    for known_id, known_secret in (
        (state.s2s.client_id, state.s2s.client_secret),
        (state.oauth_app.client_id, state.oauth_app.client_secret),
    ):
        if client_id == known_id and hmac.compare_digest(secret, known_secret):
            return client_id
    raise refused


def _invalid_grant(state: State, reason: str) -> OAuthError:
    state.counters.invalid_grant_responses += 1
    return OAuthError(400, "invalid_grant", reason)


def _token_body(state: State, access_token: str, grant: Grant) -> Response:
    body: dict[str, Any] = {
        "access_token": access_token,
        "token_type": "bearer",
        "expires_in": ACCESS_TOKEN_TTL,
        "scope": grant.scope,
        "api_url": state.api_url,
    }
    if grant.refresh_token is not None:
        body["refresh_token"] = grant.refresh_token
    return Response(200, body)


def token(state: State, call: Call) -> Response:
    """``POST /oauth/token`` for the three grants FakeZoom's apps use."""
    client_id = _client_id(state, call)
    form = call.form()
    grant_type = form.get("grant_type", "")
    app_grants = {state.s2s.client_id: {_S2S}, state.oauth_app.client_id: {_CODE, _REFRESH}}
    if grant_type not in app_grants[client_id]:
        raise OAuthError(400, "unsupported_grant_type", "Unsupported grant type")
    if grant_type == _S2S:
        return _account_credentials(state, client_id, form)
    if grant_type == _CODE:
        return _authorization_code(state, client_id, form)
    return _refresh(state, client_id, form)


def _account_credentials(state: State, client_id: str, form: dict[str, str]) -> Response:
    if form.get("account_id") != state.s2s.account_id:
        raise OAuthError(400, "invalid_request", "Invalid account_id")
    grant = Grant(_S2S, client_id, state.owner_id, state.s2s_scopes)
    return _token_body(state, state.tokens.issue(grant, state.now()), grant)


def _pkce_matches(code: AuthorizationCode, verifier: str | None) -> bool:
    if code.code_challenge is None:
        return True
    if not verifier:
        return False
    if code.code_challenge_method == "S256":
        digest = hashlib.sha256(verifier.encode()).digest()
        expected = base64.urlsafe_b64encode(digest).decode().rstrip("=")
    else:
        expected = verifier
    return hmac.compare_digest(expected, code.code_challenge)


def _authorization_code(state: State, client_id: str, form: dict[str, str]) -> Response:
    value = form.get("code", "")
    code = state.tokens.codes.get(value)
    if code is None or code.used or code.client_id != client_id:
        raise _invalid_grant(state, "Invalid authorization code")
    if state.now() - code.issued_at >= AUTHORIZATION_CODE_TTL:
        raise _invalid_grant(state, "Authorization code is expired")
    if form.get("redirect_uri") != code.redirect_uri:
        raise _invalid_grant(state, "Redirect URI mismatch.")
    if not _pkce_matches(code, form.get("code_verifier")):
        raise _invalid_grant(state, "Invalid code_verifier")
    code.used = True
    grant = Grant(_CODE, client_id, code.user_id, state.user_scopes)
    return _token_body(state, state.tokens.issue(grant, state.now()), grant)


def _refresh(state: State, client_id: str, form: dict[str, str]) -> Response:
    outcome, access = state.tokens.rotate(form.get("refresh_token", ""), client_id, state.now())
    if outcome is RefreshOutcome.SPENT:
        state.counters.spent_refresh_token_uses += 1
    if outcome is not RefreshOutcome.ROTATED:
        raise _invalid_grant(state, "Invalid Token!")
    return _token_body(state, access, state.tokens.access[access].grant)


def authorize(state: State, call: Call) -> Response:
    """``GET /oauth/authorize``: consent is automatic, as ``fake.authorize_user_id``."""
    query = call.query
    if query.get("client_id") != state.oauth_app.client_id:
        raise OAuthError(400, "invalid_client", "Invalid client_id")
    redirect_uri = query.get("redirect_uri", "")
    if redirect_uri != state.oauth_app.redirect_uri:
        raise OAuthError(400, "invalid_request", "Redirect URI mismatch.")
    if query.get("response_type") != "code":
        raise OAuthError(400, "unsupported_response_type", "Unsupported response type")
    method = query.get("code_challenge_method") or "plain"
    if method not in ("plain", "S256"):
        raise OAuthError(400, "invalid_request", "Unsupported code_challenge_method")
    code = state.tokens.new_code(
        AuthorizationCode(
            client_id=state.oauth_app.client_id,
            redirect_uri=redirect_uri,
            user_id=state.authorize_user_id,
            issued_at=state.now(),
            code_challenge=query.get("code_challenge") or None,
            code_challenge_method=method,
        )
    )
    params = {"code": code}
    if "state" in query:
        params["state"] = query["state"]
    separator = "&" if "?" in redirect_uri else "?"
    return Response.redirect(f"{redirect_uri}{separator}{urlencode(params)}")


def revoke(state: State, call: Call) -> Response:
    """``POST /oauth/revoke``: kills the whole grant of the token; unknown tokens are a no-op."""
    _client_id(state, call)
    value = call.form().get("token")
    if not value:
        raise OAuthError(400, "invalid_request", "Missing token")
    state.tokens.revoke(value)
    return Response(200, {"status": "success"})


def authenticate(state: State, call: Call) -> None:
    """Set ``call.principal`` from the bearer token, or raise Zoom's 401 code 124."""
    if "access_token" in call.query:
        raise ZoomAPIError(
            401,
            124,
            "Invalid access token, this access token is not supported as query parameter string.",
        )
    scheme, _, value = call.headers.get("authorization", "").partition(" ")
    value = value.strip()
    if scheme.lower() != "bearer" or not value:
        raise ZoomAPIError(401, 124, "Invalid access token.")
    check, grant = state.tokens.check(value, state.now())
    if check is TokenCheck.UNKNOWN and value.count(".") == 2:
        call.principal = _jwt_principal(state, value)
        return
    if check is TokenCheck.EXPIRED:
        raise ZoomAPIError(401, 124, "Access token is expired.")
    if grant is None:
        raise ZoomAPIError(401, 124, "Invalid access token.")
    call.principal = Principal(grant.user_id, grant.kind)


def _jwt_principal(state: State, value: str) -> Principal:
    """A legacy JWT app token: HS256 with the app's secret, ``iss`` = key, ``exp`` by our clock."""
    try:
        claims = jwt.decode(
            value,
            state.jwt.api_secret,
            algorithms=["HS256"],
            options={"verify_exp": False, "require": ["iss", "exp"]},
        )
    except jwt.InvalidTokenError:
        raise ZoomAPIError(401, 124, "Invalid access token.") from None
    if claims.get("iss") != state.jwt.api_key:
        raise ZoomAPIError(401, 124, "Invalid access token.")
    exp = claims.get("exp")
    if not isinstance(exp, int | float) or not math.isfinite(exp) or exp <= state.now():
        raise ZoomAPIError(401, 124, "Access token is expired.")
    return Principal(state.owner_id, "jwt")


ROUTES = [
    Route(
        "POST",
        "/oauth/token",
        "oauthToken",
        token,
        auth=False,
        oauth=True,
        observe=_count_token_request,
    ),
    Route("GET", "/oauth/authorize", "oauthAuthorize", authorize, auth=False, oauth=True),
    Route("POST", "/oauth/revoke", "oauthRevoke", revoke, auth=False, oauth=True),
]
