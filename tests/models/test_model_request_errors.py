"""raise_request_validation_error: a pydantic error becomes one readable RequestValidationError."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import BaseModel, Field, ValidationError

from zoomkit.errors import RequestValidationError
from zoomkit.models import raise_request_validation_error


class Item(BaseModel):
    name: Annotated[str, Field(max_length=3)]


class Body(BaseModel):
    count: Annotated[int, Field(ge=1)] = 1
    items: list[Item] = []


def converted(data: object, *, prefix: str = "") -> RequestValidationError:
    try:
        Body.model_validate(data)
    except ValidationError as exc:
        with pytest.raises(RequestValidationError) as caught:
            raise_request_validation_error(exc, prefix=prefix)
        return caught.value
    raise AssertionError("the data was valid")


def test_field_is_the_dotted_path_with_list_indexes() -> None:
    assert converted({"items": [{"name": "ok"}, {"name": "long"}]}).field == "items[1].name"


def test_prefix_places_the_path_under_the_caller_s_name() -> None:
    assert converted({"count": 0}, prefix="settings").field == "settings.count"


def test_message_names_the_field_and_the_problem() -> None:
    assert str(converted({"count": 0})) == "count: must be at least 1 (got 0)"


def test_several_problems_are_all_in_the_message_and_the_first_is_the_field() -> None:
    error = converted({"count": 0, "items": [{"name": "long"}]})

    assert error.field == "count"
    assert str(error) == (
        "2 problems: count: must be at least 1 (got 0); "
        "items[0].name: must be at most 3 characters (got 4)"
    )


def test_missing_field_says_it_is_required() -> None:
    assert str(converted({"items": [{}]})) == "items[0].name: is required"


def test_original_pydantic_error_is_the_cause() -> None:
    assert isinstance(converted({"count": 0}).__cause__, ValidationError)
