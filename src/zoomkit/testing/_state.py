"""Everything FakeZoom remembers: the account, its users and meetings, tokens, and what it saw.

One :class:`State` per FakeZoom instance and no module globals, so many fakes can live in one
process. Users and meetings are stored as the JSON objects Zoom would return, so a handler
renders them by copying, and ``fake.get_meeting`` shows exactly what the API would.
"""

from __future__ import annotations

import base64
import random
import string
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from ._clock import Clock
from ._credentials import JWTApp, OAuthApp, ServerToServerApp
from ._events import EventOutbox
from ._faults import FaultPlan
from ._http import Principal
from ._limits import RateLimits
from ._meeting_store import MeetingStore
from ._pagination import PageTokens
from ._past_index import LatestInstances
from ._tokens import TokenStore
from ._webinar_store import WebinarStore

if TYPE_CHECKING:
    from ._groups import StoredGroup
    from ._live import LiveMeeting
    from ._recordings import StoredRecording
    from ._user_data import UserData

__all__ = ["EXCHANGE_LOG_SIZE", "Counters", "Exchange", "Ids", "RecordedRequest", "State"]

_T = TypeVar("_T")
_ALNUM = string.ascii_letters + string.digits


@dataclass
class Counters:
    """Tallies a test asserts on, e.g. that a client fetched exactly one token."""

    token_requests: Counter[str] = field(default_factory=Counter)
    """Requests to ``/oauth/token`` by ``grant_type``, failed ones included."""
    calls: Counter[str] = field(default_factory=Counter)
    """Requests routed to each operation id, whatever their outcome."""
    spent_refresh_token_uses: int = 0
    """Refreshes attempted with a refresh token that an earlier refresh already rotated."""
    invalid_grant_responses: int = 0
    unauthorized_responses: int = 0
    """401 answers from the REST API (``/v2``)."""
    rate_limited: Counter[str] = field(default_factory=Counter)
    """429s FakeZoom's rate limits sent, by category (injected 429s are counted in ``faults``)."""
    peak_per_second: Counter[str] = field(default_factory=Counter)
    """The most authenticated calls of each category seen in any one-second span."""
    faults: Counter[str] = field(default_factory=Counter)
    """Injected faults by kind: ``status``, ``reset_before``, ``reset_after``, ``slow``."""
    fault_statuses: Counter[int] = field(default_factory=Counter)
    """Injected error answers by HTTP status."""

    @property
    def total_token_requests(self) -> int:
        return sum(self.token_requests.values())


@dataclass(frozen=True)
class RecordedRequest:
    """One API call as FakeZoom received it; headers (and so tokens) are never recorded."""

    method: str
    path: str
    query: dict[str, str]
    json: object | None
    operation: str | None
    at: float
    """When it arrived, in epoch seconds on FakeZoom's clock (the moment its limits count)."""


EXCHANGE_LOG_SIZE = 1000
"""How many answers ``fake.exchanges`` keeps (the oldest go first)."""


@dataclass(frozen=True)
class Exchange:
    """One answer to an API call, kept so tests can check it against Zoom's schemas."""

    operation: str
    method: str
    status: int
    body: object | None
    """The JSON body as sent (a copy), or None for an empty answer."""


class Ids:
    """Identifiers shaped like Zoom's; seedable so a test can pin them."""

    def __init__(self, seed: int | None = None) -> None:
        self._rng = random.Random(seed)  # noqa: S311 - a seedable test double, not crypto
        self._issued: set[object] = set()

    def _unique(self, make: Callable[[], _T]) -> _T:
        while True:
            value = make()
            if value not in self._issued:
                self._issued.add(value)
                return value

    def _bytes(self, count: int) -> bytes:
        return self._rng.getrandbits(count * 8).to_bytes(count, "big")

    def opaque(self) -> str:
        """22 characters for 16 bytes: the shape of Zoom user and account ids."""
        return self._unique(lambda: base64.urlsafe_b64encode(self._bytes(16)).decode()[:22])

    def meeting_uuid(self) -> str:
        """24 characters of standard base64 (with ``/``, ``+`` and ``=``), like Zoom's UUIDs."""
        return self._unique(lambda: base64.b64encode(self._bytes(16)).decode())

    def meeting_id(self) -> int:
        """Eleven digits: always above 2**31, so 32-bit parsing bugs show."""
        return self._unique(lambda: self._rng.randrange(10**10, 10**11))

    def pmi(self) -> int:
        """Ten digits, like a personal meeting id."""
        return self._unique(lambda: self._rng.randrange(2 * 10**9, 10**10))

    def digits(self, count: int) -> str:
        return "".join(self._rng.choice(string.digits) for _ in range(count))

    def password(self) -> str:
        return "".join(self._rng.choice(_ALNUM) for _ in range(6))

    def secret(self, length: int = 32) -> str:
        return "".join(self._rng.choice(_ALNUM) for _ in range(length))


@dataclass
class State:
    clock: Clock
    ids: Ids
    api_url: str
    account_id: str
    s2s: ServerToServerApp
    oauth_app: OAuthApp
    jwt: JWTApp
    s2s_scopes: str
    user_scopes: str
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    meetings: dict[int, dict[str, Any]] = field(default_factory=dict)
    tokens: TokenStore = field(default_factory=TokenStore)
    pages: PageTokens = field(default_factory=PageTokens)
    faults: FaultPlan = field(default_factory=FaultPlan)
    limits: RateLimits = field(default_factory=RateLimits)
    past_meetings: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Ended meeting instances by UUID, as ``GET /past_meetings/{uuid}`` shows them."""
    past_participants: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Participant report records of each ended instance, by UUID."""
    past_latest: LatestInstances = field(default_factory=LatestInstances)
    """Which instance a meeting id names in ``/past_meetings/{meetingId}`` (kept by itself)."""
    meeting_store: MeetingStore = field(default_factory=MeetingStore)
    """Registrants, polls, survey, templates, poll answers and Q&A, the meeting trash."""
    webinar_store: WebinarStore = field(default_factory=WebinarStore)
    """Webinars, their registrants, panelists, polls and branding, live and past instances."""
    live_meetings: dict[int, LiveMeeting] = field(default_factory=dict)
    """Meetings in progress (started by a test), by meeting id."""
    recordings: dict[str, StoredRecording] = field(default_factory=dict)
    """Cloud recordings by meeting instance UUID."""
    recording_redirects: bool = False
    """Whether ``download_url`` answers 302 to the storage host, as Zoom does."""
    user_data: dict[str, UserData] = field(default_factory=dict)
    """Per-user state the user object does not show (settings, assistants...), by user id."""
    groups: dict[str, StoredGroup] = field(default_factory=dict)
    tracking_fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: EventOutbox = field(default_factory=EventOutbox)
    """Webhook events raised by state changes, waiting for ``fake.webhooks.flush()``."""
    counters: Counters = field(default_factory=Counters)
    requests: list[RecordedRequest] = field(default_factory=list)
    exchanges: deque[Exchange] = field(default_factory=lambda: deque(maxlen=EXCHANGE_LOG_SIZE))
    """The latest answers to API calls (``/v2``), a copy of each body as it went out."""
    owner_id: str = ""
    authorize_user_id: str = ""

    def now(self) -> float:
        return self.clock.time()

    def find_user(self, user_id: str, principal: Principal | None) -> dict[str, Any] | None:
        """Resolve ``me``, an id or an email (case-insensitive) to a stored user."""
        if user_id == "me":
            return self.users.get(principal.user_id) if principal is not None else None
        if user_id in self.users:
            return self.users[user_id]
        wanted = user_id.casefold()
        for user in self.users.values():
            if user["email"].casefold() == wanted:
                return user
        return None
