"""Parsing a 300-item page into zoomkit's models vs ``json.loads`` of the same bytes.

Run: ``.venv/bin/python benchmarks/parse_meetings.py [--repeat 7] [--number 50]``

The pages are what Zoom sends for ``GET /users/{userId}/meetings`` and ``GET /users`` at
``page_size=300``: every field a list item documents, with realistic values (eleven-digit
meeting ids, base64 UUIDs with ``/`` and ``+``, ``Z`` datetimes, agendas cut to 250 characters).
Each measurement is the best of ``--repeat`` runs of ``--number`` parses, in CPU time
(``time.process_time``), so other processes on the machine do not inflate it. The target: a
model parse costs at most 2x ``json.loads``. Figures, not assertions: nothing here is a test.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import time
import timeit
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel

from zoomkit.models import MeetingList, UserList

ITEMS = 300
TARGET = 2.0


def meeting_page(rng: random.Random) -> dict[str, Any]:
    """A full page of scheduled meetings, as Zoom lists them."""
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    meetings = []
    for index in range(ITEMS):
        meeting_id = rng.randrange(10**10, 10**11)
        begins = start + timedelta(hours=7 * index)
        meetings.append(
            {
                "uuid": base64.b64encode(rng.randbytes(16)).decode(),
                "id": meeting_id,
                "host_id": "30R7kT7bTIKSNUFEuH_Qlg",
                "topic": f"Weekly sync #{index} - product, design and support",
                "type": rng.choice([2, 2, 2, 8]),
                "start_time": begins.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "duration": rng.choice([30, 45, 60, 90]),
                "timezone": "Europe/Berlin",
                "agenda": ("Review last week's actions, then roadmap and open questions. " * 5)[
                    :250
                ],
                "created_at": (begins - timedelta(days=14)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "join_url": f"https://us06web.zoom.us/j/{meeting_id}?pwd=Q2hUZmZtWjJ0a0xKcGNVQT09",
                "pmi": "9788315092",
            }
        )
    return {
        "page_size": ITEMS,
        "total_records": 4 * ITEMS,
        "next_page_token": "Tva2CuIdTgsv8wAnhyAdU3m06Y2HuLQtlh3",
        "meetings": meetings,
    }


def user_page(rng: random.Random) -> dict[str, Any]:
    """A full page of active users, as ``GET /users`` lists them."""
    users = []
    for index in range(ITEMS):
        created = datetime(2021, 1, 4, tzinfo=UTC) + timedelta(days=3 * index, minutes=index)
        users.append(
            {
                "id": base64.urlsafe_b64encode(rng.randbytes(16)).decode()[:22],
                "first_name": f"Jill{index}",
                "last_name": "Chill",
                "display_name": f"Jill{index} Chill",
                "email": f"jill.chill.{index}@example.com",
                "type": rng.choice([1, 2, 2]),
                "pmi": rng.randrange(2 * 10**9, 10**10),
                "timezone": "America/Los_Angeles",
                "verified": 1,
                "dept": "Customer Success",
                "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "user_created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "last_login_time": (created + timedelta(days=400)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "last_client_version": "5.17.11.34827(mac)",
                "pic_url": "https://example.com/photo.jpg",
                "language": "en-US",
                "phone_number": "+1 800000000",
                "status": "active",
                "role_id": "2",
                "employee_unique_id": f"E{index:05d}",
                "group_ids": ["RSMaSp8sTEGK0_oamiA2_w"],
                "im_group_ids": ["t-_-d56CSWG-7BF15LLrOw"],
                "plan_united_type": "1",
            }
        )
    return {
        "next_page_token": "b43YBRLJFg3V4vsSpxvGdKIGtNbxn9h9If2",
        "page_count": 4,
        "page_number": 1,
        "page_size": ITEMS,
        "total_records": 4 * ITEMS,
        "users": users,
    }


def best_seconds(run: Callable[[], object], repeat: int, number: int) -> float:
    """The best CPU time of one call, over ``repeat`` rounds of ``number`` calls."""
    timer = timeit.Timer(run, timer=time.process_time)
    return min(timer.repeat(repeat=repeat, number=number)) / number


def compare(name: str, model: type[BaseModel], raw: bytes, repeat: int, number: int) -> float:
    """Print both figures and their ratio for one page; return the ratio."""
    parsed = model.model_validate_json(raw)
    assert parsed.model_dump(exclude_unset=True), "the page parsed to nothing"
    loads = best_seconds(lambda: json.loads(raw), repeat, number)
    validate = best_seconds(lambda: model.model_validate_json(raw), repeat, number)
    ratio = validate / loads
    verdict = "within" if ratio <= TARGET else "OVER"
    label = f"{model.__name__}.model_validate_json"
    print(f"{name}: {len(raw) / 1024:.0f} KiB, {ITEMS} items")
    print(f"  {'json.loads':<36} {loads * 1e3:8.3f} ms")
    print(f"  {label:<36} {validate * 1e3:8.3f} ms")
    print(f"  ratio {ratio:.2f}x ({verdict} the {TARGET:.0f}x target)")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=7, help="rounds; the best one counts")
    parser.add_argument("--number", type=int, default=50, help="parses per round")
    args = parser.parse_args()
    rng = random.Random(300)
    pages = [
        ("meetings page (GET /users/{userId}/meetings)", MeetingList, meeting_page(rng)),
        ("users page (GET /users)", UserList, user_page(rng)),
    ]
    for name, model, page in pages:
        compare(name, model, json.dumps(page).encode(), args.repeat, args.number)


if __name__ == "__main__":
    main()
