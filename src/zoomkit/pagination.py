"""Zoom list endpoints as one object you can ``await`` (first page) or ``async for`` (every item).

Zoom paginates with ``next_page_token`` (15-minute lifetime) on most lists and with the legacy
``page_number`` on a few. Either way the caller's filters are sent again on every page, items
stream page by page (never accumulated), and an expired token raises
:class:`~zoomkit.errors.PageTokenExpiredError` instead of silently truncating the listing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel

from .errors import ResponseValidationError

__all__ = ["AsyncPaginator", "Page"]

ItemT = TypeVar("ItemT")
PageModelT = TypeVar("PageModelT", bound=BaseModel)

PaginationStyle = Literal["next_page_token", "page_number"]
FetchPage = Callable[[dict[str, Any]], Awaitable[BaseModel]]


@dataclass(frozen=True, slots=True)
class Page(Generic[ItemT]):
    """One page: its items and the whole parsed page (``data``, with ``from``/``to`` etc.)."""

    items: list[ItemT]
    data: BaseModel
    next_page_token: str | None
    page_number: int | None
    page_count: int | None
    total_records: int | None

    @property
    def has_next_page(self) -> bool:
        if self.next_page_token:
            return True
        return (
            self.page_number is not None
            and self.page_count is not None
            and self.page_number < self.page_count
        )

    def __len__(self) -> int:
        return len(self.items)


class AsyncPaginator(Generic[ItemT]):
    """What ``list()`` methods return.

    ``await paginator`` gives the first :class:`Page`; ``async for item in paginator`` walks
    every item of every page; ``async for page in paginator.pages()`` walks pages.
    """

    def __init__(
        self,
        fetch: FetchPage,
        *,
        params: Mapping[str, Any],
        items_field: str,
        style: PaginationStyle = "next_page_token",
    ) -> None:
        self._fetch = fetch
        self._params = dict(params)
        self._items_field = items_field
        self._style = style

    def __await__(self) -> Generator[Any, None, Page[ItemT]]:
        return self._first_page().__await__()

    async def _first_page(self) -> Page[ItemT]:
        return await self._get_page(dict(self._params))

    async def pages(self) -> AsyncIterator[Page[ItemT]]:
        params = dict(self._params)
        seen_tokens: set[str] = set()
        while True:
            page = await self._get_page(params)
            yield page
            if not page.has_next_page:
                return
            if self._style == "page_number" and not page.next_page_token:
                if not page.items:
                    return
                params = {**params, "page_number": (page.page_number or 1) + 1}
                continue
            token = page.next_page_token or ""
            if token in seen_tokens:
                raise ResponseValidationError(
                    "Zoom returned the same next_page_token twice; stopping to avoid a loop"
                )
            seen_tokens.add(token)
            # Same filters, new token: Zoom expects the original query on every page.
            params = {**params, "next_page_token": token}
            params.pop("page_number", None)

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.pages():
            for item in page.items:
                yield item

    async def _get_page(self, params: dict[str, Any]) -> Page[ItemT]:
        data = await self._fetch(params)
        items = getattr(data, self._items_field, None) or []
        return Page(
            items=list(items),
            data=data,
            next_page_token=getattr(data, "next_page_token", None) or None,
            page_number=getattr(data, "page_number", None),
            page_count=getattr(data, "page_count", None),
            total_records=getattr(data, "total_records", None),
        )
