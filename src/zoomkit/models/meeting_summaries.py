"""AI Companion meeting summaries (Zoom's newer API, 2025 spec)."""

from __future__ import annotations

from pydantic import Field

from zoomkit.models._base import ZoomModel
from zoomkit.models._types import (
    OptionalDatetime,
    OptionalInt,
    OptionalInt64,
    OptionalMeetingUUID,
    OptionalStr,
)

__all__ = [
    "EditedSummary",
    "MeetingSummary",
    "MeetingSummaryList",
    "MeetingSummaryListItem",
    "SummaryDetail",
]


class SummaryDetail(ZoomModel):
    """One labelled section of a summary."""

    label: str | None = None
    summary: str | None = None


class EditedSummary(ZoomModel):
    """The summary as a person edited it after the meeting."""

    summary_overview: str | None = None
    summary_details: str | None = None
    next_steps: list[str] | None = None


class MeetingSummaryListItem(ZoomModel):
    """A summary as ``GET /meetings/meeting_summaries`` lists it (no text)."""

    meeting_uuid: OptionalMeetingUUID = None
    meeting_id: OptionalInt64 = None
    meeting_host_id: str | None = None
    meeting_host_email: str | None = None
    meeting_topic: str | None = None
    meeting_start_time: OptionalDatetime = None
    meeting_end_time: OptionalDatetime = None
    summary_start_time: OptionalDatetime = None
    summary_end_time: OptionalDatetime = None
    summary_created_time: OptionalDatetime = None
    summary_last_modified_time: OptionalDatetime = None


class MeetingSummary(MeetingSummaryListItem):
    """``GET /meetings/{meetingUUID}/meeting_summary``: the summary with its text."""

    summary_title: str | None = None
    summary_overview: str | None = None
    summary_details: list[SummaryDetail] | None = None
    summary_content: str | None = None
    next_steps: list[str] | None = None
    edited_summary: EditedSummary | None = None
    summary_last_modified_user_id: str | None = None
    summary_last_modified_user_email: str | None = None


class MeetingSummaryList(ZoomModel):
    """One page of ``GET /meetings/meeting_summaries``; ``from``/``to`` echo the range."""

    page_size: OptionalInt = None
    next_page_token: OptionalStr = None
    from_: OptionalDatetime = Field(default=None, alias="from")
    to: OptionalDatetime = None
    summaries: list[MeetingSummaryListItem] = Field(default_factory=list)
