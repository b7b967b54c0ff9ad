"""``client.webinars.registrants``: registration for webinars that require it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from .._http import build_path
from ..errors import RequestValidationError
from ..models._validation import validate_request
from ..models.meeting_bodies import build_body, plain
from ..models.meeting_registrants import RegistrantStatus, RegistrantStatusAction
from ..models.webinar_registrants import (
    WebinarBatchRegistrant,
    WebinarBatchRegistrantParams,
    WebinarBatchRegistrants,
    WebinarBatchRegistrantsParams,
    WebinarRegistrant,
    WebinarRegistrantAnswerParams,
    WebinarRegistrantCreated,
    WebinarRegistrantList,
    WebinarRegistrantParams,
    WebinarRegistrantRef,
    WebinarRegistrantStatusParams,
    WebinarRegistrationCustomQuestionParams,
    WebinarRegistrationQuestionParams,
    WebinarRegistrationQuestions,
    WebinarRegistrationQuestionsParams,
)
from ..pagination import AsyncPaginator
from ._base import Resource, operation, options, page_size_value
from ._batches import send_in_batches
from .webinar_ids import webinar_id_value

__all__ = ["WebinarRegistrants"]

_PATH = "/webinars/{webinarId}/registrants"
_BATCH_PATH = "/webinars/{webinarId}/batch_registrants"


def _registrant_ref(value: str | WebinarRegistrantRef | Mapping[str, Any]) -> Any:
    # A plain string names a registrant by email if it has an @, else by registrant id.
    if isinstance(value, str):
        return {"email": value} if "@" in value else {"id": value}
    return plain(value)


class WebinarRegistrants(Resource):
    """Registrants of one webinar. Registration must be on (``approval_type`` 0 or 1)."""

    @operation("POST", _PATH, response=WebinarRegistrantCreated)
    async def create(
        self,
        webinar_id: int | str,
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
        custom_questions: Sequence[WebinarRegistrantAnswerParams | Mapping[str, Any]] | None = None,
        industry: str | None = None,
        job_title: str | None = None,
        no_of_employees: str | None = None,
        org: str | None = None,
        purchasing_time_frame: str | None = None,
        role_in_purchase_process: str | None = None,
        language: str | None = None,
        source_id: str | None = None,
        occurrence_ids: Sequence[str] | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarRegistrantCreated:
        """Register someone; the answer carries their personal ``join_url``.

        Zoom allows 3 adds a day per registrant, so the fields are checked before sending.
        ``source_id`` credits a tracking source (see ``webinars.list_tracking_sources``).
        """
        body = build_body(
            WebinarRegistrantParams,
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
                "language": language,
                "source_id": source_id,
            },
            extra_body,
        )
        if occurrence_ids is not None and not isinstance(occurrence_ids, str):
            occurrence_ids = ",".join(occurrence_ids)
        return await self._loop.request_model(
            WebinarRegistrantCreated,
            "POST",
            build_path(_PATH, webinarId=webinar_id_value(webinar_id)),
            params={"occurrence_ids": occurrence_ids},
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _PATH + "/{registrantId}", response=WebinarRegistrant)
    async def get(
        self,
        webinar_id: int | str,
        registrant_id: str,
        *,
        occurrence_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarRegistrant:
        """One registrant. An unknown registrant id is a 400 with code 3079."""
        return await self._loop.request_model(
            WebinarRegistrant,
            "GET",
            build_path(
                _PATH + "/{registrantId}",
                webinarId=webinar_id_value(webinar_id),
                registrantId=registrant_id,
            ),
            params={"occurrence_id": occurrence_id},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _PATH + "/{registrantId}")
    async def delete(
        self,
        webinar_id: int | str,
        registrant_id: str,
        *,
        occurrence_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Remove a registration (of one occurrence, with ``occurrence_id``)."""
        await self._loop.request(
            "DELETE",
            build_path(
                _PATH + "/{registrantId}",
                webinarId=webinar_id_value(webinar_id),
                registrantId=registrant_id,
            ),
            params={"occurrence_id": occurrence_id},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PUT", _PATH + "/status")
    async def update_status(
        self,
        webinar_id: int | str,
        *,
        action: RegistrantStatusAction | str,
        registrants: Sequence[str | WebinarRegistrantRef | Mapping[str, Any]],
        occurrence_id: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Approve, deny or cancel up to 30 registrants, named by email or registrant id.

        A plain string with an ``@`` is an email, any other string a registrant id.
        """
        body = build_body(
            WebinarRegistrantStatusParams,
            {"action": action, "registrants": [_registrant_ref(r) for r in registrants]},
            extra_body,
        )
        await self._loop.request(
            "PUT",
            build_path(_PATH + "/status", webinarId=webinar_id_value(webinar_id)),
            params={"occurrence_id": occurrence_id},
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _PATH + "/questions", response=WebinarRegistrationQuestions)
    async def get_questions(
        self,
        webinar_id: int | str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarRegistrationQuestions:
        """The questions the registration form asks."""
        return await self._loop.request_model(
            WebinarRegistrationQuestions,
            "GET",
            build_path(_PATH + "/questions", webinarId=webinar_id_value(webinar_id)),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _PATH + "/questions")
    async def update_questions(
        self,
        webinar_id: int | str,
        *,
        questions: Sequence[WebinarRegistrationQuestionParams | Mapping[str, Any]] | None = None,
        custom_questions: Sequence[WebinarRegistrationCustomQuestionParams | Mapping[str, Any]]
        | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Replace the standard questions, the custom questions, or both (what you pass)."""
        body = build_body(
            WebinarRegistrationQuestionsParams,
            {"questions": questions, "custom_questions": custom_questions},
            extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path(_PATH + "/questions", webinarId=webinar_id_value(webinar_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", _BATCH_PATH, response=WebinarBatchRegistrants)
    async def create_batch(
        self,
        webinar_id: int | str,
        *,
        registrants: Sequence[WebinarBatchRegistrantParams | Mapping[str, Any]],
        auto_approve: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WebinarBatchRegistrants:
        """Register up to 30 people in one call (scheduled webinars, type 5, only).

        For more than 30, use :meth:`add_many`. ``auto_approve`` approves them even when the
        webinar approves registrants manually.
        """
        body = build_body(
            WebinarBatchRegistrantsParams,
            {"registrants": registrants, "auto_approve": auto_approve},
            extra_body,
        )
        return await self._loop.request_model(
            WebinarBatchRegistrants,
            "POST",
            build_path(_BATCH_PATH, webinarId=webinar_id_value(webinar_id)),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    async def add_many(
        self,
        webinar_id: int | str,
        *,
        registrants: Sequence[WebinarBatchRegistrantParams | Mapping[str, Any]],
        auto_approve: bool = True,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[WebinarBatchRegistrant]:
        """Register any number of people, 30 per ``create_batch`` call, approved by default.

        Returns every created registrant (with ``join_url``) in the order given. All entries are
        checked before the first call. If a call fails, :class:`~zoomkit.errors.PartialBatchError`
        says what is done (``done``), what failed (``failed``: that call's entries, which Zoom
        may or may not have registered) and what was never sent (``unsent``). Zoom keeps one
        registration per email, so sending a failed chunk again does not register anyone twice.
        """
        webinar = webinar_id_value(webinar_id)
        checked = [
            validate_request(
                WebinarBatchRegistrantParams, plain(registrant), prefix=f"registrants[{n}]"
            )
            for n, registrant in enumerate(registrants)
        ]
        if not checked:
            raise RequestValidationError("registrants: give at least one", field="registrants")

        async def send(part: list[WebinarBatchRegistrantParams]) -> list[WebinarBatchRegistrant]:
            answer = await self.create_batch(
                webinar,
                registrants=part,
                auto_approve=auto_approve,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            )
            return list(answer.registrants or [])

        return await send_in_batches(checked, send)

    @operation("GET", _PATH, response=WebinarRegistrantList)
    def list(
        self,
        webinar_id: int | str,
        *,
        status: RegistrantStatus | str | None = None,
        occurrence_id: str | None = None,
        tracking_source_id: str | None = None,
        page_size: int = 300,
        next_page_token: str | None = None,
        page_number: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[WebinarRegistrant]:
        """Registrants with one ``status`` (Zoom's default: ``approved``), every page."""
        path = build_path(_PATH, webinarId=webinar_id_value(webinar_id))
        request_options = options(extra_headers, extra_query, None, timeout)

        return self._pages(
            WebinarRegistrantList,
            path,
            {
                "status": status,
                "occurrence_id": occurrence_id,
                "tracking_source_id": tracking_source_id,
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
                "page_number": page_number,
            },
            items_field="registrants",
            request_options=request_options,
        )
