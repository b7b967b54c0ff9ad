"""Recording file downloads: streamed in chunks, resumed by Range, checked for size.

A recording file can be gigabytes, so it is never held in memory: bytes flow from the socket to
the destination in ``chunk_size`` pieces. Three things make Zoom's downloads harder than a GET:

* ``download_url`` answers with a redirect to a storage host. httpx drops ``Authorization`` on
  a cross-origin redirect, so zoomkit follows redirects itself and decides per hop whether the
  Bearer goes along (:func:`sends_credentials`): to Zoom's own domains over HTTPS, to the
  origins the client is configured for (its API and OAuth URLs), and to hosts the caller names;
  never anywhere else, and never in the URL. Any other host (a signed storage URL) is followed
  without it.
* A long transfer drops. It continues with ``Range: bytes=N-`` from the last byte received,
  after a back-off on the client's clock; a server that ignores Range (200) starts the file
  over, and the writer rewinds.
* Zoom announces the size (``file_size``, Content-Length, Content-Range); a file that ends at
  another size raises :class:`~zoomkit.errors.DownloadSizeMismatch`.

Decisions are pure functions (:func:`sends_credentials`, :func:`parse_content_range`,
:func:`place_response`, :func:`settle_total`, :func:`download_source`), table-tested; the
:class:`Downloader` and the writers are the thin I/O shell.
"""

from __future__ import annotations

import contextlib
import inspect
import os
from collections.abc import AsyncGenerator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol

import anyio
import httpx

from ._http import RequestLoop, make_api_error
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    DownloadSizeMismatch,
    RequestValidationError,
    ResponseValidationError,
)

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_DOWNLOAD_RETRIES",
    "ZOOM_DOMAINS",
    "Chunk",
    "ContentRange",
    "DownloadResult",
    "DownloadableFile",
    "Downloader",
    "TrustedHosts",
    "WritableFile",
    "download_source",
    "parse_content_range",
    "place_response",
    "sends_credentials",
    "settle_total",
    "stream_bytes",
    "write_chunks",
]

ZOOM_DOMAINS: Final = ("zoom.us", "zoomgov.com")
"""Zoom's own domains (and their subdomains): they get the Bearer over HTTPS."""
MAX_REDIRECTS: Final = 5
DEFAULT_CHUNK_SIZE: Final = 1 << 20
"""At most 1 MiB per chunk: few enough writes, and memory stays flat."""
DEFAULT_DOWNLOAD_RETRIES: Final = 5
"""Failed attempts in a row (none getting further into the file) before a download gives up."""
_DEFAULT_PORTS: Final = {"http": 80, "https": 443}


# --- pure decisions ---------------------------------------------------------------------------


class DownloadableFile(Protocol):
    """A recording file as Zoom lists it: :class:`~zoomkit.models.RecordingFile`, a participant
    audio file, or the file objects of a ``recording.completed`` webhook."""

    @property
    def download_url(self) -> str | None: ...

    @property
    def file_size(self) -> int | float | None: ...


@dataclass(frozen=True, slots=True)
class TrustedHosts:
    """Where credentials may go: configured origins (any scheme) and extra HTTPS host names."""

    origins: frozenset[tuple[str, str, int]]
    hosts: frozenset[str]

    @classmethod
    def build(cls, *, origins_of: Iterable[str], hosts: Iterable[str] = ()) -> TrustedHosts:
        """Trust the origins of ``origins_of`` (the client's URLs) and the exact ``hosts``."""
        return cls(
            frozenset(_origin(httpx.URL(url)) for url in origins_of),
            frozenset(host.strip().lower().rstrip(".") for host in hosts if host.strip()),
        )


def _origin(url: httpx.URL) -> tuple[str, str, int]:
    port = url.port if url.port is not None else _DEFAULT_PORTS.get(url.scheme, 0)
    return (url.scheme, url.host.lower().rstrip("."), port)


def sends_credentials(url: httpx.URL, trusted: TrustedHosts) -> bool:
    """Whether the Bearer may be sent to ``url``.

    Yes for an origin the client is configured for (its API or OAuth URL, so a private cloud or
    a FakeZoom served on 127.0.0.1 works over plain HTTP), and over HTTPS for Zoom's domains and
    their subdomains (``zoom.us``, ``us06web.zoom.us``, ``ssrweb.zoom.us``, ``zoomgov.com``) and
    the exact hosts the caller trusts. No for anything else, HTTP downgrades included.
    """
    if _origin(url) in trusted.origins:
        return True
    if url.scheme != "https":
        return False
    host = url.host.lower().rstrip(".")
    return host in trusted.hosts or any(
        host == domain or host.endswith("." + domain) for domain in ZOOM_DOMAINS
    )


def describe(url: httpx.URL) -> str:
    """A URL for messages and logs: never its query, where signed URLs keep their signature."""
    return f"{url.scheme}://{url.host}{url.path}"


def _known_size(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if value < 0 or not float(value).is_integer():
        return None
    return int(value)


def download_source(
    file: DownloadableFile | Mapping[str, Any] | str | httpx.URL,
    *,
    expected_size: int | None = None,
) -> tuple[httpx.URL, int | None]:
    """The URL to fetch and the size to expect, or a clear error before anything is sent.

    ``file`` is a file object (a model), its JSON (a mapping) or its URL. ``expected_size``
    wins over the file's ``file_size``. A URL carrying an ``access_token``
    query parameter is refused: Zoom rejects tokens in URLs (code 124), and a URL with a token
    ends up in logs.
    """
    size = None if expected_size is None else _known_size(expected_size)
    if expected_size is not None and size is None:
        raise RequestValidationError(
            f"expected_size: must be a byte count >= 0, got {expected_size!r}",
            field="expected_size",
        )
    if isinstance(file, str | httpx.URL):
        raw: object = file
    else:
        fields: Mapping[str, Any] = (
            file
            if isinstance(file, Mapping)
            else {
                "download_url": getattr(file, "download_url", None),
                "file_size": getattr(file, "file_size", None),
            }
        )
        raw = fields.get("download_url")
        if size is None:
            size = _known_size(fields.get("file_size"))
    if not raw:
        raise RequestValidationError(
            "file: it has no download_url (On-Premise recordings give file_path instead)",
            field="file",
        )
    try:
        url = httpx.URL(str(raw))
    except httpx.InvalidURL as exc:
        raise RequestValidationError("file: download_url is not a valid URL", field="file") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise RequestValidationError(
            f"file: download_url must be an http(s) URL, got scheme {url.scheme!r}", field="file"
        )
    if "access_token" in url.params:
        raise RequestValidationError(
            "file: download_url carries an access_token query parameter; Zoom refuses tokens "
            "in URLs (code 124): pass the URL without it (zoomkit sends a Bearer header)",
            field="file",
        )
    return url, size


@dataclass(frozen=True, slots=True)
class ContentRange:
    """A parsed ``Content-Range: bytes start-end/total`` (``total`` None for ``*``)."""

    start: int
    end: int
    total: int | None


def parse_content_range(value: str | None) -> ContentRange | None:
    """``bytes 100-199/1000`` → ContentRange(100, 199, 1000); anything malformed → None."""
    if not value:
        return None
    unit, _, rest = value.strip().partition(" ")
    span, slash, total_text = rest.partition("/")
    first, dash, last = span.partition("-")
    if unit.lower() != "bytes" or not slash or not dash:
        return None
    if not (first.strip().isdigit() and last.strip().isdigit()):
        return None
    start, end = int(first), int(last)
    total_text = total_text.strip()
    if total_text == "*":
        total = None
    elif total_text.isdigit():
        total = int(total_text)
    else:
        return None
    if end < start or (total is not None and end >= total):
        return None
    return ContentRange(start, end, total)


def _content_length(headers: Mapping[str, str]) -> int | None:
    value = headers.get("content-length", "").strip()
    return int(value) if value.isdigit() else None


def place_response(status: int, headers: Mapping[str, str], offset: int) -> tuple[int, int | None]:
    """Where a successful response's body starts in the file, and the file's total if known.

    200 is the whole file from byte 0 (a restart if ``offset`` > 0: the server ignored Range);
    206 must continue exactly at ``offset``. Anything else cannot be placed and raises
    :class:`~zoomkit.errors.ResponseValidationError`.
    """
    if status == 200:
        return 0, _content_length(headers)
    if status == 206:
        found = parse_content_range(headers.get("content-range"))
        if found is None or found.start != offset:
            raise ResponseValidationError(
                f"asked for bytes from {offset}, got a 206 with Content-Range "
                f"{headers.get('content-range')!r}"
            )
        if found.total is not None:
            return offset, found.total
        length = _content_length(headers)
        return offset, None if length is None else offset + length
    raise ResponseValidationError(f"a download answered {status}, neither 200 nor 206")


def settle_total(expected: int | None, announced: int | None, *, where: str) -> int | None:
    """The size the file must reach: what the caller expects, checked against the server."""
    if expected is not None and announced is not None and expected != announced:
        raise DownloadSizeMismatch(
            f"{where}: Zoom announced {expected} bytes, the server sends {announced}",
            expected=expected,
            received=announced,
        )
    return expected if expected is not None else announced


# --- the transfer ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Chunk:
    """Bytes and where they belong in the file (a restart sends offset 0 again)."""

    offset: int
    data: bytes


@dataclass(frozen=True, slots=True)
class DownloadResult:
    """What a finished download wrote."""

    path: Path | None
    """The destination path (None when written to a file object)."""
    size: int
    resumes: int
    """Times the transfer continued by Range after the connection dropped."""
    restarts: int
    """Times the server ignored Range and the file started over."""
    content_type: str | None


class Downloader:
    """One file's transfer: redirects followed by hand, drops resumed, sizes checked.

    ``credential`` authorizes requests to trusted hosts (the client's auth, or a
    ``download_token`` as a static Bearer). Iterate :meth:`chunks` once.
    """

    def __init__(
        self,
        loop: RequestLoop,
        url: httpx.URL,
        *,
        credential: httpx.Auth,
        trusted: TrustedHosts,
        expected_size: int | None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        retries: int = DEFAULT_DOWNLOAD_RETRIES,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        if not sends_credentials(url, trusted):
            raise RequestValidationError(
                f"file: refusing to send Zoom credentials to {url.scheme}://{url.host}: only "
                "Zoom's domains over HTTPS and the client's own URLs get them; pass "
                "trusted_hosts=[...] if this host is yours",
                field="file",
            )
        if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
            raise RequestValidationError(
                f"chunk_size: must be a positive number of bytes, got {chunk_size!r}",
                field="chunk_size",
            )
        if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
            raise RequestValidationError(
                f"retries: must be an integer >= 0, got {retries!r}", field="retries"
            )
        self._loop = loop
        self.url = url
        self._credential = credential
        self._trusted = trusted
        self.expected_size = expected_size
        self._chunk_size = chunk_size
        self._retries = retries
        self._timeout = timeout if timeout is not None else loop.timeout
        self.resumes = 0
        self.restarts = 0
        self.content_type: str | None = None

    async def chunks(self) -> AsyncGenerator[Chunk, None]:
        """Every byte of the file, in order, resuming after drops; then a size check."""
        where = describe(self.url)
        total = self.expected_size
        offset = furthest = 0
        failures = 0
        while True:
            try:
                response = await self._open(offset)
            except httpx.TransportError as exc:
                failures = await self._back_off(failures + 1, exc, offset, total)
                continue
            except APIError as error:
                failures += 1
                if failures > self._retries or not self._loop.retry_policy.should_retry(
                    error, method="GET"
                ):
                    raise
                await self._loop.clock.sleep(
                    self._loop.retry_policy.wait_seconds(error, attempt=failures)
                )
                continue
            try:
                start, announced = place_response(response.status_code, response.headers, offset)
                total = settle_total(total, announced, where=where)
                if start != offset:
                    self.restarts += 1
                elif offset:
                    self.resumes += 1
                offset = start
                self.content_type = response.headers.get("content-type")
                # Pieces as they arrive (split to chunk_size), never held back in a buffer: a
                # drop then loses nothing already received, and the resume starts right after.
                async for received in response.aiter_raw():
                    for data in _pieces(received, self._chunk_size):
                        if total is not None and offset + len(data) > total:
                            raise DownloadSizeMismatch(
                                f"{where}: more than the {total} bytes announced arrived",
                                expected=total,
                                received=offset + len(data),
                            )
                        yield Chunk(offset, data)
                        offset += len(data)
            except httpx.TransportError as exc:
                if total is not None and offset == total:
                    return  # every byte arrived; only the connection's goodbye was lost
                # Only new ground restarts the count: a server that starts over and drops at the
                # same place every time would otherwise be retried for ever.
                attempt = 1 if offset > furthest else failures + 1
                furthest = max(furthest, offset)
                failures = await self._back_off(attempt, exc, offset, total)
                continue
            finally:
                await response.aclose()
            if total is not None and offset != total:
                raise DownloadSizeMismatch(
                    f"{where}: the transfer ended after {offset} of {total} bytes",
                    expected=total,
                    received=offset,
                )
            return

    async def _back_off(
        self, failures: int, exc: httpx.TransportError, offset: int, total: int | None
    ) -> int:
        """Wait before the next attempt, or give up when the attempts are spent."""
        kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        error = kind(
            f"download from {describe(self.url)} failed after {offset} of "
            f"{total if total is not None else 'an unknown number of'} bytes "
            f"({type(exc).__name__})",
            request=getattr(exc, "_request", None),
        )
        if failures > self._retries:
            raise error from exc
        await self._loop.clock.sleep(self._loop.retry_policy.wait_seconds(error, attempt=failures))
        return failures

    async def _open(self, offset: int) -> httpx.Response:
        """A successful streamed response for the bytes from ``offset``, redirects followed."""
        url = self.url
        http = self._loop.http_client
        for _hop in range(MAX_REDIRECTS + 1):
            headers = {
                **self._loop.default_headers,
                "Accept": "*/*",
                "Accept-Encoding": "identity",  # Range offsets count the file's own bytes
            }
            if offset:
                headers["Range"] = f"bytes={offset}-"
            request = http.build_request("GET", url, headers=headers, timeout=self._timeout)
            credential = self._credential if sends_credentials(url, self._trusted) else None
            response = await http.send(
                request, auth=credential, stream=True, follow_redirects=False
            )
            if response.is_redirect:
                location = response.headers.get("location", "")
                await response.aclose()
                if not location:
                    raise ResponseValidationError(
                        f"{describe(url)} answered {response.status_code} without a Location"
                    )
                url = url.join(location)
                continue
            if not response.is_success:
                try:
                    await response.aread()
                finally:
                    await response.aclose()
                raise make_api_error(response, now=self._loop.clock.time())
            return response
        raise ResponseValidationError(
            f"more than {MAX_REDIRECTS} redirects downloading {describe(self.url)}"
        )


def _pieces(data: bytes, size: int) -> Iterator[bytes]:
    if len(data) <= size:
        yield data
        return
    for start in range(0, len(data), size):
        yield data[start : start + size]


# --- writers -------------------------------------------------------------------------------------


async def stream_bytes(chunks: AsyncGenerator[Chunk, None]) -> AsyncGenerator[bytes, None]:
    """The file's bytes once each, in order; after a restart the bytes already given are skipped.

    Closing this generator early closes the transfer (and its connection) at once.
    """
    delivered = 0
    async with contextlib.aclosing(chunks):
        async for chunk in chunks:
            end = chunk.offset + len(chunk.data)
            if end <= delivered:
                continue
            yield chunk.data[delivered - chunk.offset :] if chunk.offset < delivered else chunk.data
            delivered = end


class WritableFile(Protocol):
    """A binary file object: ``write`` may be sync (``open(..., "wb")``) or async (anyio)."""

    def write(self, data: bytes, /) -> object: ...


async def _call(result: object) -> None:
    if inspect.isawaitable(result):
        await result


async def write_chunks(
    chunks: AsyncGenerator[Chunk, None], destination: str | os.PathLike[str] | WritableFile
) -> tuple[Path | None, int]:
    """Write the file to a path (through ``<path>.part``, renamed when complete) or a file object.

    For a path, any failure removes the ``.part`` file, so nothing at the destination ever
    claims to be complete. A file object (sync or async ``write``) must support ``seek`` and
    ``truncate`` if the server restarts the file; it is not closed.
    """
    if isinstance(destination, str | os.PathLike):
        final = Path(destination)
        part = final.with_name(final.name + ".part")
        try:
            async with await anyio.open_file(part, "wb") as file:
                size = await _write_all(chunks, file)
            await anyio.Path(part).replace(final)
        except BaseException:
            with anyio.CancelScope(shield=True):  # clean up even when cancelled
                await anyio.Path(part).unlink(missing_ok=True)
            raise
        return final, size
    return None, await _write_all(chunks, destination)


async def _write_all(chunks: AsyncGenerator[Chunk, None], sink: WritableFile) -> int:
    position = 0
    async with contextlib.aclosing(chunks):  # a failed write closes the transfer at once
        async for chunk in chunks:
            if chunk.offset != position:
                await _rewind(sink, chunk.offset)
                position = chunk.offset
            await _call(sink.write(chunk.data))
            position += len(chunk.data)
    return position


async def _rewind(sink: WritableFile, offset: int) -> None:
    seek, truncate = getattr(sink, "seek", None), getattr(sink, "truncate", None)
    if seek is None or truncate is None:
        raise ResponseValidationError(
            "the server restarted the file (it ignored Range after a dropped connection) and "
            "the destination cannot seek back; pass a path or a seekable file"
        )
    await _call(seek(offset))
    await _call(truncate())
