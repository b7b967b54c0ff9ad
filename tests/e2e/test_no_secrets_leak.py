"""No client secret, access token or refresh token reaches a repr, str, error or DEBUG log."""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path
from types import ModuleType
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from zoomkit import ZoomClient
from zoomkit.auth import AuthorizationCodeOAuth, MemoryTokenStore, ServerToServerOAuth
from zoomkit.errors import MeetingNotFound, OAuthError
from zoomkit.testing import FakeZoom

pytestmark = pytest.mark.anyio
QUICKSTART = Path(__file__).resolve().parents[2] / "examples" / "quickstart.py"


def load_quickstart() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quickstart", QUICKSTART)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_a_full_quickstart_run_leaks_no_secret(
    fake: FakeZoom, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    printed: list[str] = []
    evidence: list[str] = []
    store = MemoryTokenStore()
    async with fake.client() as zoom:
        await load_quickstart().run(zoom, say=printed.append)
        evidence += [repr(zoom), str(zoom), repr(zoom.auth), repr(zoom.meetings)]
        with pytest.raises(MeetingNotFound) as not_found:
            await zoom.meetings.get(12345678901)
        evidence += [str(not_found.value), repr(not_found.value)]

        # The user-OAuth path too: exchange, API call, rotation, and its token objects.
        user_auth = AuthorizationCodeOAuth(
            fake.oauth_app.client_id,
            fake.oauth_app.client_secret,
            redirect_uri=fake.oauth_app.redirect_uri,
            token_store=store,
            user_id="someone",
        )
        request = user_auth.authorization_url()
        async with httpx.AsyncClient(transport=fake.transport()) as browser:
            redirect = await browser.get(request.url)
        code = parse_qs(urlparse(redirect.headers["location"]).query)["code"][0]
        async with fake.client(auth=user_auth) as user_zoom:
            token = await user_auth.exchange_code(code, code_verifier=request.code_verifier)
            await user_zoom.users.me()
            await user_auth.refresh()
            evidence += [repr(token), str(token), repr(user_auth), repr(request), repr(store)]

    bad = ServerToServerOAuth(fake.s2s.account_id, fake.s2s.client_id, "wrong-secret-value-123")
    async with fake.client(auth=bad) as wrong:
        with pytest.raises(OAuthError) as refused:
            await wrong.users.me()
    evidence += [str(refused.value), repr(refused.value)]

    tokens = fake._state.tokens
    secrets = {
        fake.s2s.client_secret,
        fake.oauth_app.client_secret,
        "wrong-secret-value-123",
        *tokens.access,
        *tokens.refresh,
        *tokens.spent_refresh,
    }
    assert len(secrets) > 6  # S2S, user and refreshed tokens were really issued
    haystack = "\n".join([caplog.text, *printed, *evidence])
    assert "Deleted meeting" in haystack  # the run really happened and was captured
    assert "oauth/token" in caplog.text  # DEBUG logging really was on
    leaked = sorted(s for s in secrets if s in haystack)
    assert leaked == []


async def test_a_client_repr_hides_credentials_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ZOOM_ACCOUNT_ID", "acct")
    monkeypatch.setenv("ZOOM_CLIENT_ID", "cid")
    monkeypatch.setenv("ZOOM_CLIENT_SECRET", "env-secret-value")
    client = ZoomClient.from_env()
    assert "env-secret-value" not in repr(client)
    await client.aclose()
