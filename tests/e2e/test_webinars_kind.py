"""``client.get_meeting_or_webinar``: which Zoom answers mean "try the other kind".

FakeZoom shows the main path (tests/e2e/test_webinars_core.py); these respx tests pin the
answers FakeZoom does not give: Zoom's 404 code 3001 to a webinar id on the meeting endpoint,
and errors that must not be mistaken for "wrong kind".
"""

from __future__ import annotations

import httpx
import pytest
import respx

from zoomkit import ZoomClient
from zoomkit.auth import StaticTokenAuth
from zoomkit.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    MeetingNotFound,
    RequestValidationError,
)
from zoomkit.models import Webinar
from zoomkit.resources.webinar_kind import is_wrong_kind

API = "https://api.zoom.us/v2"


@pytest.mark.parametrize(
    ("status", "code", "wrong_kind"),
    [
        (400, 3000, True),  # "Cannot access webinar info." on the meeting endpoint
        (404, 3001, True),  # no such meeting (or webinar)
        (400, 300, False),  # a malformed id: the other kind will not exist either
        (404, 1001, False),  # a user, not the meeting, is missing
        (401, 124, False),
        (400, None, False),
    ],
)
def test_only_zooms_not_this_kind_answers_mean_try_the_other(
    status: int, code: int | None, wrong_kind: bool
) -> None:
    assert is_wrong_kind(APIError("x", status_code=status, code=code)) is wrong_kind


@pytest.mark.anyio
@respx.mock
async def test_a_webinar_is_found_after_a_404_from_the_meeting_endpoint() -> None:
    respx.get(f"{API}/meetings/91234567890").respond(
        404, json={"code": 3001, "message": "Meeting 91234567890 is not found or has expired."}
    )
    respx.get(f"{API}/webinars/91234567890").respond(
        200, json={"id": 91234567890, "topic": "All hands", "type": 5}
    )
    async with ZoomClient(auth=StaticTokenAuth("t")) as zoom:
        found = await zoom.get_meeting_or_webinar(91234567890)
    assert isinstance(found, Webinar)
    assert found.topic == "All hands"


@pytest.mark.anyio
@respx.mock
async def test_an_error_that_is_not_about_the_kind_is_raised_without_a_second_call() -> None:
    respx.get(f"{API}/meetings/91234567890").respond(
        401, json={"code": 124, "message": "Invalid access token."}
    )
    webinar = respx.get(f"{API}/webinars/91234567890").respond(200, json={"id": 91234567890})
    async with ZoomClient(auth=StaticTokenAuth("t"), max_retries=0) as zoom:
        with pytest.raises(AuthenticationError):
            await zoom.get_meeting_or_webinar(91234567890)
    assert not webinar.called


@pytest.mark.anyio
@respx.mock
async def test_an_odd_webinar_answer_is_raised_as_zoom_gave_it() -> None:
    respx.get(f"{API}/meetings/91234567890").respond(
        400, json={"code": 3000, "message": "Cannot access webinar info."}
    )
    respx.get(f"{API}/webinars/91234567890").respond(
        400, json={"code": 200, "message": "Webinar plan is missing."}
    )
    async with ZoomClient(auth=StaticTokenAuth("t")) as zoom:
        with pytest.raises(BadRequestError) as raised:
            await zoom.get_meeting_or_webinar(91234567890)
    assert not isinstance(raised.value, MeetingNotFound)
    assert raised.value.code == 200


@pytest.mark.anyio
@respx.mock
async def test_per_call_options_reach_both_calls() -> None:
    meeting = respx.get(f"{API}/meetings/91234567890").respond(
        404, json={"code": 3001, "message": "Meeting does not exist: 91234567890."}
    )
    webinar = respx.get(f"{API}/webinars/91234567890").respond(200, json={"id": 91234567890})
    async with ZoomClient(auth=StaticTokenAuth("t")) as zoom:
        await zoom.get_meeting_or_webinar(
            "91234567890", extra_headers={"X-Source": "lms"}, extra_query={"trace": "1"}
        )
    for route in (meeting, webinar):
        sent: httpx.Request = route.calls.last.request
        assert sent.headers["x-source"] == "lms"
        assert sent.url.params["trace"] == "1"


@pytest.mark.anyio
async def test_an_id_that_is_no_number_is_refused_before_sending() -> None:
    async with ZoomClient(auth=StaticTokenAuth("t")) as zoom:
        with pytest.raises(RequestValidationError) as refused:
            await zoom.get_meeting_or_webinar("aDYlohsHRtCd4ii1uC2+hA==")
    assert refused.value.field == "meeting_or_webinar_id"
