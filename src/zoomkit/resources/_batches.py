"""Registering many people through Zoom's 30-per-call batch endpoints, losing nothing.

Meetings and webinars share this: split into batches of 30, send them in order, put each
answer back in the order given, and on a failure say exactly what was done, what failed and
what was never sent, so a caller can resume without registering anyone twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol, TypeVar

from ..errors import PartialBatchError, ZoomError

__all__ = ["BATCH_SIZE", "batches", "in_given_order", "send_in_batches"]

BATCH_SIZE = 30
"""Zoom's ``batch_registrants`` takes at most 30 registrants per call."""


class _HasEmail(Protocol):
    @property
    def email(self) -> str: ...


class _MaybeEmail(Protocol):
    @property
    def email(self) -> str | None: ...


SentT = TypeVar("SentT", bound=_HasEmail)
CreatedT = TypeVar("CreatedT", bound=_MaybeEmail)


def batches(items: Sequence[Any], size: int = BATCH_SIZE) -> list[list[Any]]:
    """Consecutive slices of at most ``size`` items, in order."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def in_given_order(sent: Sequence[SentT], created: Sequence[CreatedT]) -> list[CreatedT]:
    """Zoom's answer to one batch, in the order the registrants were sent (matched by email)."""
    position: dict[str, int] = {}
    for index, registrant in enumerate(sent):
        position.setdefault(registrant.email.casefold(), index)
    return sorted(created, key=lambda item: position.get((item.email or "").casefold(), len(sent)))


async def send_in_batches(
    checked: Sequence[SentT],
    send: Callable[[list[SentT]], Awaitable[Sequence[CreatedT]]],
) -> list[CreatedT]:
    """Send ``checked`` 30 at a time with ``send``; every created registrant, in given order.

    Raises :class:`~zoomkit.errors.PartialBatchError` carrying ``done``, ``failed`` (the batch
    whose call failed; Zoom may or may not have acted on it) and ``unsent``.
    """
    created: list[CreatedT] = []
    parts = batches(checked)
    for number, part in enumerate(parts):
        try:
            answer = await send(part)
        except ZoomError as error:
            unsent = [item for later in parts[number + 1 :] for item in later]
            raise PartialBatchError(
                f"registered {len(created)} of {len(checked)} registrants; batch "
                f"{number + 1} of {len(parts)} ({len(part)} registrants) failed: {error}",
                done=created,
                failed=part,
                unsent=unsent,
                error=error,
            ) from error
        created.extend(in_given_order(part, answer))
    return created
