"""The body (and ``option``) of a settings update, for users, groups and group lock settings.

Zoom's ``PATCH .../settings`` takes one of several bodies, picked by the ``option`` query
parameter: the plain sections (no option), the meeting or recording authentication flag with an
``authentication_option`` change, or ``meeting_security``. :func:`build_settings_body` reads the
option from what the caller passed (``meeting_security=`` means ``option=meeting_security``),
refuses a mix Zoom cannot take in one call, and checks each section against its model: a wrong
type is refused with the field's dotted name; keys zoomkit does not model are sent as given, so
a setting Zoom added after this release still works.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, StrictBool

from zoomkit.errors import RequestValidationError
from zoomkit.models._base import RequestModel, ZoomModel, merge_extra_body
from zoomkit.models._validation import validate_request

__all__ = ["AuthenticationOptionParams", "SettingsOption", "build_settings_body", "option_value"]


class SettingsOption(StrEnum):
    """The ``option`` query parameter of the settings endpoints."""

    MEETING_AUTHENTICATION = "meeting_authentication"
    RECORDING_AUTHENTICATION = "recording_authentication"
    MEETING_SECURITY = "meeting_security"


def _domains_as_text(value: object) -> object:
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return ",".join(value)
    return value


class AuthenticationOptionParams(RequestModel):
    """A change to one authentication profile: ``action`` ``update``, ``show`` or ``hide``.

    ``domains`` takes a list as well as Zoom's comma-separated string.
    """

    action: Literal["update", "show", "hide"] | None = None
    id: str | None = None
    name: str | None = None
    type: str | None = None
    domains: Annotated[str, BeforeValidator(_domains_as_text)] | None = None
    default_option: StrictBool | None = None


_FLAG_OPTIONS = {
    "meeting_authentication": SettingsOption.MEETING_AUTHENTICATION,
    "recording_authentication": SettingsOption.RECORDING_AUTHENTICATION,
    "meeting_security": SettingsOption.MEETING_SECURITY,
}


def option_value(
    option: SettingsOption | str | None, *, allowed: Sequence[SettingsOption]
) -> str | None:
    """The ``option`` query value, checked against those the endpoint takes."""
    if option is None:
        return None
    try:
        parsed = SettingsOption(option)
    except ValueError:
        parsed = None
    if parsed is None or parsed not in allowed:
        choices = ", ".join(repr(item.value) for item in allowed)
        raise RequestValidationError(
            f"option: must be one of {choices} (got {option!r})", field="option"
        )
    return parsed.value


def build_settings_body(
    given: Mapping[str, object],
    *,
    sections: Mapping[str, type[ZoomModel]],
    option: SettingsOption | str | None,
    allowed_options: Sequence[SettingsOption],
    extra_body: Mapping[str, Any] | None = None,
) -> tuple[str | None, dict[str, Any]]:
    """Return the ``option`` to send and the JSON body for a settings update.

    ``given`` maps section names (and the flags ``meeting_authentication``,
    ``recording_authentication`` and ``authentication_option``) to what the caller passed;
    ``None`` means not given. ``sections`` names the model each section is checked against.
    """
    chosen = option_value(option, allowed=allowed_options)
    fields = {name: value for name, value in given.items() if value is not None}
    implied = {_FLAG_OPTIONS[name].value for name in fields if name in _FLAG_OPTIONS}
    plain = sorted(
        name for name in fields if name not in _FLAG_OPTIONS and name != "authentication_option"
    )
    if len(implied) > 1 or (implied and plain):
        groups = sorted(implied) + (["the plain sections"] if plain else [])
        raise RequestValidationError(
            "Zoom updates one kind of settings per call; these need separate calls: "
            + ", ".join(groups),
            field=sorted(fields)[0],
        )
    if implied:
        (needed,) = implied
        if chosen is not None and chosen != needed:
            raise RequestValidationError(
                f"option: {chosen!r} does not update {needed} (pass option={needed!r} or leave "
                "it out)",
                field="option",
            )
        chosen = needed
    elif chosen is not None and plain:
        raise RequestValidationError(
            f"option: {chosen!r} does not update {', '.join(plain)}; leave option out",
            field="option",
        )
    if "authentication_option" in fields and chosen not in (
        SettingsOption.MEETING_AUTHENTICATION.value,
        SettingsOption.RECORDING_AUTHENTICATION.value,
    ):
        raise RequestValidationError(
            "authentication_option: needs option='meeting_authentication' or "
            "'recording_authentication'",
            field="authentication_option",
        )
    body: dict[str, Any] = {}
    for name, value in fields.items():
        body[name] = _checked(name, value, sections)
    return chosen, merge_extra_body(body, extra_body)


def _checked(name: str, value: object, sections: Mapping[str, type[ZoomModel]]) -> object:
    if name in ("meeting_authentication", "recording_authentication"):
        if not isinstance(value, bool):
            raise RequestValidationError(
                f"{name}: must be true or false (got {value!r})", field=name
            )
        return value
    if name == "authentication_option":
        if isinstance(value, AuthenticationOptionParams):
            return value.to_body()
        return validate_request(
            AuthenticationOptionParams, _mapping(name, value), prefix=name
        ).to_body()
    model = sections.get(name)
    if model is None:  # pragma: no cover - resource methods only pass known section names
        raise RequestValidationError(f"{name}: not a settings section", field=name)
    if isinstance(value, model):
        return value.to_dict()
    return validate_request(model, _mapping(name, value), prefix=name).to_dict()


def _mapping(name: str, value: object) -> Mapping[str, Any]:
    if isinstance(value, ZoomModel):
        return value.to_dict()
    if not isinstance(value, Mapping):
        raise RequestValidationError(
            f"{name}: expected a mapping of settings, got {type(value).__name__}", field=name
        )
    return value
