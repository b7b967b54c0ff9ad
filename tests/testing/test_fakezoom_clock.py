from __future__ import annotations

import anyio
import pytest

from zoomkit.testing import FakeClock


def test_default_start_is_monday_morning_utc() -> None:
    clock = FakeClock()
    assert clock.time() == 1_772_442_000.0
    assert repr(clock) == "FakeClock(2026-03-02T09:00:00.000Z)"


def test_advance_moves_time_and_refuses_going_back() -> None:
    clock = FakeClock(start=100.0)
    clock.advance(2.5)
    assert clock.time() == 102.5
    with pytest.raises(ValueError, match="backwards"):
        clock.advance(-1)


@pytest.mark.asyncio
async def test_sleep_advances_instead_of_waiting() -> None:
    clock = FakeClock(start=0.0)
    with anyio.fail_after(1):  # an hour of fake sleep must not take real time
        await clock.sleep(3600)
    assert clock.time() == 3600.0


@pytest.mark.asyncio
async def test_sleep_yields_to_other_tasks() -> None:
    clock = FakeClock(start=0.0)
    seen: list[str] = []

    async def other() -> None:
        seen.append("other ran")

    async with anyio.create_task_group() as tg:
        tg.start_soon(other)
        await clock.sleep(0)
        seen.append("after sleep")
    assert seen == ["other ran", "after sleep"]
