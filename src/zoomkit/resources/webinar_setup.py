"""The webinar sub-resources that set up a broadcast: ``client.webinars.livestream``,
``client.webinars.templates`` and ``client.webinars.live`` (actions during the webinar)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import httpx

from .._http import build_path
from ..models.meeting_bodies import build_body
from ..models.webinar_extras import (
    WebinarLivestream,
    WebinarLivestreamParams,
    WebinarLivestreamSettingsParams,
    WebinarLivestreamStatusParams,
    WebinarTemplate,
    WebinarTemplateList,
    WebinarTemplateParams,
)
from ._base import Resource, operation, options
from .webinar_ids import webinar_id_value

__all__ = ["LiveWebinars", "WebinarLivestreams", "WebinarTemplates"]

_LIVESTREAM = "/webinars/{webinarId}/livestream"
_TEMPLATES = "/users/{userId}/webinar_templates"


class WebinarLivestreams(Resource):
    """Streaming a webinar to a custom service (RTMP URL and key)."""

    @operation("GET", _LIVESTREAM, response=WebinarLivestream)
    async def get(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarLivestream:
        """Where the webinar streams to."""
        return await self._loop.request_model(
            WebinarLivestream,
            "GET",
            build_path(_LIVESTREAM, webinarId=webinar_id_value(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _LIVESTREAM)
    async def update(
        self,
        webinar_id: int | str,
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
        """Set the stream's URL, key and public page (all three are required by Zoom)."""
        body = build_body(
            WebinarLivestreamParams,
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
            build_path(_LIVESTREAM, webinarId=webinar_id_value(webinar_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _LIVESTREAM + "/status")
    async def update_status(
        self,
        webinar_id: int | str,
        *,
        action: Literal["start", "stop"],
        settings: WebinarLivestreamSettingsParams | Mapping[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Start or stop streaming a webinar in progress (``settings`` apply to a stopped one)."""
        body = build_body(
            WebinarLivestreamStatusParams, {"action": action, "settings": settings}, extra_body
        )
        await self._loop.request(
            "PATCH",
            build_path(_LIVESTREAM + "/status", webinarId=webinar_id_value(webinar_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )


class WebinarTemplates(Resource):
    """A user's webinar templates: saved settings to schedule new webinars from."""

    @operation("GET", _TEMPLATES, response=WebinarTemplateList)
    async def list(
        self,
        user_id: str = "me",
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarTemplateList:
        """Every template the user can schedule from (not paginated)."""
        return await self._loop.request_model(
            WebinarTemplateList,
            "GET",
            build_path(_TEMPLATES, userId=user_id),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", _TEMPLATES, response=WebinarTemplate)
    async def create(
        self,
        user_id: str = "me",
        *,
        webinar_id: int | str,
        name: str,
        save_recurrence: bool | None = None,
        overwrite: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarTemplate:
        """Save an existing webinar's settings as a template; pass its id to ``create``."""
        body = build_body(
            WebinarTemplateParams,
            {
                "webinar_id": webinar_id_value(webinar_id),
                "name": name,
                "save_recurrence": save_recurrence,
                "overwrite": overwrite,
            },
            extra_body,
        )
        return await self._loop.request_model(
            WebinarTemplate,
            "POST",
            build_path(_TEMPLATES, userId=user_id),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )


class LiveWebinars(Resource):
    """Actions on a webinar in progress."""

    @operation("DELETE", "/live_webinars/{webinarId}/chat/messages/{messageId}")
    async def delete_chat_message(
        self,
        webinar_id: int | str,
        message_id: str,
        *,
        file_ids: Sequence[str] | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete a chat message (or only its ``file_ids``) while the webinar runs.

        Needs a paid account with data loss prevention (DLP) enabled.
        """
        if file_ids is not None and not isinstance(file_ids, str):
            file_ids = ",".join(file_ids)
        await self._loop.request(
            "DELETE",
            build_path(
                "/live_webinars/{webinarId}/chat/messages/{messageId}",
                webinarId=webinar_id_value(webinar_id),
                messageId=message_id,
            ),
            params={"file_ids": file_ids},
            options=options(extra_headers, extra_query, None, timeout),
        )
