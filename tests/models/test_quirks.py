"""Every response model reads what real Zoom sends, not only what its schema documents.

Zoom sends numeric ids as strings (and string ids as numbers), dates as ``MM/DD/YYYY HH:MM``,
enum numbers as strings (a recording ``type`` of ``"1"``) and ``""`` where a value is absent.
The checks are generic: every response model exported by ``zoomkit.models`` (and every model
nested in one), every field of the kind a quirk touches, one test per quirk listing each field
that refuses it.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo

import zoomkit.models
from zoomkit.models import CloudRecording, RecordingMeetingType, ZoomModel
from zoomkit.models._types import EmptyAsNone, OptionalInt, OptionalStr, reads_empty_as_none


def response_models() -> list[type[ZoomModel]]:
    """Response models exported by zoomkit.models and those nested in their fields."""
    found: set[type[ZoomModel]] = set()
    todo = [
        value
        for value in vars(zoomkit.models).values()
        if isinstance(value, type) and issubclass(value, ZoomModel) and value is not ZoomModel
    ]
    while todo:
        model = todo.pop()
        if model in found or not model._empty_is_none:  # request models reusing response fields
            continue
        found.add(model)
        for field in model.model_fields.values():
            todo += [t for t in leaves(field.annotation) if _is_model(t)]
    return sorted(found, key=lambda m: (m.__module__, m.__qualname__))


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, ZoomModel)


def leaves(annotation: Any) -> Iterator[Any]:
    """The types a field annotation is made of, through Annotated, unions and containers."""
    origin = get_origin(annotation)
    if origin is Annotated:
        yield from leaves(get_args(annotation)[0])
    elif origin is Literal:
        yield annotation
    elif origin is not None:
        for arg in get_args(annotation):
            yield from leaves(arg)
    else:
        yield annotation


def scalar_types(annotation: Any) -> list[Any]:
    """The value types a field takes at its top level (unions opened, containers not)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return scalar_types(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [t for arg in get_args(annotation) for t in scalar_types(arg)]
    return [annotation]


def takes_text(annotation: Any) -> bool:
    return any(
        t is Any or (isinstance(t, type) and issubclass(t, str)) for t in scalar_types(annotation)
    )


MODELS = response_models()
FIELDS: list[tuple[type[ZoomModel], str, FieldInfo]] = [
    (model, name, field) for model in MODELS for name, field in model.model_fields.items()
]


def refusals(cases: list[tuple[type[ZoomModel], str, FieldInfo]], sent: Any, wanted: Any) -> list:
    """Each field of ``cases`` that does not read ``sent`` (alone in its object, beside the
    ids its model requires) as ``wanted``."""
    problems = []
    for model, name, field in cases:
        key = field.alias or name
        try:
            got = getattr(model.model_validate({**required_ids(model), key: sent}), name)
        except ValueError as error:  # pydantic's ValidationError
            problems.append(f"{model.__qualname__}.{key}: {str(error).splitlines()[2].strip()}")
            continue
        if got != wanted or isinstance(got, str) != isinstance(wanted, str):
            problems.append(f"{model.__qualname__}.{key}: read {sent!r} as {got!r}")
    return problems


def required_ids(model: type[ZoomModel]) -> dict[str, int]:
    """A value for each field ``model`` requires: the ids Zoom always sends (a meeting's)."""
    required = {f.alias or n for n, f in model.model_fields.items() if f.is_required()}
    assert all(is_id(key) for key in required), required
    return dict.fromkeys(required, 1)


def is_id(name: str) -> bool:
    return name == "id" or name.endswith("_id")


def test_the_checks_see_every_area_of_the_api() -> None:
    modules = {model.__module__.rsplit(".", 1)[-1] for model in MODELS}
    assert {"meetings", "users", "webinars", "reports", "dashboards", "recordings"} <= modules
    assert len(MODELS) > 100


def test_numeric_ids_sent_as_strings_read_as_numbers() -> None:
    cases = [
        case
        for case in FIELDS
        if is_id(case[1])
        and int in scalar_types(case[2].annotation)
        and not takes_text(case[2].annotation)
    ]
    assert len(cases) > 20
    assert refusals(cases, "85746065432", 85746065432) == []


def test_other_numbers_sent_as_strings_read_as_numbers() -> None:
    cases = [
        case
        for case in FIELDS
        if not is_id(case[1])
        and int in scalar_types(case[2].annotation)
        and not takes_text(case[2].annotation)
    ]
    assert len(cases) > 100
    assert refusals(cases, "12", 12) == []


def test_string_ids_sent_as_numbers_read_as_strings() -> None:
    cases = [case for case in FIELDS if is_id(case[1]) and str in scalar_types(case[2].annotation)]
    assert len(cases) > 50
    assert refusals(cases, 1234567890, "1234567890") == []


def test_dates_sent_as_month_day_year_read_as_utc_datetimes() -> None:
    cases = [case for case in FIELDS if datetime in scalar_types(case[2].annotation)]
    assert len(cases) > 50
    wanted = datetime(2022, 3, 25, 7, 29, tzinfo=UTC)
    assert refusals(cases, "03/25/2022 07:29", wanted) == []


def test_enum_numbers_sent_as_strings_read_as_members() -> None:
    problems = []
    for model, name, field in FIELDS:
        for kind in scalar_types(field.annotation):
            if isinstance(kind, type) and issubclass(kind, enum.IntEnum):
                member = next(iter(kind))
                problems += refusals([(model, name, field)], str(member.value), member)
    assert problems == []


def test_a_recording_type_sent_as_the_string_1_reads_as_a_meeting_recording() -> None:
    recording = CloudRecording.model_validate({"type": "1"})
    assert recording.type is RecordingMeetingType(1)


def test_empty_strings_read_as_absent_in_every_optional_field_that_is_not_text() -> None:
    cases = [
        case for case in FIELDS if case[2].default is None and not takes_text(case[2].annotation)
    ]
    assert len(cases) > 500
    assert refusals(cases, "", None) == []


def test_empty_strings_stay_empty_strings_in_plain_text_fields() -> None:
    cases = [
        case
        for case in FIELDS
        if set(scalar_types(case[2].annotation)) == {str, type(None)} and not case[2].metadata
    ]
    assert len(cases) > 500
    assert refusals(cases, "", "") == []


# -- the rule that decides which fields read "" as None ------------------------------------------


class _Level(enum.IntEnum):
    LOW = 1


@pytest.mark.parametrize(
    ("annotation", "metadata", "default", "expected"),
    [
        (int | None, [], None, True),
        (bool | None, [], None, True),
        (list[str] | None, [], None, True),
        (date | None, [], None, True),
        (_Level | int | None, [], None, True),
        (BaseModel | None, [], None, True),
        (Literal[0, 5] | None, [], None, True),
        (str | None, [], None, False),
        (OptionalStr, [], None, False),
        (Annotated[int | str, "left_to_right"] | None, [], None, False),
        (Literal["", "a"] | None, [], None, False),
        (Any, [], None, False),
        (int | None, [EmptyAsNone()], None, False),
        (OptionalInt, [], None, False),
        (int, [], 0, False),
        (list[str], [], [], False),
    ],
)
def test_which_fields_read_empty_as_none(
    annotation: Any, metadata: list[object], default: object, expected: bool
) -> None:
    assert reads_empty_as_none(annotation, metadata, default=default) is expected
