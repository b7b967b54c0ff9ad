"""What meeting and webinar registrants share: Zoom's fields, checks, statuses and questions.

The two handler modules (``_meeting_registrants``, ``_webinar_registrants``) differ in where
registrants are stored and in a few rules of their own (webinar capacity, who may register);
everything Zoom applies to both lives here, once.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Collection, Mapping
from typing import Any

from ._http import validation_failed

__all__ = [
    "BATCH_SIZE",
    "OPTIONAL_FIELDS",
    "QUESTION_FIELDS",
    "STATUSES",
    "batch_items",
    "chosen_for_status",
    "field_errors",
    "question_errors",
    "store_questions",
    "transition",
]

BATCH_SIZE = 30
"""Registrants per batch call, and registrants one status call may name."""
STATUSES = ("approved", "pending", "denied")
OPTIONAL_FIELDS = (
    "last_name",
    "address",
    "city",
    "state",
    "zip",
    "country",
    "phone",
    "comments",
    "custom_questions",
    "industry",
    "job_title",
    "no_of_employees",
    "org",
    "purchasing_time_frame",
    "role_in_purchase_process",
    "language",
)
"""Registrant fields kept as given, beside the required ``email`` and ``first_name``."""
QUESTION_FIELDS = frozenset(
    {
        "last_name",
        "address",
        "city",
        "country",
        "zip",
        "state",
        "phone",
        "industry",
        "org",
        "job_title",
        "purchasing_time_frame",
        "role_in_purchase_process",
        "no_of_employees",
        "comments",
    }
)
"""The standard registration-form fields a question may name (meetings, webinars, recordings)."""
# A registrant goes from one status to another by each action; others are left as they are.
_TRANSITIONS = {
    "approve": {"pending": "approved", "denied": "approved"},
    "deny": {"pending": "denied", "approved": "denied"},
    "cancel": {"approved": "denied"},
}

FieldErrors = Callable[[dict[str, Any], str], list[dict[str, str]]]


def field_errors(
    body: dict[str, Any], prefix: str = "", *, strict: bool = False
) -> list[dict[str, str]]:
    """Zoom's per-field errors for one registrant; ``strict`` adds the webinar checks on
    ``last_name`` and ``custom_questions``."""
    errors = []
    email = body.get("email")
    if not isinstance(email, str) or "@" not in email or len(email) > 128:
        errors.append({"field": f"{prefix}email", "message": "Invalid field."})
    first_name = body.get("first_name")
    if not isinstance(first_name, str) or not 0 < len(first_name) <= 64:
        errors.append({"field": f"{prefix}first_name", "message": "Invalid field."})
    if strict:
        if len(str(body.get("last_name", ""))) > 64:
            errors.append({"field": f"{prefix}last_name", "message": "Invalid field."})
        answers = body.get("custom_questions", [])
        if not isinstance(answers, list) or not all(
            isinstance(a, dict) and len(str(a.get("value", ""))) <= 128 for a in answers
        ):
            errors.append({"field": f"{prefix}custom_questions", "message": "Invalid field."})
    return errors


def batch_items(body: dict[str, Any], check: FieldErrors) -> list[dict[str, Any]]:
    """The registrants of a batch body, each checked; Zoom's 400 naming every bad field."""
    given = body.get("registrants")
    if not isinstance(given, list) or not 0 < len(given) <= BATCH_SIZE:
        raise validation_failed([{"field": "registrants", "message": "Invalid field."}])
    errors = [
        error
        for index, item in enumerate(given)
        for error in (
            check(item, f"registrants[{index}].")
            if isinstance(item, dict)
            else [{"field": f"registrants[{index}]", "message": "Invalid field."}]
        )
    ]
    if errors:
        raise validation_failed(errors)
    return given


def _named(registrants: Mapping[str, dict[str, Any]], ref: object) -> dict[str, Any] | None:
    if not isinstance(ref, dict):
        return None
    if ref.get("id"):
        return registrants.get(ref["id"])
    email = str(ref.get("email", "")).casefold()
    return next((r for r in registrants.values() if r["email"].casefold() == email), None)


def chosen_for_status(
    body: dict[str, Any], registrants: Mapping[str, dict[str, Any]]
) -> tuple[str, list[dict[str, Any]]]:
    """The action of a status call and the registrants it names (all when it names none).

    Registrants Zoom cannot find are skipped, as Zoom does; at most 30 may be named.
    """
    action = body.get("action")
    if action not in _TRANSITIONS:
        raise validation_failed([{"field": "action", "message": "Invalid field."}])
    refs = body.get("registrants")
    if refs is not None and (not isinstance(refs, list) or len(refs) > BATCH_SIZE):
        raise validation_failed([{"field": "registrants", "message": "Invalid field."}])
    if refs is None:
        return action, list(registrants.values())
    found = (_named(registrants, ref) for ref in refs)
    return action, [r for r in found if r is not None]


def transition(action: str, registrants: list[dict[str, Any]]) -> None:
    """Move each registrant to the status ``action`` leads to from its own."""
    for registrant in registrants:
        registrant["status"] = _TRANSITIONS[action].get(registrant["status"], registrant["status"])


def question_errors(body: dict[str, Any], custom_types: Collection[str]) -> list[dict[str, str]]:
    """Zoom's errors for a registration-questions update: unknown standard fields, and custom
    questions of a type the meeting or webinar does not offer."""
    errors = [
        {"field": f"questions[{index}].field_name", "message": "Invalid field."}
        for index, question in enumerate(body.get("questions") or [])
        if not isinstance(question, dict) or question.get("field_name") not in QUESTION_FIELDS
    ]
    errors += [
        {"field": f"custom_questions[{index}].type", "message": "Invalid field."}
        for index, question in enumerate(body.get("custom_questions") or [])
        if not isinstance(question, dict) or question.get("type") not in custom_types
    ]
    return errors


def store_questions(questions: dict[str, Any], body: dict[str, Any]) -> None:
    """Replace the question lists the body gives; keep the others."""
    for name in ("questions", "custom_questions"):
        if name in body:
            questions[name] = copy.deepcopy(body[name])
