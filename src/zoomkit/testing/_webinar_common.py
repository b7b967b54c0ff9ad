"""What every webinar handler needs: the webinar a path names, or Zoom's error for it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._http import ZoomAPIError

if TYPE_CHECKING:
    from ._state import State

__all__ = ["is_webinar_id", "webinar_or_404"]


def webinar_or_404(state: State, raw_id: str) -> dict[str, Any]:
    """The webinar a path id names, or Zoom's 400 (not a number) or 404 (code 3001).

    A meeting's id is no webinar's: Zoom answers it with the same 404 as an unknown id.
    """
    if not raw_id.isdigit():
        raise ZoomAPIError(400, 300, "Invalid webinar ID.")
    webinar = state.webinar_store.webinars.get(int(raw_id))
    if webinar is None:
        raise ZoomAPIError(404, 3001, f"Webinar does not exist: {raw_id}.")
    return webinar


def is_webinar_id(state: State, raw_id: str) -> bool:
    """Whether a path id names a webinar (the meeting endpoints refuse those with code 3000)."""
    return raw_id.isdigit() and int(raw_id) in state.webinar_store.webinars
