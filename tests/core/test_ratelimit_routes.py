"""Each concrete request path resolves to its operation's rate-limit category (scope.json)."""

from __future__ import annotations

import re

import pytest

from zoomkit import Category, MeetingUUID, build_path
from zoomkit._operations import OPERATIONS
from zoomkit._ratelimit_routes import Route, resolve_route

DOUBLE_ENCODED = build_path("{u}", u=MeetingUUID("/ajXp112QmuoKj4854875=="))
SINGLE_ENCODED = build_path("{u}", u=MeetingUUID("aj+Xp1=="))


@pytest.mark.parametrize(
    ("method", "path", "category", "template"),
    [
        ("GET", "/users/me", Category.LIGHT, "/users/{userId}"),
        ("GET", "/users", Category.MEDIUM, "/users"),
        ("POST", "/users/me/meetings", Category.MEDIUM, "/users/{userId}/meetings"),
        (
            "GET",
            "/users/someone%40example.com/meetings",
            Category.MEDIUM,
            "/users/{userId}/meetings",
        ),
        (
            "POST",
            "/users/KDcuGIm1QgePTO8WbOqwIQ/webinars",
            Category.LIGHT,
            "/users/{userId}/webinars",
        ),
        ("PATCH", "/meetings/85746065432", Category.LIGHT, "/meetings/{meetingId}"),
        (
            "POST",
            "/meetings/85746065432/batch_registrants",
            Category.HEAVY,
            "/meetings/{meetingId}/batch_registrants",
        ),
        (
            "GET",
            "/report/meetings/85746065432/participants",
            Category.HEAVY,
            "/report/meetings/{meetingId}/participants",
        ),
        (
            "GET",
            f"/report/meetings/{DOUBLE_ENCODED}/participants",
            Category.HEAVY,
            "/report/meetings/{meetingId}/participants",
        ),
        (
            "GET",
            f"/past_meetings/{SINGLE_ENCODED}/participants",
            Category.MEDIUM,
            "/past_meetings/{meetingId}/participants",
        ),
        ("GET", f"/past_meetings/{DOUBLE_ENCODED}", Category.LIGHT, "/past_meetings/{meetingId}"),
        ("GET", "/metrics/meetings", Category.RESOURCE_INTENSIVE, "/metrics/meetings"),
        ("GET", "/metrics/meetings/85746065432", Category.HEAVY, "/metrics/meetings/{meetingId}"),
        ("GET", "/metrics/webinars", Category.RESOURCE_INTENSIVE, "/metrics/webinars"),
        # a category Zoom's spec leaves out counts as Light
        ("GET", "/users/me/webinar_templates", Category.LIGHT, "/users/{userId}/webinar_templates"),
    ],
)
def test_real_paths_resolve_to_their_category(
    method: str, path: str, category: Category, template: str
) -> None:
    route = resolve_route(method, path)
    assert (route.category, route.template) == (category, template)


def test_a_literal_segment_wins_over_a_parameter_in_the_same_place() -> None:
    settings = resolve_route("GET", "/meetings/85746065432/recordings/settings")
    one_file = resolve_route("DELETE", "/meetings/85746065432/recordings/abc123")
    assert settings.template == "/meetings/{meetingId}/recordings/settings"
    assert one_file.template == "/meetings/{meetingId}/recordings/{recordingId}"
    assert one_file.ids == ("85746065432", "abc123")


def test_literal_status_after_a_uuid_is_not_taken_for_a_recording_id() -> None:
    route = resolve_route("PUT", f"/meetings/{DOUBLE_ENCODED}/recordings/status")
    assert route.template == "/meetings/{meetingUUID}/recordings/status"
    assert route.ids == (DOUBLE_ENCODED,)


def test_the_search_backtracks_when_the_literal_branch_lacks_the_method() -> None:
    # /users/me/zak is GET only; PATCH /users/me must still find PATCH /users/{userId}
    assert resolve_route("GET", "/users/me/zak").template == "/users/me/zak"
    assert resolve_route("PATCH", "/users/me").template == "/users/{userId}"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/no_such_thing"),
        ("GET", "/users/me/no_such_thing"),
        ("TRACE", "/users/me"),
        ("GET", "/meetings//recordings"),  # an empty id matches no parameter
    ],
)
def test_unknown_operations_count_as_light(method: str, path: str) -> None:
    assert resolve_route(method, path) == Route(Category.LIGHT)


def test_query_strings_and_trailing_slashes_do_not_change_the_route() -> None:
    assert resolve_route("GET", "/users/?page_size=300").template == "/users"


def test_every_operation_in_the_table_resolves_to_itself() -> None:
    for operation in OPERATIONS:
        concrete = re.sub(r"\{[^}]+\}", "x1", operation.path)
        route = resolve_route(operation.method, concrete)
        expected = Category.parse(operation.category) or Category.LIGHT
        assert (route.template, route.category) == (operation.path, expected), operation
