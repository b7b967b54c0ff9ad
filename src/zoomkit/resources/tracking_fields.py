"""``client.tracking_fields``: the account's tracking field definitions.

A tracking field is a label every meeting can carry a value for (a cost centre, a course code);
meetings set their values with ``tracking_fields=[{"field": ..., "value": ...}]``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from .._http import build_path
from ..models.tracking_fields import (
    TrackingFieldDefinition,
    TrackingFieldList,
    build_tracking_field_body,
)
from ..types import NOT_GIVEN, NotGiven
from ._base import Resource, operation, options

__all__ = ["TrackingFields"]


class TrackingFields(Resource):
    """Tracking fields. An unknown ``field_id`` raises :class:`~zoomkit.errors.NotFoundError`
    (code 5110)."""

    @operation("GET", "/tracking_fields", response=TrackingFieldList)
    async def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> TrackingFieldList:
        """Every tracking field of the account (``.tracking_fields``, not paginated)."""
        return await self._loop.request_model(
            TrackingFieldList,
            "GET",
            "/tracking_fields",
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("POST", "/tracking_fields", response=TrackingFieldDefinition)
    async def create(
        self,
        *,
        field: str,
        recommended_values: Sequence[str] | None = None,
        required: bool | None = None,
        visible: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> TrackingFieldDefinition:
        """Define a tracking field (``field`` is its label) and return it with its ``id``."""
        body = build_tracking_field_body(
            {
                "field": field,
                "recommended_values": recommended_values,
                "required": required,
                "visible": visible,
            },
            creating=True,
            extra_body=extra_body,
        )
        return await self._loop.request_model(
            TrackingFieldDefinition,
            "POST",
            "/tracking_fields",
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", "/tracking_fields/{fieldId}", response=TrackingFieldDefinition)
    async def get(
        self,
        field_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> TrackingFieldDefinition:
        """One tracking field."""
        return await self._loop.request_model(
            TrackingFieldDefinition,
            "GET",
            build_path("/tracking_fields/{fieldId}", fieldId=field_id),
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", "/tracking_fields/{fieldId}")
    async def update(
        self,
        field_id: str,
        *,
        field: str | NotGiven = NOT_GIVEN,
        recommended_values: Sequence[str] | NotGiven = NOT_GIVEN,
        required: bool | NotGiven = NOT_GIVEN,
        visible: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Change only what you pass; a label another field has raises
        :class:`~zoomkit.errors.BadRequestError` (code 200)."""
        body = build_tracking_field_body(
            {
                "field": field,
                "recommended_values": recommended_values,
                "required": required,
                "visible": visible,
            },
            creating=False,
            extra_body=extra_body,
        )
        await self._loop.request(
            "PATCH",
            build_path("/tracking_fields/{fieldId}", fieldId=field_id),
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", "/tracking_fields/{fieldId}")
    async def delete(
        self,
        field_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Delete a tracking field."""
        await self._loop.request(
            "DELETE",
            build_path("/tracking_fields/{fieldId}", fieldId=field_id),
            options=options(extra_headers, extra_query, None, timeout),
        )
