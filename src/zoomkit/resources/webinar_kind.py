"""``client.get_meeting_or_webinar(id)``: fetch an id without knowing which kind it is.

Hosts that store "a Zoom id" (an LMS activity, a calendar entry) often do not know whether it
is a meeting or a webinar. Zoom has no endpoint for both: ``GET /meetings/{id}`` answers a
webinar id with 400 code 3000 ("Cannot access webinar info.") or 404 code 3001, and
``GET /webinars/{id}`` answers a meeting id with 404 code 3001. So the meeting is tried first
(meetings are far more common), then the webinar.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

from ..errors import APIError, MeetingNotFound
from ._base import meeting_id_value

if TYPE_CHECKING:
    from .._client import ZoomClient
    from ..models.meetings import Meeting
    from ..models.webinars import Webinar

__all__ = ["get_meeting_or_webinar", "is_wrong_kind"]

_WRONG_KIND = frozenset({(400, 3000), (404, 3001)})


def is_wrong_kind(error: APIError) -> bool:
    """Whether Zoom's error means "no such object of this kind", so the other kind may exist."""
    return (error.status_code, error.code) in _WRONG_KIND


async def get_meeting_or_webinar(
    client: ZoomClient,
    meeting_or_webinar_id: int | str,
    *,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    timeout: float | httpx.Timeout | None = None,
) -> Meeting | Webinar:
    """The meeting with this id, else the webinar with it.

    One call for a meeting, two for a webinar or an unknown id. Nothing is cached: store the
    kind (``isinstance(found, Webinar)``) if you look the same id up often. An id that is
    neither raises :class:`~zoomkit.errors.MeetingNotFound` naming both answers; any other
    error (a 401, a 5xx after retries) is raised as is.
    """
    known = meeting_id_value(meeting_or_webinar_id, field="meeting_or_webinar_id")
    call: dict[str, Any] = {
        "extra_headers": extra_headers,
        "extra_query": extra_query,
        "timeout": timeout,
    }
    try:
        return await client.meetings.get(known, **call)
    except APIError as error:
        if not is_wrong_kind(error):
            raise
        meeting_error = error
    try:
        return await client.webinars.get(known, **call)
    except APIError as webinar_error:
        if not is_wrong_kind(webinar_error):
            raise
        raise MeetingNotFound(
            f"{known} is neither a meeting nor a webinar: GET /meetings/{known} answered "
            f"{_answer(meeting_error)}; GET /webinars/{known} answered {_answer(webinar_error)}",
            status_code=webinar_error.status_code,
            code=webinar_error.code,
            errors=webinar_error.errors,
            tracking_id=webinar_error.tracking_id,
            response=webinar_error.response,
            body=webinar_error.body,
        ) from webinar_error


def _answer(error: APIError) -> str:
    return f"HTTP {error.status_code} code {error.code} ({error.message})"
