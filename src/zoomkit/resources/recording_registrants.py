"""``client.recordings.registrants``: who may watch an on-demand recording.

A recording made on-demand (``client.recordings.update_settings(id, on_demand=True)``) asks
viewers to register first; these calls list, add, approve or deny them and set the form's
questions. Zoom names the recording by its meeting id (int64) here, not by an instance UUID.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from .._http import build_path
from ..models.meeting_bodies import build_body
from ..models.meeting_registrants import (
    CustomQuestionAnswerParams,
    RegistrantStatus,
    RegistrationQuestionParams,
    RegistrationQuestions,
)
from ..models.recordings import (
    RecordingCustomQuestionParams,
    RecordingRegistrant,
    RecordingRegistrantList,
    RecordingRegistrantParams,
    RecordingRegistrantRef,
    RecordingRegistrantStatusAction,
    RecordingRegistrantStatusParams,
    RecordingRegistration,
    RecordingRegistrationQuestionsParams,
)
from ..pagination import AsyncPaginator
from ._base import Resource, meeting_id_value, operation, options, page_size_value

__all__ = ["RecordingRegistrants"]

_PATH = "/meetings/{meetingId}/recordings/registrants"


def _path(meeting_id: int | str, suffix: str = "") -> str:
    return build_path(_PATH + suffix, meetingId=meeting_id_value(meeting_id))


class RecordingRegistrants(Resource):
    """Registrants of a meeting's on-demand recording."""

    @operation("GET", _PATH, response=RecordingRegistrantList)
    def list(
        self,
        meeting_id: int | str,
        *,
        status: RegistrantStatus | str = RegistrantStatus.APPROVED,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[RecordingRegistrant]:
        """Registrants with ``status`` (approved by default), every page."""
        request_options = options(extra_headers, extra_query, None, timeout)
        path = _path(meeting_id)

        return self._pages(
            RecordingRegistrantList,
            path,
            {
                "status": status,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
            },
            items_field="registrants",
            request_options=request_options,
        )

    @operation("POST", _PATH, response=RecordingRegistration)
    async def create(
        self,
        meeting_id: int | str,
        *,
        email: str,
        first_name: str,
        last_name: str | None = None,
        address: str | None = None,
        city: str | None = None,
        state: str | None = None,
        zip: str | None = None,
        country: str | None = None,
        phone: str | None = None,
        comments: str | None = None,
        custom_questions: Sequence[CustomQuestionAnswerParams | Mapping[str, Any]] | None = None,
        industry: str | None = None,
        job_title: str | None = None,
        no_of_employees: str | None = None,
        org: str | None = None,
        purchasing_time_frame: str | None = None,
        role_in_purchase_process: str | None = None,
        status: RegistrantStatus | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RecordingRegistration:
        """Register a viewer; the answer carries the recording's ``share_url``."""
        body = build_body(
            RecordingRegistrantParams,
            {
                "email": email,
                "first_name": first_name,
                "last_name": last_name,
                "address": address,
                "city": city,
                "state": state,
                "zip": zip,
                "country": country,
                "phone": phone,
                "comments": comments,
                "custom_questions": custom_questions,
                "industry": industry,
                "job_title": job_title,
                "no_of_employees": no_of_employees,
                "org": org,
                "purchasing_time_frame": purchasing_time_frame,
                "role_in_purchase_process": role_in_purchase_process,
                "status": status,
            },
            extra_body,
        )
        return await self._loop.request_model(
            RecordingRegistration,
            "POST",
            _path(meeting_id),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PUT", _PATH + "/status")
    async def update_status(
        self,
        meeting_id: int | str,
        *,
        action: RecordingRegistrantStatusAction | str,
        registrants: Sequence[str | RecordingRegistrantRef | Mapping[str, Any]] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """``approve`` or ``deny`` up to 30 registrants (a string is a registrant id)."""
        named = (
            None
            if registrants is None
            else [{"id": r} if isinstance(r, str) else r for r in registrants]
        )
        body = build_body(
            RecordingRegistrantStatusParams, {"action": action, "registrants": named}, extra_body
        )
        await self._loop.request(
            "PUT",
            _path(meeting_id, "/status"),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _PATH + "/questions", response=RegistrationQuestions)
    async def get_questions(
        self,
        meeting_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RegistrationQuestions:
        """The registration form: standard fields asked for, and custom questions."""
        return await self._loop.request_model(
            RegistrationQuestions,
            "GET",
            _path(meeting_id, "/questions"),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _PATH + "/questions")
    async def update_questions(
        self,
        meeting_id: int | str,
        *,
        questions: Sequence[RegistrationQuestionParams | Mapping[str, Any]] | None = None,
        custom_questions: Sequence[RecordingCustomQuestionParams | Mapping[str, Any]] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Replace the standard fields and/or the custom questions of the form."""
        body = build_body(
            RecordingRegistrationQuestionsParams,
            {"questions": questions, "custom_questions": custom_questions},
            extra_body,
        )
        await self._loop.request(
            "PATCH",
            _path(meeting_id, "/questions"),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )
