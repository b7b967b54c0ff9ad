"""Models of Zoom's user object (``GET /users``, ``GET /users/{userId}``)."""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from zoomkit.models._base import ZoomModel
from zoomkit.models._types import (
    OptionalDatetime,
    OptionalInt,
    OptionalInt64,
    OptionalIntEnum,
    OptionalStr,
    StrEnumOrStr,
)

__all__ = [
    "User",
    "UserCustomAttribute",
    "UserList",
    "UserPhoneNumber",
    "UserStatus",
    "UserType",
]


class UserType(IntEnum):
    """A user's plan type. Zoom adds types over time; unknown ones stay plain ints."""

    BASIC = 1
    LICENSED = 2
    ON_PREM = 3
    UNASSIGNED_WITHOUT_MEETINGS_BASIC = 4
    NONE = 99


class UserStatus(StrEnum):
    """A user's account status, also the ``status`` filter of ``GET /users``."""

    ACTIVE = "active"
    INACTIVE = "inactive"
    PENDING = "pending"


class UserCustomAttribute(ZoomModel):
    """A custom attribute, returned only with ``include_fields=custom_attributes``."""

    key: str | None = None
    name: str | None = None
    value: str | None = None


class UserPhoneNumber(ZoomModel):
    """One of a user's phone numbers."""

    code: str | None = None
    country: str | None = None
    label: str | None = None
    number: str | None = None
    verified: bool | None = None


def _as_list(value: Any) -> Any:
    # GET /users/{userId} documents custom_attributes as one object, GET /users as a list.
    return [value] if isinstance(value, dict) else value


class User(ZoomModel):
    """A Zoom user, as listed by ``GET /users`` or fetched by ``GET /users/{userId}``.

    ``id`` is ``None`` only for users with ``pending`` status, whom Zoom lists without one.
    """

    id: str | None = None
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    display_name: str | None = None
    type: OptionalIntEnum[UserType] = None
    status: StrEnumOrStr[UserStatus] | None = None
    pmi: OptionalInt64 = None
    use_pmi: bool | None = None
    personal_meeting_url: str | None = None
    vanity_url: str | None = None
    timezone: str | None = None
    language: str | None = None
    verified: OptionalInt = None
    dept: str | None = None
    company: str | None = None
    job_title: str | None = None
    location: str | None = None
    manager: str | None = None
    pronouns: str | None = None
    pronouns_option: OptionalInt = None
    role_id: str | None = None
    role_name: str | None = None
    account_id: str | None = None
    account_number: OptionalInt64 = None
    cluster: str | None = None
    group_ids: list[str] | None = None
    im_group_ids: list[str] | None = None
    login_types: list[int] | None = None
    plan_united_type: str | None = None
    zoom_one_type: OptionalInt = None
    employee_unique_id: str | None = None
    cms_user_id: str | None = None
    jid: str | None = None
    pic_url: str | None = None
    phone_country: str | None = None
    phone_number: str | None = None
    phone_numbers: list[UserPhoneNumber] | None = None
    custom_attributes: Annotated[list[UserCustomAttribute] | None, BeforeValidator(_as_list)] = None
    last_client_version: str | None = None
    created_at: OptionalDatetime = None
    user_created_at: OptionalDatetime = None
    last_login_time: OptionalDatetime = None


class UserList(ZoomModel):
    """One page of ``GET /users``. ``next_page_token`` is ``None`` on the last page."""

    page_count: OptionalInt = None
    page_number: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: OptionalStr = None
    users: list[User] = Field(default_factory=list)
