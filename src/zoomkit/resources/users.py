"""``client.users``: who is on the account, and what each user may do.

Settings live in :mod:`.user_settings`, pictures and virtual backgrounds in :mod:`.user_media`,
assistants and schedulers in :mod:`.user_delegates`, devices in :mod:`.user_devices`; they are
all reached through ``client.users``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from .._http import build_path
from ..errors import RequestValidationError
from ..models._base import RequestModel
from ..models.user_params import (
    CustomAttributeParams,
    PhoneNumberParams,
    UserFeatureParams,
    build_email_body,
    build_feature_update_body,
    build_presence_status_body,
    build_user_create_body,
    build_user_update_body,
    check_password,
    status_action,
)
from ..models.users import (
    CreatedUser,
    EmailCheck,
    FeatureType,
    FeatureUpdateResult,
    PresenceStatus,
    User,
    UserCreateAction,
    UserCustomAttribute,
    UserDeleteAction,
    UserList,
    UserPermissions,
    UserPhoneNumber,
    UserStatus,
    UserStatusAction,
    UserSummary,
    UserToken,
    UserTokenType,
    UserType,
    VanityNameCheck,
)
from ..pagination import AsyncPaginator
from ..types import NOT_GIVEN, NotGiven
from ._base import Resource, ResourceAttribute, operation, options, page_size_value
from .user_delegates import UserAssistants, UserSchedulers
from .user_devices import UserCollaborationDevices
from .user_media import UserMediaMethods
from .user_settings import UserSettingsMethods

__all__ = ["Users"]

_ZAK_TTL_MAX = 365 * 24 * 3600  # Zoom: "The maximum value is one year."


class Users(UserSettingsMethods, UserMediaMethods, Resource):
    """Users of the account. ``user_id`` accepts a user id, an email address or ``"me"``."""

    assistants = ResourceAttribute(UserAssistants)
    schedulers = ResourceAttribute(UserSchedulers)
    collaboration_devices = ResourceAttribute(UserCollaborationDevices)

    async def me(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> User:
        """The user the credentials act as (the app's owner for Server-to-Server OAuth)."""
        return await self.get(
            "me", extra_headers=extra_headers, extra_query=extra_query, timeout=timeout
        )

    @operation("GET", "/users/{userId}", response=User)
    async def get(
        self,
        user_id: str,
        *,
        login_type: int | None = None,
        encrypted_email: bool | None = None,
        search_by_unique_id: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> User:
        """One user. Raises :class:`~zoomkit.errors.UserNotFound` (code 1001) if absent."""
        return await self._loop.request_model(
            User,
            "GET",
            build_path("/users/{userId}", userId=user_id),
            params={
                "login_type": login_type,
                "encrypted_email": encrypted_email,
                "search_by_unique_id": search_by_unique_id,
            },
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/users", response=UserList)
    def list(
        self,
        *,
        status: UserStatus | str = UserStatus.ACTIVE,
        page_size: int = 300,
        role_id: str | None = None,
        license: str | None = None,
        include_fields: str | None = None,
        next_page_token: str | None = None,
        page_number: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[User]:
        """Users with a given status, every page: ``async for user in client.users.list()``."""
        request_options = options(extra_headers, extra_query, None, timeout)

        return self._pages(
            UserList,
            "/users",
            {
                "status": status,
                "page_size": page_size_value(page_size),
                "role_id": role_id,
                "license": license,
                "include_fields": include_fields,
                "next_page_token": next_page_token,
                "page_number": page_number,
            },
            items_field="users",
            request_options=request_options,
        )

    @operation("POST", "/users", response=CreatedUser)
    async def create(
        self,
        *,
        email: str,
        type: UserType | int = UserType.BASIC,
        action: UserCreateAction | str = UserCreateAction.CREATE,
        first_name: str | None = None,
        last_name: str | None = None,
        password: str | None = None,
        feature: UserFeatureParams | Mapping[str, Any] | None = None,
        plan_united_type: str | int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CreatedUser:
        """Add a user to the account and return its new id.

        ``action="create"`` (the default) emails an activation link and the user stays
        ``pending`` until it is used; ``autoCreate``, ``custCreate`` and ``ssoCreate`` make an
        active user (see :class:`~zoomkit.models.UserCreateAction`). ``password`` goes only with
        ``autoCreate``. An email already in use raises :class:`~zoomkit.errors.ConflictError`
        (code 1005). Never retried once Zoom may have acted.
        """
        body = build_user_create_body(
            action=action,
            email=email,
            type=type,
            first_name=first_name,
            last_name=last_name,
            password=password,
            feature=feature,
            plan_united_type=plan_united_type,
            extra_body=extra_body,
        )
        return await self._loop.request_model(
            CreatedUser,
            "POST",
            "/users",
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", "/users/{userId}")
    async def update(
        self,
        user_id: str,
        *,
        first_name: str | NotGiven = NOT_GIVEN,
        last_name: str | NotGiven = NOT_GIVEN,
        type: UserType | int | NotGiven = NOT_GIVEN,
        pmi: int | NotGiven = NOT_GIVEN,
        use_pmi: bool | NotGiven = NOT_GIVEN,
        timezone: str | NotGiven = NOT_GIVEN,
        language: str | NotGiven = NOT_GIVEN,
        dept: str | NotGiven = NOT_GIVEN,
        company: str | NotGiven = NOT_GIVEN,
        job_title: str | NotGiven = NOT_GIVEN,
        location: str | NotGiven = NOT_GIVEN,
        manager: str | NotGiven = NOT_GIVEN,
        vanity_name: str | NotGiven = NOT_GIVEN,
        host_key: str | NotGiven = NOT_GIVEN,
        cms_user_id: str | NotGiven = NOT_GIVEN,
        group_id: str | NotGiven = NOT_GIVEN,
        pronouns: str | NotGiven = NOT_GIVEN,
        pronouns_option: int | NotGiven = NOT_GIVEN,
        phone_numbers: Sequence[PhoneNumberParams | UserPhoneNumber | Mapping[str, Any]]
        | NotGiven = NOT_GIVEN,
        custom_attributes: Sequence[CustomAttributeParams | UserCustomAttribute | Mapping[str, Any]]
        | NotGiven = NOT_GIVEN,
        zoom_one_type: int | NotGiven = NOT_GIVEN,
        plan_united_type: str | int | NotGiven = NOT_GIVEN,
        login_type: int | None = None,
        remove_tsp_credentials: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Change only the fields you pass (Zoom answers 204).

        ``timezone`` must be an IANA name, ``pmi`` ten digits, ``host_key`` 6 to 10 digits
        (it never appears in an error message). ``phone_numbers`` read from a
        :class:`~zoomkit.models.User` can be passed back as they are.
        """
        body = build_user_update_body(
            {
                "first_name": first_name,
                "last_name": last_name,
                "type": type,
                "pmi": pmi,
                "use_pmi": use_pmi,
                "timezone": timezone,
                "language": language,
                "dept": dept,
                "company": company,
                "job_title": job_title,
                "location": location,
                "manager": manager,
                "vanity_name": vanity_name,
                "host_key": host_key,
                "cms_user_id": cms_user_id,
                "group_id": group_id,
                "pronouns": pronouns,
                "pronouns_option": pronouns_option,
                "phone_numbers": phone_numbers,
                "custom_attributes": custom_attributes,
                "zoom_one_type": zoom_one_type,
                "plan_united_type": plan_united_type,
            },
            extra_body=extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path("/users/{userId}", userId=user_id),
            params={"login_type": login_type, "remove_tsp_credentials": remove_tsp_credentials},
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/users/{userId}")
    async def delete(
        self,
        user_id: str,
        *,
        action: UserDeleteAction | str | None = None,
        transfer_email: str | None = None,
        transfer_meeting: bool | None = None,
        transfer_webinar: bool | None = None,
        transfer_recording: bool | None = None,
        transfer_whiteboard: bool | None = None,
        encrypted_email: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Remove a user: ``disassociate`` (Zoom's default) or ``delete`` for good.

        The ``transfer_*`` flags hand the user's meetings, webinars, recordings or whiteboards
        to ``transfer_email``, which they therefore need. A pending user can only be
        disassociated.
        """
        if action is not None:
            try:
                action = UserDeleteAction(action)
            except ValueError:
                raise RequestValidationError(
                    f"action: must be 'disassociate' or 'delete' (got {action!r})",
                    field="action",
                ) from None
        transfers = {
            "transfer_meeting": transfer_meeting,
            "transfer_webinar": transfer_webinar,
            "transfer_recording": transfer_recording,
            "transfer_whiteboard": transfer_whiteboard,
        }
        asked = [name for name, value in transfers.items() if value]
        if asked and not transfer_email:
            raise RequestValidationError(
                f"{asked[0]}: needs transfer_email, the user to transfer to", field=asked[0]
            )
        await self._loop.request(
            "DELETE",
            build_path("/users/{userId}", userId=user_id),
            params={
                "action": action,
                "transfer_email": transfer_email,
                **transfers,
                "encrypted_email": encrypted_email,
            },
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/users/email", response=EmailCheck)
    async def check_email(
        self,
        *,
        email: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> EmailCheck:
        """Whether any Zoom account uses ``email`` (``existed_email``), in this account or not."""
        if not isinstance(email, str) or not email.strip():
            raise RequestValidationError("email: must be a non-empty string", field="email")
        return await self._loop.request_model(
            EmailCheck,
            "GET",
            "/users/email",
            params={"email": email},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/users/vanity_name", response=VanityNameCheck)
    async def check_vanity_name(
        self,
        *,
        vanity_name: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> VanityNameCheck:
        """Whether a personal meeting room name is taken (``existed``)."""
        if not isinstance(vanity_name, str) or not vanity_name.strip():
            raise RequestValidationError(
                "vanity_name: must be a non-empty string", field="vanity_name"
            )
        return await self._loop.request_model(
            VanityNameCheck,
            "GET",
            "/users/vanity_name",
            params={"vanity_name": vanity_name},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/users/summary", response=UserSummary)
    async def summary(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> UserSummary:
        """How many licensed, basic, pending... users the account has."""
        return await self._loop.request_model(
            UserSummary,
            "GET",
            "/users/summary",
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", "/users/features", response=FeatureUpdateResult)
    async def update_features(
        self,
        *,
        feature_type: FeatureType | str,
        feature_value: str | int | bool,
        users: Sequence[str | Mapping[str, Any] | RequestModel],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> FeatureUpdateResult:
        """Set one feature (a licence type, a capacity...) for many users at once.

        ``users`` are ids or emails (a string with ``@`` is an email). The result says who got
        it and, in ``fail_details``, who did not and why; a partial success is not an error.
        """
        body = build_feature_update_body(
            feature_type=feature_type,
            feature_value=feature_value,
            users=users,
            extra_body=extra_body,
        )
        return await self._loop.request_model(
            FeatureUpdateResult,
            "POST",
            "/users/features",
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/users/me/zak", response=UserToken)
    async def get_zak(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> UserToken:
        """The current user's Zoom Access Key (starts meetings in the SDKs; 2 hours)."""
        return await self._loop.request_model(
            UserToken,
            "GET",
            "/users/me/zak",
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/users/{userId}/token", response=UserToken)
    async def get_token(
        self,
        user_id: str,
        *,
        type: UserTokenType | str | None = None,
        ttl: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> UserToken:
        """A user's ZAK (``type="zak"``) or legacy token (Zoom's default, ``"token"``).

        ``ttl`` (seconds, up to a year) sets how long a ZAK lives, so it needs ``type="zak"``.
        """
        if type is not None:
            try:
                type = UserTokenType(type)
            except ValueError:
                raise RequestValidationError(
                    f"type: must be 'zak' or 'token' (got {type!r})", field="type"
                ) from None
        if ttl is not None:
            if isinstance(ttl, bool) or not isinstance(ttl, int) or not 1 <= ttl <= _ZAK_TTL_MAX:
                raise RequestValidationError(
                    f"ttl: must be 1 to {_ZAK_TTL_MAX} seconds (got {ttl!r})", field="ttl"
                )
            if type is not UserTokenType.ZAK:
                raise RequestValidationError("ttl: only applies to type='zak'", field="ttl")
        return await self._loop.request_model(
            UserToken,
            "GET",
            build_path("/users/{userId}/token", userId=user_id),
            params={"type": type, "ttl": ttl},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/users/{userId}/token")
    async def revoke_sso_token(
        self,
        user_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Revoke the user's SSO token: they are signed out of their Zoom session."""
        await self._loop.request(
            "DELETE",
            build_path("/users/{userId}/token", userId=user_id),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PUT", "/users/{userId}/status")
    async def update_status(
        self,
        user_id: str,
        *,
        action: UserStatusAction | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """``action="deactivate"`` a user (their licences are freed) or ``"activate"`` them."""
        await self._loop.request(
            "PUT",
            build_path("/users/{userId}/status", userId=user_id),
            json_body={"action": status_action(action), **(extra_body or {})},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PUT", "/users/{userId}/email")
    async def update_email(
        self,
        user_id: str,
        *,
        email: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Change a user's sign-in email (an admin may not change another admin's)."""
        await self._loop.request(
            "PUT",
            build_path("/users/{userId}/email", userId=user_id),
            json_body=build_email_body(email, extra_body=extra_body),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PUT", "/users/{userId}/password")
    async def update_password(
        self,
        user_id: str,
        *,
        password: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Set a user's password (8 to 32 characters; the account may demand more).

        The password is never logged nor put in an error message.
        """
        await self._loop.request(
            "PUT",
            build_path("/users/{userId}/password", userId=user_id),
            json_body={"password": check_password(password), **(extra_body or {})},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/users/{userId}/permissions", response=UserPermissions)
    async def get_permissions(
        self,
        user_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> UserPermissions:
        """The names of what the user's role allows (``"Meeting:Read"``, ...)."""
        return await self._loop.request_model(
            UserPermissions,
            "GET",
            build_path("/users/{userId}/permissions", userId=user_id),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PUT", "/users/{userId}/presence_status")
    async def update_presence_status(
        self,
        user_id: str,
        *,
        status: PresenceStatus | str,
        duration: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Set the user's chat presence; ``duration`` (minutes) goes with ``Do_Not_Disturb``."""
        body = build_presence_status_body(status=status, duration=duration)
        await self._loop.request(
            "PUT",
            build_path("/users/{userId}/presence_status", userId=user_id),
            json_body={**body, **(extra_body or {})},
            options=options(extra_headers, extra_query, None, timeout),
        )
