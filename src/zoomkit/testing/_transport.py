"""FakeZoom's network edge: injected network faults made into what a real network does.

The app raises :class:`NetworkFault` when a fault says the connection drops or the answer comes
too late. In process, :class:`FakeZoomTransport` turns that into the httpx error a client would
see: ``ConnectError`` for a reset before the request arrived, ``RemoteProtocolError`` for a reset
after Zoom acted, ``ReadTimeout`` for a slow answer (at once, without sleeping). Served by
uvicorn, :class:`ServedApp` resets the TCP connection for real and really waits before a slow
answer (or until the client hangs up). There a client cannot tell a reset before from one after
(both come once the request was sent); only FakeZoom's state differs.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct

import anyio
import anyio.lowlevel
import httpx

from ._app import FakeZoomApp, Receive, Scope, Send, send_response
from ._faults import FaultKind, NetworkFault

__all__ = ["FakeZoomTransport", "ServedApp", "network_error"]


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


class FakeZoomTransport(httpx.AsyncBaseTransport):
    """``httpx.ASGITransport`` into FakeZoom's app, raising httpx errors for network faults."""

    def __init__(self, app: FakeZoomApp) -> None:
        self._inner = httpx.ASGITransport(app=app)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await self._inner.handle_async_request(request)
        except NetworkFault as fault:
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
            if fault.response is None:
                await _drop_connection(send)
                return
            with anyio.move_on_after(fault.fault.delay):  # real time: the client's timeout is
                while (await receive())["type"] != "http.disconnect":
                    pass
                return  # the client gave up waiting: nobody to answer
            await send_response(fault.response, send)


async def _drop_connection(send: Send) -> None:
    """Reset the connection without an answer.

    ASGI has no message for that, so this reaches the asyncio transport that uvicorn binds to
    ``send`` and aborts it with SO_LINGER 0 (a TCP RST). Under a server without one, it starts a
    response and never finishes it, which servers answer by closing the connection mid-reply.
    """
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if isinstance(transport, asyncio.Transport):
        raw = transport.get_extra_info("socket")
        if raw is not None:
            with contextlib.suppress(OSError):  # the peer may already be gone
                raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
        await anyio.lowlevel.checkpoint()  # let the server see the loss before the app returns
        return
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"1")]}
    )
