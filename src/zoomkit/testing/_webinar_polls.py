"""Webinar polls and the post-webinar survey.

Operations: ``webinarPolls`` (not paginated; ``anonymous=true`` lists only anonymous polls),
``webinarPollCreate`` (201, status ``notstart``), ``webinarPollGet``, ``webinarPollUpdate``
(PUT, 204: the poll is replaced), ``webinarPollDelete`` (204), ``webinarSurveyGet``,
``webinarSurveyUpdate`` (204, merged) and ``webinarSurveyDelete`` (204).
"""

from __future__ import annotations

import copy
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._state import State
from ._webinar_common import webinar_or_404

__all__ = ["ROUTES"]

_QUESTION_TYPES = frozenset(
    {
        "single",
        "multiple",
        "matching",
        "rank_order",
        "short_answer",
        "long_answer",
        "fill_in_the_blank",
        "rating_scale",
    }
)
_DEFAULT_SURVEY: dict[str, Any] = {
    "show_in_the_browser": True,
    "show_in_the_follow_up_email": False,
    "third_party_survey": "",
}


def _poll_errors(body: dict[str, Any]) -> list[dict[str, str]]:
    errors = []
    title = body.get("title")
    if not isinstance(title, str) or not 0 < len(title) <= 64:
        errors.append({"field": "title", "message": "Invalid field."})
    questions = body.get("questions")
    if not isinstance(questions, list) or not questions:
        return [*errors, {"field": "questions", "message": "Invalid field."}]
    for index, question in enumerate(questions):
        if not isinstance(question, dict) or not isinstance(question.get("name"), str):
            errors.append({"field": f"questions[{index}].name", "message": "Invalid field."})
        elif question.get("type") not in _QUESTION_TYPES:
            errors.append({"field": f"questions[{index}].type", "message": "Invalid field."})
    if body.get("poll_type", 1) not in (1, 2, 3):
        errors.append({"field": "poll_type", "message": "Invalid field."})
    return errors


def _stored_poll(poll_id: str, body: dict[str, Any], status: str) -> dict[str, Any]:
    return {
        "id": poll_id,
        "title": body["title"],
        "status": status,
        "anonymous": bool(body.get("anonymous", False)),
        "poll_type": body.get("poll_type", 1),
        "questions": copy.deepcopy(body["questions"]),
    }


def _poll(state: State, call: Call) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    webinar = webinar_or_404(state, call.params["webinarId"])
    polls = state.webinar_store.of(webinar["id"]).polls
    poll_id = call.params["pollId"]
    poll = polls.get(poll_id)
    if poll is None:
        raise ZoomAPIError(404, 404, f"Poll does not exist: {poll_id}.")
    return polls, poll


def _list(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    polls = state.webinar_store.of(webinar["id"]).polls.values()
    only_anonymous = call.query.get("anonymous") == "true"
    listed = [copy.deepcopy(p) for p in polls if p["anonymous"] or not only_anonymous]
    return Response(200, {"total_records": len(listed), "polls": listed})


def _create(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    body = call.json_object()
    errors = _poll_errors(body)
    if errors:
        raise validation_failed(errors)
    poll = _stored_poll(state.ids.opaque(), body, "notstart")
    state.webinar_store.of(webinar["id"]).polls[poll["id"]] = poll
    return Response(201, copy.deepcopy(poll))


def _get(state: State, call: Call) -> Response:
    _polls, poll = _poll(state, call)
    return Response(200, copy.deepcopy(poll))


def _update(state: State, call: Call) -> Response:
    polls, poll = _poll(state, call)
    body = call.json_object()
    errors = _poll_errors(body)
    if errors:
        raise validation_failed(errors)
    polls[poll["id"]] = _stored_poll(poll["id"], body, poll["status"])
    return Response.empty()


def _delete(state: State, call: Call) -> Response:
    polls, poll = _poll(state, call)
    del polls[poll["id"]]
    return Response.empty()


def _get_survey(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    survey = state.webinar_store.of(webinar["id"]).survey
    return Response(200, copy.deepcopy(survey if survey is not None else _DEFAULT_SURVEY))


def _update_survey(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    body = call.json_object()
    third_party = body.get("third_party_survey", "")
    if not isinstance(third_party, str) or len(third_party) > 64:
        raise ZoomAPIError(400, 300, f"Invalid third party survey: {third_party}.")
    custom = body.get("custom_survey")
    if custom is not None and not isinstance(custom, dict):
        raise validation_failed([{"field": "custom_survey", "message": "Invalid field."}])
    extras = state.webinar_store.of(webinar["id"])
    survey = copy.deepcopy(extras.survey if extras.survey is not None else _DEFAULT_SURVEY)
    for name in ("show_in_the_browser", "show_in_the_follow_up_email", "third_party_survey"):
        if name in body:
            survey[name] = body[name]
    if custom is not None:
        survey["custom_survey"] = {**survey.get("custom_survey", {}), **copy.deepcopy(custom)}
    extras.survey = survey
    return Response.empty()


def _delete_survey(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    state.webinar_store.of(webinar["id"]).survey = None
    return Response.empty()


_POLLS = "/v2/webinars/{webinarId}/polls"
_SURVEY = "/v2/webinars/{webinarId}/survey"

ROUTES = [
    Route("GET", _POLLS, "webinarPolls", _list),
    Route("POST", _POLLS, "webinarPollCreate", _create),
    Route("GET", _POLLS + "/{pollId}", "webinarPollGet", _get),
    Route("PUT", _POLLS + "/{pollId}", "webinarPollUpdate", _update),
    Route("DELETE", _POLLS + "/{pollId}", "webinarPollDelete", _delete),
    Route("GET", _SURVEY, "webinarSurveyGet", _get_survey),
    Route("PATCH", _SURVEY, "webinarSurveyUpdate", _update_survey),
    Route("DELETE", _SURVEY, "webinarSurveyDelete", _delete_survey),
]
