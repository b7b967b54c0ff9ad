"""Plan tables and custom budgets: Zoom's numbers per plan, validation, the safety factor."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from zoomkit import Category, ConfigurationError, RateLimits
from zoomkit.ratelimit import DailyBudget, Rate

L, M, H, R = (
    Category.LIGHT,
    Category.MEDIUM,
    Category.HEAVY,
    Category.RESOURCE_INTENSIVE,
)


def test_category_values_are_spelled_as_zoom_sends_them() -> None:
    assert [c.value for c in Category] == ["Light", "Medium", "Heavy", "Resource-intensive"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Heavy", H),
        ("heavy", H),
        (" LIGHT ", L),
        ("Resource-intensive", R),
        ("Resource intensive", R),
        ("Extreme", None),
        ("", None),
        (None, None),
    ],
)
def test_category_parse_reads_headers_in_any_case(text: str | None, expected: Category) -> None:
    assert Category.parse(text) is expected


@pytest.mark.parametrize(
    ("limits", "rates", "budgets"),
    [
        (
            RateLimits.free(),
            {L: Rate(4), M: Rate(2), H: Rate(1), R: Rate(10, per=60.0)},
            {L: 6_000, M: 2_000, H: 1_000, R: 30_000},
        ),
        (
            RateLimits.pro(),
            {L: Rate(30), M: Rate(20), H: Rate(10), R: Rate(10, per=60.0)},
            {L: None, M: None, H: 30_000, R: 30_000},
        ),
        (
            RateLimits.business(),
            {L: Rate(80), M: Rate(60), H: Rate(40), R: Rate(20, per=60.0)},
            {L: None, M: None, H: 60_000, R: 60_000},
        ),
    ],
)
def test_plan_tables_hold_zooms_published_numbers(
    limits: RateLimits, rates: dict[Category, Rate], budgets: dict[Category, int | None]
) -> None:
    assert {c: limits.rate(c) for c in Category} == rates
    found = {c: b.limit if (b := limits.budget(c)) else None for c in Category}
    assert found == budgets
    assert limits.meeting_writes_per_host_per_day == 100


@pytest.mark.parametrize("plan", [RateLimits.pro(), RateLimits.business()])
def test_heavy_and_resource_intensive_share_one_daily_budget_on_paid_plans(
    plan: RateLimits,
) -> None:
    assert plan.budget(H) is plan.budget(R)
    assert plan.budget(H) is not None
    assert plan.budget(H).name == "Heavy+Resource-intensive"  # type: ignore[union-attr]


def test_safety_stretches_the_window_and_shrinks_daily_budgets() -> None:
    limits = RateLimits.pro(safety=0.8)
    assert limits.window(L) == pytest.approx((30, 1.25))
    assert limits.window(R) == pytest.approx((10, 75.0))
    assert limits.daily_limit(limits.budget(H)) == 24_000  # type: ignore[arg-type]
    assert limits.meeting_writes_per_host_per_day == 100  # a per-host limit is not scaled


def test_custom_limits_take_any_numbers() -> None:
    limits = RateLimits(
        light=Rate(5),
        medium=Rate(3),
        heavy=Rate(2, per=2.0),
        resource_intensive=Rate(1, per=60.0),
        daily=(DailyBudget(50, [H, R]),),
        meeting_writes_per_host_per_day=None,
    )
    assert limits.plan == "custom"
    assert limits.window(H) == (2, 2.0)
    assert limits.budget(R) == DailyBudget(50, [Category.HEAVY, "Resource-intensive"])
    assert limits.budget(L) is None


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Rate(0), "at least 1"),
        (lambda: Rate(2.5), "must be an int"),  # type: ignore[arg-type]
        (lambda: Rate(1, per=0), "more than 0 seconds"),
        (lambda: DailyBudget(0, [L]), "int >= 1"),
        (lambda: DailyBudget(10, []), "at least one category"),
        (lambda: RateLimits.pro(safety=0), "safety must be in"),
        (lambda: RateLimits.pro(safety=1.5), "safety must be in"),
        (lambda: RateLimits.pro(meeting_writes_per_host_per_day=0), "meeting_writes"),
        (
            lambda: RateLimits(
                light=Rate(1),
                medium=Rate(1),
                heavy=Rate(1),
                resource_intensive=Rate(1),
                daily=(DailyBudget(5, [H]), DailyBudget(9, [H, R])),
            ),
            "Heavy is in two daily budgets",
        ),
    ],
)
def test_bad_numbers_are_refused_naming_what_is_wrong(
    build: Callable[[], object], message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message):
        build()
