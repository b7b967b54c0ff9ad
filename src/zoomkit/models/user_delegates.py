"""Models of scheduling privilege: a user's assistants and the users they schedule for.

When user A adds B as an assistant, B may schedule meetings for A: B is in A's assistants and A
is in B's schedulers. The lists are short (Zoom allows 30), so they come whole, not paginated.
"""

from __future__ import annotations

from pydantic import Field

from zoomkit.models._base import ZoomModel
from zoomkit.models._types import OptionalDatetime, OptionalInt64

__all__ = ["Assistant", "AssistantList", "AssistantsAdded", "Scheduler", "SchedulerList"]


class Assistant(ZoomModel):
    """A user who may schedule meetings for the listed user."""

    id: str | None = None
    email: str | None = None


class AssistantList(ZoomModel):
    """``GET /users/{userId}/assistants``."""

    assistants: list[Assistant] = Field(default_factory=list)


class AssistantsAdded(ZoomModel):
    """``POST /users/{userId}/assistants``: ``ids`` is Zoom's comma-separated string of ids."""

    ids: str | None = None
    add_at: OptionalDatetime = None

    @property
    def id_list(self) -> list[str]:
        """``ids`` split into a list."""
        return [part for part in (self.ids or "").split(",") if part]


class Scheduler(ZoomModel):
    """A user the listed user may schedule meetings for, with that user's PMI."""

    id: str | None = None
    email: str | None = None
    pmi: OptionalInt64 = None


class SchedulerList(ZoomModel):
    """``GET /users/{userId}/schedulers``."""

    schedulers: list[Scheduler] = Field(default_factory=list)
