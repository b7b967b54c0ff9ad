"""Typed resource clients, reached as attributes of :class:`~zoomkit.ZoomClient`."""

from .meetings import Meetings
from .users import Users

__all__ = ["Meetings", "Users"]
