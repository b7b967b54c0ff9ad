"""Webinar panelists: add up to 30 at a time, list, remove one or all.

Operations: ``webinarPanelists`` (not paginated), ``webinarPanelistCreate`` (201),
``webinarPanelistDelete`` and ``webinarPanelistsDelete`` (204). Adding an email that is already
a panelist updates that panelist, so a panelist is never listed twice.
"""

from __future__ import annotations

import copy
from typing import Any

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._state import State
from ._times import iso_z
from ._webinar_common import webinar_or_404

__all__ = ["ROUTES"]

MAX_PANELISTS = 100
_BATCH_SIZE = 30
_OPTIONAL = (
    "virtual_background_id",
    "name_tag_id",
    "name_tag_name",
    "name_tag_pronouns",
    "name_tag_description",
)


def _list(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    panelists = state.webinar_store.of(webinar["id"]).panelists
    listed = [copy.deepcopy(panelist) for panelist in panelists.values()]
    return Response(200, {"total_records": len(listed), "panelists": listed})


def _checked(given: object) -> list[dict[str, Any]]:
    """The panelists of a request body, or Zoom's 300 naming each bad field."""
    if not isinstance(given, list) or not 0 < len(given) <= _BATCH_SIZE:
        raise validation_failed([{"field": "panelists", "message": "Invalid field."}])
    errors = []
    for index, item in enumerate(given):
        if not isinstance(item, dict):
            errors.append({"field": f"panelists[{index}]", "message": "Invalid field."})
            continue
        email = item.get("email")
        if not isinstance(email, str) or "@" not in email:
            errors.append({"field": f"panelists[{index}].email", "message": "Invalid field."})
        if not isinstance(item.get("name"), str) or not item["name"]:
            errors.append({"field": f"panelists[{index}].name", "message": "Invalid field."})
    if errors:
        raise validation_failed(errors)
    return given


def _create(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    given = _checked(call.json_object().get("panelists"))
    panelists = state.webinar_store.of(webinar["id"]).panelists
    by_email = {p["email"].casefold(): p for p in panelists.values()}
    new = {item["email"].casefold() for item in given} - set(by_email)
    if len(panelists) + len(new) > MAX_PANELISTS:
        raise ZoomAPIError(
            400,
            3000,
            "You have reached the limit for the number of panelists you can add. "
            "Contact Zoom Support for more information.",
        )
    for item in given:
        panelist: dict[str, Any] | None = by_email.get(item["email"].casefold())
        if panelist is None:
            panelist_id = state.ids.opaque()
            panelist = {
                "id": panelist_id,
                "email": item["email"],
                "join_url": (
                    f"https://us05web.zoom.us/w/{webinar['id']}?tk={state.ids.secret(43)}"
                ),
            }
            panelists[panelist_id] = by_email[item["email"].casefold()] = panelist
        panelist["name"] = item["name"]
        panelist.update({name: item[name] for name in _OPTIONAL if name in item})
    return Response(201, {"id": str(webinar["id"]), "updated_at": iso_z(state.now())})


def _delete(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    panelists = state.webinar_store.of(webinar["id"]).panelists
    panelist_id = call.params["panelistId"]
    if panelists.pop(panelist_id, None) is None:
        raise ZoomAPIError(404, 1001, f"Panelist {panelist_id} does not exist.")
    return Response.empty()


def _delete_all(state: State, call: Call) -> Response:
    webinar = webinar_or_404(state, call.params["webinarId"])
    state.webinar_store.of(webinar["id"]).panelists.clear()
    return Response.empty()


_PATH = "/v2/webinars/{webinarId}/panelists"

ROUTES = [
    Route("GET", _PATH, "webinarPanelists", _list),
    Route("POST", _PATH, "webinarPanelistCreate", _create),
    Route("DELETE", _PATH, "webinarPanelistsDelete", _delete_all),
    Route("DELETE", _PATH + "/{panelistId}", "webinarPanelistDelete", _delete),
]
