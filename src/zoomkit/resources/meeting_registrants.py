"""``client.meetings.registrants``: registration for meetings that require it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from .._http import build_path
from ..errors import RequestValidationError
from ..models._validation import validate_request
from ..models.meeting_bodies import build_body, plain
from ..models.meeting_registrants import (
    BatchRegistrantParams,
    BatchRegistrantsParams,
    CreatedBatchRegistrant,
    CreatedBatchRegistrants,
    CustomQuestionAnswerParams,
    MeetingRegistrant,
    MeetingRegistrantList,
    MeetingRegistration,
    RegistrantParams,
    RegistrantRef,
    RegistrantStatus,
    RegistrantStatusAction,
    RegistrantStatusParams,
    RegistrationCustomQuestionParams,
    RegistrationQuestionParams,
    RegistrationQuestions,
    RegistrationQuestionsParams,
)
from ..pagination import AsyncPaginator
from ._base import Resource, meeting_id_value, operation, options, page_size_value
from ._batches import send_in_batches

__all__ = ["MeetingRegistrants"]

_PATH = "/meetings/{meetingId}/registrants"


def _registrant_ref(value: str | RegistrantRef | Mapping[str, Any]) -> Any:
    # A plain string names a registrant by email if it has an @, else by registrant id.
    if isinstance(value, str):
        return {"email": value} if "@" in value else {"id": value}
    return plain(value)


class MeetingRegistrants(Resource):
    """Registrants of one meeting. Registration must be on (``approval_type`` 0 or 1)."""

    @operation("POST", _PATH, response=MeetingRegistration)
    async def create(
        self,
        meeting_id: int | str,
        *,
        first_name: str,
        email: str,
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
        language: str | None = None,
        auto_approve: bool | None = None,
        occurrence_ids: Sequence[str] | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingRegistration:
        """Register someone; the answer carries their personal ``join_url``.

        Zoom allows 3 adds a day per registrant, so the fields are checked before sending.
        ``auto_approve=True`` approves at once even when the meeting approves manually.
        """
        body = build_body(
            RegistrantParams,
            {
                "first_name": first_name,
                "email": email,
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
                "language": language,
                "auto_approve": auto_approve,
            },
            extra_body,
        )
        if occurrence_ids is not None and not isinstance(occurrence_ids, str):
            occurrence_ids = ",".join(occurrence_ids)
        return await self._loop.request_model(
            MeetingRegistration,
            "POST",
            build_path(_PATH, meetingId=meeting_id_value(meeting_id)),
            params={"occurrence_ids": occurrence_ids},
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _PATH + "/{registrantId}", response=MeetingRegistrant)
    async def get(
        self,
        meeting_id: int | str,
        registrant_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> MeetingRegistrant:
        """One registrant, with their status and ``join_url``."""
        return await self._loop.request_model(
            MeetingRegistrant,
            "GET",
            build_path(
                _PATH + "/{registrantId}",
                meetingId=meeting_id_value(meeting_id),
                registrantId=registrant_id,
            ),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _PATH + "/{registrantId}")
    async def delete(
        self,
        meeting_id: int | str,
        registrant_id: str,
        *,
        occurrence_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Remove a registration (their ``join_url`` stops working)."""
        await self._loop.request(
            "DELETE",
            build_path(
                _PATH + "/{registrantId}",
                meetingId=meeting_id_value(meeting_id),
                registrantId=registrant_id,
            ),
            params={"occurrence_id": occurrence_id},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PUT", _PATH + "/status")
    async def update_status(
        self,
        meeting_id: int | str,
        *,
        action: RegistrantStatusAction | str,
        registrants: Sequence[str | RegistrantRef | Mapping[str, Any]],
        occurrence_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Approve, deny or cancel up to 30 registrants, named by email or registrant id.

        A string with an ``@`` is an email, any other string a registrant id.
        """
        body = build_body(
            RegistrantStatusParams,
            {"action": action, "registrants": [_registrant_ref(r) for r in registrants]},
            extra_body,
        )
        await self._loop.request(
            "PUT",
            build_path(_PATH + "/status", meetingId=meeting_id_value(meeting_id)),
            params={"occurrence_id": occurrence_id},
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
        """The registration form: which standard fields are asked, and custom questions."""
        return await self._loop.request_model(
            RegistrationQuestions,
            "GET",
            build_path(_PATH + "/questions", meetingId=meeting_id_value(meeting_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _PATH + "/questions")
    async def update_questions(
        self,
        meeting_id: int | str,
        *,
        questions: Sequence[RegistrationQuestionParams | Mapping[str, Any]] | None = None,
        custom_questions: Sequence[RegistrationCustomQuestionParams | Mapping[str, Any]]
        | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Replace the registration form's standard fields and/or custom questions."""
        body = build_body(
            RegistrationQuestionsParams,
            {"questions": questions, "custom_questions": custom_questions},
            extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path(_PATH + "/questions", meetingId=meeting_id_value(meeting_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", "/meetings/{meetingId}/batch_registrants", response=CreatedBatchRegistrants)
    async def create_batch(
        self,
        meeting_id: int | str,
        *,
        registrants: Sequence[BatchRegistrantParams | Mapping[str, Any]],
        auto_approve: bool | None = None,
        registrants_confirmation_email: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CreatedBatchRegistrants:
        """Register up to 30 people in one call (scheduled meetings, type 2, only).

        For more than 30, use :meth:`add_many`.
        """
        body = build_body(
            BatchRegistrantsParams,
            {
                "registrants": registrants,
                "auto_approve": auto_approve,
                "registrants_confirmation_email": registrants_confirmation_email,
            },
            extra_body,
        )
        return await self._loop.request_model(
            CreatedBatchRegistrants,
            "POST",
            build_path(
                "/meetings/{meetingId}/batch_registrants", meetingId=meeting_id_value(meeting_id)
            ),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    async def add_many(
        self,
        meeting_id: int | str,
        *,
        registrants: Sequence[BatchRegistrantParams | Mapping[str, Any]],
        auto_approve: bool = True,
        registrants_confirmation_email: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[CreatedBatchRegistrant]:
        """Register any number of people, 30 per ``create_batch`` call, approved by default.

        Returns every created registrant (with ``join_url``) in the order given. All entries are
        checked before the first call. If a call fails, :class:`~zoomkit.errors.PartialBatchError`
        says what is done (``done``: the registrants created so far), what failed (``failed``:
        that call's entries, which Zoom may or may not have registered) and what was never sent
        (``unsent``); nothing is sent twice.
        """
        meeting = meeting_id_value(meeting_id)
        checked = [
            validate_request(BatchRegistrantParams, plain(registrant), prefix=f"registrants[{n}]")
            for n, registrant in enumerate(registrants)
        ]
        if not checked:
            raise RequestValidationError("registrants: give at least one", field="registrants")

        async def send(part: list[BatchRegistrantParams]) -> list[CreatedBatchRegistrant]:
            answer = await self.create_batch(
                meeting,
                registrants=part,
                auto_approve=auto_approve,
                registrants_confirmation_email=registrants_confirmation_email,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            )
            return list(answer.registrants or [])

        return await send_in_batches(checked, send)

    @operation("GET", _PATH, response=MeetingRegistrantList)
    def list(
        self,
        meeting_id: int | str,
        *,
        status: RegistrantStatus | str | None = None,
        occurrence_id: str | None = None,
        page_size: int = 300,
        next_page_token: str | None = None,
        page_number: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[MeetingRegistrant]:
        """Registrants with one ``status`` (Zoom's default: ``approved``), every page."""
        path = build_path(_PATH, meetingId=meeting_id_value(meeting_id))
        request_options = options(extra_headers, extra_query, None, timeout)

        return self._pages(
            MeetingRegistrantList,
            path,
            {
                "status": status,
                "occurrence_id": occurrence_id,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
                "page_number": page_number,
            },
            items_field="registrants",
            request_options=request_options,
        )
