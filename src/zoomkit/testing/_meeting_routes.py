"""Every meeting route beyond create/list/get/update/delete, in the order the router needs.

``/meetings/meeting_summaries`` comes first: ``GET /meetings/{meetingId}`` would take it too.
"""

from __future__ import annotations

from . import (
    _meeting_access,
    _meeting_activity,
    _meeting_extras,
    _meeting_live_controls,
    _meeting_polls,
    _meeting_registrants,
    _meeting_status,
    _meeting_summaries,
)
from ._app import Route

__all__ = ["ROUTES"]

ROUTES: list[Route] = [
    *_meeting_summaries.ROUTES,
    *_meeting_registrants.ROUTES,
    *_meeting_polls.ROUTES,
    *_meeting_access.ROUTES,
    *_meeting_extras.ROUTES,
    *_meeting_status.ROUTES,
    *_meeting_live_controls.ROUTES,
    *_meeting_activity.ROUTES,
]
