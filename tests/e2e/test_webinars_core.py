"""Webinars end to end: schedule, read, list, change, end and cancel; templates, links, tokens."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from zoomkit.errors import BadRequestError, MeetingNotFound, RequestValidationError
from zoomkit.models import (
    Meeting,
    Webinar,
    WebinarCreationSource,
    WebinarListItem,
    WebinarType,
)
from zoomkit.testing import FakeClock, FakeZoom

pytestmark = pytest.mark.anyio
BERLIN = ZoneInfo("Europe/Berlin")


async def test_a_webinar_is_scheduled_read_changed_and_deleted(fake: FakeZoom) -> None:
    start = datetime(2026, 4, 14, 17, 0, tzinfo=BERLIN)
    async with fake.client() as zoom:
        created = await zoom.webinars.create(
            topic="Product launch",
            start_time=start,
            duration=90,
            timezone="Europe/Berlin",
            password="Launch!1",
            settings={"approval_type": 0, "alternative_hosts": ["a@example.com", "b@example.com"]},
        )
        await zoom.webinars.update(created.id, topic="Product launch (final)", duration=120)
        fetched = await zoom.webinars.get(str(created.id))
        await zoom.webinars.delete(created.id)
        with pytest.raises(MeetingNotFound) as gone:
            await zoom.webinars.get(created.id)
    assert isinstance(created.id, int)
    assert created.id > 2**31
    assert created.type == WebinarType.WEBINAR
    assert created.start_time == start.astimezone(UTC)
    assert created.creation_source == WebinarCreationSource.OPEN_API
    assert (fetched.topic, fetched.duration, fetched.password) == (
        "Product launch (final)",
        120,
        "Launch!1",
    )
    assert fetched.settings is not None
    assert fetched.settings.alternative_hosts == "a@example.com,b@example.com"
    assert gone.value.code == 3001


async def test_a_recurring_webinar_has_occurrences_and_one_can_be_moved_or_cancelled(
    fake: FakeZoom,
) -> None:
    async with fake.client() as zoom:
        created = await zoom.webinars.create(
            topic="Office hours",
            type=WebinarType.RECURRING_FIXED_TIME,
            start_time=datetime(2026, 3, 3, 15, 0, tzinfo=UTC),
            recurrence={"type": 2, "weekly_days": [4], "end_times": 3},
        )
        webinar_id = created.id
        occurrences = created.occurrences or []
        second = occurrences[1].occurrence_id or ""
        await zoom.webinars.update(
            webinar_id, occurrence_id=second, start_time=datetime(2026, 3, 10, 16, 0, tzinfo=UTC)
        )
        moved = await zoom.webinars.get(webinar_id, occurrence_id=second)
        await zoom.webinars.delete(webinar_id, occurrence_id=occurrences[2].occurrence_id)
        after = await zoom.webinars.get(webinar_id)
    assert [o.start_time for o in occurrences] == [
        datetime(2026, 3, 4, 15, 0, tzinfo=UTC),
        datetime(2026, 3, 11, 15, 0, tzinfo=UTC),
        datetime(2026, 3, 18, 15, 0, tzinfo=UTC),
    ]
    assert moved.start_time == datetime(2026, 3, 10, 16, 0, tzinfo=UTC)
    assert [o.status for o in after.occurrences or []] == ["available", "available", "deleted"]


async def test_a_recurring_webinar_without_fixed_time_has_no_start(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        created = await zoom.webinars.create(
            topic="Always open", type=WebinarType.RECURRING_NO_FIXED_TIME
        )
    assert created.type == WebinarType.RECURRING_NO_FIXED_TIME
    assert created.start_time is None
    assert created.occurrences is None


async def test_list_walks_every_page_and_upcoming_leaves_out_past_webinars(
    fake: FakeZoom, clock: FakeClock
) -> None:
    now = datetime.fromtimestamp(clock.time(), UTC)
    owner = fake.owner["id"]
    for day in range(1, 6):
        fake.add_webinar(owner, topic=f"Future {day}", start_time=now + timedelta(days=day))
    fake.add_webinar(owner, topic="Yesterday", start_time=now - timedelta(days=1))
    async with fake.client() as zoom:
        scheduled = [w async for w in zoom.webinars.list(page_size=2)]
        upcoming = [w async for w in zoom.webinars.list("me", type="upcoming")]
        first_page = await zoom.webinars.list(page_size=4, page_number=1)
    assert [w.topic for w in scheduled] == ["Yesterday", *(f"Future {d}" for d in range(1, 6))]
    assert all(isinstance(w, WebinarListItem) for w in scheduled)
    assert "Yesterday" not in [w.topic for w in upcoming]
    assert len(upcoming) == 5
    assert (first_page.page_count, len(first_page)) == (2, 4)


async def test_bad_input_is_refused_before_anything_is_sent(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as bad_type:
            await zoom.webinars.create(topic="Meeting type", type=2)
        with pytest.raises(RequestValidationError) as bad_recurrence:
            await zoom.webinars.create(topic="Plain", type=5, recurrence={"type": 1})
        with pytest.raises(RequestValidationError) as naive:
            await zoom.webinars.create(topic="Naive", start_time=datetime(2026, 5, 1, 9, 0))
        with pytest.raises(RequestValidationError) as none_update:
            await zoom.webinars.update(123456789012, agenda=None)  # type: ignore[arg-type]
        with pytest.raises(RequestValidationError) as uuid_as_id:
            await zoom.webinars.get("aDYlohsHRtCd4ii1uC2+hA==")
    assert (bad_type.value.field, bad_recurrence.value.field) == ("type", "recurrence")
    assert (naive.value.field, none_update.value.field) == ("start_time", "agenda")
    assert uuid_as_id.value.field == "webinar_id"
    assert fake.requests == []


async def test_ending_a_webinar_that_has_not_started_is_refused(fake: FakeZoom) -> None:
    webinar = fake.add_webinar(fake.owner["id"], topic="Not yet")
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as refused:
            await zoom.webinars.update_status(webinar["id"])
    assert refused.value.code == 3000


async def test_a_webinar_in_progress_cannot_be_deleted(fake: FakeZoom) -> None:
    webinar = fake.add_webinar(fake.owner["id"], topic="Live now")
    fake.start_webinar(webinar["id"])
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as refused:
            await zoom.webinars.delete(webinar["id"])
    assert refused.value.code == 3002
    assert fake.get_webinar(webinar["id"]) is not None


# -- one id, either kind ------------------------------------------------------------------------


async def test_get_meeting_or_webinar_returns_a_meeting_in_one_call(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Stand-up")
    async with fake.client() as zoom:
        found = await zoom.get_meeting_or_webinar(meeting["id"])
    assert isinstance(found, Meeting)
    assert found.topic == "Stand-up"
    assert (fake.counters.calls["meeting"], fake.counters.calls["webinar"]) == (1, 0)


async def test_get_meeting_or_webinar_finds_a_webinar_after_zoom_refuses_the_meeting_call(
    fake: FakeZoom,
) -> None:
    webinar = fake.add_webinar(fake.owner["id"], topic="Town hall")
    async with fake.client() as zoom:
        with pytest.raises(BadRequestError) as meeting_call:
            await zoom.meetings.get(webinar["id"])
        found = await zoom.get_meeting_or_webinar(str(webinar["id"]))
    assert (meeting_call.value.status_code, meeting_call.value.code) == (400, 3000)
    assert isinstance(found, Webinar)
    assert found.topic == "Town hall"
    assert (fake.counters.calls["meeting"], fake.counters.calls["webinar"]) == (2, 1)


async def test_get_meeting_or_webinar_names_both_answers_for_an_unknown_id(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(MeetingNotFound) as unknown:
            await zoom.get_meeting_or_webinar(98765432109)
    message = str(unknown.value)
    assert "neither a meeting nor a webinar" in message
    assert "GET /meetings/98765432109" in message
    assert "GET /webinars/98765432109" in message


async def test_a_meeting_id_is_no_webinar(fake: FakeZoom) -> None:
    meeting = fake.add_meeting(fake.owner["id"], topic="Just a meeting")
    async with fake.client() as zoom:
        with pytest.raises(MeetingNotFound) as refused:
            await zoom.webinars.get(meeting["id"])
    assert (refused.value.status_code, refused.value.code) == (404, 3001)


# -- templates, links, tokens, sources --------------------------------------------------------


async def test_a_template_keeps_a_webinars_settings_for_the_next_one(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        source = await zoom.webinars.create(
            topic="Template source", settings={"practice_session": True, "hd_video": True}
        )
        template = await zoom.webinars.templates.create(webinar_id=source.id, name="Practice first")
        listed = await zoom.webinars.templates.list()
        from_template = await zoom.webinars.create(topic="From template", template_id=template.id)
    assert [(t.id, t.name) for t in listed.templates] == [(template.id, "Practice first")]
    assert listed.total_records == 1
    assert from_template.settings is not None
    assert (from_template.settings.practice_session, from_template.settings.hd_video) == (
        True,
        True,
    )


async def test_invite_links_give_each_attendee_a_personal_join_url(fake: FakeZoom) -> None:
    webinar = fake.add_webinar(fake.owner["id"], topic="Invite only")
    async with fake.client() as zoom:
        links = await zoom.webinars.create_invite_links(
            webinar["id"], attendees=["Ada", {"name": "Grace", "disable_video": True}], ttl=3600
        )
        with pytest.raises(RequestValidationError) as too_long:
            await zoom.webinars.create_invite_links(webinar["id"], attendees=["x" * 65])
    assert [a.name for a in links.attendees] == ["Ada", "Grace"]
    assert len({a.join_url for a in links.attendees}) == 2
    assert too_long.value.field == "attendees[0].name"


async def test_tokens_and_sip_dialing_are_issued_for_a_webinar(fake: FakeZoom) -> None:
    webinar = fake.add_webinar(fake.owner["id"], topic="Tokens", password="123456")
    webinar_id = webinar["id"]
    async with fake.client() as zoom:
        caption = await zoom.webinars.get_token(webinar_id)
        streaming = await zoom.webinars.get_live_streaming_join_token(webinar_id)
        archiving = await zoom.webinars.get_local_archiving_token(webinar_id)
        recording = await zoom.webinars.get_local_recording_join_token(webinar_id)
        sip = await zoom.webinars.get_sip_dialing(webinar_id, passcode="123456")
    assert (caption.token or "").startswith("https://wmcc.zoom.us/closedcaption")
    assert [t.expire_in for t in (streaming, archiving, recording)] == [120, 120, 120]
    assert len({t.token for t in (streaming, archiving, recording)}) == 3
    assert (sip.sip_dialing or "").startswith(f"{webinar_id}.123456.")
    assert sip.expire_in == 7200


async def test_tracking_sources_count_the_registrations_they_brought(fake: FakeZoom) -> None:
    webinar = fake.add_webinar(
        fake.owner["id"],
        topic="Tracked",
        settings={"approval_type": 0},
        tracking_sources=["Newsletter", "LinkedIn"],
    )
    async with fake.client() as zoom:
        sources = await zoom.webinars.list_tracking_sources(webinar["id"])
        newsletter = sources.tracking_sources[0]
        await zoom.webinars.registrants.create(
            webinar["id"], email="ada@example.com", first_name="Ada", source_id=newsletter.id
        )
        await zoom.webinars.registrants.create(
            webinar["id"], email="grace@example.com", first_name="Grace"
        )
        after = await zoom.webinars.list_tracking_sources(webinar["id"])
        from_newsletter = [
            r.email
            async for r in zoom.webinars.registrants.list(
                webinar["id"], tracking_source_id=newsletter.id
            )
        ]
    assert [s.source_name for s in sources.tracking_sources] == ["Newsletter", "LinkedIn"]
    assert [s.registration_count for s in after.tracking_sources] == [1, 0]
    assert after.total_records == 1
    assert from_newsletter == ["ada@example.com"]


async def test_settings_read_from_one_webinar_can_schedule_another(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        source = await zoom.webinars.create(
            topic="Source", settings={"on_demand": True, "audio": "telephony"}
        )
        copy = await zoom.webinars.create(topic="Copy", settings=source.settings)
    assert copy.settings is not None
    assert (copy.settings.on_demand, copy.settings.audio) == (True, "telephony")
