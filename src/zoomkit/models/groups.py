"""Models of Zoom's groups: the group, its members and admins, its settings and locks.

A group's settings use the same sections as a user's (:mod:`zoomkit.models.user_settings`),
plus ``other_options``. Its *lock* settings say which of those settings members cannot change:
the same section names, but nearly every key is a plain on/off lock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum, StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import Field, StrictBool, model_validator

from zoomkit.errors import RequestValidationError
from zoomkit.models._base import RequestModel, ZoomModel, merge_extra_body
from zoomkit.models._types import OptionalDatetime, OptionalInt, OptionalIntEnum, StrEnumOrStr
from zoomkit.models._validation import validate_request
from zoomkit.models.user_settings import IpAddressAccessControl, SettingsSections
from zoomkit.models.users import UserType

__all__ = [
    "Group",
    "GroupAdmin",
    "GroupAdminList",
    "GroupList",
    "GroupLockSettings",
    "GroupMember",
    "GroupMemberAction",
    "GroupMemberList",
    "GroupSettings",
    "GroupUsersAdded",
    "LockedAudioConferencing",
    "LockedEmailNotification",
    "LockedInMeeting",
    "LockedMeetingSecurity",
    "LockedOtherOptions",
    "LockedRecording",
    "LockedScheduleMeeting",
    "LockedTelephony",
    "OtherOptionsSettings",
    "RegistrantQuestionField",
    "RegistrationApproval",
    "GroupRegistrationCustomQuestion",
    "GroupRegistrationCustomQuestionParams",
    "GroupRegistrationOptions",
    "GroupRegistrationQuestion",
    "GroupRegistrationQuestionParams",
    "GroupRegistrationSettings",
    "WebinarRegistrationOptions",
    "build_group_name_body",
    "build_registration_settings_body",
]


# -- groups, members, admins -------------------------------------------------------------------


class Group(ZoomModel):
    """A group of users (``GET /groups/{groupId}``, and the answer to ``POST /groups``)."""

    id: str | None = None
    name: str | None = None
    total_members: OptionalInt = None


class GroupList(ZoomModel):
    """``GET /groups``: every group of the account, not paginated."""

    total_records: OptionalInt = None
    groups: list[Group] = Field(default_factory=list)


class GroupMember(ZoomModel):
    """A member of a group."""

    id: str | None = None
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    type: OptionalIntEnum[UserType] = None


class GroupMemberList(ZoomModel):
    """One page of ``GET /groups/{groupId}/members``."""

    page_count: OptionalInt = None
    page_number: OptionalInt = None
    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: str | None = None
    members: list[GroupMember] = Field(default_factory=list)


class GroupAdmin(ZoomModel):
    """An administrator of a group."""

    email: str | None = None
    name: str | None = None


class GroupAdminList(ZoomModel):
    """One page of ``GET /groups/{groupId}/admins``."""

    page_size: OptionalInt = None
    total_records: OptionalInt = None
    next_page_token: str | None = None
    admins: list[GroupAdmin] = Field(default_factory=list)


class GroupUsersAdded(ZoomModel):
    """``POST /groups/{groupId}/members`` or ``/admins``: ``ids`` is Zoom's comma-separated list."""

    ids: str | None = None
    added_at: OptionalDatetime = None

    @property
    def id_list(self) -> list[str]:
        """``ids`` split into a list."""
        return [part for part in (self.ids or "").split(",") if part]


class GroupMemberAction(StrEnum):
    """``PATCH /groups/{groupId}/members/{memberId}``: move to another group, or make the group
    named by ``target_group_id`` the member's primary group."""

    MOVE = "move"
    SET_PRIMARY = "set_primary"


class _GroupName(RequestModel):
    name: Annotated[str, Field(min_length=1, max_length=127)]


def build_group_name_body(
    name: str, *, extra_body: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """``{"name": ...}``: Zoom wants a non-empty name under 128 characters, unique per account."""
    return merge_extra_body(validate_request(_GroupName, {"name": name}).to_body(), extra_body)


# -- settings and lock settings ------------------------------------------------------------------


class WebinarRegistrationOptions(ZoomModel):
    """``other_options.webinar_registration_options``."""

    allow_host_to_enable_join_info: bool | None = None
    allow_host_to_enable_social_share_buttons: bool | None = None
    enable_custom_questions: bool | None = None


class OtherOptionsSettings(ZoomModel):
    """``other_options`` (groups)."""

    allow_users_contact_support_via_chat: bool | None = None
    blur_snapshot: bool | None = None
    webinar_registration_options: WebinarRegistrationOptions | None = None


class GroupSettings(SettingsSections):
    """A group's settings (``GET /groups/{groupId}/settings``), any ``option`` variant."""

    other_options: OtherOptionsSettings | None = None


class LockedAudioConferencing(ZoomModel):
    """Locks of ``audio_conferencing``."""

    toll_free_and_fee_based_toll_call: bool | None = None


class LockedEmailNotification(ZoomModel):
    """Locks of ``email_notification``."""

    alternative_host_reminder: bool | None = None
    cancel_meeting_reminder: bool | None = None
    cloud_recording_available_reminder: bool | None = None
    jbh_reminder: bool | None = None
    schedule_for_reminder: bool | None = None


class LockedInMeeting(ZoomModel):
    """Locks of ``in_meeting``."""

    alert_guest_join: bool | None = None
    allow_users_to_delete_messages_in_meeting_chat: bool | None = None
    allow_live_streaming: bool | None = None
    allow_show_zoom_windows: bool | None = None
    annotation: bool | None = None
    attendee_on_hold: bool | None = None
    auto_answer: bool | None = None
    auto_generated_captions: bool | None = None
    auto_saving_chat: bool | None = None
    breakout_room: bool | None = None
    chat: bool | None = None
    closed_caption: bool | None = None
    co_host: bool | None = None
    custom_data_center_regions: bool | None = None
    disable_screen_sharing_for_host_meetings: bool | None = None
    disable_screen_sharing_for_in_meeting_guests: bool | None = None
    e2e_encryption: bool | None = None
    entry_exit_chime: str | None = None
    far_end_camera_control: bool | None = None
    feedback: bool | None = None
    file_transfer: bool | None = None
    full_transcript: bool | None = None
    group_hd: bool | None = None
    language_interpretation: bool | None = None
    manual_captions: bool | None = None
    meeting_reactions: bool | None = None
    webinar_reactions: bool | None = None
    meeting_survey: bool | None = None
    non_verbal_feedback: bool | None = None
    original_audio: bool | None = None
    polling: bool | None = None
    post_meeting_feedback: bool | None = None
    private_chat: bool | None = None
    remote_control: bool | None = None
    remote_support: bool | None = None
    request_permission_to_unmute: bool | None = None
    save_caption: bool | None = None
    save_captions: bool | None = None
    screen_sharing: bool | None = None
    sending_default_email_invites: bool | None = None
    show_a_join_from_your_browser_link: bool | None = None
    show_browser_join_link: bool | None = None
    show_meeting_control_toolbar: bool | None = None
    slide_control: bool | None = None
    stereo_audio: bool | None = None
    use_html_format_email: bool | None = None
    virtual_background: bool | None = None
    waiting_room: bool | None = None
    webinar_chat: bool | None = None
    webinar_live_streaming: bool | None = None
    webinar_polling: bool | None = None
    webinar_question_answer: bool | None = None
    webinar_survey: bool | None = None
    whiteboard: bool | None = None


class LockedOtherOptions(ZoomModel):
    """Locks of ``other_options``."""

    blur_snapshot: bool | None = None


class LockedRecording(ZoomModel):
    """Locks of ``recording``; ``ip_address_access_control`` carries its value, not a lock."""

    account_user_access_recording: bool | None = None
    archive: bool | None = None
    auto_delete_cmr: bool | None = None
    auto_recording: bool | None = None
    cloud_recording: bool | None = None
    cloud_recording_download: bool | None = None
    host_delete_cloud_recording: bool | None = None
    ip_address_access_control: IpAddressAccessControl | None = None
    local_recording: bool | None = None
    prevent_host_access_recording: bool | None = None
    recording_authentication: bool | None = None


class LockedScheduleMeeting(ZoomModel):
    """Locks of ``schedule_meeting``."""

    audio_type: bool | None = None
    embed_password_in_join_link: bool | None = None
    force_pmi_jbh_password: bool | None = None
    host_video: bool | None = None
    join_before_host: bool | None = None
    meeting_authentication: bool | None = None
    mute_upon_entry: bool | None = None
    participant_video: bool | None = None
    personal_meeting: bool | None = None
    pstn_password_protected: bool | None = None
    require_password_for_instant_meetings: bool | None = None
    require_password_for_pmi_meetings: bool | None = None
    require_password_for_scheduling_new_meetings: bool | None = None
    upcoming_meeting_reminder: bool | None = None


class LockedTelephony(ZoomModel):
    """Locks of ``telephony``."""

    telephony_regions: bool | None = None
    third_party_audio: bool | None = None


class LockedMeetingSecurity(ZoomModel):
    """Locks of ``meeting_security`` (``option=meeting_security``)."""

    approved_or_denied_countries_or_regions: bool | None = None
    auto_security: bool | None = None
    block_user_domain: bool | None = None
    embed_password_in_join_link: bool | None = None
    encryption_type: str | None = None
    end_to_end_encrypted_meetings: bool | None = None
    meeting_password: bool | None = None
    only_authenticated_can_join_from_webclient: bool | None = None
    phone_password: bool | None = None
    pmi_password: bool | None = None
    waiting_room: bool | None = None
    webinar_password: bool | None = None


class GroupLockSettings(ZoomModel):
    """``GET /groups/{groupId}/lock_settings``: ``True`` means members cannot change it."""

    audio_conferencing: LockedAudioConferencing | None = None
    email_notification: LockedEmailNotification | None = None
    in_meeting: LockedInMeeting | None = None
    other_options: LockedOtherOptions | None = None
    recording: LockedRecording | None = None
    schedule_meeting: LockedScheduleMeeting | None = None
    telephony: LockedTelephony | None = None
    meeting_security: LockedMeetingSecurity | None = None


# -- webinar registration settings ---------------------------------------------------------------


class RegistrationApproval(IntEnum):
    """Whether registrants are approved automatically."""

    AUTOMATIC = 0
    MANUAL = 1


class RegistrantQuestionField(StrEnum):
    """The standard questions a registration form may ask."""

    LAST_NAME = "last_name"
    ADDRESS = "address"
    CITY = "city"
    COUNTRY = "country"
    ZIP = "zip"
    STATE = "state"
    PHONE = "phone"
    INDUSTRY = "industry"
    ORG = "org"
    JOB_TITLE = "job_title"
    PURCHASING_TIME_FRAME = "purchasing_time_frame"
    ROLE_IN_PURCHASE_PROCESS = "role_in_purchase_process"
    NO_OF_EMPLOYEES = "no_of_employees"
    COMMENTS = "comments"


class GroupRegistrationOptions(ZoomModel):
    """What happens when someone registers."""

    host_email_notification: bool | None = None
    close_registration: bool | None = None
    allow_participants_to_join_from_multiple_devices: bool | None = None
    show_social_share_buttons: bool | None = None


class GroupRegistrationQuestion(ZoomModel):
    """A standard question on the form: shown (``selected``) and/or ``required``."""

    field_name: StrEnumOrStr[RegistrantQuestionField] | None = None
    required: bool | None = None
    selected: bool | None = None


class GroupRegistrationCustomQuestion(ZoomModel):
    """A question of the group's own. ``type`` is ``short``, ``single_dropdown``,
    ``single_radio`` or ``multiple``; ``answers`` are the choices."""

    title: str | None = None
    type: str | None = None
    required: bool | None = None
    selected: bool | None = None
    answers: list[str] | None = None


class GroupRegistrationSettings(ZoomModel):
    """``GET /groups/{groupId}/settings/registration`` (webinar registration defaults)."""

    options: GroupRegistrationOptions | None = None
    questions: list[GroupRegistrationQuestion] | None = None
    approve_type: OptionalIntEnum[RegistrationApproval] = None
    custom_questions: list[GroupRegistrationCustomQuestion] | None = None


class GroupRegistrationQuestionParams(RequestModel):
    """A standard question to show or require."""

    field_name: RegistrantQuestionField
    required: StrictBool | None = None
    selected: StrictBool | None = None


class GroupRegistrationCustomQuestionParams(RequestModel):
    """A custom question; ``answers`` are required for choices and refused for ``short``."""

    title: Annotated[str, Field(min_length=1)]
    type: Literal["short", "single_dropdown", "single_radio", "multiple"]
    required: StrictBool | None = None
    selected: StrictBool | None = None
    answers: list[str] | None = None

    @model_validator(mode="after")
    def _answers_fit_type(self) -> Self:
        if self.type == "short" and self.answers:
            raise ValueError("answers: a short question is answered in free text, not choices")
        if self.type != "short" and not self.answers:
            raise ValueError(f"answers: a {self.type} question needs its choices")
        return self


class _GroupRegistrationSettingsParams(RequestModel):
    options: GroupRegistrationOptions | None = None
    questions: list[GroupRegistrationQuestionParams] | None = None
    approve_type: RegistrationApproval | None = None
    custom_questions: list[GroupRegistrationCustomQuestionParams] | None = None


def build_registration_settings_body(
    *,
    options: GroupRegistrationOptions | Mapping[str, Any] | None = None,
    questions: Sequence[GroupRegistrationQuestionParams | Mapping[str, Any]] | None = None,
    approve_type: RegistrationApproval | int | None = None,
    custom_questions: Sequence[GroupRegistrationCustomQuestionParams | Mapping[str, Any]]
    | None = None,
    extra_body: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Check a change to a group's webinar registration settings; only given parts are sent."""
    given: dict[str, Any] = {}
    if options is not None:
        given["options"] = options.to_dict() if isinstance(options, ZoomModel) else options
    for name, items in (("questions", questions), ("custom_questions", custom_questions)):
        if items is None:
            continue
        if isinstance(items, str | bytes) or not isinstance(items, Sequence):
            raise RequestValidationError(f"{name}: expected a list", field=name)
        given[name] = [i.to_body() if isinstance(i, RequestModel) else i for i in items]
    if approve_type is not None:
        given["approve_type"] = approve_type
    params = validate_request(_GroupRegistrationSettingsParams, given)
    return merge_extra_body(params.to_body(), extra_body)
