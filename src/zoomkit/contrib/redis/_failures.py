"""Redis's failures as zoomkit errors that say what could not be done, and where."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from redis.exceptions import RedisError

from zoomkit.errors import CoordinationError, ZoomError

__all__ = ["redis_failures"]


@contextmanager
def redis_failures(doing: str, *, error: type[ZoomError] = CoordinationError) -> Iterator[None]:
    """Raise ``error`` (``from`` Redis's own) when Redis fails while ``doing`` something.

    ``doing`` names the action and the key, never a value: a stored token must not reach a
    message. Redis's message is kept, since it names the server and what went wrong.
    """
    try:
        yield
    except RedisError as failure:
        raise error(f"Redis could not {doing} ({type(failure).__name__}: {failure})") from failure
