"""``client.webinars.panelists``: the people who present a webinar."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from .._http import build_path
from ..models.meeting_bodies import build_body
from ..models.webinar_panelists import (
    WebinarPanelistList,
    WebinarPanelistParams,
    WebinarPanelistsAdded,
    WebinarPanelistsParams,
)
from ._base import Resource, operation, options
from .webinar_ids import webinar_id_value

__all__ = ["WebinarPanelists"]

_PATH = "/webinars/{webinarId}/panelists"


class WebinarPanelists(Resource):
    """Panelists of one webinar: each gets a personal join link by email."""

    @operation("GET", _PATH, response=WebinarPanelistList)
    async def list(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarPanelistList:
        """Every panelist (Zoom does not paginate this list)."""
        return await self._loop.request_model(
            WebinarPanelistList,
            "GET",
            build_path(_PATH, webinarId=webinar_id_value(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", _PATH, response=WebinarPanelistsAdded)
    async def create(
        self,
        webinar_id: int | str,
        *,
        panelists: Sequence[WebinarPanelistParams | Mapping[str, Any]],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarPanelistsAdded:
        """Add up to 30 panelists (``name`` and ``email`` each); Zoom emails each an invite."""
        body = build_body(WebinarPanelistsParams, {"panelists": panelists}, extra_body)
        return await self._loop.request_model(
            WebinarPanelistsAdded,
            "POST",
            build_path(_PATH, webinarId=webinar_id_value(webinar_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _PATH + "/{panelistId}")
    async def delete(
        self,
        webinar_id: int | str,
        panelist_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Remove one panelist (by the ``id`` that ``list`` shows)."""
        await self._loop.request(
            "DELETE",
            build_path(
                _PATH + "/{panelistId}",
                webinarId=webinar_id_value(webinar_id),
                panelistId=panelist_id,
            ),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _PATH)
    async def delete_all(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Remove every panelist of the webinar."""
        await self._loop.request(
            "DELETE",
            build_path(_PATH, webinarId=webinar_id_value(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )
