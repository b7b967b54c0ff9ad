"""What every resource shares: the client's request loop and the per-call escape hatches."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import httpx

from .._http import RequestLoop, RequestOptions
from ..errors import RequestValidationError

if TYPE_CHECKING:
    from .._client import ZoomClient

__all__ = ["Resource", "meeting_id_value", "options", "page_size_value", "zoom_date"]


class Resource:
    """A group of operations (``client.meetings``, ``client.users``...) on one client."""

    def __init__(self, client: ZoomClient) -> None:
        self._client = client

    @property
    def _loop(self) -> RequestLoop:
        return self._client._loop

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


def options(
    extra_headers: Mapping[str, str] | None,
    extra_query: Mapping[str, Any] | None,
    extra_body: Mapping[str, Any] | None,
    timeout: float | httpx.Timeout | None,
) -> RequestOptions:
    return RequestOptions(
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


def meeting_id_value(meeting_id: int | str, *, field: str = "meeting_id") -> int:
    """A numeric meeting id (int64), or a clear error before anything is sent."""
    if isinstance(meeting_id, bool):
        raise RequestValidationError(f"{field}: expected a meeting id, got a bool", field=field)
    if isinstance(meeting_id, int):
        value = meeting_id
    elif isinstance(meeting_id, str) and meeting_id.strip().isdigit():
        value = int(meeting_id.strip())
    else:
        raise RequestValidationError(
            f"{field}: expected a numeric meeting id, got {meeting_id!r} "
            "(meeting UUIDs go to past-meeting and report methods)",
            field=field,
        )
    if not 0 < value < 2**63:
        raise RequestValidationError(f"{field}: {value} is outside the int64 range", field=field)
    return value


def zoom_date(value: date | str | None, *, field: str) -> str | None:
    """Render a ``from``/``to`` query date as ``YYYY-MM-DD``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        raise RequestValidationError(
            f"{field}: expected a date, got a datetime (Zoom filters by day)", field=field
        )
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise RequestValidationError(
            f"{field}: expected a date as YYYY-MM-DD, got {value!r}", field=field
        ) from exc


def page_size_value(value: int, *, maximum: int = 300) -> int:
    """Check ``page_size`` (Zoom's lists take 1 to 300) before anything is sent."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum:
        raise RequestValidationError(
            f"page_size: must be an integer from 1 to {maximum}, got {value!r}", field="page_size"
        )
    return value
