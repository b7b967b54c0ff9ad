"""Models of Zoom's user object and the small answers about users.

``GET /users`` and ``GET /users/{userId}`` give :class:`User`; the other user endpoints answer
with one or two fields each (a token, a summary of counts, whether an email is taken).
"""

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
    "CreatedUser",
    "EmailCheck",
    "FeatureType",
    "FeatureUpdateFailure",
    "FeatureUpdateResult",
    "PresenceStatus",
    "User",
    "UserCreateAction",
    "UserCustomAttribute",
    "UserDeleteAction",
    "UserList",
    "UserPermissions",
    "UserPhoneNumber",
    "UserStatus",
    "UserStatusAction",
    "UserSummary",
    "UserToken",
    "UserTokenType",
    "UserType",
    "VanityNameCheck",
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


class UserCreateAction(StrEnum):
    """How ``POST /users`` adds a user.

    ``CREATE`` emails an activation link (the user stays ``pending`` until they confirm);
    ``AUTO_CREATE`` (managed domains) and ``SSO_CREATE`` (pre-provisioned SSO users) make an active
    user at once; ``CUST_CREATE`` makes an API user who cannot sign in but can host meetings.
    """

    CREATE = "create"
    AUTO_CREATE = "autoCreate"
    CUST_CREATE = "custCreate"
    SSO_CREATE = "ssoCreate"


class UserDeleteAction(StrEnum):
    """``DELETE /users/{userId}``: ``DISASSOCIATE`` (Zoom's default) unlinks the user from the
    account, who keeps a free Zoom account; ``DELETE`` removes the user for good."""

    DISASSOCIATE = "disassociate"
    DELETE = "delete"


class UserStatusAction(StrEnum):
    """``PUT /users/{userId}/status``."""

    ACTIVATE = "activate"
    DEACTIVATE = "deactivate"


class UserTokenType(StrEnum):
    """``GET /users/{userId}/token``: a ZAK starts meetings; ``TOKEN`` is deprecated by Zoom."""

    TOKEN = "token"
    ZAK = "zak"


class PresenceStatus(StrEnum):
    """A user's chat presence, as ``PUT /users/{userId}/presence_status`` sets it."""

    AWAY = "Away"
    DO_NOT_DISTURB = "Do_Not_Disturb"
    AVAILABLE = "Available"
    IN_CALENDAR_EVENT = "In_Calendar_Event"
    PRESENTING = "Presenting"
    IN_A_ZOOM_MEETING = "In_A_Zoom_Meeting"
    ON_A_CALL = "On_A_Call"


class FeatureType(StrEnum):
    """What ``POST /users/features`` changes for many users at once."""

    USER_TYPE = "user_type"
    CONCURRENT_MEETING = "concurrent_meeting"
    LARGE_MEETING = "large_meeting"
    WEBINAR = "webinar"
    ZOOM_EVENTS = "zoom_events"
    ZOOM_PHONE = "zoom_phone"
    ZOOM_IQ_FOR_SALES = "zoom_iq_for_sales"
    ZOOM_WHITEBOARD = "zoom_whiteboard"
    PLAN_UNITED_TYPE = "plan_united_type"
    ZOOM_ONE_TYPE = "zoom_one_type"


class CreatedUser(ZoomModel):
    """The answer to ``POST /users``: the new user's id and what was asked for."""

    id: str | None = None
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    type: OptionalIntEnum[UserType] = None


class EmailCheck(ZoomModel):
    """``GET /users/email``: whether a Zoom account already uses the address."""

    existed_email: bool | None = None


class VanityNameCheck(ZoomModel):
    """``GET /users/vanity_name``: whether a personal meeting room name is taken."""

    existed: bool | None = None


class UserToken(ZoomModel):
    """A user's ZAK or token (``GET /users/me/zak``, ``GET /users/{userId}/token``).

    The value is a credential: it is left out of ``repr``.
    """

    token: str | None = Field(default=None, repr=False)


class UserSummary(ZoomModel):
    """``GET /users/summary``: how many users of each kind the account has."""

    licensed_users_count: OptionalInt = None
    basic_users_count: OptionalInt = None
    on_prem_users_count: OptionalInt = None
    room_users_count: OptionalInt = None
    pending_users_count: OptionalInt = None
    join_only_users_count: OptionalInt = None
    total_users_count: OptionalInt = None


class UserPermissions(ZoomModel):
    """``GET /users/{userId}/permissions``: the names of what the user's role allows."""

    permissions: list[str] = Field(default_factory=list)


class FeatureUpdateFailure(ZoomModel):
    """Users a bulk feature update skipped, and Zoom's reason (e.g. ``"Users not found"``)."""

    user_ids: list[str] = Field(default_factory=list)
    reason: str | None = None


class FeatureUpdateResult(ZoomModel):
    """``POST /users/features``: who got the feature and who did not, with reasons."""

    success_user_ids: list[str] = Field(default_factory=list)
    fail_details: list[FeatureUpdateFailure] = Field(default_factory=list)
