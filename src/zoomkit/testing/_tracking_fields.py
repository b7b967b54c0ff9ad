"""Tracking fields: the account's labels for meeting values.

Operations: ``trackingfieldList``, ``trackingfieldCreate`` (201), ``trackingfieldGet``,
``trackingfieldUpdate`` (204) and ``trackingfieldDelete`` (204). Labels are unique per account;
an unknown id is Zoom's 404 code 5110.
"""

from __future__ import annotations

import copy
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._state import State

__all__ = ["ROUTES"]


def _field(state: State, call: Call) -> dict[str, Any]:
    field_id = call.params["fieldId"]
    found = state.tracking_fields.get(field_id)
    if found is None:
        raise ZoomAPIError(404, 5110, f"Tracking field does not exist: {field_id}.")
    return found


def _checked(state: State, body: dict[str, Any], *, own_id: str | None) -> dict[str, Any]:
    """The known fields of ``body``, type-checked, with the label unique in the account."""
    bad: list[str] = []
    label = body.get("field")
    if "field" in body and (not isinstance(label, str) or not label.strip()):
        bad.append("field")
    values = body.get("recommended_values")
    if "recommended_values" in body and (
        not isinstance(values, list) or not all(isinstance(v, str) for v in values)
    ):
        bad.append("recommended_values")
    bad += [k for k in ("required", "visible") if k in body and not isinstance(body[k], bool)]
    if bad:
        raise validation_failed([{"field": name, "message": "Invalid field."} for name in bad])
    if isinstance(label, str):
        for other_id, other in state.tracking_fields.items():
            if other_id != own_id and other["field"].casefold() == label.casefold():
                raise ZoomAPIError(400, 200, f"Tracking field {label} already exists.")
    known = ("field", "recommended_values", "required", "visible")
    return {key: copy.deepcopy(body[key]) for key in known if key in body}


def list_fields(state: State, call: Call) -> Response:
    fields = [copy.deepcopy(item) for item in state.tracking_fields.values()]
    return Response(200, {"total_records": len(fields), "tracking_fields": fields})


def create_field(state: State, call: Call) -> Response:
    body = call.json_object()
    if "field" not in body:
        raise validation_failed([{"field": "field", "message": "Missing field."}])
    values = _checked(state, body, own_id=None)
    field_id = state.ids.opaque()
    stored = {
        "id": field_id,
        "field": values["field"],
        "recommended_values": values.get("recommended_values", []),
        "required": values.get("required", False),
        "visible": values.get("visible", True),
    }
    state.tracking_fields[field_id] = stored
    return Response(201, copy.deepcopy(stored))


def get_field(state: State, call: Call) -> Response:
    return Response(200, copy.deepcopy(_field(state, call)))


def update_field(state: State, call: Call) -> Response:
    stored = _field(state, call)
    stored.update(_checked(state, call.json_object(), own_id=stored["id"]))
    return Response.empty()


def delete_field(state: State, call: Call) -> Response:
    del state.tracking_fields[_field(state, call)["id"]]
    return Response.empty()


ROUTES = [
    Route("GET", "/v2/tracking_fields", "trackingfieldList", list_fields),
    Route("POST", "/v2/tracking_fields", "trackingfieldCreate", create_field),
    Route("GET", "/v2/tracking_fields/{fieldId}", "trackingfieldGet", get_field),
    Route("PATCH", "/v2/tracking_fields/{fieldId}", "trackingfieldUpdate", update_field),
    Route("DELETE", "/v2/tracking_fields/{fieldId}", "trackingfieldDelete", delete_field),
]
