"""FakeZoom's webinar controls: seed webinars, run them (start, attendees, polls, Q&A, end) and
look at what FakeZoom keeps. Mixed into :class:`~zoomkit.testing.FakeZoom`."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from . import _webinar_live
from ._http import ZoomAPIError
from ._times import iso_z, to_epoch
from ._webinars import create_webinar

if TYPE_CHECKING:
    from ._state import State

__all__ = ["WebinarControls"]


class WebinarControls:
    """The webinar half of FakeZoom's seeding and inspection methods."""

    _state: State

    def add_webinar(
        self,
        host: str,
        *,
        topic: str,
        type: int = 5,
        start_time: datetime | None = None,
        duration: int = 60,
        timezone: str = "UTC",
        uuid: str | None = None,
        tracking_sources: Iterable[str] = (),
        **fields: Any,
    ) -> dict[str, Any]:
        """Create a webinar as ``POST /users/{host}/webinars`` would, without a request.

        ``settings={"approval_type": 0}`` turns registration on; ``tracking_sources`` names
        places the registration link was shared (``source_id`` of a registrant credits one).
        Invalid fields raise ValueError with Zoom's ``errors[]``.
        """
        user = self._state.find_user(host, None)
        if user is None:
            raise ValueError(f"unknown host {host!r}")
        body: dict[str, Any] = {
            "topic": topic,
            "type": type,
            "duration": duration,
            "timezone": timezone,
            **fields,
        }
        if start_time is not None:
            body["start_time"] = iso_z(to_epoch(start_time))
        try:
            webinar = create_webinar(self._state, user, body, uuid=uuid)
        except ZoomAPIError as error:
            raise ValueError(f"{error.message} {error.errors}") from None
        extras = self._state.webinar_store.of(webinar["id"])
        for name in tracking_sources:
            source_id = self._state.ids.opaque()
            extras.tracking_sources.append(
                {
                    "id": source_id,
                    "source_name": name,
                    "tracking_url": f"https://us05web.zoom.us/webinar/register/{source_id}",
                    "visitor_count": 0,
                    "registration_count": 0,
                }
            )
        return copy.deepcopy(webinar)

    def get_webinar(self, webinar_id: int | str) -> dict[str, Any] | None:
        """A copy of the stored webinar (as ``GET /webinars/{id}`` shows it), or None."""
        webinar = self._state.webinar_store.webinars.get(int(webinar_id))
        return copy.deepcopy(webinar) if webinar is not None else None

    def webinar_registrants(self, webinar_id: int | str) -> list[dict[str, Any]]:
        """Copies of every registrant of the webinar, whatever their status."""
        extras = self._state.webinar_store.extras.get(int(webinar_id))
        return copy.deepcopy(list(extras.registrants.values())) if extras else []

    def webinar_panelists(self, webinar_id: int | str) -> list[dict[str, Any]]:
        """Copies of the webinar's panelists."""
        extras = self._state.webinar_store.extras.get(int(webinar_id))
        return copy.deepcopy(list(extras.panelists.values())) if extras else []

    def start_webinar(self, webinar_id: int | str) -> None:
        """The host starts the webinar."""
        _webinar_live.start_webinar(self._state, webinar_id)

    def add_webinar_participant(
        self, webinar_id: int | str, *, name: str, email: str | None = None
    ) -> dict[str, Any]:
        """Someone joins the started webinar; returns the attendance record.

        Its ``user_id`` names it to :meth:`remove_webinar_participant`. Joining with a
        registrant's email ties the attendance to the registration (``registrant_id``), so
        that registrant is no absentee.
        """
        return _webinar_live.add_participant(self._state, webinar_id, name=name, email=email)

    def remove_webinar_participant(self, webinar_id: int | str, user_id: str) -> None:
        """The attendee leaves."""
        _webinar_live.remove_participant(self._state, webinar_id, user_id)

    def answer_webinar_poll(
        self,
        webinar_id: int | str,
        *,
        poll_id: str,
        name: str,
        email: str,
        answers: Mapping[str, str | Sequence[str]],
    ) -> None:
        """An attendee answers a poll of the started webinar (question name -> answer)."""
        _webinar_live.answer_poll(
            self._state, webinar_id, poll_id=poll_id, name=name, email=email, answers=answers
        )

    def ask_webinar_question(
        self,
        webinar_id: int | str,
        *,
        name: str,
        email: str,
        question: str,
        answer: str = "",
    ) -> None:
        """An attendee asks in the Q&A of the started webinar; ``answer`` is the reply."""
        _webinar_live.ask_question(
            self._state, webinar_id, name=name, email=email, question=question, answer=answer
        )

    def end_webinar(self, webinar_id: int | str) -> dict[str, Any]:
        """The host ends the webinar: a past instance is recorded and returned.

        Everyone still in leaves; approved registrants who never joined are its absentees. The
        webinar gets a new UUID for its next instance, as on Zoom.
        """
        return _webinar_live.end_webinar(self._state, webinar_id)
