"""Meeting templates: a saved meeting's settings, reused when scheduling the next one."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from zoomkit.models._base import RequestModel, ZoomModel
from zoomkit.models._types import INT64_MAX, OptionalInt

__all__ = ["CreatedMeetingTemplate", "MeetingTemplate", "MeetingTemplateList", "TemplateParams"]


class MeetingTemplate(ZoomModel):
    """A template; its ``id`` is what ``meetings.create(template_id=...)`` takes."""

    id: str | None = None
    name: str | None = None
    type: OptionalInt = None


class MeetingTemplateList(ZoomModel):
    """``GET /users/{userId}/meeting_templates`` (not paginated)."""

    total_records: OptionalInt = None
    templates: list[MeetingTemplate] = Field(default_factory=list)


class CreatedMeetingTemplate(ZoomModel):
    """``POST /users/{userId}/meeting_templates``."""

    id: str | None = None
    name: str | None = None


class TemplateParams(RequestModel):
    """The body of ``POST /users/{userId}/meeting_templates``: a template from a meeting."""

    meeting_id: Annotated[int, Field(gt=0, le=INT64_MAX)]
    name: str | None = None
    save_recurrence: bool | None = None
    overwrite: bool | None = None
