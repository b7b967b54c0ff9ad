"""``client.users.get_settings`` and ``update_settings``: a user's meeting, recording and
other settings, in every ``option`` variant Zoom has."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import httpx

from .._http import build_path
from ..models._base import ZoomModel
from ..models.user_settings import (
    AudioConferencingSettings,
    EmailNotificationSettings,
    FeatureSettings,
    InMeetingSettings,
    MeetingSecuritySettings,
    ProfileSettings,
    RecordingSettings,
    ScheduleMeetingSettings,
    TelephonySettings,
    TspSettings,
    UserSettings,
)
from ..models.user_settings_params import (
    AuthenticationOptionParams,
    SettingsOption,
    build_settings_body,
    option_value,
)
from ._base import Resource, operation, options

__all__ = ["USER_SETTINGS_SECTIONS", "UserSettingsMethods"]

USER_SETTINGS_SECTIONS: Final[Mapping[str, type[ZoomModel]]] = {
    "audio_conferencing": AudioConferencingSettings,
    "email_notification": EmailNotificationSettings,
    "feature": FeatureSettings,
    "in_meeting": InMeetingSettings,
    "profile": ProfileSettings,
    "recording": RecordingSettings,
    "schedule_meeting": ScheduleMeetingSettings,
    "telephony": TelephonySettings,
    "tsp": TspSettings,
    "meeting_security": MeetingSecuritySettings,
}
_ALL_OPTIONS: Final = tuple(SettingsOption)


class UserSettingsMethods(Resource):
    """The settings half of ``client.users``."""

    @operation("GET", "/users/{userId}/settings", response=UserSettings)
    async def get_settings(
        self,
        user_id: str,
        *,
        option: SettingsOption | str | None = None,
        custom_query_fields: str | None = None,
        login_type: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> UserSettings:
        """A user's settings: the sections by default; with ``option`` the authentication
        profiles (``meeting_authentication``, ``recording_authentication``) or
        ``meeting_security``. ``custom_query_fields="host_video,waiting_room"`` keeps only those
        keys (in their sections)."""
        return await self._loop.request_model(
            UserSettings,
            "GET",
            build_path("/users/{userId}/settings", userId=user_id),
            params={
                "option": option_value(option, allowed=_ALL_OPTIONS),
                "custom_query_fields": custom_query_fields,
                "login_type": login_type,
            },
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", "/users/{userId}/settings")
    async def update_settings(
        self,
        user_id: str,
        *,
        schedule_meeting: ScheduleMeetingSettings | Mapping[str, Any] | None = None,
        in_meeting: InMeetingSettings | Mapping[str, Any] | None = None,
        email_notification: EmailNotificationSettings | Mapping[str, Any] | None = None,
        recording: RecordingSettings | Mapping[str, Any] | None = None,
        telephony: TelephonySettings | Mapping[str, Any] | None = None,
        feature: FeatureSettings | Mapping[str, Any] | None = None,
        tsp: TspSettings | Mapping[str, Any] | None = None,
        profile: ProfileSettings | Mapping[str, Any] | None = None,
        audio_conferencing: AudioConferencingSettings | Mapping[str, Any] | None = None,
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
        """Change only the settings you pass; Zoom merges them key by key.

        ``option`` follows from what you pass (``meeting_security=`` sends
        ``option=meeting_security``, ``meeting_authentication=`` sends
        ``option=meeting_authentication``); give it yourself only for an
        ``authentication_option`` change alone. Zoom takes one kind per call, so mixing the
        plain sections with ``meeting_security`` raises
        :class:`~zoomkit.errors.RequestValidationError`, as does a value of the wrong type.
        """
        chosen, body = build_settings_body(
            {
                "schedule_meeting": schedule_meeting,
                "in_meeting": in_meeting,
                "email_notification": email_notification,
                "recording": recording,
                "telephony": telephony,
                "feature": feature,
                "tsp": tsp,
                "profile": profile,
                "audio_conferencing": audio_conferencing,
                "meeting_security": meeting_security,
                "meeting_authentication": meeting_authentication,
                "recording_authentication": recording_authentication,
                "authentication_option": authentication_option,
            },
            sections=USER_SETTINGS_SECTIONS,
            option=option,
            allowed_options=_ALL_OPTIONS,
            extra_body=extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path("/users/{userId}/settings", userId=user_id),
            params={"option": chosen},
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )
