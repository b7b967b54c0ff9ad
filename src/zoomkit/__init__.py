"""zoomkit: the async, typed Python SDK for the Zoom REST API.

::

    from zoomkit import ZoomClient
    from zoomkit.auth import ServerToServerOAuth

    async with ZoomClient(auth=ServerToServerOAuth(account_id, client_id, secret)) as zoom:
        me = await zoom.users.me()
"""

from . import errors
from ._client import ZoomClient
from ._clock import Clock, SystemClock
from ._coverage import CoveredOperation, api_coverage
from ._http import build_path
from ._response import RateLimitInfo, ZoomResponse
from ._retry import RetryPolicy
from ._version import __version__
from .errors import ConfigurationError
from .pagination import AsyncPaginator, Page
from .ratelimit import Category, MemoryRateLimiter, QuotaState, RateLimiter, RateLimits
from .types import NOT_GIVEN, MeetingUUID, NotGiven

__all__ = [
    "NOT_GIVEN",
    "AsyncPaginator",
    "Category",
    "Clock",
    "ConfigurationError",
    "CoveredOperation",
    "MemoryRateLimiter",
    "MeetingUUID",
    "NotGiven",
    "Page",
    "QuotaState",
    "RateLimitInfo",
    "RateLimiter",
    "RateLimits",
    "RetryPolicy",
    "SystemClock",
    "ZoomClient",
    "ZoomResponse",
    "__version__",
    "api_coverage",
    "build_path",
    "errors",
]
