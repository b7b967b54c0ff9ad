"""Zoom's list pagination, shared by every list endpoint.

``next_page_token`` is opaque and lives server-side with the offset it stands for; it expires 15
minutes after it was issued. Filters are *not* remembered with the token: each page is cut from
the list the current request's query selects, exactly as a client that drops its filters on page
two would see on real Zoom.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ._http import ZoomAPIError

__all__ = ["DEFAULT_PAGE_SIZE", "MAX_PAGE_SIZE", "PAGE_TOKEN_TTL", "PageTokens", "paginate"]

DEFAULT_PAGE_SIZE = 30
MAX_PAGE_SIZE = 300
PAGE_TOKEN_TTL = 15 * 60


@dataclass(frozen=True)
class _PageToken:
    scope: str
    offset: int
    issued_at: float


@dataclass
class PageTokens:
    """The server-side table behind ``next_page_token`` values."""

    _tokens: dict[str, _PageToken] = field(default_factory=dict)

    def issue(self, scope: str, offset: int, now: float) -> str:
        value = secrets.token_urlsafe(24)
        self._tokens[value] = _PageToken(scope, offset, now)
        return value

    def resolve(self, value: str, scope: str, now: float) -> int:
        """The offset a token stands for; unknown, foreign or stale tokens are refused."""
        token = self._tokens.get(value)
        if token is None or token.scope != scope or now - token.issued_at >= PAGE_TOKEN_TTL:
            raise ZoomAPIError(400, 300, "The next page token is invalid or expired.")
        return token.offset


def _int_param(query: dict[str, str], name: str) -> int | None:
    raw = query.get(name, "")
    if raw == "":
        return None
    try:
        return int(raw)
    except ValueError:
        raise ZoomAPIError(
            400,
            300,
            "Validation Failed.",
            errors=[{"field": name, "message": "Invalid field."}],
        ) from None


def paginate(
    items: Sequence[dict[str, Any]],
    query: dict[str, str],
    *,
    key: str,
    scope: str,
    pages: PageTokens,
    now: float,
) -> dict[str, Any]:
    """One page of ``items`` as Zoom shapes it, under ``key`` (e.g. ``"users"``).

    ``scope`` ties tokens to the list that issued them (usually the request path), so a token
    from one list is refused by another.
    """
    page_size = _int_param(query, "page_size") or DEFAULT_PAGE_SIZE
    page_size = min(max(page_size, 1), MAX_PAGE_SIZE)
    token = query.get("next_page_token", "")
    page_number = _int_param(query, "page_number")
    legacy = page_number is not None and not token
    if token:
        offset = pages.resolve(token, scope, now)
    elif page_number is not None:
        offset = (max(page_number, 1) - 1) * page_size
    else:
        offset = 0
    end = offset + page_size
    next_token = pages.issue(scope, end, now) if end < len(items) else ""
    page: dict[str, Any] = {}
    if legacy:
        page["page_count"] = math.ceil(len(items) / page_size)
        page["page_number"] = max(page_number or 1, 1)
    page.update(
        {
            "page_size": page_size,
            "total_records": len(items),
            "next_page_token": next_token,
            key: list(items[offset:end]),
        }
    )
    return page
