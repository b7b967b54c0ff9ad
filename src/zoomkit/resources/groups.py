"""``client.groups``: groups of users, their members and admins, settings and locks.

A group's settings are the defaults of its members; its lock settings say which of them members
cannot change. Groups need a Pro or higher account (Zoom answers code 200 otherwise).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

import httpx

from .._http import build_path
from ..errors import RequestValidationError
from ..models._base import RequestModel, ZoomModel, merge_extra_body
from ..models.groups import (
    Group,
    GroupAdmin,
    GroupAdminList,
    GroupList,
    GroupLockSettings,
    GroupMember,
    GroupMemberAction,
    GroupMemberList,
    GroupRegistrationCustomQuestionParams,
    GroupRegistrationOptions,
    GroupRegistrationQuestionParams,
    GroupRegistrationSettings,
    GroupSettings,
    GroupUsersAdded,
    LockedAudioConferencing,
    LockedEmailNotification,
    LockedInMeeting,
    LockedMeetingSecurity,
    LockedOtherOptions,
    LockedRecording,
    LockedScheduleMeeting,
    LockedTelephony,
    OtherOptionsSettings,
    RegistrationApproval,
    build_group_name_body,
    build_registration_settings_body,
)
from ..models.user_params import user_refs
from ..models.user_settings import (
    AudioConferencingSettings,
    EmailNotificationSettings,
    InMeetingSettings,
    MeetingSecuritySettings,
    ProfileSettings,
    RecordingSettings,
    ScheduleMeetingSettings,
    TelephonySettings,
    VirtualBackgroundFile,
)
from ..models.user_settings_params import (
    AuthenticationOptionParams,
    SettingsOption,
    build_settings_body,
    option_value,
)
from ..pagination import AsyncPaginator
from ._base import Resource, ResourceAttribute, operation, page_size_value
from ._base import options as call_options
from .user_media import (
    VIRTUAL_BACKGROUND_MAX_BYTES,
    VIRTUAL_BACKGROUND_TYPES,
    FileInput,
    check_upload,
    file_ids_value,
    read_file,
)

__all__ = ["GroupAdmins", "GroupMembers", "Groups"]

MAX_MEMBERS_PER_CALL: Final = 30
MAX_ADMINS_PER_CALL: Final = 10
_ALL_OPTIONS: Final = tuple(SettingsOption)
_LOCK_OPTIONS: Final = (SettingsOption.MEETING_SECURITY,)

GROUP_SETTINGS_SECTIONS: Final[Mapping[str, type[ZoomModel]]] = {
    "audio_conferencing": AudioConferencingSettings,
    "email_notification": EmailNotificationSettings,
    "in_meeting": InMeetingSettings,
    "other_options": OtherOptionsSettings,
    "profile": ProfileSettings,
    "recording": RecordingSettings,
    "schedule_meeting": ScheduleMeetingSettings,
    "telephony": TelephonySettings,
    "meeting_security": MeetingSecuritySettings,
}
GROUP_LOCK_SECTIONS: Final[Mapping[str, type[ZoomModel]]] = {
    "audio_conferencing": LockedAudioConferencing,
    "email_notification": LockedEmailNotification,
    "in_meeting": LockedInMeeting,
    "other_options": LockedOtherOptions,
    "recording": LockedRecording,
    "schedule_meeting": LockedScheduleMeeting,
    "telephony": LockedTelephony,
    "meeting_security": LockedMeetingSecurity,
}


class GroupMembers(Resource):
    """``client.groups.members``: who is in a group."""

    @operation("GET", "/groups/{groupId}/members", response=GroupMemberList)
    def list(
        self,
        group_id: str,
        *,
        page_size: int = 300,
        next_page_token: str | None = None,
        page_number: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[GroupMember]:
        """The group's members, every page: ``async for m in client.groups.members.list(id)``."""
        path = build_path("/groups/{groupId}/members", groupId=group_id)
        request_options = call_options(extra_headers, extra_query, None, timeout)

        return self._pages(
            GroupMemberList,
            path,
            {
                "page_size": page_size_value(page_size),
                "next_page_token": next_page_token,
                "page_number": page_number,
            },
            items_field="members",
            request_options=request_options,
        )

    @operation("POST", "/groups/{groupId}/members", response=GroupUsersAdded)
    async def create(
        self,
        group_id: str,
        *,
        members: Sequence[str | Mapping[str, Any] | RequestModel],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> GroupUsersAdded:
        """Add up to 30 users (ids or emails) to the group."""
        body = {"members": user_refs(members, field="members", maximum=MAX_MEMBERS_PER_CALL)}
        return await self._loop.request_model(
            GroupUsersAdded,
            "POST",
            build_path("/groups/{groupId}/members", groupId=group_id),
            json_body=merge_extra_body(body, extra_body),
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/groups/{groupId}/members/{memberId}")
    async def delete(
        self,
        group_id: str,
        member_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Remove a member (by user id or email) from the group."""
        await self._loop.request(
            "DELETE",
            build_path(
                "/groups/{groupId}/members/{memberId}", groupId=group_id, memberId=member_id
            ),
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", "/groups/{groupId}/members/{memberId}")
    async def update(
        self,
        group_id: str,
        member_id: str,
        *,
        action: GroupMemberAction | str,
        target_group_id: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """``action="move"`` the member to ``target_group_id``, or ``"set_primary"`` to make
        ``target_group_id`` their primary group (whose settings they use)."""
        try:
            chosen = GroupMemberAction(action)
        except ValueError:
            raise RequestValidationError(
                f"action: must be 'move' or 'set_primary' (got {action!r})", field="action"
            ) from None
        if not isinstance(target_group_id, str) or not target_group_id.strip():
            raise RequestValidationError(
                "target_group_id: must name a group", field="target_group_id"
            )
        body = {"action": chosen.value, "target_group_id": target_group_id}
        await self._loop.request(
            "PATCH",
            build_path(
                "/groups/{groupId}/members/{memberId}", groupId=group_id, memberId=member_id
            ),
            json_body=merge_extra_body(body, extra_body),
            options=call_options(extra_headers, extra_query, None, timeout),
        )


class GroupAdmins(Resource):
    """``client.groups.admins``: who administers a group."""

    @operation("GET", "/groups/{groupId}/admins", response=GroupAdminList)
    def list(
        self,
        group_id: str,
        *,
        page_size: int = 300,
        next_page_token: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncPaginator[GroupAdmin]:
        """The group's admins, every page."""
        path = build_path("/groups/{groupId}/admins", groupId=group_id)
        request_options = call_options(extra_headers, extra_query, None, timeout)

        return self._pages(
            GroupAdminList,
            path,
            {"page_size": page_size_value(page_size), "next_page_token": next_page_token},
            items_field="admins",
            request_options=request_options,
        )

    @operation("POST", "/groups/{groupId}/admins", response=GroupUsersAdded)
    async def create(
        self,
        group_id: str,
        *,
        admins: Sequence[str | Mapping[str, Any] | RequestModel],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> GroupUsersAdded:
        """Make up to 10 users (ids or emails) admins of the group."""
        body = {"admins": user_refs(admins, field="admins", maximum=MAX_ADMINS_PER_CALL)}
        return await self._loop.request_model(
            GroupUsersAdded,
            "POST",
            build_path("/groups/{groupId}/admins", groupId=group_id),
            json_body=merge_extra_body(body, extra_body),
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/groups/{groupId}/admins/{userId}")
    async def delete(
        self,
        group_id: str,
        user_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Remove an admin; one who is not raises :class:`~zoomkit.errors.BadRequestError`
        (code 4138)."""
        await self._loop.request(
            "DELETE",
            build_path("/groups/{groupId}/admins/{userId}", groupId=group_id, userId=user_id),
            options=call_options(extra_headers, extra_query, None, timeout),
        )


class Groups(Resource):
    """Groups of the account. An unknown ``group_id`` raises
    :class:`~zoomkit.errors.NotFoundError` with code 4130."""

    members = ResourceAttribute(GroupMembers)
    admins = ResourceAttribute(GroupAdmins)

    @operation("GET", "/groups", response=GroupList)
    async def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> GroupList:
        """Every group of the account (``.groups``; Zoom does not paginate this list)."""
        return await self._loop.request_model(
            GroupList,
            "GET",
            "/groups",
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", "/groups", response=Group)
    async def create(
        self,
        *,
        name: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Group:
        """Create a group; a name in use raises :class:`~zoomkit.errors.ConflictError`
        (code 4132)."""
        return await self._loop.request_model(
            Group,
            "POST",
            "/groups",
            json_body=build_group_name_body(name, extra_body=extra_body),
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/groups/{groupId}", response=Group)
    async def get(
        self,
        group_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Group:
        """One group, with its ``total_members``."""
        return await self._loop.request_model(
            Group,
            "GET",
            build_path("/groups/{groupId}", groupId=group_id),
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", "/groups/{groupId}")
    async def update(
        self,
        group_id: str,
        *,
        name: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Rename a group (the name must stay unique in the account)."""
        await self._loop.request(
            "PATCH",
            build_path("/groups/{groupId}", groupId=group_id),
            json_body=build_group_name_body(name, extra_body=extra_body),
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/groups/{groupId}")
    async def delete(
        self,
        group_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete a group; its members stay on the account."""
        await self._loop.request(
            "DELETE",
            build_path("/groups/{groupId}", groupId=group_id),
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    # -- settings ---------------------------------------------------------------------------

    @operation("GET", "/groups/{groupId}/settings", response=GroupSettings)
    async def get_settings(
        self,
        group_id: str,
        *,
        option: SettingsOption | str | None = None,
        custom_query_fields: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> GroupSettings:
        """The group's settings, in the same ``option`` variants as a user's."""
        return await self._loop.request_model(
            GroupSettings,
            "GET",
            build_path("/groups/{groupId}/settings", groupId=group_id),
            params={
                "option": option_value(option, allowed=_ALL_OPTIONS),
                "custom_query_fields": custom_query_fields,
            },
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", "/groups/{groupId}/settings")
    async def update_settings(
        self,
        group_id: str,
        *,
        schedule_meeting: ScheduleMeetingSettings | Mapping[str, Any] | None = None,
        in_meeting: InMeetingSettings | Mapping[str, Any] | None = None,
        email_notification: EmailNotificationSettings | Mapping[str, Any] | None = None,
        recording: RecordingSettings | Mapping[str, Any] | None = None,
        telephony: TelephonySettings | Mapping[str, Any] | None = None,
        profile: ProfileSettings | Mapping[str, Any] | None = None,
        audio_conferencing: AudioConferencingSettings | Mapping[str, Any] | None = None,
        other_options: OtherOptionsSettings | Mapping[str, Any] | None = None,
        meeting_security: MeetingSecuritySettings | Mapping[str, Any] | None = None,
        meeting_authentication: bool | None = None,
        recording_authentication: bool | None = None,
        authentication_option: AuthenticationOptionParams | Mapping[str, Any] | None = None,
        option: SettingsOption | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Change only the group settings you pass; ``option`` follows from them, as in
        :meth:`~zoomkit.resources.Users.update_settings`."""
        chosen, body = build_settings_body(
            {
                "schedule_meeting": schedule_meeting,
                "in_meeting": in_meeting,
                "email_notification": email_notification,
                "recording": recording,
                "telephony": telephony,
                "profile": profile,
                "audio_conferencing": audio_conferencing,
                "other_options": other_options,
                "meeting_security": meeting_security,
                "meeting_authentication": meeting_authentication,
                "recording_authentication": recording_authentication,
                "authentication_option": authentication_option,
            },
            sections=GROUP_SETTINGS_SECTIONS,
            option=option,
            allowed_options=_ALL_OPTIONS,
            extra_body=extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path("/groups/{groupId}/settings", groupId=group_id),
            params={"option": chosen},
            json_body=body,
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/groups/{groupId}/lock_settings", response=GroupLockSettings)
    async def get_lock_settings(
        self,
        group_id: str,
        *,
        option: SettingsOption | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> GroupLockSettings:
        """Which settings the group's members cannot change (``option="meeting_security"``
        for the security locks)."""
        return await self._loop.request_model(
            GroupLockSettings,
            "GET",
            build_path("/groups/{groupId}/lock_settings", groupId=group_id),
            params={"option": option_value(option, allowed=_LOCK_OPTIONS)},
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", "/groups/{groupId}/lock_settings")
    async def update_lock_settings(
        self,
        group_id: str,
        *,
        schedule_meeting: LockedScheduleMeeting | Mapping[str, Any] | None = None,
        in_meeting: LockedInMeeting | Mapping[str, Any] | None = None,
        email_notification: LockedEmailNotification | Mapping[str, Any] | None = None,
        recording: LockedRecording | Mapping[str, Any] | None = None,
        telephony: LockedTelephony | Mapping[str, Any] | None = None,
        audio_conferencing: LockedAudioConferencing | Mapping[str, Any] | None = None,
        other_options: LockedOtherOptions | Mapping[str, Any] | None = None,
        meeting_security: LockedMeetingSecurity | Mapping[str, Any] | None = None,
        option: SettingsOption | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Lock (``True``) or unlock settings for the group's members; ``meeting_security``
        locks go in a call of their own."""
        chosen, body = build_settings_body(
            {
                "schedule_meeting": schedule_meeting,
                "in_meeting": in_meeting,
                "email_notification": email_notification,
                "recording": recording,
                "telephony": telephony,
                "audio_conferencing": audio_conferencing,
                "other_options": other_options,
                "meeting_security": meeting_security,
            },
            sections=GROUP_LOCK_SECTIONS,
            option=option,
            allowed_options=_LOCK_OPTIONS,
            extra_body=extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path("/groups/{groupId}/lock_settings", groupId=group_id),
            params={"option": chosen},
            json_body=body,
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/groups/{groupId}/settings/registration", response=GroupRegistrationSettings)
    async def get_registration_settings(
        self,
        group_id: str,
        *,
        type: str | None = "webinar",
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> GroupRegistrationSettings:
        """The group's webinar registration defaults (Zoom's only ``type`` is ``webinar``)."""
        return await self._loop.request_model(
            GroupRegistrationSettings,
            "GET",
            build_path("/groups/{groupId}/settings/registration", groupId=group_id),
            params={"type": type},
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", "/groups/{groupId}/settings/registration")
    async def update_registration_settings(
        self,
        group_id: str,
        *,
        options: GroupRegistrationOptions | Mapping[str, Any] | None = None,
        questions: Sequence[GroupRegistrationQuestionParams | Mapping[str, Any]] | None = None,
        approve_type: RegistrationApproval | int | None = None,
        custom_questions: Sequence[GroupRegistrationCustomQuestionParams | Mapping[str, Any]]
        | None = None,
        type: str | None = "webinar",
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Change the group's webinar registration defaults: what happens on registration
        (``options``), the standard ``questions``, ``approve_type`` and ``custom_questions``."""
        body = build_registration_settings_body(
            options=options,
            questions=questions,
            approve_type=approve_type,
            custom_questions=custom_questions,
            extra_body=extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path("/groups/{groupId}/settings/registration", groupId=group_id),
            params={"type": type},
            json_body=body,
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    # -- virtual backgrounds ------------------------------------------------------------------

    @operation(
        "POST", "/groups/{groupId}/settings/virtual_backgrounds", response=VirtualBackgroundFile
    )
    async def upload_virtual_background(
        self,
        group_id: str,
        *,
        file: FileInput,
        filename: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> VirtualBackgroundFile:
        """Add a virtual background for every member (same files and limits as a user's)."""
        content, name = await read_file(file)
        upload = check_upload(
            content,
            filename=filename or name,
            allowed=VIRTUAL_BACKGROUND_TYPES,
            max_bytes=VIRTUAL_BACKGROUND_MAX_BYTES,
            default_stem="background",
        )
        return await self._loop.request_model(
            VirtualBackgroundFile,
            "POST",
            build_path("/groups/{groupId}/settings/virtual_backgrounds", groupId=group_id),
            files={"file": upload.part()},
            options=call_options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/groups/{groupId}/settings/virtual_backgrounds")
    async def delete_virtual_backgrounds(
        self,
        group_id: str,
        *,
        file_ids: Sequence[str] | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete the group's virtual backgrounds with these ids."""
        await self._loop.request(
            "DELETE",
            build_path("/groups/{groupId}/settings/virtual_backgrounds", groupId=group_id),
            params={"file_ids": file_ids_value(file_ids)},
            options=call_options(extra_headers, extra_query, None, timeout),
        )
