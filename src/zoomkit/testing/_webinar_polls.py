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


def _question_errors(question: object, where: str, types: frozenset[str]) -> list[dict[str, str]]:
    """Zoom's rules for one poll or survey question (answers, right answers, ratings)."""
    if not isinstance(question, dict) or not isinstance(question.get("name"), str):
        return [{"field": f"{where}.name", "message": "Invalid field."}]
    errors = []
    if not 0 < len(question["name"]) <= 1024:
        errors.append({"field": f"{where}.name", "message": "Invalid field."})
    if question.get("type") not in types:
        errors.append({"field": f"{where}.type", "message": "Invalid field."})
    answers = question.get("answers")
    needs_answers = question.get("type") in ("single", "multiple")
    if (answers is not None or needs_answers) and not _list_of(answers, 2):
        errors.append({"field": f"{where}.answers", "message": "Provide at least two answers."})
    if "right_answers" in question and not _list_of(question["right_answers"], 1):
        errors.append({"field": f"{where}.right_answers", "message": "Invalid field."})
    if "prompts" in question and not _list_of(question["prompts"], 2, of=dict):
        errors.append({"field": f"{where}.prompts", "message": "Invalid field."})
    bounds = {"rating_min_value": (0, 10), "rating_max_value": (0, 10)}
    bounds["answer_min_character"] = bounds["answer_max_character"] = (1, 10_000)
    for name, (low, high) in bounds.items():
        value = question.get(name, low)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            errors.append({"field": f"{where}.{name}", "message": "Invalid field."})
    return errors


def _list_of(value: object, minimum: int, *, of: type = str) -> bool:
    return (
        isinstance(value, list)
        and len(value) >= minimum
        and all(isinstance(item, of) for item in value)
    )


def _poll_errors(body: dict[str, Any]) -> list[dict[str, str]]:
    errors = []
    title = body.get("title")
    if not isinstance(title, str) or not 0 < len(title) <= 64:
        errors.append({"field": "title", "message": "Invalid field."})
    questions = body.get("questions")
    if not isinstance(questions, list) or not questions:
        return [*errors, {"field": "questions", "message": "Invalid field."}]
    for index, question in enumerate(questions):
        errors += _question_errors(question, f"questions[{index}]", _QUESTION_TYPES)
    if body.get("poll_type", 1) not in (1, 2, 3):
        errors.append({"field": "poll_type", "message": "Invalid field."})
    return errors


def _survey_errors(custom: object) -> list[dict[str, str]]:
    if not isinstance(custom, dict):
        return [{"field": "custom_survey", "message": "Invalid field."}]
    errors = []
    if not 0 < len(str(custom.get("title", "Survey"))) <= 64:
        errors.append({"field": "custom_survey.title", "message": "Invalid field."})
    if len(str(custom.get("feedback", ""))) > 320:
        errors.append({"field": "custom_survey.feedback", "message": "Invalid field."})
    if "questions" not in custom:
        return errors
    questions = custom["questions"]
    if not isinstance(questions, list) or not 0 < len(questions) <= 100:
        return [*errors, {"field": "custom_survey.questions", "message": "Invalid field."}]
    for index, question in enumerate(questions):
        errors += _question_errors(question, f"custom_survey.questions[{index}]", _QUESTION_TYPES)
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
    if custom is not None:
        errors = _survey_errors(custom)
        if errors:
            raise validation_failed(errors)
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
