"""FakeZoom's network edge: injected network faults made into what a real network does.

The app raises :class:`NetworkFault` when a fault says the connection drops or the answer comes
too late. In process, :class:`FakeZoomTransport` turns that into the httpx error a client would
see: ``ConnectError`` for a reset before the request arrived, ``RemoteProtocolError`` for a reset
after Zoom acted, ``ReadTimeout`` for a slow answer (at once, without sleeping), and for a reset
mid-body a response whose body stops half-way with ``RemoteProtocolError``. Served by uvicorn,
:class:`ServedApp` resets the TCP connection for real (after half the body, for a mid-body
reset) and really waits before a slow answer (or until the client hangs up). There a client
cannot tell a reset before from one after (both come once the request was sent); only
FakeZoom's state differs.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
from collections.abc import AsyncIterator, Iterator

import anyio
import anyio.lowlevel
import httpx

from ._app import FakeZoomApp, Receive, Scope, Send, send_response
from ._faults import FaultKind, NetworkFault
from ._http import JSON_CONTENT_TYPE, Response, StreamedResponse, new_tracking_id

__all__ = ["FakeZoomTransport", "ServedApp", "network_error", "truncated_response"]


def network_error(fault: NetworkFault, request: httpx.Request) -> httpx.TransportError:
    """The httpx exception a client sees for ``fault``."""
    kind = fault.fault.kind
    if kind is FaultKind.RESET_BEFORE:
        return httpx.ConnectError(
            "[Errno 104] Connection reset by peer (FakeZoom: the request never arrived)",
            request=request,
        )
    if kind is FaultKind.SLOW:
        return httpx.ReadTimeout(
            "timed out (FakeZoom: the answer comes after the timeout)", request=request
        )
    return httpx.RemoteProtocolError(
        "Server disconnected without sending a response.", request=request
    )


def _wire(response: Response) -> tuple[list[tuple[str, str]], int]:
    """The headers ``send_response`` would send, and the full body length they announce."""
    response.headers.setdefault("content-type", JSON_CONTENT_TYPE)
    response.headers["x-zm-trackingid"] = new_tracking_id()
    length = response.length if isinstance(response, StreamedResponse) else len(response.encode())
    response.headers["content-length"] = str(length)
    return list(response.headers.items()), length


def _first_half(response: Response, length: int) -> Iterator[bytes]:
    """The body's parts up to half its length: what gets through before the drop."""
    half, sent = length // 2, 0
    parts = response.parts() if isinstance(response, StreamedResponse) else [response.encode()]
    for part in parts:
        piece = part[: half - sent]
        if piece:
            yield piece
            sent += len(piece)
        if sent >= half:
            return


class _DroppedBody(httpx.AsyncByteStream):
    """A body that stops half-way, as h11 reports a connection closed mid-body."""

    def __init__(self, parts: list[bytes], expected: int) -> None:
        self._parts = parts
        self._expected = expected

    async def __aiter__(self) -> AsyncIterator[bytes]:
        received = 0
        for part in self._parts:
            received += len(part)
            yield part
        raise httpx.RemoteProtocolError(
            "peer closed connection without sending complete message body: "
            f"received {received} bytes, expected {self._expected}"
        )


def truncated_response(response: Response, request: httpx.Request) -> httpx.Response:
    """``response`` whose body breaks off half-way: the in-process mid-body reset."""
    headers, length = _wire(response)
    return httpx.Response(
        response.status,
        headers=headers,
        stream=_DroppedBody(list(_first_half(response, length)), length),
        request=request,
    )


class FakeZoomTransport(httpx.AsyncBaseTransport):
    """``httpx.ASGITransport`` into FakeZoom's app, raising httpx errors for network faults."""

    def __init__(self, app: FakeZoomApp) -> None:
        self._inner = httpx.ASGITransport(app=app)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await self._inner.handle_async_request(request)
        except NetworkFault as fault:
            if fault.fault.kind is FaultKind.RESET_MID_BODY and fault.response is not None:
                return truncated_response(fault.response, request)
            raise network_error(fault, request) from None

    async def aclose(self) -> None:
        await self._inner.aclose()


class ServedApp:
    """FakeZoom's app behind a real server: resets drop the connection, slow answers wait."""

    def __init__(self, app: FakeZoomApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        except NetworkFault as fault:
            if fault.fault.kind is FaultKind.RESET_MID_BODY and fault.response is not None:
                await _drop_mid_body(fault.response, send)
                return
            if fault.response is None:
                await _drop_connection(send)
                return
            with anyio.move_on_after(fault.fault.delay):  # real time: the client's timeout is
                while (await receive())["type"] != "http.disconnect":
                    pass
                return  # the client gave up waiting: nobody to answer
            await send_response(fault.response, send)


async def _drop_mid_body(response: Response, send: Send) -> None:
    """Start the answer, send half its body, then reset the connection."""
    headers, length = _wire(response)
    await send(
        {
            "type": "http.response.start",
            "status": response.status,
            "headers": [(k.encode(), v.encode()) for k, v in headers],
        }
    )
    for piece in _first_half(response, length):
        await send({"type": "http.response.body", "body": piece, "more_body": True})
    _abort(send)
    await anyio.lowlevel.checkpoint()  # let the server see the loss before the app returns


def _abort(send: Send) -> bool:
    """Reset the TCP connection under uvicorn's ``send`` (SO_LINGER 0); False if unreachable."""
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if not isinstance(transport, asyncio.Transport):
        return False
    raw = transport.get_extra_info("socket")
    if raw is not None:
        with contextlib.suppress(OSError):  # the peer may already be gone
            raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()
    return True


async def _drop_connection(send: Send) -> None:
    """Reset the connection without an answer.

    ASGI has no message for that, so this reaches the asyncio transport that uvicorn binds to
    ``send`` and aborts it with SO_LINGER 0 (a TCP RST). Under a server without one, it starts a
    response and never finishes it, which servers answer by closing the connection mid-reply.
    """
    if _abort(send):
        await anyio.lowlevel.checkpoint()  # let the server see the loss before the app returns
        return
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"1")]}
    )
