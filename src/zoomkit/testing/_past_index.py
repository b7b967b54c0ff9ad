"""Which ended instance a meeting id names: its latest one, found without scanning every time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["LatestInstances"]


@dataclass
class LatestInstances:
    """Meeting id → UUID of its latest ended instance, for ``/past_meetings/{meetingId}``.

    Rebuilt whenever the number of instances changed since the last build, so code that records
    instances straight into ``state.past_meetings`` need not keep it up to date. A crawl of
    thousands of past meetings then costs one rebuild, not a scan per request.
    """

    _size: int = -1
    _latest: dict[int, str] = field(default_factory=dict)

    def uuid_for(self, instances: Mapping[str, Mapping[str, Any]], meeting_id: int) -> str | None:
        if self._size != len(instances):
            self._rebuild(instances)
        return self._latest.get(meeting_id)

    def _rebuild(self, instances: Mapping[str, Mapping[str, Any]]) -> None:
        newest: dict[int, tuple[str, str]] = {}
        latest: dict[int, str] = {}
        for uuid, instance in instances.items():
            when = (instance["end_time"], instance["start_time"])
            if instance["id"] not in newest or when >= newest[instance["id"]]:
                newest[instance["id"]] = when
                latest[instance["id"]] = uuid
        self._latest = latest
        self._size = len(instances)
