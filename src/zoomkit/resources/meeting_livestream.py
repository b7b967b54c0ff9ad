"""``client.meetings.livestream``: stream a meeting to a custom RTMP service."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from .._http import build_path
from ..models.meeting_bodies import build_body
from ..models.meeting_livestream import (
    LivestreamAction,
    LivestreamParams,
    LivestreamStatusParams,
    LivestreamStatusSettings,
    MeetingLivestream,
)
from ._base import Resource, meeting_id_value, operation, options

__all__ = ["MeetingLivestreams"]

_PATH = "/meetings/{meetingId}/livestream"


class MeetingLivestreams(Resource):
    """The live stream of one meeting: where it goes, and starting or stopping it."""

    @operation("GET", _PATH, response=MeetingLivestream)
    async def get(
        self,
        meeting_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingLivestream:
        """The stream's URL, key, page URL and resolution."""
        return await self._loop.request_model(
            MeetingLivestream,
            "GET",
            build_path(_PATH, meetingId=meeting_id_value(meeting_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _PATH)
    async def update(
        self,
        meeting_id: int | str,
        *,
        stream_url: str,
        stream_key: str,
        page_url: str,
        resolution: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Point the stream at an RTMP ``stream_url`` with ``stream_key``; viewers see
        ``page_url``. The key is a secret: zoomkit never logs bodies."""
        body = build_body(
            LivestreamParams,
            {
                "stream_url": stream_url,
                "stream_key": stream_key,
                "page_url": page_url,
                "resolution": resolution,
            },
            extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path(_PATH, meetingId=meeting_id_value(meeting_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _PATH + "/status")
    async def update_status(
        self,
        meeting_id: int | str,
        *,
        action: LivestreamAction | str,
        settings: LivestreamStatusSettings | Mapping[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Start or stop streaming a running meeting (``mode`` changes the layout)."""
        body = build_body(
            LivestreamStatusParams, {"action": action, "settings": settings}, extra_body
        )
        await self._loop.request(
            "PATCH",
            build_path(_PATH + "/status", meetingId=meeting_id_value(meeting_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )
