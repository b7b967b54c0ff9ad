"""``python -m zoomkit.testing serve --port N``: FakeZoom as a real HTTP server (needs uvicorn)."""

from __future__ import annotations

import argparse
import contextlib
import sys

from ._clock import FakeClock
from ._fake import FakeZoom
from ._faults import DEFAULT_SLOW_SECONDS
from ._limits import PLANS


def _announce(fake: FakeZoom) -> None:
    """Print what a user pastes into their environment, then flush so pipes see it at once."""
    base = fake.api_url
    print(f"FakeZoom listening on {base}")
    print(f"ZOOM_BASE_URL={base}/v2")
    print(f"ZOOM_OAUTH_BASE_URL={base}")
    print(f"ZOOM_ACCOUNT_ID={fake.s2s.account_id}")
    print(f"ZOOM_CLIENT_ID={fake.s2s.client_id}")
    print(f"ZOOM_CLIENT_SECRET={fake.s2s.client_secret}")
    sys.stdout.flush()


def _add_limit_and_fault_options(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--plan", choices=sorted(PLANS), help="enforce this plan's rate limits")
    serve.add_argument("--seed", type=int, help="seed ids, credentials and random faults")
    serve.add_argument(
        "--fake-clock",
        action="store_true",
        help="a clock that only moves on POST /_fakezoom/clock (rate windows and expiries too)",
    )
    faults = serve.add_argument_group("random faults (shares of REST calls, at most 1 in all)")
    faults.add_argument("--fault-rate", type=float, default=0.0, help="answer 500, 502 or 503")
    faults.add_argument("--resets-before", type=float, default=0.0, help="drop before acting")
    faults.add_argument("--resets-after", type=float, default=0.0, help="act, then drop")
    faults.add_argument("--slow", type=float, default=0.0, help="act, then answer late")
    faults.add_argument(
        "--slow-seconds",
        type=float,
        default=DEFAULT_SLOW_SECONDS,
        help="how late a slow answer comes (real seconds)",
    )


def _fake_from(args: argparse.Namespace) -> FakeZoom:
    fake = FakeZoom(clock=FakeClock() if args.fake_clock else None, seed=args.seed, plan=args.plan)
    try:
        fake.faults(
            args.fault_rate,
            resets_before=args.resets_before,
            resets_after=args.resets_after,
            slow=args.slow,
            slow_seconds=args.slow_seconds,
        )
    except ValueError as error:
        raise SystemExit(f"python -m zoomkit.testing serve: {error}") from None
    return fake


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m zoomkit.testing")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve a fresh FakeZoom over HTTP")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    _add_limit_and_fault_options(serve)
    args = parser.parse_args(argv)
    fake = _fake_from(args)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is the normal way to stop
        fake.serve(args.host, args.port, on_ready=lambda _url: _announce(fake))
    return 0


if __name__ == "__main__":
    sys.exit(main())
