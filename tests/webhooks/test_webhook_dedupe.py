"""The dedupe key names the event, not the delivery; the memory store expires by the clock."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import pytest
from webhook_payloads import EXAMPLES

from zoomkit.webhooks import DedupeStore, MemoryDedupeStore, dedupe_key

pytestmark = pytest.mark.anyio


def started() -> dict[str, Any]:
    return json.loads(json.dumps(EXAMPLES["meeting.started"]))


def test_the_key_ignores_key_order_and_whitespace() -> None:
    compact = json.dumps(started(), separators=(",", ":"))
    spaced = json.dumps({k: started()[k] for k in reversed(started())}, indent=4)
    assert compact != spaced
    assert dedupe_key(json.loads(compact)) == dedupe_key(json.loads(spaced))


def test_the_key_starts_with_the_event_name() -> None:
    assert dedupe_key(started()).startswith("zoomkit:webhook:meeting.started:")


def test_another_event_ts_is_another_key() -> None:
    later = {**started(), "event_ts": started()["event_ts"] + 1}
    assert dedupe_key(started()) != dedupe_key(later)


def test_another_participant_at_the_same_moment_is_another_key() -> None:
    first = json.loads(json.dumps(EXAMPLES["meeting.participant_joined"]))
    second = json.loads(json.dumps(first))
    second["payload"]["object"]["participant"]["user_id"] = "16778241"
    assert dedupe_key(first) != dedupe_key(second)


def test_a_fresh_download_token_does_not_make_a_redelivery_new() -> None:
    first = json.loads(json.dumps(EXAMPLES["recording.completed"]))
    again = {**first, "download_token": "another-token"}
    assert dedupe_key(first) == dedupe_key(again)
    inside = json.loads(json.dumps(first))
    inside["payload"]["download_token"] = "token-in-payload"
    assert dedupe_key(first) == dedupe_key(inside)


def test_the_memory_store_is_a_dedupe_store() -> None:
    assert isinstance(MemoryDedupeStore(), DedupeStore)


async def test_a_key_is_new_once(clock: Any) -> None:
    store = MemoryDedupeStore(clock=clock)
    assert await store.first_time("k", 60) is True
    assert await store.first_time("k", 60) is False


async def test_a_key_is_new_again_after_its_ttl(clock: Any) -> None:
    store = MemoryDedupeStore(clock=clock)
    await store.first_time("k", 60)
    clock.advance(59.9)
    assert await store.first_time("k", 60) is False
    clock.advance(0.1)
    assert await store.first_time("k", 60) is True


async def test_expired_keys_are_forgotten(clock: Any) -> None:
    store = MemoryDedupeStore(clock=clock)
    for n in range(100):
        await store.first_time(f"k{n}", 10)
    clock.advance(10)
    await store.first_time("fresh", 10)
    assert len(store) == 1


async def test_concurrent_calls_with_one_key_get_exactly_one_true(clock: Any) -> None:
    store = MemoryDedupeStore(clock=clock)
    answers: list[bool] = []

    async def call() -> None:
        answers.append(await store.first_time("same", 60))

    async with anyio.create_task_group() as tg:
        for _ in range(20):
            tg.start_soon(call)
    assert sorted(answers) == [False] * 19 + [True]


def test_threads_sharing_the_store_get_exactly_one_true(clock: Any) -> None:
    store = MemoryDedupeStore(clock=clock)
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: asyncio.run(store.first_time("k", 60)), range(64)))
    assert answers.count(True) == 1
