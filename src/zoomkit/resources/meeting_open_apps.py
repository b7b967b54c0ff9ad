"""``client.meetings.open_apps``: a Zoom App that opens by itself when the meeting starts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from .._http import build_path
from ..models.meeting_live import MeetingOpenApp
from ._base import Resource, meeting_id_value, operation, options

__all__ = ["MeetingOpenApps"]

_PATH = "/meetings/{meetingId}/open_apps"


class MeetingOpenApps(Resource):
    """The calling app, set to open automatically (only before the meeting starts)."""

    @operation("POST", _PATH, response=MeetingOpenApp)
    async def create(
        self,
        meeting_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingOpenApp:
        """Make this app open when the meeting starts (Zoom takes up to 3 per meeting)."""
        return await self._loop.request_model(
            MeetingOpenApp,
            "POST",
            build_path(_PATH, meetingId=meeting_id_value(meeting_id)),
            json_body=dict(extra_body) if extra_body else None,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _PATH)
    async def delete(
        self,
        meeting_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Stop this app opening automatically."""
        await self._loop.request(
            "DELETE",
            build_path(_PATH, meetingId=meeting_id_value(meeting_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )
