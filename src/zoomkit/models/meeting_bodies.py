"""One way to turn keyword arguments into a checked request body.

Resource methods pass what the caller gave; ``None`` means "not given" and is left out. Models
read from Zoom (a poll fetched earlier, say) can be fed back: they become the JSON Zoom sent
before they are checked against the request model.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zoomkit.models._base import RequestModel, ZoomModel, merge_extra_body
from zoomkit.models._validation import validate_request

__all__ = ["build_body", "plain"]


def build_body(
    model: type[RequestModel],
    fields: Mapping[str, Any],
    extra_body: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Check ``fields`` against ``model`` and return the JSON body, ``extra_body`` merged in.

    Raises :class:`~zoomkit.errors.RequestValidationError` naming the first bad field.
    """
    given = {name: plain(value) for name, value in fields.items() if value is not None}
    return merge_extra_body(validate_request(model, given).to_body(), extra_body)


def plain(value: Any) -> Any:
    """Response models as the dicts Zoom sent; request models and scalars unchanged."""
    if isinstance(value, RequestModel):
        return value
    if isinstance(value, ZoomModel):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value
