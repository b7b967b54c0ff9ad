"""Request bodies of the user endpoints, checked before anything is sent.

The ``build_*`` functions return a JSON-ready ``dict`` holding only what the caller gave and
raise :class:`~zoomkit.errors.RequestValidationError` naming the bad field. Passwords and host
keys are checked outside pydantic, so no error (nor its chained cause) ever holds their value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Final, Literal, Self

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, model_validator

from zoomkit.errors import RequestValidationError
from zoomkit.models._base import RequestModel, merge_extra_body
from zoomkit.models._validation import validate_request
from zoomkit.models.users import (
    FeatureType,
    PresenceStatus,
    UserCreateAction,
    UserCustomAttribute,
    UserPhoneNumber,
    UserStatusAction,
)
from zoomkit.types import NotGiven, validate_timezone

__all__ = [
    "CustomAttributeParams",
    "FeatureUpdateParams",
    "PhoneNumberParams",
    "PresenceStatusParams",
    "UserCreateParams",
    "UserFeatureParams",
    "UserInfoParams",
    "UserRefParams",
    "UserUpdateParams",
    "build_email_body",
    "build_feature_update_body",
    "build_presence_status_body",
    "build_user_create_body",
    "build_user_update_body",
    "check_password",
    "status_action",
    "user_refs",
]

_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PLAN_UNITED_TYPES: Final = frozenset(str(2**bit) for bit in range(18))  # "1", "2" ... "131072"
PASSWORD_MIN: Final = 8
PASSWORD_MAX: Final = 32


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"must be an email address (got {value!r})")
    return value


Email = Annotated[str, Field(max_length=128), AfterValidator(_email)]


def _plan_united_type(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value not in _PLAN_UNITED_TYPES and value != "none":
        raise ValueError(f"must be a Zoom United licence value (1, 2, 4 ... 131072), got {value!r}")
    return value


PlanUnitedType = Annotated[str, BeforeValidator(_plan_united_type)]


def check_password(value: object, *, field: str = "password") -> str:
    """Check a user password (8 to 32 characters) without ever putting it in a message."""
    if not isinstance(value, str):
        raise RequestValidationError(
            f"{field}: must be a string (got {type(value).__name__})", field=field
        )
    if not PASSWORD_MIN <= len(value) <= PASSWORD_MAX:
        raise RequestValidationError(
            f"{field}: must be {PASSWORD_MIN} to {PASSWORD_MAX} characters (got {len(value)})",
            field=field,
        )
    return value


def _check_host_key(value: object) -> str:
    # A host key claims host controls in a meeting: checked here so it never reaches a message.
    if not isinstance(value, str) or not value.isdigit() or not 6 <= len(value) <= 10:
        raise RequestValidationError("host_key: must be 6 to 10 digits", field="host_key")
    return value


class UserRefParams(RequestModel):
    """A user named by ``id`` or by ``email`` (Zoom ignores the email when both are given)."""

    id: str | None = None
    email: Email | None = None

    @model_validator(mode="after")
    def _one_given(self) -> Self:
        if self.id is None and self.email is None:
            raise ValueError("give the user's id or email")
        return self


def user_refs(
    items: Sequence[str | Mapping[str, Any] | RequestModel],
    *,
    field: str,
    maximum: int | None = None,
) -> list[dict[str, Any]]:
    """``[{"id": ...}]`` / ``[{"email": ...}]`` for a list of users.

    A plain string is an email if it holds ``@``, else a user id, so ``["a@example.com",
    "KDcuGIm1QgePTO8WbOqwIQ"]`` reads naturally.
    """
    if isinstance(items, str | bytes) or not isinstance(items, Sequence):
        raise RequestValidationError(
            f"{field}: expected a list of user ids or emails, got {type(items).__name__}",
            field=field,
        )
    if not items:
        raise RequestValidationError(f"{field}: name at least one user", field=field)
    if maximum is not None and len(items) > maximum:
        raise RequestValidationError(
            f"{field}: Zoom takes at most {maximum} users per call (got {len(items)})", field=field
        )
    refs: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        if isinstance(item, str):
            data: Any = {"email": item} if "@" in item else {"id": item}
        elif isinstance(item, RequestModel):
            data = item.to_body()
        else:
            data = item
        refs.append(validate_request(UserRefParams, data, prefix=f"{field}[{index}]").to_body())
    return refs


class UserFeatureParams(RequestModel):
    """``user_info.feature`` of a new user."""

    zoom_phone: StrictBool | None = None
    zoom_one_type: Literal[16, 32, 64, 128] | None = None


class UserInfoParams(RequestModel):
    """``user_info`` of ``POST /users`` (the password is checked and added separately)."""

    email: Email
    type: Literal[1, 2, 3, 99]
    first_name: Annotated[str, Field(max_length=64)] | None = None
    last_name: Annotated[str, Field(max_length=64)] | None = None
    feature: UserFeatureParams | None = None
    plan_united_type: PlanUnitedType | None = None


class UserCreateParams(RequestModel):
    """The body of ``POST /users``."""

    action: UserCreateAction
    user_info: UserInfoParams

    @model_validator(mode="after")
    def _type_fits_action(self) -> Self:
        if self.user_info.type == 99 and self.action is not UserCreateAction.SSO_CREATE:
            raise ValueError("user type 99 (None) can only be set with action ssoCreate")
        return self


def build_user_create_body(
    *,
    action: UserCreateAction | str,
    email: str,
    type: int,
    first_name: str | None = None,
    last_name: str | None = None,
    password: str | None = None,
    feature: UserFeatureParams | Mapping[str, Any] | None = None,
    plan_united_type: str | int | None = None,
    extra_body: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Check a new user and return the ``POST /users`` body.

    ``password`` is only for ``autoCreate`` (Zoom ignores it otherwise, so passing it with
    another action is refused rather than silently dropped).
    """
    info: dict[str, Any] = {"email": email, "type": type}
    optional = {
        "first_name": first_name,
        "last_name": last_name,
        "feature": feature.to_body() if isinstance(feature, RequestModel) else feature,
        "plan_united_type": plan_united_type,
    }
    info.update({name: value for name, value in optional.items() if value is not None})
    params = validate_request(UserCreateParams, {"action": action, "user_info": info})
    body = params.to_body()
    if password is not None:
        if params.action is not UserCreateAction.AUTO_CREATE:
            raise RequestValidationError(
                f"password: only used with action autoCreate, not {params.action.value}",
                field="password",
            )
        body["user_info"]["password"] = check_password(password)
    return merge_extra_body(body, extra_body)


class _EmailParams(RequestModel):
    email: Email


def build_email_body(email: str, *, extra_body: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``{"email": ...}`` for ``PUT /users/{userId}/email``, the address checked."""
    return merge_extra_body(validate_request(_EmailParams, {"email": email}).to_body(), extra_body)


class PhoneNumberParams(RequestModel):
    """One of a user's phone numbers. ``label`` is ``Mobile``, ``Office``, ``Home`` or ``Fax``."""

    code: str | None = None
    country: str | None = None
    label: Literal["Mobile", "Office", "Home", "Fax"] | None = None
    number: str | None = None


class CustomAttributeParams(RequestModel):
    """A custom attribute to set on a user."""

    key: str | None = None
    name: str | None = None
    value: str | None = None


def _ten_digits(value: int) -> int:
    if not 10**9 <= value < 10**10:
        raise ValueError(f"must be 10 digits (got {value})")
    return value


class UserUpdateParams(RequestModel):
    """The body of ``PATCH /users/{userId}`` (the host key is checked and added separately)."""

    first_name: Annotated[str, Field(max_length=64)] | None = None
    last_name: Annotated[str, Field(max_length=64)] | None = None
    type: Literal[1, 2, 3, 99] | None = None
    pmi: Annotated[int, AfterValidator(_ten_digits)] | None = None
    use_pmi: StrictBool | None = None
    timezone: Annotated[str, AfterValidator(validate_timezone)] | None = None
    language: str | None = None
    dept: str | None = None
    company: Annotated[str, Field(max_length=255)] | None = None
    job_title: Annotated[str, Field(max_length=128)] | None = None
    location: Annotated[str, Field(max_length=256)] | None = None
    manager: Email | None = None
    vanity_name: str | None = None
    cms_user_id: str | None = None
    group_id: str | None = None
    pronouns: str | None = None
    pronouns_option: Literal[1, 2, 3] | None = None
    phone_country: str | None = None
    phone_number: str | None = None
    phone_numbers: list[PhoneNumberParams] | None = None
    custom_attributes: list[CustomAttributeParams] | None = None
    zoom_one_type: Literal[0, 16, 32, 64, 128] | None = None
    plan_united_type: PlanUnitedType | None = None


def build_user_update_body(
    fields: Mapping[str, object], *, extra_body: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Check the fields to change on a user and return the PATCH body.

    ``fields`` maps names to values or ``NOT_GIVEN``; only given ones are sent. ``None`` is
    refused, as in every zoomkit update: leave a field out to keep Zoom's value.
    """
    given = {name: value for name, value in fields.items() if not isinstance(value, NotGiven)}
    for name, value in given.items():
        if value is None:
            raise RequestValidationError(
                f"{name}: cannot be None in an update; leave it out to keep the current value",
                field=name,
            )
    host_key = given.pop("host_key", None)
    for name in ("phone_numbers", "custom_attributes"):
        items = given.get(name)
        if isinstance(items, Sequence) and not isinstance(items, str):
            given[name] = [_plain(item) for item in items]
    body = validate_request(UserUpdateParams, given).to_body()
    if host_key is not None:
        body["host_key"] = _check_host_key(host_key)
    return merge_extra_body(body, extra_body)


def _plain(item: object) -> object:
    # A phone number or attribute read from a User can be sent back as it is.
    if isinstance(item, UserPhoneNumber):
        return item.model_dump(exclude_none=True, include={"code", "country", "label", "number"})
    if isinstance(item, UserCustomAttribute):
        return item.model_dump(exclude_none=True, include={"key", "name", "value"})
    if isinstance(item, RequestModel):
        return item.to_body()
    return item


class FeatureUpdateParams(RequestModel):
    """The body of ``POST /users/features``."""

    feature_type: FeatureType
    feature_value: str
    users: list[UserRefParams] = Field(min_length=1)


def build_feature_update_body(
    *,
    feature_type: FeatureType | str,
    feature_value: str | int | bool,
    users: Sequence[str | Mapping[str, Any] | RequestModel],
    extra_body: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Check a bulk feature change; ``feature_value`` may be given as an int or a bool."""
    if isinstance(feature_value, bool):
        value = "true" if feature_value else "false"
    elif isinstance(feature_value, int):
        value = str(feature_value)
    else:
        value = feature_value
    params = validate_request(
        FeatureUpdateParams,
        {
            "feature_type": feature_type,
            "feature_value": value,
            "users": user_refs(users, field="users"),
        },
    )
    return merge_extra_body(params.to_body(), extra_body)


class PresenceStatusParams(RequestModel):
    """The body of ``PUT /users/{userId}/presence_status``.

    ``duration`` (20 to 1440 minutes) only goes with ``Do_Not_Disturb``.
    """

    status: PresenceStatus
    duration: Annotated[int, Field(ge=20, le=1440)] | None = None

    @model_validator(mode="after")
    def _duration_for_dnd(self) -> Self:
        if self.duration is not None and self.status is not PresenceStatus.DO_NOT_DISTURB:
            raise ValueError("duration only applies to status Do_Not_Disturb")
        return self


def build_presence_status_body(
    *, status: PresenceStatus | str, duration: int | None = None
) -> dict[str, Any]:
    fields: dict[str, Any] = {"status": status}
    if duration is not None:
        fields["duration"] = duration
    return validate_request(PresenceStatusParams, fields).to_body()


def status_action(action: UserStatusAction | str) -> str:
    """``activate`` or ``deactivate``, checked."""
    try:
        return UserStatusAction(action).value
    except ValueError:
        raise RequestValidationError(
            f"action: must be 'activate' or 'deactivate' (got {action!r})", field="action"
        ) from None
