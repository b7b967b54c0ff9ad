"""``client.meetings.templates``: reuse a meeting's settings when scheduling the next."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from .._http import build_path
from ..models.meeting_bodies import build_body
from ..models.meeting_templates import CreatedMeetingTemplate, MeetingTemplateList, TemplateParams
from ._base import Resource, meeting_id_value, operation, options

__all__ = ["MeetingTemplates"]

_PATH = "/users/{userId}/meeting_templates"


class MeetingTemplates(Resource):
    """A user's meeting templates (at most 40 each)."""

    @operation("POST", _PATH, response=CreatedMeetingTemplate)
    async def create(
        self,
        user_id: str = "me",
        *,
        meeting_id: int | str,
        name: str | None = None,
        save_recurrence: bool | None = None,
        overwrite: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CreatedMeetingTemplate:
        """Save ``meeting_id``'s settings as a template; ``overwrite`` replaces a same-named one."""
        body = build_body(
            TemplateParams,
            {
                "meeting_id": meeting_id_value(meeting_id),
                "name": name,
                "save_recurrence": save_recurrence,
                "overwrite": overwrite,
            },
            extra_body,
        )
        return await self._loop.request_model(
            CreatedMeetingTemplate,
            "POST",
            build_path(_PATH, userId=user_id),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _PATH, response=MeetingTemplateList)
    async def list(
        self,
        user_id: str = "me",
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingTemplateList:
        """Every template the user can schedule with (not paginated)."""
        return await self._loop.request_model(
            MeetingTemplateList,
            "GET",
            build_path(_PATH, userId=user_id),
            options=options(extra_headers, extra_query, None, timeout),
        )
