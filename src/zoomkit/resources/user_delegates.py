"""``client.users.assistants`` and ``client.users.schedulers``: scheduling privilege.

When user A adds B as an assistant, B may schedule meetings for A (``schedule_for=``): B is one
of A's assistants, and A is one of B's schedulers. Both lists are short and come whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

import httpx

from .._http import build_path
from ..models._base import RequestModel, merge_extra_body
from ..models.user_delegates import AssistantList, AssistantsAdded, SchedulerList
from ..models.user_params import user_refs
from ._base import Resource, operation, options

__all__ = ["UserAssistants", "UserSchedulers"]

MAX_ASSISTANTS_PER_CALL: Final = 30


class UserAssistants(Resource):
    """Users who may schedule meetings for a user."""

    @operation("GET", "/users/{userId}/assistants", response=AssistantList)
    async def list(
        self,
        user_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AssistantList:
        """The user's assistants (``.assistants``)."""
        return await self._loop.request_model(
            AssistantList,
            "GET",
            build_path("/users/{userId}/assistants", userId=user_id),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", "/users/{userId}/assistants", response=AssistantsAdded)
    async def create(
        self,
        user_id: str,
        *,
        assistants: Sequence[str | Mapping[str, Any] | RequestModel],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AssistantsAdded:
        """Give up to 30 users (ids or emails) scheduling privilege for ``user_id``.

        Both must be licensed users of the account; a user cannot assist themself.
        """
        body = {
            "assistants": user_refs(assistants, field="assistants", maximum=MAX_ASSISTANTS_PER_CALL)
        }
        return await self._loop.request_model(
            AssistantsAdded,
            "POST",
            build_path("/users/{userId}/assistants", userId=user_id),
            json_body=merge_extra_body(body, extra_body),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/users/{userId}/assistants/{assistantId}")
    async def delete(
        self,
        user_id: str,
        assistant_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Take scheduling privilege away from one assistant."""
        await self._loop.request(
            "DELETE",
            build_path(
                "/users/{userId}/assistants/{assistantId}",
                userId=user_id,
                assistantId=assistant_id,
            ),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/users/{userId}/assistants")
    async def delete_all(
        self,
        user_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Remove every assistant of the user."""
        await self._loop.request(
            "DELETE",
            build_path("/users/{userId}/assistants", userId=user_id),
            options=options(extra_headers, extra_query, None, timeout),
        )


class UserSchedulers(Resource):
    """Users a user may schedule meetings for (those who made them an assistant)."""

    @operation("GET", "/users/{userId}/schedulers", response=SchedulerList)
    async def list(
        self,
        user_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SchedulerList:
        """The users ``user_id`` may schedule for (``.schedulers``, each with its PMI)."""
        return await self._loop.request_model(
            SchedulerList,
            "GET",
            build_path("/users/{userId}/schedulers", userId=user_id),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/users/{userId}/schedulers/{schedulerId}")
    async def delete(
        self,
        user_id: str,
        scheduler_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Stop ``user_id`` scheduling for one user."""
        await self._loop.request(
            "DELETE",
            build_path(
                "/users/{userId}/schedulers/{schedulerId}",
                userId=user_id,
                schedulerId=scheduler_id,
            ),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/users/{userId}/schedulers")
    async def delete_all(
        self,
        user_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Stop ``user_id`` scheduling for anyone."""
        await self._loop.request(
            "DELETE",
            build_path("/users/{userId}/schedulers", userId=user_id),
            options=options(extra_headers, extra_query, None, timeout),
        )
