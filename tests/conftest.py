"""Shared fixtures: a manual clock, and every async core test run under asyncio and trio."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import anyio.lowlevel
import pytest

SPEC_2023 = "ZoomMeetingAPISpec-2023.json"


class ManualClock:
    """A clock that only moves when told to; sleeps advance it and are recorded."""

    def __init__(self, start: float = 1_780_000_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await anyio.lowlevel.checkpoint()

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _openapi_dir() -> Path:
    default = Path(__file__).resolve().parents[2] / "shared" / "zoom-openapi"
    return Path(os.environ.get("ZOOMKIT_OPENAPI_DIR", default))


@functools.cache
def _load_spec(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((_openapi_dir() / name).read_text())
    return loaded


@pytest.fixture(scope="session")
def zoom_openapi_dir() -> Path:
    """../shared/zoom-openapi (or $ZOOMKIT_OPENAPI_DIR); skips, or fails under CI, if absent."""
    path = _openapi_dir()
    if not (path / "scope.json").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Zoom's OpenAPI folder is missing under CI: {path}")
        pytest.skip(f"Zoom's OpenAPI folder is not available at {path} (set ZOOMKIT_OPENAPI_DIR)")
    return path


@pytest.fixture(scope="session")
def zoom_openapi() -> dict[str, Any]:
    """Zoom's 2023 OpenAPI file from ../shared/zoom-openapi (or $ZOOMKIT_OPENAPI_DIR).

    The spec is reference data kept outside the project. Without it these tests skip with the
    reason, except under CI (CI=true), where its absence is a failure.
    """
    path = _openapi_dir() / SPEC_2023
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Zoom's OpenAPI spec is missing under CI: {path}")
        pytest.skip(f"Zoom's OpenAPI spec is not available at {path} (set ZOOMKIT_OPENAPI_DIR)")
    return _load_spec(SPEC_2023)


# -- every covered operation is called against FakeZoom somewhere in the suite -----------------
# FakeZoom instances built during the session are remembered here so that one test, run last,
# can check the union of their per-operation call counters against zoomkit.api_coverage().
FAKEZOOM_INSTANCES: list[Any] = []
COLLECTED_FILES: set[str] = set()


@pytest.fixture(scope="session")
def fakezoom_session_registry() -> tuple[list[Any], set[str]]:
    """The FakeZoom instances built so far this session, and the test files collected."""
    return FAKEZOOM_INSTANCES, COLLECTED_FILES


@pytest.fixture(autouse=True, scope="session")
def _remember_fakezooms() -> Any:
    from zoomkit.testing import FakeZoom

    original = FakeZoom.__init__

    def remembering_init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        FAKEZOOM_INSTANCES.append(self)

    FakeZoom.__init__ = remembering_init  # type: ignore[method-assign]
    yield
    FakeZoom.__init__ = original  # type: ignore[method-assign]


def pytest_collection_modifyitems(session: pytest.Session, items: list[pytest.Item]) -> None:
    COLLECTED_FILES.update(str(item.path) for item in items)
    last = [item for item in items if item.get_closest_marker("runs_last")]
    items[:] = [item for item in items if not item.get_closest_marker("runs_last")] + last


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "runs_last: run after every other test of the session")
