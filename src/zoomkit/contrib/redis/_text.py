"""Redis answers as text, whether the client decodes responses or not."""

from __future__ import annotations

__all__ = ["text"]


def text(value: object) -> str | None:
    """``bytes`` decoded as UTF-8, ``str`` as is, anything else (``None``) as ``None``."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, str):
        return value
    return None
