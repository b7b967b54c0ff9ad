"""App deauthorization: a user removes the OAuth app, so Zoom revokes its grants and says so.

After ``fake.deauthorize(user_id)`` the app's tokens for that user are dead (a refresh answers
``invalid_grant``), and ``app_deauthorized`` is raised with the fields Zoom sends, including
``user_data_retention`` as the *string* ``"true"`` or ``"false"``.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from ._events import emit
from ._state import State
from ._tokens import Grant

__all__ = ["deauthorize"]


def _iso_millis(epoch: float) -> str:
    """``2026-03-02T09:00:00.000Z``: the millisecond form ``deauthorization_time`` uses."""
    moment = datetime.fromtimestamp(epoch, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _revoke_app_grants(state: State, user_id: str) -> None:
    tokens = state.tokens
    grants: list[Grant] = [token.grant for token in tokens.access.values()]
    grants.extend(tokens.refresh.values())
    for grant in grants:
        if grant.client_id == state.oauth_app.client_id and grant.user_id == user_id:
            grant.revoked = True
            if grant.refresh_token is not None:
                tokens.refresh.pop(grant.refresh_token, None)


def deauthorize(state: State, user_id: str, *, user_data_retention: bool = False) -> None:
    user = state.find_user(user_id, None)
    if user is None:
        raise ValueError(f"unknown user id {user_id!r}")
    _revoke_app_grants(state, user["id"])
    payload = {
        "user_id": user["id"],
        "signature": secrets.token_hex(32),
        "deauthorization_time": _iso_millis(state.now()),
        "client_id": state.oauth_app.client_id,
        "user_data_retention": "true" if user_data_retention else "false",
    }
    emit(state, "app_deauthorized", lambda: payload)
