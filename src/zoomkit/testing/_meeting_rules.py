"""Zoom's field rules for meeting create and update bodies, as pure functions.

:func:`meeting_errors` returns the ``errors[]`` entries of a ``300 Validation Failed.`` answer,
naming each offending field the way Zoom does (``settings.jbh_time``, ``recurrence.end_times``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ._times import parse_start_time, zone

__all__ = ["MEETING_TYPES", "meeting_errors"]

MEETING_TYPES = (1, 2, 3, 8)
_WEEKDAYS = frozenset("1234567")
_PASSWORD = re.compile(r"^[A-Za-z0-9@\-_*]*$")
_SETTINGS_ENUMS: dict[str, tuple[object, ...]] = {
    "jbh_time": (0, 5, 10),
    "approval_type": (0, 1, 2),
    "registration_type": (1, 2, 3),
    "audio": ("both", "telephony", "voip", "thirdParty"),
    "auto_recording": ("local", "cloud", "none"),
    "encryption_type": ("enhanced_encryption", "e2ee"),
    "calendar_type": (1, 2),
}

Errors = list[dict[str, str]]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(errors: Errors, body: dict[str, Any], name: str, limit: int) -> None:
    if name not in body:
        return
    value = body[name]
    if not isinstance(value, str):
        errors.append({"field": name, "message": "Invalid field."})
    elif len(value) > limit:
        errors.append({"field": name, "message": f"Length must be less than or equal to {limit}"})


def meeting_errors(body: dict[str, Any], *, timezone_fallback: str) -> Errors:
    """Every rule ``body`` breaks; empty when Zoom would accept it."""
    errors: Errors = []
    _text(errors, body, "topic", 200)
    _text(errors, body, "agenda", 2000)
    if "password" in body:
        password = body["password"]
        if not isinstance(password, str) or len(password) > 10:
            errors.append({"field": "password", "message": "Length must be less than 10."})
        elif not _PASSWORD.match(password):
            errors.append(
                {"field": "password", "message": "Only [A-Za-z0-9@-_*] characters are allowed."}
            )
    timezone = body.get("timezone", timezone_fallback)
    if "timezone" in body and (not isinstance(timezone, str) or zone(timezone) is None):
        errors.append({"field": "timezone", "message": f"Invalid timezone: {timezone}."})
    if "type" in body and (not _is_int(body["type"]) or body["type"] not in MEETING_TYPES):
        errors.append({"field": "type", "message": "Invalid meeting type."})
    if "duration" in body and (not _is_int(body["duration"]) or body["duration"] < 0):
        errors.append({"field": "duration", "message": "Invalid field."})
    if "start_time" in body:
        _check(errors, "start_time", body["start_time"], lambda v: _start_ok(v, timezone))
    if "recurrence" in body:
        errors.extend(_recurrence_errors(body["recurrence"]))
    if "settings" in body:
        errors.extend(_settings_errors(body["settings"]))
    if "tracking_fields" in body:
        fields = body["tracking_fields"]
        if not isinstance(fields, list) or not all(
            isinstance(item, dict) and isinstance(item.get("field"), str) for item in fields
        ):
            errors.append({"field": "tracking_fields", "message": "Invalid field."})
    return errors


def _check(errors: Errors, name: str, value: object, ok: Callable[[object], bool]) -> None:
    if not ok(value):
        errors.append({"field": name, "message": "Invalid field."})


def _start_ok(value: object, timezone: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parse_start_time(value, timezone if isinstance(timezone, str) else "UTC")
    except ValueError:
        return False
    return True


def _recurrence_errors(recurrence: object) -> Errors:
    if not isinstance(recurrence, dict):
        return [{"field": "recurrence", "message": "Invalid field."}]
    errors: Errors = []
    if "end_times" in recurrence and "end_date_time" in recurrence:
        errors.append(
            {
                "field": "recurrence.end_date_time",
                "message": "end_date_time and end_times cannot be used together.",
            }
        )
    rules: dict[str, Callable[[object], bool]] = {
        "type": lambda v: _is_int(v) and v in (1, 2, 3),
        "repeat_interval": lambda v: _is_int(v) and 1 <= int(str(v)) <= 90,
        "end_times": lambda v: _is_int(v) and 1 <= int(str(v)) <= 365,
        "end_date_time": lambda v: isinstance(v, str) and v.endswith("Z") and _start_ok(v, "UTC"),
        "weekly_days": lambda v: (
            isinstance(v, str) and all(day.strip() in _WEEKDAYS for day in v.split(","))
        ),
        "monthly_day": lambda v: _is_int(v) and 1 <= int(str(v)) <= 31,
        "monthly_week": lambda v: _is_int(v) and v in (-1, 1, 2, 3, 4),
        "monthly_week_day": lambda v: _is_int(v) and v in (1, 2, 3, 4, 5, 6, 7),
    }
    if "type" not in recurrence:
        errors.append({"field": "recurrence.type", "message": "Invalid field."})
    for name, ok in rules.items():
        if name in recurrence:
            _check(errors, f"recurrence.{name}", recurrence[name], ok)
    return errors


def _settings_errors(settings: object) -> Errors:
    if not isinstance(settings, dict):
        return [{"field": "settings", "message": "Invalid field."}]
    errors: Errors = []
    for name, allowed in _SETTINGS_ENUMS.items():
        if name in settings:
            value = settings[name]
            if isinstance(value, bool) or value not in allowed:
                errors.append({"field": f"settings.{name}", "message": "Invalid field."})
    hosts = settings.get("alternative_hosts", "")
    if not isinstance(hosts, str):
        errors.append({"field": "settings.alternative_hosts", "message": "Invalid field."})
    return errors
