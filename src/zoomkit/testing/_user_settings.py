"""Settings as FakeZoom keeps them, for users, groups and group locks.

Each owner holds a :class:`SettingsStore`: the plain sections (``schedule_meeting``,
``in_meeting``...), the meeting and recording authentication profiles, and ``meeting_security``.
``GET`` answers one of them by the ``option`` query parameter (and ``custom_query_fields``
keeps only the keys named); ``PATCH`` deep-merges a change into the part its ``option`` names.
A change is checked against what is stored, as Zoom does: a value of another JSON type, or a
word outside a documented set, is refused with Zoom's 300 "Validation Failed." and nothing
changes; keys Zoom does not know are ignored.

The defaults are those of a new Pro account, in the shapes Zoom's OpenAPI schemas document.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from ._http import Call, Response, ZoomAPIError, validation_failed
from ._state import Ids

__all__ = [
    "SettingsStore",
    "group_lock_store",
    "group_settings_store",
    "patch_settings",
    "read_settings",
    "user_settings_store",
]

MEETING_AUTHENTICATION: Final = "meeting_authentication"
RECORDING_AUTHENTICATION: Final = "recording_authentication"
MEETING_SECURITY: Final = "meeting_security"

# Documented word sets of string settings; a PATCH outside them is refused.
_WORDS: Final[dict[str, frozenset[str]]] = {
    "audio_type": frozenset({"both", "telephony", "voip", "thirdParty"}),
    "auto_recording": frozenset({"local", "cloud", "none"}),
    "concurrent_meeting": frozenset({"Basic", "Plus", "None"}),
    "encryption_type": frozenset({"enhanced_encryption", "e2ee"}),
    "entry_exit_chime": frozenset({"host", "all", "none"}),
    "meeting_reactions_emojis": frozenset({"all", "selected"}),
    "participants_share_simultaneously": frozenset({"multiple", "one"}),
    "require_password_for_pmi_meetings": frozenset({"jbh_only", "all", "none"}),
    "who_can_share_screen": frozenset({"host", "all"}),
    "who_can_share_screen_when_someone_is_sharing": frozenset({"host", "all"}),
}
_READ_ONLY: Final = frozenset({"files"})  # uploaded backgrounds change through their own API


@dataclass
class SettingsStore:
    """Everything ``GET .../settings`` can show for one user or group."""

    sections: dict[str, Any]
    meeting_security: dict[str, Any]
    meeting_authentication: dict[str, Any] | None = None
    recording_authentication: dict[str, Any] | None = None
    options: frozenset[str] = field(
        default_factory=lambda: frozenset(
            {MEETING_AUTHENTICATION, RECORDING_AUTHENTICATION, MEETING_SECURITY}
        )
    )


# -- defaults ------------------------------------------------------------------------------------


def _email_notification() -> dict[str, Any]:
    return {
        "alternative_host_reminder": True,
        "cancel_meeting_reminder": True,
        "cloud_recording_available_reminder": True,
        "jbh_reminder": True,
        "recording_available_reminder_alternative_hosts": False,
        "recording_available_reminder_schedulers": False,
        "schedule_for_reminder": True,
    }


def _in_meeting() -> dict[str, Any]:
    return {
        "allow_host_to_enable_focus_mode": True,
        "allow_users_to_delete_messages_in_meeting_chat": True,
        "allow_live_streaming": False,
        "post_meeting_feedback": False,
        "whiteboard": True,
        "allow_participants_chat_with": 1,
        "allow_users_save_chats": 2,
        "annotation": True,
        "attendee_on_hold": False,
        "auto_saving_chat": False,
        "breakout_room": True,
        "breakout_room_schedule": False,
        "chat": True,
        "closed_caption": True,
        "closed_captioning": {
            "auto_transcribing": True,
            "enable": True,
            "save_caption": False,
            "third_party_captioning_service": False,
            "view_full_transcript": True,
        },
        "co_host": True,
        "custom_data_center_regions": False,
        "custom_live_streaming_service": False,
        "custom_service_instructions": "",
        "data_center_regions": [],
        "disable_screen_sharing_for_host_meetings": False,
        "disable_screen_sharing_for_in_meeting_guests": False,
        "e2e_encryption": False,
        "entry_exit_chime": "host",
        "far_end_camera_control": False,
        "feedback": False,
        "file_transfer": False,
        "group_hd": False,
        "join_from_desktop": True,
        "join_from_mobile": True,
        "language_interpretation": {
            "custom_languages": [],
            "enable_language_interpretation_by_default": False,
            "allow_participants_to_speak_in_listening_channel": False,
            "allow_up_to_25_custom_languages_when_scheduling_meetings": False,
            "enable": False,
            "languages": ["English", "Chinese", "Japanese", "German", "French", "Spanish"],
        },
        "live_streaming_facebook": False,
        "live_streaming_youtube": False,
        "manual_captioning": {
            "allow_to_type": True,
            "auto_generated_captions": True,
            "full_transcript": True,
            "manual_captions": True,
            "save_captions": False,
            "third_party_captioning_service": False,
        },
        "meeting_reactions": True,
        "meeting_reactions_emojis": "all",
        "allow_host_panelists_to_use_audible_clap": False,
        "webinar_reactions": True,
        "meeting_survey": False,
        "non_verbal_feedback": True,
        "polling": True,
        "private_chat": True,
        "remote_control": True,
        "remote_support": False,
        "request_permission_to_unmute": False,
        "screen_sharing": True,
        "show_a_join_from_your_browser_link": True,
        "show_meeting_control_toolbar": False,
        "slide_control": False,
        "unchecked_data_center_regions": [],
        "virtual_background": True,
        "virtual_background_settings": {
            "allow_upload_custom": True,
            "allow_videos": True,
            "enable": True,
            "files": [],
        },
        "waiting_room": True,
        "webinar_chat": {
            "allow_attendees_chat_with": 2,
            "allow_auto_save_local_chat_file": True,
            "allow_panelists_chat_with": 2,
            "allow_panelists_send_direct_message": True,
            "allow_users_save_chats": 1,
            "default_attendees_chat_with": 1,
            "enable": True,
        },
        "webinar_live_streaming": {
            "custom_service_instructions": "",
            "enable": False,
            "live_streaming_reminder": False,
            "live_streaming_service": [],
        },
        "meeting_polling": {
            "advanced_polls": True,
            "allow_alternative_host_to_add_edit": False,
            "require_answers_to_be_anonymous": False,
            "allow_host_to_upload_image": True,
            "enable": True,
        },
        "webinar_polling": {
            "advanced_polls": True,
            "allow_alternative_host_to_add_edit": False,
            "require_answers_to_be_anonymous": False,
            "allow_host_to_upload_image": True,
            "enable": True,
        },
        "webinar_survey": False,
        "who_can_share_screen": "host",
        "who_can_share_screen_when_someone_is_sharing": "host",
        "participants_share_simultaneously": "one",
        "workplace_by_facebook": False,
    }


def _recording() -> dict[str, Any]:
    return {
        "auto_recording": "none",
        "cloud_recording": True,
        "local_recording": True,
        "record_speaker_view": True,
        "record_gallery_view": False,
        "record_audio_file": True,
        "recording_audio_transcript": False,
        "save_chat_text": True,
        "show_timestamp": True,
        "save_poll_results": False,
        "save_panelist_chat": False,
        "save_close_caption": False,
        "display_participant_name": True,
        "recording_thumbnails": True,
        "optimize_recording_for_3rd_party_video_editor": False,
        "recording_highlight": False,
        "record_files_separately": {
            "active_speaker": False,
            "gallery_view": False,
            "shared_screen": False,
        },
        "ip_address_access_control": {"enable": False, "ip_addresses_or_ranges": ""},
        "smart_recording": {
            "create_recording_highlights": False,
            "create_smart_chapters": False,
            "create_next_steps": False,
        },
    }


def _meeting_password_requirement() -> dict[str, Any]:
    return {
        "consecutive_characters_length": 0,
        "have_letter": False,
        "have_number": False,
        "have_special_character": False,
        "have_upper_and_lower_characters": False,
        "length": 6,
        "only_allow_numeric": False,
        "weak_enhance_detection": False,
    }


def _telephony() -> dict[str, Any]:
    return {
        "audio_conference_info": "",
        "third_party_audio": False,
        "telephony_regions": {"selection_values": "US"},
    }


def _meeting_security() -> dict[str, Any]:
    return {
        "auto_security": True,
        "block_user_domain": False,
        "block_user_domain_list": [],
        "embed_password_in_join_link": True,
        "encryption_type": "enhanced_encryption",
        "end_to_end_encrypted_meetings": False,
        "meeting_password": True,
        "meeting_password_requirement": _meeting_password_requirement(),
        "only_authenticated_can_join_from_webclient": False,
        "phone_password": False,
        "pmi_password": True,
        "require_password_for_scheduled_meeting": True,
        "require_password_for_scheduled_webinar": True,
        "waiting_room": True,
        "waiting_room_settings": {
            "participants_to_place_in_waiting_room": 0,
            "users_who_can_admit_participants_from_waiting_room": 0,
            "whitelisted_domains_for_waiting_room": "",
        },
        "webinar_password": False,
    }


def _authentication(ids: Ids, kind: str) -> dict[str, Any]:
    """The authentication profiles a new account has: "Sign in to Zoom" is the default."""
    options = [
        {
            "id": ids.opaque(),
            "name": "Sign in to Zoom",
            "type": "enforce_login",
            "default_option": True,
            "domains": "",
            "visible": True,
        },
        {
            "id": ids.opaque(),
            "name": "Sign in to Zoom with specified domains",
            "type": "enforce_login_with_domains",
            "default_option": False,
            "domains": "example.com",
            "visible": True,
        },
    ]
    if kind == MEETING_AUTHENTICATION:
        return {
            "meeting_authentication": False,
            "allow_authentication_exception": True,
            "authentication_options": options,
        }
    return {"recording_authentication": False, "authentication_options": options}


def user_settings_store(ids: Ids, user: dict[str, Any]) -> SettingsStore:
    """A new user's settings; a licensed user gets bigger meetings and cloud recording."""
    licensed = user.get("type") == 2
    sections: dict[str, Any] = {
        "schedule_meeting": {
            "audio_type": "both",
            "default_password_for_scheduled_meetings": "",
            "embed_password_in_join_link": True,
            "force_pmi_jbh_password": False,
            "host_video": False,
            "join_before_host": False,
            "meeting_password_requirement": _meeting_password_requirement(),
            "participants_video": False,
            "personal_meeting": True,
            "pmi_password": ids.digits(6),
            "pstn_password_protected": False,
            "require_password_for_instant_meetings": True,
            "require_password_for_pmi_meetings": "all",
            "require_password_for_scheduled_meetings": True,
            "require_password_for_scheduling_new_meetings": True,
            "use_pmi_for_instant_meetings": False,
            "use_pmi_for_scheduled_meetings": False,
        },
        "in_meeting": _in_meeting(),
        "email_notification": _email_notification(),
        "recording": {
            **_recording(),
            "cloud_recording": licensed,
            "ask_host_to_confirm_disclaimer": False,
            "ask_participants_to_consent_disclaimer": True,
            "auto_delete_cmr": False,
            "auto_delete_cmr_days": 30,
            "host_pause_stop_recording": True,
            "recording_disclaimer": True,
            "recording_password_requirement": {
                "have_letter": False,
                "have_number": False,
                "have_special_character": False,
                "length": 8,
                "only_allow_numeric": False,
            },
        },
        "telephony": {
            **_telephony(),
            "show_international_numbers_link": True,
            "telephony_regions": {"allowed_values": ["US", "GB"], "selection_values": "US"},
        },
        "feature": {
            "meeting_capacity": 300 if licensed else 100,
            "large_meeting": False,
            "webinar": False,
            "cn_meeting": False,
            "in_meeting": False,
            "zoom_phone": False,
            "concurrent_meeting": "None",
            "zoom_events": False,
            "zoom_iq_for_sales": False,
            "zoom_whiteboard": True,
            "zoom_whiteboard_plus": False,
            "zoom_translated_captions": False,
            "zoom_customer_managed_key": False,
        },
        "tsp": {
            "call_out": False,
            "call_out_countries": [],
            "show_international_numbers_link": True,
        },
        "profile": {
            "recording_storage_location": {"allowed_values": ["US"], "value": "US"},
        },
        "audio_conferencing": {
            "toll_free_and_fee_based_toll_call": {
                "allow_webinar_attendees_dial": False,
                "enable": False,
                "numbers": [],
            }
        },
    }
    return SettingsStore(
        sections=sections,
        meeting_security=_meeting_security(),
        meeting_authentication=_authentication(ids, MEETING_AUTHENTICATION),
        recording_authentication=_authentication(ids, RECORDING_AUTHENTICATION),
    )


def group_settings_store(ids: Ids) -> SettingsStore:
    """A new group's settings (the account's defaults, which members inherit)."""
    in_meeting = _in_meeting()
    for name in (
        "allow_host_to_enable_focus_mode",
        "attention_mode_focus_mode",
        "record_play_voice",
        "share_dual_camera",
    ):
        in_meeting.pop(name, None)
    in_meeting.update(
        {
            "alert_guest_join": True,
            "allow_show_zoom_windows": False,
            "auto_answer": False,
            "only_host_view_device_list": False,
            "original_audio": True,
            "record_play_own_voice": False,
            "sending_default_email_invites": True,
            "show_browser_join_link": True,
            "show_device_list": False,
            "stereo_audio": False,
            "use_html_format_email": True,
            "webinar_question_answer": True,
        }
    )
    in_meeting["language_interpretation"]["languages"] = ["English", "German", "French"]
    sections: dict[str, Any] = {
        "schedule_meeting": {
            "audio_type": "both",
            "embed_password_in_join_link": True,
            "force_pmi_jbh_password": False,
            "host_video": False,
            "join_before_host": False,
            "mute_upon_entry": False,
            "participant_video": False,
            "personal_meeting": True,
            "pstn_password_protected": False,
            "require_password_for_instant_meetings": True,
            "require_password_for_pmi_meetings": "all",
            "require_password_for_scheduled_meetings": True,
            "require_password_for_scheduling_new_meetings": True,
            "upcoming_meeting_reminder": True,
            "use_pmi_for_instant_meetings": False,
            "use_pmi_for_schedule_meetings": False,
            "always_display_zoom_meeting_as_topic": {
                "enable": False,
                "display_topic_for_scheduled_meetings": False,
            },
            "always_display_zoom_webinar_as_topic": {
                "enable": False,
                "display_topic_for_scheduled_webinars": False,
            },
        },
        "in_meeting": in_meeting,
        "email_notification": _email_notification(),
        "recording": {
            **_recording(),
            "account_user_access_recording": False,
            "cloud_recording_download": True,
            "cloud_recording_download_host": True,
            "host_delete_cloud_recording": True,
            "prevent_host_access_recording": False,
            "archive": {
                "enable": False,
                "type": 1,
                "settings": {
                    "audio_file": False,
                    "cc_transcript_file": False,
                    "chat_file": True,
                    "chat_with_sender_email": False,
                    "video_file": False,
                    "chat_with_direct_message": False,
                    "archive_retention": 30,
                    "action_when_archive_failed": 1,
                    "notification_when_archiving_starts": "participants",
                    "play_voice_prompt_when_archiving_starts": "participants",
                },
            },
        },
        "telephony": _telephony(),
        "other_options": {
            "allow_users_contact_support_via_chat": True,
            "blur_snapshot": False,
            "webinar_registration_options": {
                "allow_host_to_enable_join_info": True,
                "allow_host_to_enable_social_share_buttons": True,
                "enable_custom_questions": True,
            },
        },
        "profile": {
            "recording_storage_location": {"allowed_values": ["US"], "value": "US"},
        },
        "audio_conferencing": {
            "toll_free_and_fee_based_toll_call": {
                "allow_webinar_attendees_dial": False,
                "enable": False,
                "numbers": [],
            }
        },
    }
    security = _meeting_security()
    security["chat_etiquette_tool"] = {"enable": False, "policies": []}
    return SettingsStore(
        sections=sections,
        meeting_security=security,
        meeting_authentication=_authentication(ids, MEETING_AUTHENTICATION),
        recording_authentication=_authentication(ids, RECORDING_AUTHENTICATION),
    )


_LOCKABLE_IN_MEETING: Final = (
    "alert_guest_join",
    "allow_users_to_delete_messages_in_meeting_chat",
    "allow_live_streaming",
    "allow_show_zoom_windows",
    "annotation",
    "attendee_on_hold",
    "auto_answer",
    "auto_generated_captions",
    "auto_saving_chat",
    "breakout_room",
    "chat",
    "closed_caption",
    "co_host",
    "custom_data_center_regions",
    "disable_screen_sharing_for_host_meetings",
    "disable_screen_sharing_for_in_meeting_guests",
    "e2e_encryption",
    "far_end_camera_control",
    "feedback",
    "file_transfer",
    "full_transcript",
    "group_hd",
    "language_interpretation",
    "manual_captions",
    "meeting_reactions",
    "webinar_reactions",
    "meeting_survey",
    "non_verbal_feedback",
    "original_audio",
    "polling",
    "post_meeting_feedback",
    "private_chat",
    "remote_control",
    "remote_support",
    "request_permission_to_unmute",
    "save_caption",
    "save_captions",
    "screen_sharing",
    "sending_default_email_invites",
    "show_a_join_from_your_browser_link",
    "show_browser_join_link",
    "show_meeting_control_toolbar",
    "slide_control",
    "stereo_audio",
    "use_html_format_email",
    "virtual_background",
    "waiting_room",
    "webinar_chat",
    "webinar_live_streaming",
    "webinar_polling",
    "webinar_question_answer",
    "webinar_survey",
    "whiteboard",
)


def group_lock_store() -> SettingsStore:
    """A new group's locks: nothing locked (``entry_exit_chime`` carries the locked value)."""
    in_meeting: dict[str, Any] = dict.fromkeys(_LOCKABLE_IN_MEETING, False)
    in_meeting["entry_exit_chime"] = "host"
    sections: dict[str, Any] = {
        "audio_conferencing": {"toll_free_and_fee_based_toll_call": False},
        "email_notification": {
            name: False
            for name in (
                "alternative_host_reminder",
                "cancel_meeting_reminder",
                "cloud_recording_available_reminder",
                "jbh_reminder",
                "schedule_for_reminder",
            )
        },
        "in_meeting": in_meeting,
        "other_options": {"blur_snapshot": False},
        "recording": {
            "account_user_access_recording": False,
            "archive": False,
            "auto_delete_cmr": False,
            "auto_recording": False,
            "cloud_recording": False,
            "cloud_recording_download": False,
            "host_delete_cloud_recording": False,
            "ip_address_access_control": {"enable": False, "ip_addresses_or_ranges": ""},
            "local_recording": False,
            "prevent_host_access_recording": False,
            "recording_authentication": False,
        },
        "schedule_meeting": {
            name: False
            for name in (
                "audio_type",
                "embed_password_in_join_link",
                "force_pmi_jbh_password",
                "host_video",
                "join_before_host",
                "meeting_authentication",
                "mute_upon_entry",
                "participant_video",
                "personal_meeting",
                "pstn_password_protected",
                "require_password_for_instant_meetings",
                "require_password_for_pmi_meetings",
                "require_password_for_scheduling_new_meetings",
                "upcoming_meeting_reminder",
            )
        },
        "telephony": {"telephony_regions": False, "third_party_audio": False},
    }
    security: dict[str, Any] = {
        name: False
        for name in (
            "approved_or_denied_countries_or_regions",
            "auto_security",
            "block_user_domain",
            "embed_password_in_join_link",
            "end_to_end_encrypted_meetings",
            "meeting_password",
            "only_authenticated_can_join_from_webclient",
            "phone_password",
            "pmi_password",
            "waiting_room",
            "webinar_password",
        )
    }
    security["encryption_type"] = "enhanced_encryption"
    return SettingsStore(
        sections=sections, meeting_security=security, options=frozenset({MEETING_SECURITY})
    )


# -- GET and PATCH -------------------------------------------------------------------------------


def _option(store: SettingsStore, call: Call) -> str | None:
    option = call.query.get("option") or None
    if option is not None and option not in store.options:
        raise validation_failed([{"field": "option", "message": "Invalid field."}])
    return option


def read_settings(store: SettingsStore, call: Call) -> Response:
    """``GET .../settings`` (or ``lock_settings``) for ``store``, by ``option``."""
    option = _option(store, call)
    if option == MEETING_SECURITY:
        return Response(200, {MEETING_SECURITY: copy.deepcopy(store.meeting_security)})
    if option is not None:
        return Response(200, copy.deepcopy(_authentication_of(store, option)))
    shown = copy.deepcopy(store.sections)
    wanted = call.query.get("custom_query_fields")
    if wanted:
        names = {name.strip() for name in wanted.split(",") if name.strip()}
        shown = _only(shown, names)
    return Response(200, shown)


def _only(sections: dict[str, Any], names: set[str]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for section, values in sections.items():
        if isinstance(values, dict):
            chosen = {key: value for key, value in values.items() if key in names}
            if chosen:
                kept[section] = chosen
        elif section in names:
            kept[section] = values
    return kept


def _authentication_of(store: SettingsStore, option: str) -> dict[str, Any]:
    found = (
        store.meeting_authentication
        if option == MEETING_AUTHENTICATION
        else store.recording_authentication
    )
    assert found is not None  # only stores with authentication list those options
    return found


def patch_settings(
    store: SettingsStore, call: Call, *, on_change: Callable[[], None] | None = None
) -> Response:
    """``PATCH .../settings``: merge the body into the part ``option`` names, or refuse it."""
    option = _option(store, call)
    body = call.json_object()
    if option == MEETING_SECURITY:
        changes = body.get(MEETING_SECURITY, {})
        if not isinstance(changes, dict):
            raise validation_failed([{"field": MEETING_SECURITY, "message": "Invalid field."}])
        store.meeting_security = _merged(store.meeting_security, changes, MEETING_SECURITY)
    elif option is not None:
        _patch_authentication(_authentication_of(store, option), option, body)
    else:
        store.sections = _merged(store.sections, body, "")
    if on_change is not None:
        on_change()
    return Response.empty()


def _merged(base: dict[str, Any], changes: dict[str, Any], path: str) -> dict[str, Any]:
    """``base`` with ``changes`` merged in, or Zoom's 300 naming every refused field."""
    result = copy.deepcopy(base)
    errors: list[dict[str, str]] = []
    _merge_into(result, changes, path, errors)
    if errors:
        raise validation_failed(errors)
    return result


def _merge_into(
    base: dict[str, Any], changes: dict[str, Any], path: str, errors: list[dict[str, str]]
) -> None:
    for key, value in changes.items():
        if key not in base or key in _READ_ONLY:
            continue  # Zoom ignores settings it does not know
        where = f"{path}.{key}" if path else key
        current = base[key]
        if isinstance(current, dict):
            if isinstance(value, dict):
                _merge_into(current, value, where, errors)
            else:
                errors.append({"field": where, "message": "Invalid field."})
        elif not _same_kind(current, value) or (
            isinstance(value, str) and key in _WORDS and value not in _WORDS[key]
        ):
            errors.append({"field": where, "message": "Invalid field."})
        else:
            base[key] = copy.deepcopy(value)


def _same_kind(current: object, value: object) -> bool:
    if isinstance(current, bool) or isinstance(value, bool):
        return isinstance(current, bool) and isinstance(value, bool)
    for kind in (int, str, list):
        if isinstance(current, kind):
            return isinstance(value, kind)
    return True


def _patch_authentication(auth: dict[str, Any], option: str, body: dict[str, Any]) -> None:
    flag = body.get(option)
    if flag is not None and not isinstance(flag, bool):
        raise validation_failed([{"field": option, "message": "Invalid field."}])
    change = body.get("authentication_option")
    if change is not None:
        if not isinstance(change, dict):
            raise validation_failed(
                [{"field": "authentication_option", "message": "Invalid field."}]
            )
        _apply_option_change(auth["authentication_options"], change)
    if flag is not None:
        auth[option] = flag


def _apply_option_change(options: list[dict[str, Any]], change: dict[str, Any]) -> None:
    action = change.get("action", "update")
    if action not in ("update", "show", "hide"):
        raise validation_failed(
            [{"field": "authentication_option.action", "message": "Invalid field."}]
        )
    target = next((item for item in options if item["id"] == change.get("id")), None)
    if target is None:
        raise ZoomAPIError(
            400, 300, f"Authentication option does not exist: {change.get('id', '')}."
        )
    if action != "update":
        target["visible"] = action == "show"
        return
    for key in ("name", "domains", "type"):
        if isinstance(change.get(key), str):
            target[key] = change[key]
    if change.get("default_option") is True:
        for item in options:
            item["default_option"] = item is target
