"""What FakeZoom keeps about webinars: the objects, what hangs off them, live and past instances.

A webinar is stored as the object ``GET /webinars/{webinarId}`` returns. Registrants, panelists,
polls, the survey, live-stream settings, branding and tracking sources belong to one webinar
(:class:`WebinarExtras`, by webinar id); templates belong to a user. A started webinar is a
:class:`LiveWebinar` collecting attendance, poll answers and Q&A; ending it turns that into a
:class:`PastWebinar` (by instance UUID), with the approved registrants who never joined as its
absentees. This module imports nothing of FakeZoom's state, so the state can hold it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "DEFAULT_QUESTIONS",
    "FIRST_PARTICIPANT_USER_ID",
    "LiveWebinar",
    "PastWebinar",
    "WebinarExtras",
    "WebinarStore",
]

FIRST_PARTICIPANT_USER_ID = 16778240
"""Zoom's per-instance participant ids look like this."""

DEFAULT_QUESTIONS: dict[str, Any] = {
    "questions": [{"field_name": "last_name", "required": False}],
    "custom_questions": [],
}


def _default_questions() -> dict[str, Any]:
    return {
        "questions": [dict(item) for item in DEFAULT_QUESTIONS["questions"]],
        "custom_questions": [],
    }


def _default_livestream() -> dict[str, Any]:
    return {"stream_url": "", "stream_key": "", "page_url": "", "resolution": "720p"}


@dataclass
class WebinarExtras:
    """The state hanging off one webinar."""

    registrants: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Registrants by registrant id, in registration order (``status`` kept on each)."""
    sources: dict[str, str] = field(default_factory=dict)
    """The tracking source each registrant came through, by registrant id."""
    questions: dict[str, Any] = field(default_factory=_default_questions)
    panelists: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Panelists by panelist id, in the order added."""
    polls: dict[str, dict[str, Any]] = field(default_factory=dict)
    survey: dict[str, Any] | None = None
    livestream: dict[str, Any] = field(default_factory=_default_livestream)
    streaming: bool = False
    wallpaper: dict[str, Any] | None = None
    virtual_backgrounds: list[dict[str, Any]] = field(default_factory=list)
    name_tags: list[dict[str, Any]] = field(default_factory=list)
    tracking_sources: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class LiveWebinar:
    """One webinar instance in progress."""

    uuid: str
    started_at: float
    present: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Who is in now, by their per-instance ``user_id``."""
    attendance: list[dict[str, Any]] = field(default_factory=list)
    """Every join, with ``leave_time`` once left: the past participants."""
    poll_answers: list[dict[str, Any]] = field(default_factory=list)
    """``name``, ``email``, ``question_details`` per attendee who answered."""
    qa: list[dict[str, Any]] = field(default_factory=list)
    """``name``, ``email``, ``question_details`` per attendee who asked."""
    next_user_id: int = FIRST_PARTICIPANT_USER_ID


@dataclass
class PastWebinar:
    """An ended instance and everything recorded about it."""

    instance: dict[str, Any]
    """``uuid``, ``id``, ``host_id``, ``topic``, ``type``, ``start_time``, ``end_time``, ..."""
    participants: list[dict[str, Any]]
    absentees: list[dict[str, Any]]
    """Registrant objects of those approved who never joined."""
    poll_answers: list[dict[str, Any]]
    qa: list[dict[str, Any]]


@dataclass
class WebinarStore:
    webinars: dict[int, dict[str, Any]] = field(default_factory=dict)
    """Webinar objects by id, as ``GET /webinars/{webinarId}`` shows them."""
    extras: dict[int, WebinarExtras] = field(default_factory=dict)
    templates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Webinar templates by user id: ``id``, ``name``, ``type`` and the saved ``settings``."""
    live: dict[int, LiveWebinar] = field(default_factory=dict)
    """Webinars in progress, by webinar id."""
    past: dict[str, PastWebinar] = field(default_factory=dict)
    """Ended instances by UUID, in the order they ended."""

    def of(self, webinar_id: int) -> WebinarExtras:
        """The extras of a webinar, created empty on first use."""
        extras = self.extras.get(webinar_id)
        if extras is None:
            extras = self.extras[webinar_id] = WebinarExtras()
        return extras
