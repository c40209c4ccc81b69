"""A local HTTP server answering the Okta SDK with the recorded responses (no Okta emulator
exists). Scenarios choose which recording answers which request."""

from __future__ import annotations

import functools
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from openapi_core import Config, OpenAPI

from tests.shared_fixtures import OKTA_OPENAPI, shared_fixture

RESPONSES = Path(__file__).parent / "okta_responses"


@functools.cache
def okta_openapi() -> OpenAPI | None:
    """Okta's published Management API specification, loaded once (about 1.3 s); None where the
    third-party fixture is not provided (tests/shared_fixtures.py)."""
    path = shared_fixture(OKTA_OPENAPI)
    if path is None:
        return None
    # Okta's spec itself fails strict spec validation (a path parameter without `required`);
    # the response schemas are what we check against.
    return OpenAPI.from_file_path(str(path), config=Config(spec_validator_cls=None))


def recording(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((RESPONSES / f"{name}.json").read_text())
    return document


class Scenario:
    def __init__(self, secrets: str = "app-secrets", drop_last_group_page: bool = False, throttle_first: int = 0,
                 forbid_groups: bool = False) -> None:
        self.secrets = secrets
        self.drop_last_group_page = drop_last_group_page
        self.throttle_first = throttle_first
        self.forbid_groups = forbid_groups
        self.requests: list[str] = []

    def answer(self, path: str, query: dict[str, list[str]]) -> str:
        self.requests.append(path)
        if self.throttle_first > 0:
            self.throttle_first -= 1
            return "error-429"
        if path == "/api/v1/apps":
            return "apps-page-2" if "after" in query else "apps-page-1"
        if path.endswith("/groups"):
            if self.forbid_groups:
                return "error-403"
            if "after" in query:
                return "app-groups-page-2"
            return "app-groups-page-1"
        if path.endswith("/credentials/secrets"):
            return self.secrets
        if path.endswith("/settings/oauth/idToken"):
            return "internal/app-groups-claim-none"
        raise KeyError(path)


@contextmanager
def okta_stand_in(scenario: Scenario) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            parts = urlsplit(self.path)
            try:
                name = scenario.answer(parts.path, parse_qs(parts.query))
            except KeyError:
                self.send_error(404)
                return
            if name == "app-groups-page-1" and scenario.drop_last_group_page:
                document = recording(name)
                document["headers"] = {}
                document["body"] = document["body"][:1]
            else:
                document = recording(name)
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            body = json.dumps(document["body"]).encode()
            self.send_response(document["status"])
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for key, value in document["headers"].items():
                self.send_header(key, value.replace("{base}", base).replace("{reset}", str(int(time.time()) + 1)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    with serve_on_loopback(Handler) as url:
        yield url


@contextmanager
def serve_on_loopback(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """An HTTP server for `handler` on a free loopback port, in a thread; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
