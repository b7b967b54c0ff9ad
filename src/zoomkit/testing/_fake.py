"""FakeZoom: the object a test builds, seeds, talks to and inspects."""

from __future__ import annotations

import copy
import socket
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import httpx

from ._app import FakeZoomApp
from ._clock import Clock, WallClock
from ._credentials import JWTApp, OAuthApp, ServerToServerApp
from ._faults import Fault
from ._http import ZoomAPIError
from ._meetings import ROUTES as MEETING_ROUTES
from ._meetings import create_meeting
from ._oauth import ROUTES as OAUTH_ROUTES
from ._oauth import authenticate
from ._state import Counters, Ids, RecordedRequest, State
from ._times import iso_z, to_epoch
from ._users import ROUTES as USER_ROUTES
from ._users import new_user

if TYPE_CHECKING:
    from zoomkit import ZoomClient

__all__ = ["DEFAULT_S2S_SCOPES", "DEFAULT_USER_SCOPES", "FakeZoom"]

DEFAULT_S2S_SCOPES = (
    "meeting:read:admin meeting:write:admin user:read:admin user:write:admin "
    "webinar:read:admin webinar:write:admin recording:read:admin report:read:admin"
)
DEFAULT_USER_SCOPES = "meeting:read meeting:write user:read webinar:read recording:read"


class FakeZoom:
    """A stateful Zoom REST API emulator, in process or over a socket.

    It imports nothing of zoomkit's client, models or resources, so it is an independent oracle
    for them. ``clock`` drives every expiry (tokens, codes, page tokens); without one, FakeZoom
    reads the wall clock.
    """

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        api_url: str = "https://api.zoom.us",
        seed: int | None = None,
        s2s_scopes: str = DEFAULT_S2S_SCOPES,
        user_scopes: str = DEFAULT_USER_SCOPES,
    ) -> None:
        self.clock: Clock = clock if clock is not None else WallClock()
        ids = Ids(seed)
        account_id = ids.opaque()
        self._state = State(
            clock=self.clock,
            ids=ids,
            api_url=api_url,
            account_id=account_id,
            s2s=ServerToServerApp(account_id, ids.opaque(), ids.secret()),
            oauth_app=OAuthApp(ids.opaque(), ids.secret()),
            jwt=JWTApp(ids.opaque(), ids.secret()),
            s2s_scopes=s2s_scopes,
            user_scopes=user_scopes,
        )
        owner = self.add_user(
            "owner@example.com", first_name="Olivia", last_name="Owner", role_id="0"
        )
        self._state.owner_id = self._state.authorize_user_id = owner["id"]
        self.app = FakeZoomApp(
            self._state, [*OAUTH_ROUTES, *USER_ROUTES, *MEETING_ROUTES], authenticate
        )

    def __repr__(self) -> str:
        return f"FakeZoom(api_url={self.api_url!r}, clock={self.clock!r})"

    # -- wiring ---------------------------------------------------------------------------

    def transport(self) -> httpx.ASGITransport:
        """An httpx transport that sends requests straight into the app, without sockets."""
        return httpx.ASGITransport(app=self.app)

    def client(self, *, auth: httpx.Auth | None = None, **options: Any) -> ZoomClient:
        """A ``ZoomClient`` wired to this fake with the built-in S2S app (or ``auth``).

        zoomkit is imported here, not at module level, so the fake stays independent of it.
        """
        from zoomkit import ZoomClient
        from zoomkit.auth import ServerToServerOAuth

        if auth is None:
            auth = ServerToServerOAuth(
                account_id=self.s2s.account_id,
                client_id=self.s2s.client_id,
                client_secret=self.s2s.client_secret,
            )
        return ZoomClient(auth=auth, transport=self.transport(), clock=self.clock, **options)

    def serve(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        on_ready: Callable[[str], None] | None = None,
    ) -> None:
        """Serve over HTTP with uvicorn until interrupted (blocking).

        The socket is bound before ``on_ready`` is called with the server's URL, so a port of 0
        works and a client may connect as soon as it learns the URL. Token responses then name
        that URL as ``api_url``.
        """
        import uvicorn

        sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
        bound_port = sock.getsockname()[1]
        url_host = f"[{host}]" if ":" in host else host
        self._state.api_url = f"http://{url_host}:{bound_port}"
        if on_ready is not None:
            on_ready(self._state.api_url)
        config = uvicorn.Config(self.app, lifespan="on", log_level="warning", access_log=False)
        uvicorn.Server(config).run(sockets=[sock])

    # -- credentials and inspection ---------------------------------------------------------

    @property
    def api_url(self) -> str:
        return self._state.api_url

    @property
    def s2s(self) -> ServerToServerApp:
        return self._state.s2s

    @property
    def oauth_app(self) -> OAuthApp:
        return self._state.oauth_app

    @property
    def jwt(self) -> JWTApp:
        return self._state.jwt

    @property
    def account_id(self) -> str:
        return self._state.account_id

    @property
    def owner(self) -> dict[str, Any]:
        return copy.deepcopy(self._state.users[self._state.owner_id])

    @property
    def authorize_user_id(self) -> str:
        """The user who consents at ``/oauth/authorize`` (default: the owner)."""
        return self._state.authorize_user_id

    @authorize_user_id.setter
    def authorize_user_id(self, user_id: str) -> None:
        if user_id not in self._state.users:
            raise ValueError(f"unknown user id {user_id!r}")
        self._state.authorize_user_id = user_id

    @property
    def counters(self) -> Counters:
        return self._state.counters

    @property
    def requests(self) -> list[RecordedRequest]:
        return self._state.requests

    # -- seeding ------------------------------------------------------------------------------

    def add_user(
        self,
        email: str,
        *,
        first_name: str,
        last_name: str,
        type: int = 2,
        status: str = "active",
        timezone: str = "UTC",
        role_id: str = "2",
    ) -> dict[str, Any]:
        """Add a user to the account and return (a copy of) its ``GET /users/{id}`` object."""
        user = new_user(
            self._state,
            email,
            first_name=first_name,
            last_name=last_name,
            type=type,
            status=status,
            timezone=timezone,
            role_id=role_id,
        )
        return copy.deepcopy(user)

    def get_user(self, user_id: str) -> dict[str, Any] | None:
        """A copy of the stored user with that id or email, or None."""
        user = self._state.find_user(user_id, None)
        return copy.deepcopy(user) if user is not None else None

    def add_meeting(
        self,
        host: str,
        *,
        topic: str,
        start_time: datetime | None = None,
        type: int = 2,
        duration: int = 60,
        timezone: str = "UTC",
        uuid: str | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        """Create a meeting as ``POST /users/{host}/meetings`` would, without a request.

        ``uuid`` forces the instance UUID, e.g. ``"/abc//def=="`` to exercise double encoding;
        ``status="started"`` seeds a live meeting. Invalid fields raise ValueError with Zoom's
        ``errors[]``.
        """
        status = fields.pop("status", "waiting")
        if status not in ("waiting", "started"):
            raise ValueError(f"unknown meeting status {status!r}")
        user = self._state.find_user(host, None)
        if user is None:
            raise ValueError(f"unknown host {host!r}")
        body: dict[str, Any] = {
            "topic": topic,
            "type": type,
            "duration": duration,
            "timezone": timezone,
            **fields,
        }
        if start_time is not None:
            body["start_time"] = iso_z(to_epoch(start_time))
        try:
            meeting = create_meeting(self._state, user, body, uuid=uuid)
        except ZoomAPIError as error:
            raise ValueError(f"{error.message} {error.errors}") from None
        meeting["status"] = status
        return copy.deepcopy(meeting)

    def get_meeting(self, meeting_id: int | str) -> dict[str, Any] | None:
        """A copy of the stored meeting (as ``GET /meetings/{id}`` shows it), or None."""
        meeting = self._state.meetings.get(int(meeting_id))
        return copy.deepcopy(meeting) if meeting is not None else None

    # -- faults and time ---------------------------------------------------------------------

    def expire_access_tokens(self) -> None:
        """Every access token issued so far answers 401 code 124 "Access token is expired."."""
        self._state.tokens.expire_all()

    def inject_fault(
        self,
        operation: str,
        *,
        status: int = 500,
        times: int = 1,
        after_effect: bool = False,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``operation`` answer ``status``.

        With ``after_effect`` the operation is carried out first, as when Zoom acts but the
        client sees a 500. A 429 gets Zoom's per-second rate-limit body unless ``body`` is given;
        pass ``headers={"Retry-After": "1"}`` to add a hint. OAuth operations are
        ``oauthToken``, ``oauthAuthorize`` and ``oauthRevoke``.
        """
        fault = Fault(status, after_effect, body, dict(headers or {}))
        self._state.faults.add(operation, fault, times)
