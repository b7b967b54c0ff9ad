"""``client.users``: who is on the account."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from .._http import build_path
from ..models.users import User, UserList, UserStatus
from ..pagination import AsyncPaginator
from ._base import Resource, operation, options, page_size_value

__all__ = ["Users"]


class Users(Resource):
    """Users of the account. ``user_id`` accepts a user id, an email address or ``"me"``."""

    async def me(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> User:
        """The user the credentials act as (the app's owner for Server-to-Server OAuth)."""
        return await self.get(
            "me", extra_headers=extra_headers, extra_query=extra_query, timeout=timeout
        )

    @operation("GET", "/users/{userId}", response=User)
    async def get(
        self,
        user_id: str,
        *,
        login_type: int | None = None,
        encrypted_email: bool | None = None,
        search_by_unique_id: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> User:
        """One user. Raises :class:`~zoomkit.errors.UserNotFound` (code 1001) if absent."""
        return await self._loop.request_model(
            User,
            "GET",
            build_path("/users/{userId}", userId=user_id),
            params={
                "login_type": login_type,
                "encrypted_email": encrypted_email,
                "search_by_unique_id": search_by_unique_id,
            },
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/users", response=UserList)
    def list(
        self,
        *,
        status: UserStatus | str = UserStatus.ACTIVE,
        page_size: int = 300,
        role_id: str | None = None,
        license: str | None = None,
        include_fields: str | None = None,
        next_page_token: str | None = None,
        page_number: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[User]:
        """Users with a given status, every page: ``async for user in client.users.list()``."""
        request_options = options(extra_headers, extra_query, None, timeout)

        async def fetch(params: dict[str, Any]) -> UserList:
            return await self._loop.request_model(
                UserList, "GET", "/users", params=params, options=request_options
            )

        return AsyncPaginator(
            fetch,
            params={
                "status": status,
                "page_size": page_size_value(page_size),
                "role_id": role_id,
                "license": license,
                "include_fields": include_fields,
                "next_page_token": next_page_token,
                "page_number": page_number,
            },
            items_field="users",
            style="page_number" if page_number is not None else "next_page_token",
        )
