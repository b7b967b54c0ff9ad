"""zoomkit quickstart: read yourself, schedule a meeting, list, update, read back, delete.

Run it with ``make demo``. With ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET set (a
Server-to-Server OAuth app), it talks to real Zoom; without them it starts FakeZoom, zoomkit's
Zoom emulator, in this process. The code below is the same either way.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import anyio

from zoomkit import ZoomClient

CREDENTIALS = ("ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET")
TIMEZONE = "Europe/Berlin"


def make_client() -> tuple[ZoomClient, str]:
    """Real Zoom when credentials are in the environment, FakeZoom otherwise."""
    if all(os.environ.get(name) for name in CREDENTIALS):
        return ZoomClient.from_env(), "Zoom (credentials from the environment)"
    from zoomkit.testing import FakeZoom

    fake = FakeZoom()
    owner = fake.owner["email"]
    tomorrow = datetime.now(ZoneInfo(TIMEZONE)) + timedelta(days=1)
    for n in range(1, 6):  # a few meetings already on the calendar, so listing spans pages
        fake.add_meeting(
            owner, topic=f"Existing meeting {n}", start_time=tomorrow + timedelta(hours=n)
        )
    return fake.client(), "FakeZoom (in process; set ZOOM_* variables for real Zoom)"


async def run(zoom: ZoomClient, say: Callable[[str], None] = print) -> None:
    me = await zoom.users.me()
    say(f"1. Signed in as {me.display_name or me.email} <{me.email}> (user id {me.id})")

    start = (datetime.now(ZoneInfo(TIMEZONE)) + timedelta(days=2)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    meeting = await zoom.meetings.create(
        "me",
        topic="zoomkit quickstart",
        start_time=start,  # aware: sent as UTC
        duration=45,
        timezone=TIMEZONE,
        password="zk-2026",
        agenda="Created by examples/quickstart.py",
        settings={"waiting_room": True, "mute_upon_entry": True, "join_before_host": False},
    )
    local_start = meeting.start_time.astimezone(ZoneInfo(TIMEZONE)) if meeting.start_time else None
    say(f"2. Created meeting {meeting.id}: {meeting.topic!r} at {local_start} ({TIMEZONE})")
    say(f"   join URL: {meeting.join_url}")

    pages = 0
    topics: list[str] = []
    async for page in zoom.meetings.list("me", type="upcoming", page_size=2).pages():
        pages += 1
        topics.extend(item.topic or "" for item in page.items)
    say(f"3. Listed {len(topics)} upcoming meetings over {pages} pages")

    await zoom.meetings.update(meeting.id, topic="zoomkit quickstart (renamed)")
    say(f"4. Renamed meeting {meeting.id}")

    again = await zoom.meetings.get(meeting.id)
    say(f"5. Read back: {again.topic!r}, passcode set: {bool(again.password)}")

    await zoom.meetings.delete(meeting.id)
    say(f"6. Deleted meeting {meeting.id}")


async def main() -> None:
    client, where = make_client()
    print(f"zoomkit quickstart against {where}")
    async with client as zoom:
        await run(zoom)
    print("Done.")


if __name__ == "__main__":
    anyio.run(main)
