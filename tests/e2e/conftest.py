"""End-to-end fixtures: zoomkit's real client against FakeZoom in process, on a fake clock."""

from __future__ import annotations

import pytest

from zoomkit.testing import FakeClock, FakeZoom


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake(clock: FakeClock) -> FakeZoom:
    return FakeZoom(clock=clock, seed=11)
