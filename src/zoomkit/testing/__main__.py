"""``python -m zoomkit.testing serve --port N``: FakeZoom as a real HTTP server (needs uvicorn)."""

from __future__ import annotations

import argparse
import contextlib
import sys

from ._fake import FakeZoom


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m zoomkit.testing")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve a fresh FakeZoom over HTTP (real clock)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    args = parser.parse_args(argv)
    fake = FakeZoom()
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is the normal way to stop
        fake.serve(args.host, args.port, on_ready=lambda _url: _announce(fake))
    return 0


if __name__ == "__main__":
    sys.exit(main())
