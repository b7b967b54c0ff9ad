"""What FakeZoom keeps about meetings beyond the meeting object itself.

Registrants, polls, the survey, live-stream settings, auto-open apps and live controls belong to
one meeting (``MeetingExtras``, by meeting id); templates belong to a user; poll answers and Q&A
belong to one meeting *instance* and are kept by its UUID, so when the meeting ends they are the
past instance's without being moved. Deleted meetings wait in ``trash`` for
``PUT /meetings/{meetingId}/status {"action": "recover"}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["DEFAULT_QUESTIONS", "MeetingExtras", "MeetingStore", "TRASH_DAYS", "TrashedMeeting"]

TRASH_DAYS = 7
"""Zoom keeps a deleted meeting recoverable for 7 days."""

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
class MeetingExtras:
    """The state hanging off one meeting."""

    registrants: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Stored registrants by registrant id, in registration order."""
    questions: dict[str, Any] = field(default_factory=_default_questions)
    polls: dict[str, dict[str, Any]] = field(default_factory=dict)
    survey: dict[str, Any] | None = None
    livestream: dict[str, Any] = field(default_factory=_default_livestream)
    streaming: bool = False
    open_apps: list[str] = field(default_factory=list)
    recording: str = "stopped"
    """What in-meeting controls did to the cloud recording: stopped, recording or paused."""
    controls: list[dict[str, Any]] = field(default_factory=list)
    """Every accepted in-meeting control (``PATCH /live_meetings/{id}/events``) body."""
    rtms: dict[str, str] = field(default_factory=dict)
    """RTMS app status by client id: ``started`` or ``stopped``."""


@dataclass(frozen=True)
class TrashedMeeting:
    meeting: dict[str, Any]
    deleted_at: float


@dataclass
class MeetingStore:
    extras: dict[int, MeetingExtras] = field(default_factory=dict)
    trash: dict[int, TrashedMeeting] = field(default_factory=dict)
    templates: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Meeting templates by user id."""
    poll_answers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Poll answers by meeting instance UUID: ``name``, ``email``, ``question_details``."""
    qa: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Q&A by meeting instance UUID: ``name``, ``email``, ``question_details``."""

    def of(self, meeting_id: int) -> MeetingExtras:
        """The extras of a meeting, created empty on first use."""
        extras = self.extras.get(meeting_id)
        if extras is None:
            extras = self.extras[meeting_id] = MeetingExtras()
        return extras
