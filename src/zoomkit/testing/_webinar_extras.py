"""The smaller webinar operations: tokens, SIP dialing, invite links, live stream, templates,
tracking sources and deleting a chat message of a live webinar.

Operations: ``webinarToken`` (closed-caption URL), ``webinarLiveStreamingJoinToken``,
``webinarLocalArchivingArchiveToken``, ``webinarLocalRecordingJoinToken`` (120-second tokens),
``getWebinarSipDialingWithPasscode`` (201), ``webinarInviteLinksCreate`` (201),
``getWebinarLiveStreamDetails``, ``webinarLiveStreamUpdate`` and
``webinarLiveStreamStatusUpdate`` (204; starting needs a started webinar and a configured
stream), ``listWebinarTemplates``, ``webinarTemplateCreate`` (201; the template keeps the
webinar's settings, and ``webinarCreate`` applies them by ``template_id``),
``getTrackingSources`` and ``deleteWebinarChatMessageById`` (204, a started webinar only).
"""

from __future__ import annotations

import copy
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._state import State
from ._users import require_user
from ._webinar_common import webinar_or_404

__all__ = ["ROUTES"]

JOIN_TOKEN_SECONDS = 120
_MAX_TTL = 7_776_000


def _caption_token(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    if call.query.get("type", "closed_caption_token") != "closed_caption_token":
        raise validation_failed([{"field": "type", "message": "Invalid field."}])
    token = (
        f"https://wmcc.zoom.us/closedcaption?id={webinar['id']}&ns={state.ids.secret(16)}"
        f"&expire=86400&spparams=id%2Cns%2Cexpire&signature={state.ids.secret(43)}"
    )
    return Response(200, {"token": token})


def _join_token(state: State, call: Call) -> Response:
    webinar_or_404(state, call.params["webinarId"])
    return Response(200, {"token": state.ids.secret(64), "expire_in": JOIN_TOKEN_SECONDS})


def _sip_dialing(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    body = call.json_body()
    passcode = body.get("passcode", "") if isinstance(body, dict) else ""
    if not isinstance(passcode, str):
        raise validation_failed([{"field": "passcode", "message": "Invalid field."}])
    code = state.ids.digits(8)
    return Response(
        201,
        {
            "sip_dialing": f"{webinar['id']}.{passcode or webinar['password']}.{code}@zoomcrc.com",
            "paid_crc_plan_participant": False,
            "participant_identifier_code": code,
            "expire_in": 7200,
        },
    )


def _invite_links(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    body = call.json_object()
    attendees = body.get("attendees")
    if not isinstance(attendees, list) or not 0 < len(attendees) <= 500:
        raise validation_failed([{"field": "attendees", "message": "Invalid field."}])
    errors = [
        {"field": f"attendees[{index}].name", "message": "Invalid field."}
        for index, item in enumerate(attendees)
        if not isinstance(item, dict) or not 0 < len(str(item.get("name", ""))) <= 64
    ]
    ttl = body.get("ttl", 7200)
    if isinstance(ttl, bool) or not isinstance(ttl, int) or not 0 <= ttl <= _MAX_TTL:
        errors.append({"field": "ttl", "message": "Invalid field."})
    if errors:
        raise validation_failed(errors)
    links = [
        {
            "name": item["name"],
            "join_url": f"https://us05web.zoom.us/j/{webinar['id']}?tk={state.ids.secret(43)}",
        }
        for item in attendees
    ]
    return Response(201, {"attendees": links})


def _get_livestream(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    return Response(200, copy.deepcopy(state.webinar_store.of(webinar["id"]).livestream))


def _update_livestream(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    body = call.json_object()
    limits = {"stream_url": 1024, "stream_key": 512, "page_url": 1024}
    errors = [
        {"field": name, "message": "Invalid field."}
        for name, limit in limits.items()
        if not isinstance(body.get(name), str) or not 0 < len(body[name]) <= limit
    ]
    if errors:
        raise validation_failed(errors)
    livestream = state.webinar_store.of(webinar["id"]).livestream
    livestream.update({name: body[name] for name in (*limits, "resolution") if name in body})
    return Response.empty()


def _livestream_status(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    body = call.json_object()
    action = body.get("action")
    if action not in ("start", "stop"):
        raise validation_failed([{"field": "action", "message": "Invalid field."}])
    extras = state.webinar_store.of(webinar["id"])
    if action == "start":
        if webinar["id"] not in state.webinar_store.live:
            raise ZoomAPIError(400, 3000, f"Webinar {webinar['id']} has not started.")
        if not extras.livestream["stream_url"]:
            raise ZoomAPIError(400, 3000, "The live stream is not configured for this webinar.")
    extras.streaming = action == "start"
    return Response.empty()


def _list_templates(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    templates = state.webinar_store.templates.get(user["id"], [])
    listed = [{name: t[name] for name in ("id", "name", "type")} for t in templates]
    return Response(200, {"total_records": len(listed), "templates": listed})


def _create_template(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    body = call.json_object()
    name = body.get("name")
    if not isinstance(name, str) or not name:
        raise validation_failed([{"field": "name", "message": "Invalid field."}])
    webinar = webinar_or_404(state, str(body.get("webinar_id", "")))
    templates = state.webinar_store.templates.setdefault(user["id"], [])
    template: dict[str, Any] | None = None
    if body.get("overwrite"):
        template = next((t for t in templates if t["webinar_id"] == webinar["id"]), None)
    if template is None:
        template = {"id": state.ids.opaque(), "type": 1, "webinar_id": webinar["id"]}
        templates.append(template)
    template["name"] = name
    template["settings"] = copy.deepcopy(webinar["settings"])
    return Response(201, {"id": template["id"], "name": name})


def _tracking_sources(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    sources = copy.deepcopy(state.webinar_store.of(webinar["id"]).tracking_sources)
    total = sum(source["registration_count"] for source in sources)
    return Response(200, {"total_records": total, "tracking_sources": sources})


def _delete_chat_message(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    if webinar["id"] not in state.webinar_store.live:
        raise ZoomAPIError(400, 3000, f"Webinar {webinar['id']} has not started.")
    return Response.empty()


_WEBINAR = "/v2/webinars/{webinarId}"

ROUTES = [
    Route("GET", _WEBINAR + "/token", "webinarToken", _caption_token),
    Route(
        "GET",
        _WEBINAR + "/jointoken/live_streaming",
        "webinarLiveStreamingJoinToken",
        _join_token,
    ),
    Route(
        "GET",
        _WEBINAR + "/jointoken/local_archiving",
        "webinarLocalArchivingArchiveToken",
        _join_token,
    ),
    Route(
        "GET",
        _WEBINAR + "/jointoken/local_recording",
        "webinarLocalRecordingJoinToken",
        _join_token,
    ),
    Route("POST", _WEBINAR + "/sip_dialing", "getWebinarSipDialingWithPasscode", _sip_dialing),
    Route("POST", _WEBINAR + "/invite_links", "webinarInviteLinksCreate", _invite_links),
    Route("GET", _WEBINAR + "/livestream", "getWebinarLiveStreamDetails", _get_livestream),
    Route("PATCH", _WEBINAR + "/livestream", "webinarLiveStreamUpdate", _update_livestream),
    Route(
        "PATCH",
        _WEBINAR + "/livestream/status",
        "webinarLiveStreamStatusUpdate",
        _livestream_status,
    ),
    Route("GET", "/v2/users/{userId}/webinar_templates", "listWebinarTemplates", _list_templates),
    Route(
        "POST", "/v2/users/{userId}/webinar_templates", "webinarTemplateCreate", _create_template
    ),
    Route("GET", _WEBINAR + "/tracking_sources", "getTrackingSources", _tracking_sources),
    Route(
        "DELETE",
        "/v2/live_webinars/{webinarId}/chat/messages/{messageId}",
        "deleteWebinarChatMessageById",
        _delete_chat_message,
    ),
]
