"""Per-meeting settings kept as state: survey, live stream, auto-open apps; user templates.

Operations: ``meetingSurveyGet``/``meetingSurveyUpdate``/``meetingSurveyDelete``,
``getMeetingLiveStreamDetails``/``meetingLiveStreamUpdate``/``meetingLiveStreamStatusUpdate``,
``meetingAppAdd`` (201, at most 3, not while running)/``meetingAppDelete`` and
``listMeetingTemplates``/``meetingTemplateCreate`` (201, at most 40 per user).
"""

from __future__ import annotations

import copy
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._meetings import meeting_or_404
from ._state import State
from ._users import require_user

__all__ = ["ROUTES"]

MAX_TEMPLATES = 40
MAX_OPEN_APPS = 3
_DEFAULT_SURVEY: dict[str, Any] = {"show_in_the_browser": True, "third_party_survey": ""}
_STREAM_LIMITS = {"stream_url": 1024, "stream_key": 512, "page_url": 1024}


# -- survey ----------------------------------------------------------------------------------


def _get_survey(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    survey = state.meeting_store.of(meeting["id"]).survey
    return Response(200, copy.deepcopy(survey if survey is not None else _DEFAULT_SURVEY))


def _update_survey(state: State, call: Call) -> Response:
    """A custom survey and a third-party link exclude each other: setting one drops the other."""
    meeting = meeting_or_404(state, call.params["meetingId"])
    body = call.json_object()
    third_party = body.get("third_party_survey")
    if third_party is not None and (not isinstance(third_party, str) or len(third_party) > 64):
        raise validation_failed([{"field": "third_party_survey", "message": "Invalid field."}])
    extras = state.meeting_store.of(meeting["id"])
    survey = copy.deepcopy(extras.survey if extras.survey is not None else _DEFAULT_SURVEY)
    if "custom_survey" in body:
        survey["custom_survey"] = copy.deepcopy(body["custom_survey"])
        survey["third_party_survey"] = ""
    if third_party:
        survey["third_party_survey"] = third_party
        survey.pop("custom_survey", None)
    if "show_in_the_browser" in body:
        survey["show_in_the_browser"] = bool(body["show_in_the_browser"])
    extras.survey = survey
    return Response.empty()


def _delete_survey(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    state.meeting_store.of(meeting["id"]).survey = None
    return Response.empty()


# -- live stream -----------------------------------------------------------------------------


def _get_livestream(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    return Response(200, copy.deepcopy(state.meeting_store.of(meeting["id"]).livestream))


def _update_livestream(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    body = call.json_object()
    errors = [
        {"field": name, "message": "Invalid field."}
        for name, limit in _STREAM_LIMITS.items()
        if not isinstance(body.get(name), str) or not 0 < len(body[name]) <= limit
    ]
    if errors:
        raise validation_failed(errors)
    stream = state.meeting_store.of(meeting["id"]).livestream
    stream.update({name: body[name] for name in _STREAM_LIMITS})
    if isinstance(body.get("resolution"), str):
        stream["resolution"] = body["resolution"]
    return Response.empty()


def _livestream_status(state: State, call: Call) -> Response:
    """Start and stop need a stream configured first (``PATCH .../livestream``)."""
    meeting = meeting_or_404(state, call.params["meetingId"])
    action = call.json_object().get("action")
    if action not in ("start", "stop", "mode"):
        raise validation_failed([{"field": "action", "message": "Invalid field."}])
    extras = state.meeting_store.of(meeting["id"])
    if action == "start" and not extras.livestream["stream_url"]:
        raise ZoomAPIError(400, 3000, "The live stream of this meeting is not configured.")
    if action != "mode":
        extras.streaming = action == "start"
    return Response.empty()


# -- auto-open apps --------------------------------------------------------------------------


def _add_app(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    if meeting["status"] == "started":
        raise ZoomAPIError(400, 3000, f"Meeting {meeting['id']} has started.")
    apps = state.meeting_store.of(meeting["id"]).open_apps
    app_id = state.s2s.client_id  # the app making the call
    if app_id not in apps:
        if len(apps) >= MAX_OPEN_APPS:
            raise ZoomAPIError(400, 3000, "You can only add up to 3 apps.")
        apps.append(app_id)
    answer = {"id": meeting["id"], "app_id": app_id}
    if "start_time" in meeting:
        answer["start_time"] = meeting["start_time"]
    return Response(201, answer)


def _delete_app(state: State, call: Call) -> Response:
    meeting = meeting_or_404(state, call.params["meetingId"])
    apps = state.meeting_store.of(meeting["id"]).open_apps
    if state.s2s.client_id in apps:
        apps.remove(state.s2s.client_id)
    return Response.empty()


# -- templates -------------------------------------------------------------------------------


def _list_templates(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    templates = state.meeting_store.templates.get(user["id"], [])
    return Response(200, {"total_records": len(templates), "templates": copy.deepcopy(templates)})


def _create_template(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    body = call.json_object()
    raw_id = body.get("meeting_id")
    meeting = state.meetings.get(raw_id) if isinstance(raw_id, int) else None
    if meeting is None:
        raise ZoomAPIError(400, 3001, f"Meeting does not exist: {raw_id}")
    name = body.get("name") or meeting["topic"]
    templates = state.meeting_store.templates.setdefault(user["id"], [])
    same = next((t for t in templates if t["name"] == name), None)
    if same is not None and not body.get("overwrite"):
        raise ZoomAPIError(400, 3000, f"Meeting template name already exists: {name}.")
    if same is None and len(templates) >= MAX_TEMPLATES:
        raise ZoomAPIError(400, 300, "You can only create up to 40 meeting templates.")
    template = {"id": same["id"] if same else state.ids.opaque(), "name": name, "type": 1}
    if same is not None:
        templates[templates.index(same)] = template
    else:
        templates.append(template)
    return Response(201, {"id": template["id"], "name": name})


_PATH = "/v2/meetings/{meetingId}"

ROUTES = [
    Route("GET", _PATH + "/survey", "meetingSurveyGet", _get_survey),
    Route("PATCH", _PATH + "/survey", "meetingSurveyUpdate", _update_survey),
    Route("DELETE", _PATH + "/survey", "meetingSurveyDelete", _delete_survey),
    Route("GET", _PATH + "/livestream", "getMeetingLiveStreamDetails", _get_livestream),
    Route("PATCH", _PATH + "/livestream", "meetingLiveStreamUpdate", _update_livestream),
    Route(
        "PATCH", _PATH + "/livestream/status", "meetingLiveStreamStatusUpdate", _livestream_status
    ),
    Route("POST", _PATH + "/open_apps", "meetingAppAdd", _add_app),
    Route("DELETE", _PATH + "/open_apps", "meetingAppDelete", _delete_app),
    Route("GET", "/v2/users/{userId}/meeting_templates", "listMeetingTemplates", _list_templates),
    Route(
        "POST", "/v2/users/{userId}/meeting_templates", "meetingTemplateCreate", _create_template
    ),
]
