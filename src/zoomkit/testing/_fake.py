"""FakeZoom: the object a test builds, seeds, talks to and inspects."""

from __future__ import annotations

import copy
import socket
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

import httpx

from . import (
    _deauthorize,
    _live,
    _meeting_activity,
    _meeting_polls,
    _recording_controls,
    _recordings,
)
from ._admin import ROUTES as ADMIN_ROUTES
from ._app import FakeZoomApp
from ._clock import Clock, WallClock
from ._credentials import JWTApp, OAuthApp, ServerToServerApp
from ._dashboards import ROUTES as DASHBOARD_ROUTES
from ._faults import DEFAULT_SLOW_SECONDS, Fault, FaultKind, FaultRates
from ._groups import ROUTES as GROUP_ROUTES
from ._history import seed_history as _seed_history
from ._http import ZoomAPIError
from ._limits import Plan, resolve_plan
from ._meeting_routes import ROUTES as MEETING_EXTRA_ROUTES
from ._meetings import ROUTES as MEETING_ROUTES
from ._meetings import create_meeting
from ._oauth import ROUTES as OAUTH_ROUTES
from ._oauth import authenticate
from ._past_meetings import ROUTES as PAST_MEETING_ROUTES
from ._past_meetings import add_past_meeting, seed_past_meetings
from ._recording_api import ROUTES as RECORDING_API_ROUTES
from ._recordings import ROUTES as RECORDING_ROUTES
from ._reports import ROUTES as REPORT_ROUTES
from ._state import Counters, Exchange, Ids, RecordedRequest, State
from ._times import iso_z, to_epoch
from ._tracking_fields import ROUTES as TRACKING_FIELD_ROUTES
from ._transport import FakeZoomTransport, ServedApp
from ._users import ROUTES as USER_ROUTES
from ._users import new_user
from ._webhooks import BackgroundFlush, Webhooks
from ._webinar_controls import WebinarControls
from ._webinars import ROUTES as WEBINAR_ROUTES

if TYPE_CHECKING:
    from zoomkit import ZoomClient

__all__ = ["DEFAULT_S2S_SCOPES", "DEFAULT_USER_SCOPES", "FakeZoom"]

DEFAULT_S2S_SCOPES = (
    "meeting:read:admin meeting:write:admin user:read:admin user:write:admin "
    "webinar:read:admin webinar:write:admin recording:read:admin report:read:admin"
)
DEFAULT_USER_SCOPES = "meeting:read meeting:write user:read webinar:read recording:read"


class FakeZoom(WebinarControls):
    """A stateful Zoom REST API emulator, in process or over a socket.

    It imports nothing of zoomkit's client, models or resources, so it is an independent oracle
    for them. ``clock`` drives every expiry (tokens, codes, page tokens) and the rate-limit
    windows; without one, FakeZoom reads the wall clock. ``plan`` (``"free"``, ``"pro"``,
    ``"business"`` or a custom :class:`~zoomkit.testing.Plan`) enforces Zoom's rate limits for
    that plan; None, the default, enforces none.
    """

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        api_url: str = "https://api.zoom.us",
        seed: int | None = None,
        s2s_scopes: str = DEFAULT_S2S_SCOPES,
        user_scopes: str = DEFAULT_USER_SCOPES,
        plan: str | Plan | None = None,
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
        self._state.limits.plan = resolve_plan(plan)
        self._state.faults.reseed(seed)
        self.webhooks = Webhooks(self._state)
        self.app = FakeZoomApp(
            self._state,
            [
                *OAUTH_ROUTES,
                *USER_ROUTES,
                *GROUP_ROUTES,
                *TRACKING_FIELD_ROUTES,
                *MEETING_EXTRA_ROUTES,
                *MEETING_ROUTES,
                *PAST_MEETING_ROUTES,
                *ADMIN_ROUTES,
                *RECORDING_ROUTES,
                *RECORDING_API_ROUTES,
                *REPORT_ROUTES,
                *DASHBOARD_ROUTES,
                *WEBINAR_ROUTES,
            ],
            authenticate,
        )

    def __repr__(self) -> str:
        return f"FakeZoom(api_url={self.api_url!r}, clock={self.clock!r})"

    # -- wiring ---------------------------------------------------------------------------

    def transport(self) -> httpx.AsyncBaseTransport:
        """An httpx transport that sends requests straight into the app, without sockets.

        Injected network faults surface as the httpx errors a real network gives.
        """
        return FakeZoomTransport(self.app)

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

        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that name it, and without
        # it each answer waits ~40 ms for a delayed ACK between its header and body writes.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
        bound_port = sock.getsockname()[1]
        url_host = f"[{host}]" if ":" in host else host
        self._state.api_url = f"http://{url_host}:{bound_port}"
        if on_ready is not None:
            on_ready(self._state.api_url)
        served = BackgroundFlush(ServedApp(self.app), self.webhooks)  # webhooks every 0.5 s
        config = uvicorn.Config(
            served,
            lifespan="on",
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=1,  # a slow fault's held answer must not stall a stop
        )
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

    @property
    def exchanges(self) -> Sequence[Exchange]:
        """The last 1,000 answers to API calls: operation id, method, status, JSON body."""
        return self._state.exchanges

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

    def add_past_meeting(
        self,
        host: str,
        *,
        topic: str,
        start_time: datetime | None = None,
        duration: int = 60,
        participants: int | Sequence[Mapping[str, Any]] = 0,
        meeting_id: int | None = None,
        uuid: str | None = None,
    ) -> dict[str, Any]:
        """Record an ended meeting instance, as ``GET /past_meetings/{uuid}`` shows it.

        A scheduled meeting is created for it unless ``meeting_id`` names an existing one.
        ``start_time`` defaults to a day ago; ``participants`` is a number of attendees to
        generate or a list of attendance records (``user_name``, ``email``, ``id``, ...).
        ``uuid`` forces the instance UUID, e.g. ``"/abc//def=="`` to exercise double encoding.
        """
        user = self._state.find_user(host, None)
        if user is None:
            raise ValueError(f"unknown host {host!r}")
        start = to_epoch(start_time) if start_time is not None else self.clock.time() - 86_400
        return add_past_meeting(
            self._state,
            user,
            topic=topic,
            start=start,
            duration=duration,
            participants=participants,
            meeting_id=meeting_id,
            uuid=uuid,
        )

    def seed_past_meetings(
        self, count: int, *, participants: int, host: str | None = None
    ) -> list[dict[str, Any]]:
        """``count`` ended meetings of ``host`` (default: the owner) with ``participants`` each."""
        user = self._state.find_user(host or self._state.owner_id, None)
        if user is None:
            raise ValueError(f"unknown host {host!r}")
        return seed_past_meetings(self._state, user, count=count, participants=participants)

    seed_history = _seed_history

    # -- live meetings, recordings, deauthorization: each raises Zoom's webhook events -------

    def start_meeting(self, meeting_id: int | str) -> None:
        """The host starts the meeting: status ``started``, ``meeting.started``."""
        _live.start_meeting(self._state, meeting_id)

    def end_meeting(self, meeting_id: int | str) -> None:
        """The host ends it: everyone still in leaves, then ``meeting.ended``.

        The instance becomes a past meeting; the meeting is ``waiting`` again, under a new UUID.
        """
        _live.end_meeting(self._state, meeting_id)

    def add_participant(
        self, meeting_id: int | str, *, name: str, email: str | None = None
    ) -> dict[str, Any]:
        """Someone joins the started meeting (``meeting.participant_joined``).

        Returns the participant as the event shows it; its ``user_id`` names it to
        ``remove_participant`` and the sharing controls. An ``email`` of an account user makes
        ``id`` that user's id (a signed-in participant); otherwise ``id`` is empty, as for guests.
        """
        return _live.add_participant(self._state, meeting_id, name=name, email=email)

    def remove_participant(self, meeting_id: int | str, participant_id: str) -> None:
        """The participant (by ``user_id`` or ``participant_uuid``) leaves."""
        _live.remove_participant(self._state, meeting_id, participant_id)

    def start_sharing(self, meeting_id: int | str, participant_id: str) -> None:
        _live.start_sharing(self._state, meeting_id, participant_id)

    def stop_sharing(self, meeting_id: int | str, participant_id: str) -> None:
        _live.stop_sharing(self._state, meeting_id, participant_id)

    def answer_poll(
        self,
        meeting_id: int | str,
        participant_id: str,
        poll_id: str,
        answers: Mapping[str, str | Sequence[str]],
    ) -> None:
        """A participant answers one of the meeting's polls (question name → answer).

        Kept with the running instance: ``GET /past_meetings/{uuid}/polls`` shows it once ended.
        """
        _meeting_polls.answer_poll(self._state, meeting_id, participant_id, poll_id, answers)

    def ask_question(
        self,
        meeting_id: int | str,
        participant_id: str,
        question: str,
        *,
        answer: str | None = None,
    ) -> None:
        """A participant asks in Q&A (the meeting needs ``question_and_answer.enable``)."""
        _meeting_activity.ask_question(
            self._state, meeting_id, participant_id, question, answer=answer
        )

    def get_registrants(self, meeting_id: int | str) -> list[dict[str, Any]]:
        """Copies of a meeting's stored registrants (every status), in registration order."""
        extras = self._state.meeting_store.extras.get(int(meeting_id))
        return copy.deepcopy(list(extras.registrants.values())) if extras is not None else []

    def complete_recording(
        self, meeting_id: int | str, *, file_size: int = _recordings.DEFAULT_FILE_SIZE
    ) -> dict[str, Any]:
        """The cloud recording of the latest instance is ready: one MP4 of ``file_size`` bytes.

        Raises ``recording.started``, ``recording.stopped`` and ``recording.completed``. Returns
        the recording object with ``download_access_token``, the token the event calls
        ``download_token``: it opens ``download_url`` for 24 hours.
        """
        return _recordings.complete_recording(self._state, meeting_id, file_size=file_size)

    def trash_recording(self, meeting_id: int | str) -> None:
        """Move the meeting's latest recording to the trash (``recording.trashed``)."""
        _recordings.trash_recording(self._state, meeting_id)

    def recover_recording(self, meeting_id: int | str) -> None:
        """Bring it back from the trash (``recording.recovered``)."""
        _recordings.recover_recording(self._state, meeting_id)

    def delete_recording(self, meeting_id: int | str) -> None:
        """Delete it permanently (``recording.deleted``)."""
        _recordings.delete_recording(self._state, meeting_id)

    add_recording_file = _recording_controls.add_recording_file
    redirect_recording_downloads = _recording_controls.redirect_recording_downloads

    def deauthorize(self, user_id: str, *, user_data_retention: bool = False) -> None:
        """The user removes the OAuth app: its grants die, ``app_deauthorized`` is raised."""
        _deauthorize.deauthorize(self._state, user_id, user_data_retention=user_data_retention)

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
        reset: Literal["before", "after", "mid_body"] | None = None,
        slow: bool = False,
    ) -> None:
        """Make the next ``times`` calls of ``operation`` answer ``status``.

        With ``after_effect`` the operation is carried out first, as when Zoom acts but the
        client sees a 500. A 429 gets Zoom's per-second rate-limit body unless ``body`` is given;
        pass ``headers={"Retry-After": "1"}`` to add a hint. OAuth operations are
        ``oauthToken``, ``oauthAuthorize`` and ``oauthRevoke``.

        ``reset="before"`` drops the connection before the request arrives (nothing happens);
        ``reset="after"`` carries the operation out, then drops the connection without an
        answer; ``reset="mid_body"`` carries it out and drops the connection half-way through
        the answer's body (a download to resume); ``slow=True`` carries it out and answers after
        the client's timeout.
        """
        if reset is not None and slow:
            raise ValueError("a fault is either a reset or a slow answer, not both")
        if reset not in (None, "before", "after", "mid_body"):
            raise ValueError(f"reset must be 'before', 'after', 'mid_body' or None, got {reset!r}")
        kind = FaultKind.SLOW if slow else FaultKind.STATUS
        if reset is not None:
            kind = {
                "before": FaultKind.RESET_BEFORE,
                "after": FaultKind.RESET_AFTER,
                "mid_body": FaultKind.RESET_MID_BODY,
            }[reset]
        fault = Fault(status, after_effect, body, dict(headers or {}), kind)
        self._state.faults.add(operation, fault, times)

    def faults(
        self,
        rate: float = 0.0,
        *,
        statuses: Iterable[int] = (500, 502, 503),
        resets_before: float = 0.0,
        resets_after: float = 0.0,
        slow: float = 0.0,
        slow_seconds: float = DEFAULT_SLOW_SECONDS,
        operations: Iterable[str] | None = None,
        seed: int | None = None,
    ) -> None:
        """Inject faults at random from now on; each rate is a share of calls, at most 1 in all.

        ``rate`` of calls answer one of ``statuses`` instead of acting; ``resets_before`` drop
        the connection before the request arrives; ``resets_after`` act, then drop it;
        ``slow`` act, then answer after the client's timeout (``slow_seconds`` when served).
        Without ``operations`` this sets the default for every REST operation; with them, the
        rates for those operations only (``oauthToken`` included, if named). ``seed`` makes the
        sequence reproducible (the FakeZoom's ``seed`` is the default). All zeros turn it off.
        """
        rates = FaultRates(
            rate=rate,
            statuses=tuple(statuses),
            resets_before=resets_before,
            resets_after=resets_after,
            slow=slow,
            slow_seconds=slow_seconds,
        )
        if seed is not None:
            self._state.faults.reseed(seed)
        self._state.faults.set_rates(rates, None if operations is None else list(operations))

    def clear_faults(self) -> None:
        """Drop every scheduled and random fault."""
        self._state.faults.clear()

    @property
    def plan(self) -> Plan | None:
        """The rate limits enforced (None: none). Assign a plan name or :class:`Plan` to change."""
        return self._state.limits.plan

    @plan.setter
    def plan(self, plan: str | Plan | None) -> None:
        self._state.limits.plan = resolve_plan(plan)
