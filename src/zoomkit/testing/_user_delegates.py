"""Assistants, schedulers and collaboration devices of a user.

Operations: ``userAssistants``, ``userAssistantCreate``, ``userAssistantDelete``,
``userAssistantsDelete``, ``userSchedulers``, ``userSchedulerDelete``,
``userSchedulersDelete``, ``listCollaborationDevices`` and ``getCollaborationDevice``.

Only assistant lists are stored: B is an assistant of A when B may schedule for A, so A's
schedulers are derived (everyone who lists A as an assistant), and removing a scheduler removes
an assistant. Both users must be licensed (or on-prem), and nobody assists themself.
"""

from __future__ import annotations

import copy
from typing import Any, Final

from ._app import Route
from ._http import Call, Response, ZoomAPIError, validation_failed
from ._state import State
from ._times import iso_z
from ._user_data import data_of, require_user, user_not_found

__all__ = ["ROUTES", "forget_assistant"]

MAX_ASSISTANTS: Final = 30
_LICENSED: Final = (2, 3)


def forget_assistant(state: State, user_id: str) -> None:
    """A user leaves the account: nobody keeps them as an assistant."""
    for data in state.user_data.values():
        if user_id in data.assistants:
            data.assistants.remove(user_id)


def list_assistants(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    shown = [
        {"id": state.users[a]["id"], "email": state.users[a]["email"]}
        for a in data_of(state, user).assistants
        if a in state.users
    ]
    return Response(200, {"assistants": shown})


def _resolve(state: State, ref: object) -> dict[str, Any]:
    name = (ref.get("id") or ref.get("email") or "") if isinstance(ref, dict) else ""
    found = state.find_user(name, None) if isinstance(name, str) and name else None
    if found is None:
        raise ZoomAPIError(400, 200, f"Can't find user {name}.")
    return found


def add_assistants(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    refs = call.json_object().get("assistants")
    if not isinstance(refs, list) or not refs or len(refs) > MAX_ASSISTANTS:
        raise validation_failed([{"field": "assistants", "message": "Invalid field."}])
    if user["type"] not in _LICENSED:
        raise ZoomAPIError(
            400, 200, f"The user must either be a Licensed user or an On-prem user: {user['id']}"
        )
    data = data_of(state, user)
    added: list[str] = []
    for ref in refs:
        assistant = _resolve(state, ref)
        if assistant["id"] == user["id"]:
            raise ZoomAPIError(400, 200, "Can't assign scheduling privilege to yourself.")
        if assistant["type"] not in _LICENSED:
            raise ZoomAPIError(
                400,
                200,
                f"The user must either be a Licensed user or an On-prem user: {assistant['id']}",
            )
        if assistant["id"] in data.assistants or assistant["id"] in added:
            raise ZoomAPIError(
                400, 200, f"User {assistant['email']} has already granted scheduling privilege."
            )
        added.append(assistant["id"])
    data.assistants.extend(added)
    return Response(201, {"ids": ",".join(added), "add_at": iso_z(state.now())})


def delete_assistant(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    assistant_id = call.params["assistantId"]
    assistants = data_of(state, user).assistants
    if assistant_id not in assistants:
        raise user_not_found(assistant_id)
    assistants.remove(assistant_id)
    return Response.empty()


def delete_assistants(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    data_of(state, user).assistants.clear()
    return Response.empty()


def _schedulers(state: State, user_id: str) -> list[dict[str, Any]]:
    """Users who list ``user_id`` as an assistant."""
    return [
        owner
        for owner_id, data in state.user_data.items()
        if user_id in data.assistants and (owner := state.users.get(owner_id)) is not None
    ]


def list_schedulers(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    shown = [
        {"id": owner["id"], "email": owner["email"], "pmi": owner["pmi"]}
        for owner in _schedulers(state, user["id"])
    ]
    return Response(200, {"schedulers": shown})


def delete_scheduler(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    scheduler_id = call.params["schedulerId"]
    owner = next((o for o in _schedulers(state, user["id"]) if o["id"] == scheduler_id), None)
    if owner is None:
        raise user_not_found(scheduler_id)
    data_of(state, owner).assistants.remove(user["id"])
    return Response.empty()


def delete_schedulers(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    for owner in _schedulers(state, user["id"]):
        data_of(state, owner).assistants.remove(user["id"])
    return Response.empty()


def list_devices(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    devices = copy.deepcopy(data_of(state, user).devices)
    return Response(200, {"total_records": len(devices), "collaboration_devices": devices})


def get_device(state: State, call: Call) -> Response:
    user = require_user(state, call, call.params["userId"])
    device_id = call.params["collaborationDeviceId"]
    for device in data_of(state, user).devices:
        if device["id"] == device_id:
            return Response(200, copy.deepcopy(device))
    raise ZoomAPIError(404, 1238, f"Collaboration Device does not exist: {device_id}.")


ROUTES = [
    Route("GET", "/v2/users/{userId}/assistants", "userAssistants", list_assistants),
    Route("POST", "/v2/users/{userId}/assistants", "userAssistantCreate", add_assistants),
    Route("DELETE", "/v2/users/{userId}/assistants", "userAssistantsDelete", delete_assistants),
    Route(
        "DELETE",
        "/v2/users/{userId}/assistants/{assistantId}",
        "userAssistantDelete",
        delete_assistant,
    ),
    Route("GET", "/v2/users/{userId}/schedulers", "userSchedulers", list_schedulers),
    Route("DELETE", "/v2/users/{userId}/schedulers", "userSchedulersDelete", delete_schedulers),
    Route(
        "DELETE",
        "/v2/users/{userId}/schedulers/{schedulerId}",
        "userSchedulerDelete",
        delete_scheduler,
    ),
    Route(
        "GET",
        "/v2/users/{userId}/collaboration_devices",
        "listCollaborationDevices",
        list_devices,
    ),
    Route(
        "GET",
        "/v2/users/{userId}/collaboration_devices/{collaborationDeviceId}",
        "getCollaborationDevice",
        get_device,
    ),
]
