"""Lenient field types for reading Zoom's JSON.

Zoom's responses drift from its own schema: ids arrive as numeric strings, dates as
``MM/DD/YYYY HH:MM``, absent values as ``""``, enums grow new members. The types here absorb
that drift without making the common case slow: every well-formed value is validated by
pydantic-core alone, and Python code runs only for the odd inputs (a left-to-right union tries
the fast Rust validator first and falls back to a small function).
"""

from __future__ import annotations

import types
from collections.abc import Iterable
from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from typing import Annotated, Any, Final, Literal, TypeVar, Union, get_args, get_origin

from pydantic import AfterValidator, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from zoomkit.types import MeetingUUID

__all__ = [
    "INT64_MAX",
    "INT64_MIN",
    "EmptyAsNone",
    "Int64",
    "IntEnumOrInt",
    "OptionalDatetime",
    "OptionalInt",
    "OptionalInt64",
    "OptionalIntEnum",
    "OptionalMeetingUUID",
    "OptionalStr",
    "StrEnumOrStr",
    "parse_zoom_datetime",
    "reads_empty_as_none",
]

INT64_MIN: Final = -(2**63)
INT64_MAX: Final = 2**63 - 1

_IE = TypeVar("_IE", bound=IntEnum)
_SE = TypeVar("_SE", bound=StrEnum)

# Formats Zoom has been seen to send besides ISO 8601 (reports, dashboards, older endpoints).
_ODD_DATETIME_FORMATS: Final = ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M")


def _none_for_empty(_: str) -> None:
    return None


def _empty_to_none(value: str | None) -> str | None:
    return value or None


class EmptyAsNone:
    """Read ``""`` as ``None``: Zoom sends an empty string where a value is absent.

    Put it on optional non-string fields (``Annotated[int | None, EmptyAsNone()]``). The
    inner type is tried first, so a well-formed value never reaches Python code.
    """

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        empty = core_schema.no_info_after_validator_function(
            _none_for_empty, core_schema.literal_schema([""])
        )
        return core_schema.union_schema([handler(source), empty], mode="left_to_right")

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        assert schema["type"] == "union"
        return handler(schema["choices"][0])  # the documented type; "" is a tolerated quirk


def reads_empty_as_none(annotation: Any, metadata: Iterable[object], *, default: object) -> bool:
    """Whether a response field should read ``""`` as ``None``: optional, and not text.

    True for a field that defaults to ``None`` and whose type takes no string (numbers,
    booleans, datetimes, lists, objects) unless it already reads ``""`` itself. A field that
    takes strings keeps ``""`` as the string it is.
    """
    if default is not None or any(isinstance(m, _READS_EMPTY) for m in metadata):
        return False
    return not _takes_text(annotation)


def _takes_text(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extras = get_args(annotation)
        return any(isinstance(m, _READS_EMPTY) for m in extras) or _takes_text(inner)
    if origin in (Union, types.UnionType):
        return any(_takes_text(arg) for arg in get_args(annotation))
    if origin is Literal:
        return "" in get_args(annotation)
    if annotation is Any or annotation is object:
        return True
    return isinstance(annotation, type) and issubclass(annotation, str)


def parse_zoom_datetime(value: object) -> datetime | None:
    """Parse a datetime in any format Zoom sends; naive values are UTC, ``""`` is ``None``.

    Accepts ISO 8601 with ``Z``, an offset or neither (``T`` or space separated), and
    ``MM/DD/YYYY HH:MM[:SS]``. Raises ``ValueError`` for anything else.
    """
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        parsed = _parse_datetime_text(text)
    else:
        raise ValueError(f"expected a datetime string, got {type(value).__name__}")
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _parse_datetime_text(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    for fmt in _ODD_DATETIME_FORMATS:
        try:
            return datetime.strptime(text, fmt)  # naive: the caller attaches UTC
        except ValueError:
            continue
    raise ValueError(f"unrecognised datetime {text!r}")


class _LenientDatetime:
    """Core schema for :data:`OptionalDatetime`: aware ISO 8601 in Rust, the rest in Python."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.nullable_schema(
            core_schema.union_schema(
                [
                    core_schema.datetime_schema(tz_constraint="aware"),
                    core_schema.no_info_plain_validator_function(parse_zoom_datetime),
                ],
                mode="left_to_right",
            )
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return handler(core_schema.nullable_schema(core_schema.datetime_schema()))


class _AsMeetingUUID:
    """Core schema for :data:`OptionalMeetingUUID`: a string, wrapped so paths encode it right."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.nullable_schema(
            core_schema.no_info_after_validator_function(MeetingUUID, core_schema.str_schema())
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return handler(core_schema.nullable_schema(core_schema.str_schema()))


_READS_EMPTY: Final = (EmptyAsNone, _LenientDatetime)

Int64 = Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)]
"""An int64 (meeting ids exceed 32 bits); numeric strings such as ``"85746065432"`` are read."""

OptionalInt = Annotated[int | None, EmptyAsNone()]
"""An optional int that also reads numeric strings, and ``""`` as ``None``."""

OptionalInt64 = Annotated[Int64 | None, EmptyAsNone()]
"""An optional int64 that also reads numeric strings, and ``""`` as ``None``."""

OptionalStr = Annotated[str | None, AfterValidator(_empty_to_none)]
"""An optional string where ``""`` means absent (page tokens)."""

OptionalDatetime = Annotated[datetime | None, _LenientDatetime()]
"""An aware datetime from ISO 8601 or Zoom's odd formats; naive values are UTC, ``""`` is None."""

OptionalMeetingUUID = Annotated[MeetingUUID | None, _AsMeetingUUID()]
"""A meeting instance UUID as a :class:`~zoomkit.types.MeetingUUID`, ready for a path."""

IntEnumOrInt = Annotated[_IE | int, Field(union_mode="left_to_right")]
"""A known int enum member, else the plain int: ``"1"`` reads as member 1, ``99`` stays 99."""

OptionalIntEnum = Annotated[_IE | int | None, Field(union_mode="left_to_right"), EmptyAsNone()]
"""An optional :data:`IntEnumOrInt` where ``""`` means absent."""

StrEnumOrStr = Annotated[_SE | str, Field(union_mode="left_to_right")]
"""A known str enum member, else the plain string, so a new Zoom value never breaks parsing."""
