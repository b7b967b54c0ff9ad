"""Turn pydantic's validation errors into :class:`~zoomkit.errors.RequestValidationError`.

Callers of zoomkit never see pydantic: a bad argument raises one ``RequestValidationError``
whose ``field`` is the dotted path of the first bad field (``"recurrence.end_times"``) and
whose message names every problem in words a caller can act on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, NoReturn, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from zoomkit.errors import RequestValidationError

__all__ = ["describe_error", "error_path", "raise_request_validation_error", "validate_request"]

_M = TypeVar("_M", bound=BaseModel)


def validate_request(model: type[_M], data: Mapping[str, Any], *, prefix: str = "") -> _M:
    """Validate ``data`` as ``model``, raising ``RequestValidationError`` on bad input."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise_request_validation_error(exc, prefix=prefix)


def raise_request_validation_error(exc: ValidationError, *, prefix: str = "") -> NoReturn:
    """Raise a ``RequestValidationError`` for ``exc``, its fields placed under ``prefix``.

    ``prefix`` is the dotted path of the validated object within the request (``"settings"``
    when only the settings were validated), so the error names the field as the caller wrote it.
    """
    errors = exc.errors(include_url=False)
    if not errors:  # pragma: no cover - pydantic never raises an empty ValidationError
        raise RequestValidationError(str(exc)) from exc
    problems = [(error_path(e["loc"], prefix=prefix), describe_error(e)) for e in errors]
    lines = [f"{path}: {text}" if path else text for path, text in problems]
    message = lines[0] if len(lines) == 1 else f"{len(lines)} problems: " + "; ".join(lines)
    raise RequestValidationError(message, field=problems[0][0] or None) from exc


def error_path(loc: tuple[int | str, ...], *, prefix: str = "") -> str:
    """Render a pydantic ``loc`` as ``recurrence.end_times`` or ``tracking_fields[0].field``."""
    path = prefix
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path = f"{path}.{part}" if path else part
    return path


def describe_error(error: ErrorDetails) -> str:
    """Say what is wrong with one field, without pydantic's jargon."""
    describe = _DESCRIBERS.get(error["type"])
    if describe is not None:
        return describe(error.get("ctx", {}), error["input"])
    text = error["msg"]
    return f"{text[:1].lower()}{text[1:]} (got {_show(error['input'])})"


def _show(value: Any) -> str:
    text = f"datetime {value.isoformat()}" if isinstance(value, datetime) else repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _value_error(ctx: Mapping[str, Any], _: Any) -> str:
    # Our own validators raise ValueError with a finished sentence; pydantic wraps it in ctx.
    return str(ctx.get("error", "invalid value"))


def _too_long(ctx: Mapping[str, Any], value: Any) -> str:
    return f"must be at most {ctx['max_length']} characters (got {len(value)})"


def _too_short(ctx: Mapping[str, Any], value: Any) -> str:
    return f"must be at least {ctx['min_length']} characters (got {len(value)})"


def _too_many(ctx: Mapping[str, Any], value: Any) -> str:
    return f"must have at most {ctx['max_length']} items (got {ctx.get('actual_length')})"


_DESCRIBERS: dict[str, Callable[[Mapping[str, Any], Any], str]] = {
    "value_error": _value_error,
    "assertion_error": _value_error,
    "string_too_long": _too_long,
    "string_too_short": _too_short,
    "too_long": _too_many,
    "missing": lambda _ctx, _value: "is required",
    "extra_forbidden": lambda _ctx, value: (
        "is not a field zoomkit knows; send it with extra_body=... if Zoom accepts it"
    ),
    "literal_error": lambda ctx, value: f"must be {ctx['expected']} (got {_show(value)})",
    "enum": lambda ctx, value: f"must be {ctx['expected']} (got {_show(value)})",
    "greater_than_equal": lambda ctx, value: f"must be at least {ctx['ge']} (got {_show(value)})",
    "greater_than": lambda ctx, value: f"must be greater than {ctx['gt']} (got {_show(value)})",
    "less_than_equal": lambda ctx, value: f"must be at most {ctx['le']} (got {_show(value)})",
    "less_than": lambda ctx, value: f"must be less than {ctx['lt']} (got {_show(value)})",
    "timezone_aware": lambda _ctx, value: (
        f"must be a timezone-aware datetime (got naive {_show(value)})"
    ),
    "string_type": lambda _ctx, value: f"must be a string (got {type(value).__name__})",
    "int_type": lambda _ctx, value: f"must be an integer (got {_show(value)})",
    "bool_type": lambda _ctx, value: f"must be true or false (got {_show(value)})",
    "datetime_type": lambda _ctx, value: f"must be a datetime (got {_show(value)})",
}
