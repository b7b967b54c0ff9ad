"""Handler registry and the loop that runs handlers, each isolated from the others.

A handler runs after Zoom already has its 200, so its failure cannot be reported to Zoom: it
is logged, the other handlers still run, and the server never sees the exception.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any

import anyio

from zoomkit.webhooks.events import UnknownEvent, WebhookEvent

__all__ = ["Handler", "HandlerRegistry", "run_handlers"]

logger = logging.getLogger("zoomkit.webhooks")

Handler = Callable[[Any], Any]
"""A callable taking the event; ``async def`` (awaited) or plain (called inline)."""


class HandlerRegistry:
    """Handlers by event name, the fallback for unknown events, and those for every event."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[Handler]] = {}
        self.unknown: list[Handler] = []
        self.every: list[Handler] = []

    def __len__(self) -> int:
        return sum(map(len, self.by_name.values())) + len(self.unknown) + len(self.every)

    def for_event(self, event: WebhookEvent) -> list[Handler]:
        """Named handlers first; the unknown fallback only when none is named; then on_any."""
        named = self.by_name.get(event.event, [])
        fallback = self.unknown if not named and isinstance(event, UnknownEvent) else []
        return [*named, *fallback, *self.every]


async def run_handlers(
    event: WebhookEvent, handlers: list[Handler], *, timeout: float | None
) -> None:
    """Run ``handlers`` one after another, each within ``timeout`` seconds; never raises."""
    for handler in handlers:
        name = getattr(handler, "__qualname__", repr(handler))
        with anyio.move_on_after(timeout) as scope:
            try:
                result = handler(event)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                # Any error of user code is caught here on purpose: Zoom already got its 200,
                # the server must survive, and the next handler must still run.
                logger.exception("webhook handler %s failed on %s", name, event.event)
        if scope.cancelled_caught:
            logger.error(
                "webhook handler %s on %s exceeded handler_timeout (%s s) and was cancelled",
                name,
                event.event,
                timeout,
            )
