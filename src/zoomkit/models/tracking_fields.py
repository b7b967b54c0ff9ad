"""Models of the account's tracking fields: labels every meeting can carry a value for.

A tracking field *definition* (this module) names the label, the values to suggest, and
whether a value is required or shown; a meeting's ``tracking_fields`` hold the values
(:class:`~zoomkit.models.TrackingField`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from pydantic import Field, StrictBool

from zoomkit.errors import RequestValidationError
from zoomkit.models._base import RequestModel, ZoomModel, merge_extra_body
from zoomkit.models._types import OptionalInt
from zoomkit.models._validation import validate_request
from zoomkit.types import NotGiven

__all__ = [
    "TrackingFieldDefinition",
    "TrackingFieldList",
    "TrackingFieldDefinitionParams",
    "build_tracking_field_body",
]


class TrackingFieldDefinition(ZoomModel):
    """A tracking field of the account (``GET /tracking_fields/{fieldId}``)."""

    id: str | None = None
    field: str | None = None
    recommended_values: list[str] | None = None
    required: bool | None = None
    visible: bool | None = None


class TrackingFieldList(ZoomModel):
    """``GET /tracking_fields``: every tracking field, not paginated."""

    total_records: OptionalInt = None
    tracking_fields: list[TrackingFieldDefinition] = Field(default_factory=list)


class TrackingFieldDefinitionParams(RequestModel):
    """The body of ``POST /tracking_fields`` and ``PATCH /tracking_fields/{fieldId}``."""

    field: Annotated[str, Field(min_length=1)] | None = None
    recommended_values: list[str] | None = None
    required: StrictBool | None = None
    visible: StrictBool | None = None


def build_tracking_field_body(
    fields: Mapping[str, object],
    *,
    creating: bool,
    extra_body: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Check a tracking field (a new one needs its ``field`` label) and return the body.

    ``fields`` maps names to values; ``NOT_GIVEN`` (and, when creating, ``None``) leave a field
    out. An update refuses ``None``: leave the field out to keep Zoom's value.
    """
    given: dict[str, object] = {}
    for name, value in fields.items():
        if isinstance(value, NotGiven) or (creating and value is None):
            continue
        if value is None:
            raise RequestValidationError(
                f"{name}: cannot be None in an update; leave it out to keep the current value",
                field=name,
            )
        if isinstance(value, Sequence) and not isinstance(value, str):
            value = list(value)
        given[name] = value
    if creating and "field" not in given:
        raise RequestValidationError("field: is required", field="field")
    params = validate_request(TrackingFieldDefinitionParams, given)
    return merge_extra_body(params.to_body(), extra_body)
