"""Tracking field definitions end to end."""

from __future__ import annotations

import pytest

from zoomkit.errors import BadRequestError, NotFoundError, RequestValidationError
from zoomkit.models import TrackingFieldDefinition
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio


async def test_a_created_field_is_listed_and_fetched(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        created = await zoom.tracking_fields.create(
            field="Cost centre", recommended_values=("CC-1", "CC-2"), required=True
        )
        listed = await zoom.tracking_fields.list()
        fetched = await zoom.tracking_fields.get(created.id or "")
    assert isinstance(created, TrackingFieldDefinition)
    assert (created.field, created.recommended_values) == ("Cost centre", ["CC-1", "CC-2"])
    assert (created.required, created.visible) == (True, True)
    assert listed.total_records == 1
    assert listed.tracking_fields == [created]
    assert fetched == created


async def test_only_the_given_fields_are_sent_on_create(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.tracking_fields.create(field="Course")
    assert [r.json for r in fake.requests if r.operation == "trackingfieldCreate"] == [
        {"field": "Course"}
    ]


async def test_an_update_changes_only_what_is_given(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        created = await zoom.tracking_fields.create(field="Course", recommended_values=["A"])
        await zoom.tracking_fields.update(created.id or "", visible=False)
        updated = await zoom.tracking_fields.get(created.id or "")
    assert (updated.field, updated.recommended_values, updated.visible) == ("Course", ["A"], False)


async def test_a_label_another_field_has_is_refused_by_zoom(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        await zoom.tracking_fields.create(field="Course")
        other = await zoom.tracking_fields.create(field="Cohort")
        with pytest.raises(BadRequestError, match="already exists"):
            await zoom.tracking_fields.update(other.id or "", field="course")


async def test_a_deleted_field_is_not_found(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        created = await zoom.tracking_fields.create(field="Course")
        await zoom.tracking_fields.delete(created.id or "")
        with pytest.raises(NotFoundError) as caught:
            await zoom.tracking_fields.get(created.id or "")
        listed = await zoom.tracking_fields.list()
    assert caught.value.code == 5110
    assert listed.tracking_fields == []


@pytest.mark.parametrize(
    ("call", "field"),
    [
        ({"field": ""}, "field"),
        ({"field": "x", "recommended_values": "abc"}, "recommended_values"),
        ({"field": "x", "required": "yes"}, "required"),
    ],
)
async def test_a_bad_new_field_is_refused_before_sending(
    fake: FakeZoom, call: dict[str, object], field: str
) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError) as caught:
            await zoom.tracking_fields.create(**call)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert fake.requests == []


async def test_none_in_an_update_is_refused_before_sending(fake: FakeZoom) -> None:
    async with fake.client() as zoom:
        with pytest.raises(RequestValidationError, match="leave it out") as caught:
            await zoom.tracking_fields.update("f", field=None)  # type: ignore[arg-type]
    assert caught.value.field == "field"
    assert fake.requests == []
