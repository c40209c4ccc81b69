"""The few Okta Management API calls of the stand-in provider, over urllib (SSWS token auth)."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from typing import Any

BASE_URL_VARIABLE = "FEDCTL_TEST_OKTA_URL"
"""Where the stand-in provider sends its calls: the Okta org stand-in, never a real org."""


class OktaCallFailed(Exception):
    pass


class OktaNotFound(OktaCallFailed):
    pass


def call(method: str, path: str, body: Any = None) -> Any:
    base = os.environ.get(BASE_URL_VARIABLE)
    token = os.environ.get("OKTA_API_TOKEN")
    if not base or not token:
        raise OktaCallFailed(f"the Okta stand-in provider needs {BASE_URL_VARIABLE} and OKTA_API_TOKEN")
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"SSWS {token}", "Accept": "application/json",
                                              "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            payload = response.read()
    except urllib.error.HTTPError as error:
        summary = json.loads(error.read() or b"{}").get("errorSummary", "")
        kind = OktaNotFound if error.code == 404 else OktaCallFailed
        raise kind(f"{method} {path}: {error.code} {summary}") from error
    return json.loads(payload) if payload else None
