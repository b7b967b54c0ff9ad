"""Testing tools for zoomkit users: FakeZoom, a stateful Zoom REST API emulator, and a fake clock.

```python
from zoomkit.testing import FakeClock, FakeZoom

clock = FakeClock()
fake = FakeZoom(clock=clock)
async with fake.client() as client:  # a ZoomClient wired to the fake, in process
    ...
```

FakeZoom imports nothing of zoomkit's client, so it checks the client as an outside oracle would.
Run it as a real server with ``python -m zoomkit.testing serve --port 8000``.
"""

from ._clock import FakeClock
from ._credentials import JWTApp, OAuthApp, ServerToServerApp
from ._fake import FakeZoom
from ._limits import PLANS, CategoryLimit, Plan
from ._state import Counters, RecordedRequest
from ._webhooks import Delivery, PendingDelivery, Subscription

__all__ = [
    "CategoryLimit",
    "Counters",
    "Delivery",
    "FakeClock",
    "FakeZoom",
    "JWTApp",
    "OAuthApp",
    "PendingDelivery",
    "PLANS",
    "Plan",
    "RecordedRequest",
    "ServerToServerApp",
    "Subscription",
]
