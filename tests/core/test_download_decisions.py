"""The download's pure decisions: who gets the Bearer, where a response's bytes go, sizes."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from zoomkit._download import (
    Chunk,
    ContentRange,
    TrustedHosts,
    download_source,
    parse_content_range,
    place_response,
    sends_credentials,
    settle_total,
    stream_bytes,
    write_chunks,
)
from zoomkit.errors import DownloadSizeMismatch, RequestValidationError, ResponseValidationError
from zoomkit.models import RecordingFile

TRUSTED = TrustedHosts.build(
    origins_of=["https://api.zoom.us/v2", "http://127.0.0.1:8000"], hosts=["files.example.com"]
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://zoom.us/rec/download/abc", True),
        ("https://us06web.zoom.us/rec/download/abc", True),
        ("https://ssrweb.zoom.us/cmr/replay/abc.mp4?Signature=x", True),
        ("https://ZOOM.US./rec/download/abc", True),
        ("https://zoomgov.com/rec/download/abc", True),
        ("https://files.example.com/a.mp4", True),  # named by the caller
        ("http://127.0.0.1:8000/rec/download/abc", True),  # a configured origin, any scheme
        ("https://api.zoom.us/v2/anything", True),
        ("http://zoom.us/rec/download/abc", False),  # never downgraded to plain HTTP
        ("https://evilzoom.us/rec/download/abc", False),
        ("https://zoom.us.evil.example/rec", False),
        ("https://s3.amazonaws.com/bucket/a.mp4?X-Amz-Signature=x", False),
        ("https://sub.files.example.com/a.mp4", False),  # caller hosts match exactly
        ("http://127.0.0.1:9000/rec/download/abc", False),  # another port, another origin
    ],
)
def test_credentials_go_only_to_zoom_the_clients_origins_and_named_hosts(
    url: str, expected: bool
) -> None:
    assert sends_credentials(httpx.URL(url), TRUSTED) is expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes 100-199/1000", ContentRange(100, 199, 1000)),
        ("bytes 0-0/1", ContentRange(0, 0, 1)),
        ("bytes 100-199/*", ContentRange(100, 199, None)),
        ("BYTES 5-9/10", ContentRange(5, 9, 10)),
        ("bytes 100-99/1000", None),
        ("bytes 100-1000/1000", None),
        ("bytes */1000", None),
        ("items 1-2/3", None),
        ("bytes 1-x/3", None),
        ("", None),
        (None, None),
    ],
)
def test_content_range_is_parsed_or_rejected(header: str | None, expected: object) -> None:
    assert parse_content_range(header) == expected


@pytest.mark.parametrize(
    ("status", "headers", "offset", "expected"),
    [
        (200, {"content-length": "1000"}, 0, (0, 1000)),
        (200, {}, 0, (0, None)),
        (200, {"content-length": "1000"}, 400, (0, 1000)),  # Range ignored: start over
        (206, {"content-range": "bytes 400-999/1000"}, 400, (400, 1000)),
        (206, {"content-range": "bytes 400-999/*", "content-length": "600"}, 400, (400, 1000)),
        (206, {"content-range": "bytes 400-999/*"}, 400, (400, None)),
    ],
)
def test_a_response_is_placed_in_the_file(
    status: int, headers: dict[str, str], offset: int, expected: tuple[int, int | None]
) -> None:
    assert place_response(status, headers, offset) == expected


@pytest.mark.parametrize(
    ("status", "headers"),
    [
        (206, {"content-range": "bytes 300-999/1000"}),  # not where we asked
        (206, {}),
        (204, {}),
    ],
)
def test_a_response_that_cannot_be_placed_is_refused(status: int, headers: dict[str, str]) -> None:
    with pytest.raises(ResponseValidationError):
        place_response(status, headers, 400)


@pytest.mark.parametrize(
    ("expected", "announced", "total"),
    [(1000, 1000, 1000), (1000, None, 1000), (None, 1000, 1000), (None, None, None)],
)
def test_the_total_is_what_zoom_announced(
    expected: int | None, announced: int | None, total: int | None
) -> None:
    assert settle_total(expected, announced, where="x") == total


def test_a_server_announcing_another_size_than_zoom_is_a_mismatch() -> None:
    with pytest.raises(DownloadSizeMismatch) as caught:
        settle_total(1000, 999, where="https://zoom.us/rec/download/abc")
    assert (caught.value.expected, caught.value.received) == (1000, 999)


def names(folder: Path) -> list[str]:
    """The files in ``folder`` (a sync helper: async tests keep blocking calls out)."""
    return sorted(path.name for path in folder.iterdir())


URL = "https://zoom.us/rec/download/abc"


@pytest.mark.parametrize(
    ("file", "expected_size", "result"),
    [
        (URL, None, (URL, None)),
        (httpx.URL(URL), 10, (URL, 10)),
        (RecordingFile(download_url=URL, file_size=5000), None, (URL, 5000)),
        (RecordingFile(download_url=URL, file_size=5000), 4000, (URL, 4000)),
        (RecordingFile(download_url=URL, file_size=1.5), None, (URL, None)),
        ({"download_url": URL, "file_size": 7}, None, (URL, 7)),
    ],
)
def test_the_source_is_the_files_url_and_announced_size(
    file: object, expected_size: int | None, result: tuple[str, int | None]
) -> None:
    url, size = download_source(file, expected_size=expected_size)  # type: ignore[arg-type]
    assert (str(url), size) == result


@pytest.mark.parametrize(
    ("file", "expected_size", "field"),
    [
        (RecordingFile(file_path="/on-prem/a.mp4"), None, "file"),
        ("ftp://zoom.us/a.mp4", None, "file"),
        ("not a url at all", None, "file"),
        (URL + "?access_token=abc", None, "file"),
        (URL, -1, "expected_size"),
    ],
)
def test_a_bad_source_is_refused_before_sending(
    file: object, expected_size: int | None, field: str
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        download_source(file, expected_size=expected_size)  # type: ignore[arg-type]
    assert caught.value.field == field


async def chunks(*items: tuple[int, bytes]) -> AsyncIterator[Chunk]:
    for offset, data in items:
        yield Chunk(offset, data)


@pytest.mark.anyio
async def test_a_stream_skips_bytes_already_given_when_the_server_starts_over() -> None:
    received = [
        data
        async for data in stream_bytes(
            chunks((0, b"abc"), (3, b"de"), (0, b"ab"), (2, b"cdef"), (6, b"g"))
        )
    ]
    assert b"".join(received) == b"abcdefg"


@pytest.mark.anyio
async def test_a_file_object_is_rewound_and_truncated_when_the_server_starts_over() -> None:
    target = io.BytesIO()
    path, size = await write_chunks(chunks((0, b"abc"), (3, b"XX"), (0, b"abcde")), target)
    assert (path, size, target.getvalue()) == (None, 5, b"abcde")


class AppendOnly:
    def __init__(self) -> None:
        self.data = b""

    def write(self, data: bytes) -> None:
        self.data += data


@pytest.mark.anyio
async def test_a_restart_into_a_file_object_that_cannot_seek_is_an_error() -> None:
    with pytest.raises(ResponseValidationError, match="cannot seek back"):
        await write_chunks(chunks((0, b"abc"), (0, b"abcde")), AppendOnly())


@pytest.mark.anyio
async def test_a_path_is_written_through_a_part_file_renamed_when_complete(tmp_path: Path) -> None:
    path, size = await write_chunks(chunks((0, b"abc"), (3, b"de")), tmp_path / "a.mp4")
    assert (path, size) == (tmp_path / "a.mp4", 5)
    assert names(tmp_path) == ["a.mp4"]


async def failing() -> AsyncIterator[Chunk]:
    yield Chunk(0, b"half")
    raise DownloadSizeMismatch("short", expected=8, received=4)


@pytest.mark.anyio
async def test_a_failed_write_removes_its_part_and_keeps_an_older_file(tmp_path: Path) -> None:
    (tmp_path / "a.mp4").write_bytes(b"an older complete copy")
    with pytest.raises(DownloadSizeMismatch):
        await write_chunks(failing(), tmp_path / "a.mp4")
    assert names(tmp_path) == ["a.mp4"]
    assert (tmp_path / "a.mp4").read_bytes() == b"an older complete copy"
