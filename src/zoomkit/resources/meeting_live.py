"""``client.meetings.live``: act on a meeting while it runs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from .._http import build_path
from ..models.meeting_bodies import build_body
from ..models.meeting_live import (
    ChatMessageParams,
    InMeetingControlParams,
    InMeetingMethod,
    RtmsAction,
    RtmsStatusParams,
)
from ._base import Resource, meeting_id_value, operation, options

__all__ = ["LiveMeetings"]

_MESSAGE = "/live_meetings/{meetingId}/chat/messages/{messageId}"


class LiveMeetings(Resource):
    """In-meeting controls, chat moderation and RTMS for a meeting in progress."""

    @operation("PATCH", "/live_meetings/{meetingId}/events")
    async def control(
        self,
        meeting_id: int | str,
        *,
        method: InMeetingMethod | str,
        params: Mapping[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Start, stop, pause or resume the cloud recording, invite people, or update the
        waiting room: ``control(id, method="recording.start")``. Zoom answers 202."""
        body = build_body(
            InMeetingControlParams,
            {"method": method, "params": dict(params) if params is not None else None},
            extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path("/live_meetings/{meetingId}/events", meetingId=meeting_id_value(meeting_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _MESSAGE)
    async def delete_chat_message(
        self,
        meeting_id: int | str,
        message_id: str,
        *,
        file_ids: Sequence[str] | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete a chat message (needs DLP on the account); ``file_ids`` deletes its files."""
        if file_ids is not None and not isinstance(file_ids, str):
            file_ids = ",".join(file_ids)
        await self._loop.request(
            "DELETE",
            build_path(_MESSAGE, meetingId=meeting_id_value(meeting_id), messageId=message_id),
            params={"file_ids": file_ids},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _MESSAGE)
    async def update_chat_message(
        self,
        meeting_id: int | str,
        message_id: str,
        *,
        message_content: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Replace a chat message's text."""
        body = build_body(ChatMessageParams, {"message_content": message_content}, extra_body)
        await self._loop.request(
            "PATCH",
            build_path(_MESSAGE, meetingId=meeting_id_value(meeting_id), messageId=message_id),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", "/live_meetings/{meetingId}/rtms_app/status")
    async def update_rtms_status(
        self,
        meeting_id: int | str,
        *,
        action: RtmsAction | str,
        client_id: str,
        participant_user_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Start or stop the Real-Time Media Streams app ``client_id`` for a participant."""
        settings = {"client_id": client_id, "participant_user_id": participant_user_id}
        body = build_body(
            RtmsStatusParams,
            {"action": action, "settings": {k: v for k, v in settings.items() if v is not None}},
            extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path(
                "/live_meetings/{meetingId}/rtms_app/status", meetingId=meeting_id_value(meeting_id)
            ),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )
