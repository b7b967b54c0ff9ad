"""``client.users.collaboration_devices``: the devices of a user's Personal Zoom Room."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from .._http import build_path
from ..models.user_devices import CollaborationDevice, CollaborationDeviceList
from ._base import Resource, operation, options

__all__ = ["UserCollaborationDevices"]


class UserCollaborationDevices(Resource):
    """A user's collaboration devices (read only)."""

    @operation("GET", "/users/{userId}/collaboration_devices", response=CollaborationDeviceList)
    async def list(
        self,
        user_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CollaborationDeviceList:
        """Every device of the user (``.collaboration_devices``)."""
        return await self._loop.request_model(
            CollaborationDeviceList,
            "GET",
            build_path("/users/{userId}/collaboration_devices", userId=user_id),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation(
        "GET",
        "/users/{userId}/collaboration_devices/{collaborationDeviceId}",
        response=CollaborationDevice,
    )
    async def get(
        self,
        user_id: str,
        device_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CollaborationDevice:
        """One device; an unknown id raises :class:`~zoomkit.errors.NotFoundError` (1238)."""
        return await self._loop.request_model(
            CollaborationDevice,
            "GET",
            build_path(
                "/users/{userId}/collaboration_devices/{collaborationDeviceId}",
                userId=user_id,
                collaborationDeviceId=device_id,
            ),
            options=options(extra_headers, extra_query, None, timeout),
        )
