"""``client.past_webinars``: ended webinar instances, who attended, who did not, polls and Q&A.

Each method takes a webinar id (the latest instance) or an instance UUID from
:meth:`PastWebinars.instances`. A UUID is sent by Zoom's double-encoding rule (a UUID that starts
with ``/`` or contains ``//`` is percent-encoded twice), so pass it exactly as Zoom gave it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from .._http import build_path
from ..models.webinar_past import (
    PastWebinarInstances,
    PastWebinarPolls,
    PastWebinarQA,
    WebinarAbsenteeList,
    WebinarParticipant,
    WebinarParticipantList,
)
from ..models.webinar_registrants import WebinarRegistrant
from ..pagination import AsyncPaginator
from ..types import MeetingUUID
from ._base import Resource, operation, options, page_size_value
from .webinar_ids import webinar_id_or_uuid, webinar_id_value

__all__ = ["PastWebinars"]

_PATH = "/past_webinars/{webinarId}"


class PastWebinars(Resource):
    """Ended webinars (a Webinar plan and, for most, a paid account are required)."""

    @operation("GET", _PATH + "/instances", response=PastWebinarInstances)
    async def instances(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> PastWebinarInstances:
        """Every ended instance of a webinar (UUID and start time), not paginated."""
        return await self._loop.request_model(
            PastWebinarInstances,
            "GET",
            build_path(_PATH + "/instances", webinarId=webinar_id_value(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _PATH + "/participants", response=WebinarParticipantList)
    def participants(
        self,
        webinar_id: int | str | MeetingUUID,
        *,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[WebinarParticipant]:
        """Who attended an instance (one record per join), every page."""
        path = build_path(_PATH + "/participants", webinarId=webinar_id_or_uuid(webinar_id))
        request_options = options(extra_headers, extra_query, None, timeout)

        return self._pages(
            WebinarParticipantList,
            path,
            {"page_size": page_size_value(page_size), "next_page_token": next_page_token},
            items_field="participants",
            request_options=request_options,
        )

    @operation("GET", _PATH + "/absentees", response=WebinarAbsenteeList)
    def absentees(
        self,
        webinar_uuid: int | str | MeetingUUID,
        *,
        occurrence_id: str | None = None,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[WebinarRegistrant]:
        """Registrants who did not attend an instance, every page.

        Takes the instance UUID (from ``instances``), or the webinar id for its latest instance.
        """
        uuid = webinar_id_or_uuid(webinar_uuid, field="webinar_uuid")
        path = build_path(_PATH + "/absentees", webinarId=uuid)
        request_options = options(extra_headers, extra_query, None, timeout)

        return self._pages(
            WebinarAbsenteeList,
            path,
            {
                "occurrence_id": occurrence_id,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
            },
            items_field="registrants",
            request_options=request_options,
        )

    @operation("GET", _PATH + "/polls", response=PastWebinarPolls)
    async def polls(
        self,
        webinar_id: int | str | MeetingUUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> PastWebinarPolls:
        """What each attendee answered in the instance's polls."""
        return await self._loop.request_model(
            PastWebinarPolls,
            "GET",
            build_path(_PATH + "/polls", webinarId=webinar_id_or_uuid(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _PATH + "/qa", response=PastWebinarQA)
    async def qa(
        self,
        webinar_id: int | str | MeetingUUID,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> PastWebinarQA:
        """The instance's Q&A: each attendee's questions and the answers given."""
        return await self._loop.request_model(
            PastWebinarQA,
            "GET",
            build_path(_PATH + "/qa", webinarId=webinar_id_or_uuid(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )
