"""FakeZoom enforces Zoom's rate limits: per category, per second and per UTC day, per host."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import httpx
import pytest

from zoomkit.testing import CategoryLimit, FakeClock, FakeZoom, Plan
from zoomkit.testing._limits import (
    BUSINESS,
    FREE,
    PRO,
    Decision,
    RateLimits,
    admitted_headers,
    category_of,
    decide,
    next_utc_midnight_iso,
    resolve_plan,
    utc_day,
)

PER_SECOND = "You have reached the maximum per-second rate limit for this API. Try again later."
DAILY = (
    "You have reached the maximum daily rate limit for this API. "
    "Refer to the response header for details on when you can make another request."
)
PER_HOST = (
    "You have exceeded the daily rate limit (100) of Meeting Create/Update API requests "
    "permitted for this particular user. You may resume these requests at GMT 00:00:00."
)
MIDNIGHT_AFTER_START = "2026-03-03T00:00:00Z"  # FakeClock starts 2026-03-02T09:00:00Z


async def sign_in(client: httpx.AsyncClient, fake: FakeZoom) -> None:
    """Give ``client`` a fresh S2S token (they live an hour, and tests cross days)."""
    token = await client.post(
        "https://zoom.us/oauth/token",
        data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
        auth=(fake.s2s.client_id, fake.s2s.client_secret),
    )
    client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"


@asynccontextmanager
async def api_client(fake: FakeZoom) -> AsyncIterator[httpx.AsyncClient]:
    """A bare httpx client holding an S2S token, so the wire behaviour is FakeZoom's alone."""
    async with httpx.AsyncClient(
        transport=fake.transport(), base_url="https://api.zoom.us/v2"
    ) as client:
        await sign_in(client, fake)
        yield client


def seconds_to_midnight(clock: FakeClock) -> float:
    return (utc_day(clock.time()) + 1) * 86_400 - clock.time()


# -- the pure decisions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("limit", "in_window", "used_today", "expected"),
    [
        (CategoryLimit(30), 0, 0, Decision.ADMIT),
        (CategoryLimit(30), 29, 10**6, Decision.ADMIT),
        (CategoryLimit(30), 30, 0, Decision.PER_SECOND),
        (CategoryLimit(4, daily=6000), 3, 5999, Decision.ADMIT),
        (CategoryLimit(4, daily=6000), 0, 6000, Decision.DAILY),
        (CategoryLimit(4, daily=6000), 4, 6000, Decision.DAILY),
        (CategoryLimit(4, daily=6000), 4, 5999, Decision.PER_SECOND),
    ],
)
def test_decide(limit: CategoryLimit, in_window: int, used_today: int, expected: Decision) -> None:
    assert decide(limit, in_window=in_window, used_today=used_today) is expected


@pytest.mark.parametrize(
    ("limit", "in_window", "used_today", "expected"),
    [
        (CategoryLimit(30), 1, 1, ("QPS", "30", "29")),
        (CategoryLimit(30), 30, 1, ("QPS", "30", "0")),
        (CategoryLimit(4, daily=6000), 1, 107, ("Daily-limit", "6000", "5893")),
    ],
)
def test_admitted_headers_report_the_daily_budget_where_there_is_one(
    limit: CategoryLimit, in_window: int, used_today: int, expected: tuple[str, str, str]
) -> None:
    headers = admitted_headers("Light", limit, in_window=in_window, used_today=used_today)
    assert headers["x-ratelimit-category"] == "Light"
    assert (
        headers["x-ratelimit-type"],
        headers["x-ratelimit-limit"],
        headers["x-ratelimit-remaining"],
    ) == expected


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (1_772_442_000.0, "2026-03-03T00:00:00Z"),  # 09:00 UTC
        (1_772_495_999.9, "2026-03-03T00:00:00Z"),  # 23:59:59.9 UTC
        (1_772_496_000.0, "2026-03-04T00:00:00Z"),  # midnight itself starts the new day
    ],
)
def test_daily_limits_reset_at_the_next_utc_midnight(now: float, expected: str) -> None:
    assert next_utc_midnight_iso(now) == expected


@pytest.mark.parametrize(
    ("operation", "category"),
    [
        ("user", "Light"),
        ("meetingCreate", "Medium"),
        ("pastMeetingParticipants", "Medium"),
        ("reportMeetingParticipants", "Heavy"),
        ("dashboardMeetings", "Resource-intensive"),
        ("notAZoomOperation", "Light"),
    ],
)
def test_category_comes_from_scope_json(operation: str, category: str) -> None:
    assert category_of(operation) == category


@pytest.mark.parametrize(
    ("plan", "category", "rate", "per", "daily"),
    [
        (FREE, "Light", 4, 1.0, 6000),
        (FREE, "Medium", 2, 1.0, 2000),
        (FREE, "Heavy", 1, 1.0, 1000),
        (FREE, "Resource-intensive", 10, 60.0, 30000),
        (PRO, "Light", 30, 1.0, None),
        (PRO, "Medium", 20, 1.0, None),
        (PRO, "Heavy", 10, 1.0, 30000),
        (PRO, "Resource-intensive", 10, 60.0, 30000),
        (BUSINESS, "Light", 80, 1.0, None),
        (BUSINESS, "Medium", 60, 1.0, None),
        (BUSINESS, "Heavy", 40, 1.0, 60000),
        (BUSINESS, "Resource-intensive", 20, 60.0, 60000),
    ],
)
def test_plan_tables_match_zoom(
    plan: Plan, category: str, rate: int, per: float, daily: int | None
) -> None:
    limit = plan.limit(category)
    assert (limit.rate, limit.per, limit.daily) == (rate, per, daily)


@pytest.mark.parametrize("plan", [PRO, BUSINESS])
def test_heavy_and_resource_intensive_share_one_daily_pool_on_paid_plans(plan: Plan) -> None:
    assert plan.pool("Heavy") == plan.pool("Resource-intensive")


def test_free_plan_counts_each_category_per_day_on_its_own() -> None:
    assert len({FREE.pool(category) for category in FREE.categories}) == 4


@pytest.mark.parametrize(
    ("name", "expected"),
    [("pro", PRO), ("Free", FREE), ("business", BUSINESS), ("Business+", BUSINESS), (None, None)],
)
def test_resolve_plan_by_name(name: str | None, expected: Plan | None) -> None:
    assert resolve_plan(name) is expected


def test_unknown_plan_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match=r"unknown plan 'enterprise'.*business.*free.*pro"):
        resolve_plan("enterprise")


# -- the limiter's windows ------------------------------------------------------------------------


def test_the_per_second_window_slides() -> None:
    limits = RateLimits(PRO)
    for _ in range(30):
        assert limits.admit("Light", 100.5).refusal is None
    assert limits.admit("Light", 101.4).refusal is not None  # 100.5 is still within one second
    assert limits.admit("Light", 101.5).refusal is None


def test_refused_calls_do_not_spend_the_budget() -> None:
    limits = RateLimits(Plan("tiny", {"Light": CategoryLimit(1, daily=2)}))
    assert limits.admit("Light", 0.0).refusal is None
    assert limits.admit("Light", 0.5).refusal is not None
    assert limits.admit("Light", 1.0).refusal is None


def test_heavy_calls_spend_the_resource_intensive_daily_budget() -> None:
    shared = Plan(
        "shared",
        {
            "Light": CategoryLimit(100),
            "Heavy": CategoryLimit(100, daily=3, daily_pool="Heavy"),
            "Resource-intensive": CategoryLimit(100, per=60.0, daily=3, daily_pool="Heavy"),
        },
    )
    limits = RateLimits(shared)
    for _ in range(3):
        assert limits.admit("Heavy", 0.0).refusal is None
    refusal = limits.admit("Resource-intensive", 0.0).refusal
    assert refusal is not None
    assert refusal.headers["x-ratelimit-type"] == "Daily-limit"


def test_no_plan_refuses_nothing_but_still_measures_the_peak() -> None:
    limits = RateLimits(None)
    admissions = [limits.admit("Light", 5.0) for _ in range(500)]
    assert all(admission.refusal is None for admission in admissions)
    assert admissions[-1].seen_in_second == 500


# -- over the wire --------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_the_31st_light_call_in_one_second_gets_zooms_429_at_pro_limits() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1, plan="pro")
    async with api_client(fake) as api:
        statuses = [(await api.get("/users/me")).status_code for _ in range(30)]
        refused = await api.get("/users/me")
    assert statuses == [200] * 30
    assert refused.status_code == 429
    assert refused.json() == {"code": 429, "message": PER_SECOND}
    assert refused.headers["x-ratelimit-category"] == "Light"
    assert refused.headers["x-ratelimit-type"] == "QPS"
    assert refused.headers["x-ratelimit-limit"] == "30"
    assert refused.headers["x-ratelimit-remaining"] == "0"
    assert "x-zm-trackingid" in refused.headers


@pytest.mark.anyio
async def test_the_next_second_light_calls_pass_again() -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1, plan="pro")
    async with api_client(fake) as api:
        for _ in range(31):
            await api.get("/users/me")
        clock.advance(1.0)
        assert (await api.get("/users/me")).status_code == 200


@pytest.mark.anyio
async def test_categories_have_separate_budgets() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1, plan="pro")
    async with api_client(fake) as api:
        for _ in range(31):
            await api.get("/users/me")  # Light, now spent for this second
        assert (await api.get("/users")).status_code == 200  # Medium


@pytest.mark.anyio
async def test_successful_responses_carry_the_rate_limit_headers() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1, plan="pro")
    async with api_client(fake) as api:
        await api.get("/users/me")
        response = await api.get("/users/me")
    assert response.status_code == 200
    assert response.headers["x-ratelimit-category"] == "Light"
    assert response.headers["x-ratelimit-type"] == "QPS"
    assert response.headers["x-ratelimit-limit"] == "30"
    assert response.headers["x-ratelimit-remaining"] == "28"


@pytest.mark.anyio
async def test_error_answers_of_admitted_calls_carry_the_headers_too() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1, plan="pro")
    async with api_client(fake) as api:
        response = await api.get("/meetings/12345678901")
    assert response.status_code == 404
    assert response.headers["x-ratelimit-remaining"] == "29"


@pytest.mark.anyio
async def test_free_plan_headers_count_down_the_daily_budget() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1, plan="free")
    async with api_client(fake) as api:
        response = await api.get("/users/me")
    assert response.headers["x-ratelimit-type"] == "Daily-limit"
    assert response.headers["x-ratelimit-limit"] == "6000"
    assert response.headers["x-ratelimit-remaining"] == "5999"


@pytest.mark.anyio
async def test_without_a_plan_nothing_is_limited_or_labelled() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    async with api_client(fake) as api:
        responses = [await api.get("/users/me") for _ in range(100)]
    assert {response.status_code for response in responses} == {200}
    assert "x-ratelimit-category" not in responses[-1].headers
    assert fake.counters.rate_limited == {}


@pytest.mark.anyio
async def test_token_requests_are_not_rate_limited() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1, plan="free")
    async with api_client(fake) as api:
        for _ in range(10):
            token = await api.post(
                "https://zoom.us/oauth/token",
                data={"grant_type": "account_credentials", "account_id": fake.s2s.account_id},
                auth=(fake.s2s.client_id, fake.s2s.client_secret),
            )
            assert token.status_code == 200


@pytest.mark.anyio
async def test_a_spent_daily_budget_answers_zooms_daily_429_until_utc_midnight() -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1, plan=Plan("tiny", {"Light": CategoryLimit(100, daily=3)}))
    async with api_client(fake) as api:
        for _ in range(3):
            assert (await api.get("/users/me")).status_code == 200
        refused = await api.get("/users/me")
        clock.advance(seconds_to_midnight(clock) - 1)
        await sign_in(api, fake)
        still_refused = await api.get("/users/me")
        clock.advance(1)
        next_day = await api.get("/users/me")
    assert refused.status_code == 429
    assert refused.json() == {"code": 429, "message": DAILY}
    assert refused.headers["x-ratelimit-type"] == "Daily-limit"
    assert refused.headers["x-ratelimit-category"] == "Light"
    assert refused.headers["x-ratelimit-limit"] == "3"
    assert refused.headers["x-ratelimit-remaining"] == "0"
    assert refused.headers["retry-after"] == MIDNIGHT_AFTER_START
    assert still_refused.status_code == 429
    assert next_day.status_code == 200


@pytest.mark.anyio
async def test_free_plan_heavy_calls_stop_after_1000_a_day() -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1, plan="free")
    meeting = fake.add_past_meeting(fake.owner["id"], topic="Reported", participants=2)
    async with api_client(fake) as api:
        for _ in range(1000):
            response = await api.get(f"/report/meetings/{meeting['id']}/participants")
            assert response.status_code == 200
            clock.advance(1.0)  # Free Heavy: one call a second
        refused = await api.get(f"/report/meetings/{meeting['id']}/participants")
    assert refused.status_code == 429
    assert refused.headers["x-ratelimit-type"] == "Daily-limit"
    assert refused.headers["x-ratelimit-limit"] == "1000"
    retry_at = datetime.fromisoformat(refused.headers["retry-after"])
    assert retry_at == datetime(2026, 3, 3, tzinfo=UTC)


async def create_meetings(
    api: httpx.AsyncClient, clock: FakeClock, host: str, count: int
) -> list[httpx.Response]:
    """``count`` creates, paced under Pro's 20 Medium calls a second."""
    responses = []
    for number in range(count):
        responses.append(await api.post(f"/users/{host}/meetings", json={"topic": f"m{number}"}))
        clock.advance(0.06)
    return responses


@pytest.mark.anyio
async def test_the_101st_meeting_create_for_one_host_gets_the_per_user_429() -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1, plan="pro")
    async with api_client(fake) as api:
        created = await create_meetings(api, clock, "me", 100)
        refused = await api.post("/users/me/meetings", json={"topic": "one too many"})
        listed = await api.get("/users/me/meetings", params={"page_size": 300})
    assert {response.status_code for response in created} == {201}
    assert refused.status_code == 429
    assert refused.json() == {"code": 429, "message": PER_HOST}
    assert refused.headers["x-ratelimit-type"] == "Daily-limit"
    assert refused.headers["retry-after"] == MIDNIGHT_AFTER_START
    assert listed.json()["total_records"] == 100
    assert fake.counters.rate_limited["Medium"] == 1


@pytest.mark.anyio
async def test_another_host_still_creates_when_one_host_is_spent() -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1, plan="pro")
    fake.add_user("bo@example.com", first_name="Bo", last_name="Li")
    async with api_client(fake) as api:
        await create_meetings(api, clock, "me", 101)
        other = await api.post("/users/bo@example.com/meetings", json={"topic": "Bo's"})
    assert other.status_code == 201


@pytest.mark.anyio
async def test_a_host_creates_again_the_next_utc_day() -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1, plan="pro")
    async with api_client(fake) as api:
        await create_meetings(api, clock, "me", 101)
        clock.advance(seconds_to_midnight(clock))
        await sign_in(api, fake)
        again = await api.post("/users/me/meetings", json={"topic": "tomorrow"})
    assert again.status_code == 201


@pytest.mark.anyio
async def test_meeting_updates_spend_the_hosts_daily_writes_too() -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1, plan="pro")
    async with api_client(fake) as api:
        created = await create_meetings(api, clock, "me", 1)
        meeting_id = created[0].json()["id"]
        for number in range(99):
            await api.patch(f"/meetings/{meeting_id}", json={"topic": f"v{number}"})
            clock.advance(0.04)
        refused = await api.patch(f"/meetings/{meeting_id}", json={"topic": "v100"})
    assert refused.status_code == 429
    assert refused.json()["message"] == PER_HOST
    assert refused.headers["x-ratelimit-category"] == "Light"
    assert fake.get_meeting(meeting_id)["topic"] == "v98"


@pytest.mark.anyio
async def test_webinar_creates_and_updates_share_the_hosts_100_with_meetings() -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1, plan="pro")
    async with api_client(fake) as api:
        await create_meetings(api, clock, "me", 98)
        webinar = await api.post("/users/me/webinars", json={"topic": "Launch", "type": 5})
        clock.advance(0.06)
        updated = await api.patch(f"/webinars/{webinar.json()['id']}", json={"topic": "Launch!"})
        clock.advance(0.06)
        refused = await api.post("/users/me/webinars", json={"topic": "One too many", "type": 5})
        meeting_refused = await api.post("/users/me/meetings", json={"topic": "Also too many"})
    assert (webinar.status_code, updated.status_code) == (201, 204)
    assert refused.status_code == meeting_refused.status_code == 429
    assert refused.json()["message"] == PER_HOST


@pytest.mark.anyio
async def test_failed_creates_do_not_spend_the_hosts_daily_writes() -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1, plan="pro")
    async with api_client(fake) as api:
        for _ in range(5):
            invalid = await api.post("/users/me/meetings", json={"topic": "t", "type": 99})
            assert invalid.status_code == 400
            clock.advance(0.06)
        created = await create_meetings(api, clock, "me", 100)
    assert {response.status_code for response in created} == {201}


async def registration_event(api: httpx.AsyncClient, kind: str) -> int:
    """A scheduled meeting (type 2) or webinar (type 5) that registers people at once."""
    answer = await api.post(
        f"/users/me/{kind}s",
        json={
            "topic": f"A {kind}",
            "type": 2 if kind == "meeting" else 5,
            "start_time": "2026-03-09T10:00:00Z",
            "settings": {"approval_type": 0},
        },
    )
    assert answer.status_code == 201
    return int(answer.json()["id"])


@pytest.mark.anyio
@pytest.mark.parametrize("kind", ["meeting", "webinar"])
async def test_the_fourth_add_of_one_registrant_in_a_day_gets_zooms_429(kind: str) -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1, plan="pro")
    async with api_client(fake) as api:
        event_id = await registration_event(api, kind)
        person = {"email": "Ada@Example.com", "first_name": "Ada"}
        added = [await api.post(f"/{kind}s/{event_id}/registrants", json=person) for _ in range(3)]
        refused = await api.post(
            f"/{kind}s/{event_id}/batch_registrants",
            json={
                "registrants": [
                    {"email": "ada@example.com", "first_name": "Ada"},
                    {"email": "bo@example.com", "first_name": "Bo"},
                ]
            },
        )
        bo = {"email": "bo@example.com", "first_name": "Bo"}
        others = [await api.post(f"/{kind}s/{event_id}/registrants", json=bo) for _ in range(3)]
        clock.advance(seconds_to_midnight(clock))
        await sign_in(api, fake)
        tomorrow = await api.post(f"/{kind}s/{event_id}/registrants", json=person)
    assert {response.status_code for response in added} == {201}
    assert refused.status_code == 429
    assert refused.json()["message"] == (
        f"You have exceeded the daily rate limit of (3) for Add a {kind} registrant API requests "
        "for the registrant (ada@example.com). You can resume these API requests at GMT 00:00:00."
    )
    assert refused.headers["retry-after"] == MIDNIGHT_AFTER_START
    assert {other.status_code for other in others} == {201}  # the refused batch counted no Bo
    assert tomorrow.status_code == 201


@pytest.mark.parametrize(("plan", "invites"), [(FREE, 50), (PRO, 1_500), (BUSINESS, 10_000)])
def test_user_invites_per_day_follow_zooms_spec(plan: Plan, invites: int) -> None:
    assert plan.user_invites_per_day == invites


@pytest.mark.anyio
async def test_user_invites_past_the_plans_daily_cap_get_zooms_429() -> None:
    clock = FakeClock()
    plan = Plan("invites", PRO.categories, user_invites_per_day=2)
    fake = FakeZoom(clock=clock, seed=1, plan=plan)

    def user(n: int, action: str = "create") -> dict[str, object]:
        return {"action": action, "user_info": {"email": f"u{n}@example.com", "type": 1}}

    async with api_client(fake) as api:
        invited = [await api.post("/users", json=user(n)) for n in range(2)]
        refused = await api.post("/users", json=user(2))
        created = await api.post("/users", json=user(3, "custCreate"))  # not an invite
        clock.advance(seconds_to_midnight(clock))
        await sign_in(api, fake)
        tomorrow = await api.post("/users", json=user(2))
    assert {answer.status_code for answer in invited} == {201}
    assert refused.status_code == 429
    assert refused.json()["message"] == (
        "You have exceeded the daily rate limit (2) of user invite requests permitted for this "
        "account. You may resume these requests at GMT 00:00:00."
    )
    assert refused.headers["retry-after"] == MIDNIGHT_AFTER_START
    assert created.status_code == 201
    assert tomorrow.status_code == 201


@pytest.mark.anyio
async def test_without_a_plan_registrants_are_not_limited() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    async with api_client(fake) as api:
        meeting_id = await registration_event(api, "meeting")
        person = {"email": "ada@example.com", "first_name": "Ada"}
        path = f"/meetings/{meeting_id}/registrants"
        answers = [await api.post(path, json=person) for _ in range(5)]
    assert {answer.status_code for answer in answers} == {201}


@pytest.mark.anyio
async def test_rate_limited_counts_429s_by_category() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1, plan="pro")
    async with api_client(fake) as api:
        for _ in range(33):
            await api.get("/users/me")
        for _ in range(21):
            await api.get("/users")
    assert fake.counters.rate_limited == {"Light": 3, "Medium": 1}


@pytest.mark.anyio
async def test_peak_per_second_is_the_busiest_one_second_span() -> None:
    clock = FakeClock()
    fake = FakeZoom(clock=clock, seed=1)
    async with api_client(fake) as api:
        for _ in range(5):
            await api.get("/users/me")
        clock.advance(0.5)
        for _ in range(7):
            await api.get("/users/me")
        clock.advance(0.6)  # the first five leave the window
        for _ in range(2):
            await api.get("/users/me")
    assert fake.counters.peak_per_second["Light"] == 12


def test_the_plan_can_be_changed_on_a_running_fake() -> None:
    fake = FakeZoom(clock=FakeClock(), seed=1)
    fake.plan = "business"
    assert fake.plan is BUSINESS
