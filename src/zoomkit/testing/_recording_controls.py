"""FakeZoom's recording controls beyond ``complete_recording``: more files, Zoom's redirect.

These are methods of :class:`~zoomkit.testing.FakeZoom` (assigned in its class body).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _recordings

if TYPE_CHECKING:
    from ._fake import FakeZoom

__all__ = ["add_recording_file", "redirect_recording_downloads"]


def add_recording_file(
    self: FakeZoom,
    meeting_id: int | str,
    *,
    file_type: str = "M4A",
    file_size: int = _recordings.DEFAULT_FILE_SIZE,
    recording_type: str | None = None,
) -> dict[str, Any]:
    """Add a file to the meeting's latest recording and return it (with its ``download_url``).

    ``file_type`` is one of ``MP4``, ``M4A``, ``TRANSCRIPT``, ``CC``, ``CHAT``, ``CSV`` and
    ``SUMMARY``; the extension and ``recording_type`` follow from it unless given.
    """
    return _recordings.add_recording_file(
        self._state,
        meeting_id,
        file_type=file_type,
        file_size=file_size,
        recording_type=recording_type,
    )


def redirect_recording_downloads(self: FakeZoom, enabled: bool = True) -> None:
    """Make ``download_url`` answer 302 to the storage host (``ssrweb.zoom.us``), as Zoom does.

    Off by default, so a plain ``GET download_url`` gets the bytes. The storage host asks for
    the same Bearer, so a client that drops ``Authorization`` on the redirect fails visibly.
    """
    self._state.recording_redirects = enabled
