"""``client.recordings``: cloud recordings, their files, trash, settings, analytics, downloads.

Recording operations name a recorded meeting (or webinar) instance by its UUID, or the latest
instance by the numeric meeting id. A UUID is wrapped as a :class:`~zoomkit.types.MeetingUUID`,
so the path encoder double-encodes it when Zoom requires it (``/...`` or ``//``).

Date-ranged calls (``list``, ``analytics_details``, ``analytics_summary``) take UTC dates and
may span any range: Zoom answers at most one month per request, so the range is split into
month windows walked in order (:class:`~zoomkit.windows.WindowedPaginator`).

``download`` and ``stream`` fetch a file's bytes (see :mod:`zoomkit._download`): redirects are
followed with the Bearer kept on Zoom's hosts, dropped connections resume by Range, and the size
is checked; memory stays flat whatever the file's size.
"""

from __future__ import annotations

import os
from collections.abc import AsyncGenerator, Hashable, Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, Literal, TypeVar

import httpx

from .._download import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_DOWNLOAD_RETRIES,
    DownloadableFile,
    Downloader,
    DownloadResult,
    TrustedHosts,
    WritableFile,
    download_source,
    stream_bytes,
    write_chunks,
)
from .._http import build_path
from ..auth import StaticTokenAuth
from ..errors import RequestValidationError
from ..models.meeting_bodies import build_body
from ..models.meetings import ApprovalType
from ..models.recordings import (
    CloudRecording,
    CloudRecordingList,
    CloudRecordingSettings,
    CloudRecordingSettingsParams,
    RecordingAnalyticsDetail,
    RecordingAnalyticsDetails,
    RecordingAnalyticsSummary,
    RecordingAnalyticsType,
    RecordingDeleteAction,
    RecordingTrashType,
    ShareRecording,
)
from ..pagination import AsyncPaginator
from ..types import MeetingUUID
from ..windows import WindowedPaginator, month_windows
from ._base import (
    Resource,
    ResourceAttribute,
    meeting_id_value,
    operation,
    options,
    page_fetcher,
    page_size_value,
)
from .meeting_ids import meeting_id_or_uuid
from .recording_registrants import RecordingRegistrants
from .reports import date_range, windowed

__all__ = ["Recordings"]

_RECORDINGS = "/meetings/{meetingId}/recordings"
_FILE = _RECORDINGS + "/{recordingId}"
MAX_TTL = 604_800
"""``ttl`` of a ``download_access_token``: at most 7 days."""

ChoiceT = TypeVar("ChoiceT", bound=StrEnum)

RecordingId = int | str | MeetingUUID
"""A meeting id (its latest recorded instance) or one instance's UUID."""


def _recording_key(item: CloudRecording) -> Hashable:
    # A recording listed on both sides of a window edge is the same instance (same UUID).
    return item.uuid if item.uuid else object()


def _choice(kind: type[ChoiceT], value: ChoiceT | str, *, field: str) -> ChoiceT:
    """``value`` as a member of ``kind``, or an error naming the field and the choices."""
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(repr(member.value) for member in kind)
        raise RequestValidationError(
            f"{field}: must be one of {choices}, got {value!r}", field=field
        ) from None


def _recording_path(meeting_id: RecordingId, recording_id: str | None = None) -> str:
    ids: dict[str, object] = {"meetingId": meeting_id_or_uuid(meeting_id)}
    if recording_id is None:
        return build_path(_RECORDINGS, **ids)
    if not isinstance(recording_id, str) or not recording_id.strip():
        raise RequestValidationError(
            f"recording_id: expected a recording file id, got {recording_id!r}",
            field="recording_id",
        )
    return build_path(_FILE, recordingId=recording_id, **ids)


class Recordings(Resource):
    """Cloud recordings (Pro plan or higher, cloud recording enabled)."""

    registrants = ResourceAttribute(RecordingRegistrants)

    @operation("GET", "/users/{userId}/recordings", response=CloudRecordingList)
    def list(
        self,
        user_id: str,
        *,
        from_: date | str | None = None,
        to: date | str | None = None,
        trash: bool = False,
        trash_type: RecordingTrashType | str | None = None,
        meeting_id: int | str | None = None,
        mc: bool | None = None,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[CloudRecording] | AsyncPaginator[CloudRecording]:
        """A user's recordings that started from ``from_`` to ``to`` (UTC days, both included).

        Any range works: it is walked in month windows, in order, and a recording listed on
        both sides of a window edge is yielded once (same UUID). ``async for`` gives every
        recording; ``pages()`` gives each window's pages. With ``trash=True`` the trash is
        listed instead (Zoom does not filter it by date, so give no dates); ``trash_type``
        picks whole recordings (default) or single trashed files.
        """
        request_options = options(extra_headers, extra_query, None, timeout)
        path = build_path("/users/{userId}/recordings", userId=user_id)
        params: dict[str, Any] = {
            "page_size": page_size_value(page_size),
            "mc": mc,
            "meeting_id": None if meeting_id is None else meeting_id_value(meeting_id),
        }
        fetch = page_fetcher(self._loop, CloudRecordingList, path, request_options)
        if trash:
            if from_ is not None or to is not None:
                raise RequestValidationError(
                    "from_: Zoom does not filter the trash by date; leave from_ and to out "
                    "with trash=True",
                    field="from_",
                )
            kind = _choice(
                RecordingTrashType,
                trash_type or RecordingTrashType.MEETING_RECORDINGS,
                field="trash_type",
            )
            params.update({"trash": True, "trash_type": kind})
            return AsyncPaginator(fetch, params=params, items_field="meetings")
        if trash_type is not None:
            raise RequestValidationError(
                "trash_type: only meaningful with trash=True", field="trash_type"
            )
        if from_ is None or to is None:
            missing = "from_" if from_ is None else "to"
            raise RequestValidationError(
                f"{missing}: a date is required (YYYY-MM-DD, UTC) unless trash=True",
                field=missing,
            )
        start, end = date_range(from_, to)
        return windowed(
            fetch, params, start=start, end=end, items_field="meetings", key=_recording_key
        )

    @operation("GET", _RECORDINGS, response=CloudRecording)
    async def get(
        self,
        meeting_id: RecordingId,
        *,
        include_fields: Literal["download_access_token"] | str | None = None,
        ttl: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CloudRecording:
        """The recording of an instance (or the meeting's latest) with its files.

        ``include_fields="download_access_token"`` adds a token that opens these files only,
        valid ``ttl`` seconds (at most 7 days): hand it to a worker instead of your own token.
        Raises :class:`~zoomkit.errors.NotFoundError` (code 3301) when there is no recording.
        """
        if ttl is not None:
            if isinstance(ttl, bool) or not isinstance(ttl, int) or not 0 <= ttl <= MAX_TTL:
                raise RequestValidationError(
                    f"ttl: must be 0 to {MAX_TTL} seconds, got {ttl!r}", field="ttl"
                )
            if "download_access_token" not in (include_fields or ""):
                raise RequestValidationError(
                    "ttl: applies to the download_access_token; pass "
                    "include_fields='download_access_token' too",
                    field="ttl",
                )
        return await self._loop.request_model(
            CloudRecording,
            "GET",
            _recording_path(meeting_id),
            params={"include_fields": include_fields, "ttl": ttl},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _RECORDINGS)
    async def delete(
        self,
        meeting_id: RecordingId,
        *,
        action: RecordingDeleteAction | str = RecordingDeleteAction.TRASH,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Move every file of the recording to the trash, or ``action="delete"`` it for good.

        Trashed recordings come back with :meth:`recover` for 30 days.
        """
        await self._loop.request(
            "DELETE",
            _recording_path(meeting_id),
            params={"action": _choice(RecordingDeleteAction, action, field="action")},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("DELETE", _FILE)
    async def delete_file(
        self,
        meeting_id: RecordingId,
        recording_id: str,
        *,
        action: RecordingDeleteAction | str = RecordingDeleteAction.TRASH,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Trash one file (``recording_id`` is the file's ``id``), or delete it for good."""
        await self._loop.request(
            "DELETE",
            _recording_path(meeting_id, recording_id),
            params={"action": _choice(RecordingDeleteAction, action, field="action")},
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PUT", "/meetings/{meetingUUID}/recordings/status")
    async def recover(
        self,
        meeting_uuid: RecordingId,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Bring every trashed file of an instance back from the trash."""
        await self._loop.request(
            "PUT",
            build_path(
                "/meetings/{meetingUUID}/recordings/status",
                meetingUUID=meeting_id_or_uuid(meeting_uuid, field="meeting_uuid"),
            ),
            json_body={"action": "recover"},
            options=options(extra_headers, extra_query, extra_body, timeout),
        )

    @operation("PUT", _FILE + "/status")
    async def recover_file(
        self,
        meeting_id: RecordingId,
        recording_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Bring one trashed file back."""
        await self._loop.request(
            "PUT",
            _recording_path(meeting_id, recording_id) + "/status",
            json_body={"action": "recover"},
            options=options(extra_headers, extra_query, extra_body, timeout),
        )

    @operation("GET", _RECORDINGS + "/settings", response=CloudRecordingSettings)
    async def get_settings(
        self,
        meeting_id: RecordingId,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CloudRecordingSettings:
        """Who may watch and download the recording: sharing, passcode, on-demand, approval."""
        return await self._loop.request_model(
            CloudRecordingSettings,
            "GET",
            _recording_path(meeting_id) + "/settings",
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("PATCH", _RECORDINGS + "/settings")
    async def update_settings(
        self,
        meeting_id: RecordingId,
        *,
        share_recording: ShareRecording | str | None = None,
        recording_authentication: bool | None = None,
        authentication_option: str | None = None,
        authentication_domains: str | None = None,
        viewer_download: bool | None = None,
        password: str | None = None,
        on_demand: bool | None = None,
        approval_type: ApprovalType | int | None = None,
        send_email_to_host: bool | None = None,
        show_social_share_buttons: bool | None = None,
        topic: str | None = None,
        auto_delete: bool | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        """Change only what you pass. ``password`` is 8 to 10 characters; ``on_demand=True``
        makes viewers register (see ``client.recordings.registrants``)."""
        body = build_body(
            CloudRecordingSettingsParams,
            {
                "share_recording": share_recording,
                "recording_authentication": recording_authentication,
                "authentication_option": authentication_option,
                "authentication_domains": authentication_domains,
                "viewer_download": viewer_download,
                "password": password,
                "on_demand": on_demand,
                "approval_type": approval_type,
                "send_email_to_host": send_email_to_host,
                "show_social_share_buttons": show_social_share_buttons,
                "topic": topic,
                "auto_delete": auto_delete,
            },
            extra_body,
        )
        await self._loop.request(
            "PATCH",
            _recording_path(meeting_id) + "/settings",
            json_body=body,
            options=options(extra_headers, extra_query, None, timeout),
        )

    @operation("GET", _RECORDINGS + "/analytics_details", response=RecordingAnalyticsDetails)
    def analytics_details(
        self,
        meeting_id: RecordingId,
        *,
        from_: date | str,
        to: date | str,
        type: RecordingAnalyticsType | str | None = None,
        page_size: int = 300,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> WindowedPaginator[RecordingAnalyticsDetail]:
        """Each view (``type="by_view"``) or download (``"by_download"``): who, when, how long.

        Walks month windows over ``from_``..``to`` in order.
        """
        start, end = date_range(from_, to)
        kind = None if type is None else _choice(RecordingAnalyticsType, type, field="type")
        fetch = page_fetcher(
            self._loop,
            RecordingAnalyticsDetails,
            _recording_path(meeting_id) + "/analytics_details",
            options(extra_headers, extra_query, None, timeout),
        )
        params = {"type": kind, "page_size": page_size_value(page_size)}
        return windowed(fetch, params, start=start, end=end, items_field="analytics_details")

    @operation("GET", _RECORDINGS + "/analytics_summary", response=RecordingAnalyticsSummary)
    async def analytics_summary(
        self,
        meeting_id: RecordingId,
        *,
        from_: date | str,
        to: date | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RecordingAnalyticsSummary:
        """Views and downloads per day over ``from_``..``to``, one answer whatever the range.

        Zoom answers a month per request; the windows' days are merged in order.
        """
        start, end = date_range(from_, to)
        path = _recording_path(meeting_id) + "/analytics_summary"
        request_options = options(extra_headers, extra_query, None, timeout)
        days = []
        for window_start, window_end in month_windows(start, end):
            window = await self._loop.request_model(
                RecordingAnalyticsSummary,
                "GET",
                path,
                params={"from": window_start.isoformat(), "to": window_end.isoformat()},
                options=request_options,
            )
            days.extend(window.analytics_summary)
        return RecordingAnalyticsSummary(from_=start, to=end, analytics_summary=days)

    # -- file transfer (not operations of Zoom's API: download_url lives on Zoom's web host) ----

    async def download(
        self,
        file: DownloadableFile | Mapping[str, Any] | str | httpx.URL,
        destination: str | os.PathLike[str] | WritableFile,
        *,
        download_token: str | None = None,
        expected_size: int | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        retries: int = DEFAULT_DOWNLOAD_RETRIES,
        trusted_hosts: Iterable[str] = (),
        timeout: float | httpx.Timeout | None = None,
    ) -> DownloadResult:
        """Download a recording file to a path or a binary file object, streamed in chunks.

        ``file`` is a :class:`~zoomkit.models.RecordingFile` (or a webhook's file, its JSON, or
        its ``download_url``). The client's access token goes as a Bearer header, or the webhook's
        ``download_token`` when given; never in the URL. A path is written to ``<path>.part``
        and renamed once complete; on any failure nothing is left behind. A dropped connection
        resumes by Range (``retries`` failed attempts in a row before giving up), and a file
        that ends at another size than ``file_size``/``expected_size`` raises
        :class:`~zoomkit.errors.DownloadSizeMismatch`.
        """
        downloader = self._downloader(
            file, download_token, expected_size, chunk_size, retries, trusted_hosts, timeout
        )
        path, size = await write_chunks(downloader.chunks(), destination)
        return DownloadResult(
            path=path,
            size=size,
            resumes=downloader.resumes,
            restarts=downloader.restarts,
            content_type=downloader.content_type,
        )

    def stream(
        self,
        file: DownloadableFile | Mapping[str, Any] | str | httpx.URL,
        *,
        download_token: str | None = None,
        expected_size: int | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        retries: int = DEFAULT_DOWNLOAD_RETRIES,
        trusted_hosts: Iterable[str] = (),
        timeout: float | httpx.Timeout | None = None,
    ) -> AsyncGenerator[bytes, None]:
        """The file's bytes as they arrive: ``async for chunk in client.recordings.stream(f)``.

        The same transfer as :meth:`download` (Bearer, resume, size check); each byte is
        yielded once, in order. To stop early, ``await stream.aclose()`` (or iterate inside
        ``contextlib.aclosing(stream)``): the connection closes at once.
        """
        downloader = self._downloader(
            file, download_token, expected_size, chunk_size, retries, trusted_hosts, timeout
        )
        return stream_bytes(downloader.chunks())

    def _downloader(
        self,
        file: DownloadableFile | Mapping[str, Any] | str | httpx.URL,
        download_token: str | None,
        expected_size: int | None,
        chunk_size: int,
        retries: int,
        trusted_hosts: Iterable[str],
        timeout: float | httpx.Timeout | None,
    ) -> Downloader:
        url, size = download_source(file, expected_size=expected_size)
        credential: httpx.Auth = self._loop.auth
        if download_token is not None:
            if not isinstance(download_token, str) or not download_token.strip():
                raise RequestValidationError(
                    "download_token: must be the non-empty token of a recording.completed event",
                    field="download_token",
                )
            credential = StaticTokenAuth(download_token.strip())
        if isinstance(trusted_hosts, str):
            trusted_hosts = [trusted_hosts]
        trusted = TrustedHosts.build(
            origins_of=(self._client.base_url, self._client.oauth_base_url), hosts=trusted_hosts
        )
        return Downloader(
            self._loop,
            url,
            credential=credential,
            trusted=trusted,
            expected_size=size,
            chunk_size=chunk_size,
            retries=retries,
            timeout=timeout,
        )
