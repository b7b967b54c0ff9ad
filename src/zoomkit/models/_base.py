"""The two bases: :class:`ZoomModel` reads Zoom's JSON, :class:`RequestModel` writes it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler, ValidationError
from pydantic_core import CoreSchema

from zoomkit.models._types import EmptyAsNone, reads_empty_as_none
from zoomkit.models._validation import raise_request_validation_error

__all__ = ["RequestModel", "ZoomModel", "merge_extra_body"]


class ZoomModel(BaseModel):
    """A Zoom object as read from a response.

    Zoom adds fields and enum values without notice, so parsing is lenient: unknown fields are
    kept (reachable as attributes and in :meth:`to_dict`), unknown enum values stay plain
    values, and numbers Zoom sends where its schema says string are read as strings.
    Zoom also sends ``""`` for absent values: every optional field that is not text reads it as
    ``None``, whichever type the field has.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, coerce_numbers_to_str=True)
    _empty_is_none: ClassVar[bool] = True

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler, /
    ) -> CoreSchema:
        # Runs once the fields are known and before their schema is built, so the rule costs
        # nothing per parse: a well-formed value never leaves pydantic-core. Request models
        # that reuse a response model's fields keep them strict.
        if cls._empty_is_none:
            for field in cls.__pydantic_fields__.values():
                if reads_empty_as_none(field.annotation, field.metadata, default=field.default):
                    field.metadata.append(EmptyAsNone())
        return handler(source)

    def to_dict(self) -> dict[str, Any]:
        """Return what Zoom sent, normalised: Zoom's field names, JSON types, nothing added."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)


class RequestModel(BaseModel):
    """Part of a request body, checked before anything is sent.

    Unknown fields are refused (a typo would otherwise be dropped by Zoom without a word);
    ``extra_body=`` is the way to send what zoomkit does not model yet. Instances are checked
    again whenever they are used, and bad input raises
    :class:`~zoomkit.errors.RequestValidationError`, never pydantic's error.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True, revalidate_instances="always")
    _empty_is_none: ClassVar[bool] = False  # wins over a response model it shares fields with

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise_request_validation_error(exc)

    # Mark this __init__ as pydantic's own (as pydantic's RootModel does): otherwise pydantic
    # calls it for every nested request model, and the RequestValidationError it raises would
    # come back wrapped in the outer model's ValidationError with the wrong path.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def to_body(self) -> dict[str, Any]:
        """Return the JSON-ready body: only the fields that were given, in Zoom's format.

        ``None`` means "not given" in a request model, so it is never sent as ``null``.
        """
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True, exclude_none=True)


def merge_extra_body(body: dict[str, Any], extra_body: Mapping[str, Any] | None) -> dict[str, Any]:
    """Merge ``extra_body`` into ``body``, nested objects key by key; ``extra_body`` wins.

    ``extra_body={"settings": {"new_setting": True}}`` adds one setting without dropping the
    validated ones. ``body`` is updated in place and returned.
    """
    for key, value in (extra_body or {}).items():
        current = body.get(key)
        if isinstance(current, dict) and isinstance(value, Mapping):
            body[key] = merge_extra_body(current, value)
        else:
            body[key] = value
    return body
