"""What every resource shares: the client's request loop and the per-call escape hatches."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

import httpx
from pydantic import BaseModel

from .._http import RequestLoop, RequestOptions
from ..errors import RequestValidationError
from ..pagination import AsyncPaginator, FetchPage

if TYPE_CHECKING:
    from .._client import ZoomClient

__all__ = [
    "Resource",
    "ResourceAttribute",
    "meeting_id_value",
    "operation",
    "options",
    "page_fetcher",
    "page_size_value",
    "zoom_date",
]

FuncT = TypeVar("FuncT", bound=Callable[..., Any])
ResourceT = TypeVar("ResourceT", bound="Resource")


class Resource:
    """A group of operations (``client.meetings``, ``client.users``...) on one client."""

    def __init__(self, client: ZoomClient) -> None:
        self._client = client

    @property
    def _loop(self) -> RequestLoop:
        return self._client._loop

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"

    def _pages(
        self,
        model: type[BaseModel],
        path: str,
        params: Mapping[str, Any],
        *,
        items_field: str,
        request_options: RequestOptions,
    ) -> AsyncPaginator[Any]:
        """Every page of ``GET path``, each parsed into ``model``, items from ``items_field``.

        A ``page_number`` in ``params`` selects Zoom's older page-number style; otherwise the
        pages follow ``next_page_token``.
        """
        return AsyncPaginator(
            page_fetcher(self._loop, model, path, request_options),
            params=params,
            items_field=items_field,
            style="page_number" if params.get("page_number") is not None else "next_page_token",
        )


def operation(
    method: str, path: str, *, response: type[BaseModel] | None = None
) -> Callable[[FuncT], FuncT]:
    """Mark a method as the call for one Zoom operation (``path`` as scope.json writes it).

    :func:`zoomkit.api_coverage` collects these marks, so coverage is read from the code itself.
    ``response`` names the model Zoom's JSON answer is parsed into (the page model for lists),
    so tests can check every response schema against the models.
    """

    def mark(func: FuncT) -> FuncT:
        func.__zoom_operation__ = (method.upper(), path)  # type: ignore[attr-defined]
        func.__zoom_response_model__ = response  # type: ignore[attr-defined]
        return func

    return mark


class ResourceAttribute(Generic[ResourceT]):
    """A resource reached as an attribute (``client.meetings``, ``client.meetings.registrants``).

    Built on first access and cached on the owner, so attribute access stays cheap and typed.
    """

    def __init__(self, resource: type[ResourceT]) -> None:
        self.resource = resource
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> ResourceT: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> Self | ResourceT:
        if obj is None:
            return self
        client: ZoomClient = obj._client if isinstance(obj, Resource) else obj  # type: ignore[assignment]
        value = self.resource(client)
        obj.__dict__[self.name] = value
        return value


def page_fetcher(
    loop: RequestLoop, model: type[BaseModel], path: str, request_options: RequestOptions
) -> FetchPage:
    """The page fetch a paginator calls: one GET of ``path`` parsed into ``model``."""

    async def fetch(params: dict[str, Any]) -> BaseModel:
        return await loop.request_model(model, "GET", path, params=params, options=request_options)

    return fetch


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
