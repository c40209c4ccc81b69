"""The result document fedctl sends to the run's callback URL, and its delivery.

"Run Task Callback": `PATCH task_result_callback_url` with the run's `access_token` as bearer and a
JSON:API body `{"data": {"type": "task-results", "attributes": {status, message, url},
"relationships": {"outcomes": {"data": [...]}}}}`; status is `running`, `passed` or `failed`, the
last two final. Terraform Cloud errors the task without an update for 10 minutes. The body's shape
beyond those tables is taken from the page's "Complete Callback Payload Example".
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Collection
from typing import Any

import aiohttp

from federation.redaction import safe_text
from reports.console import render_console
from reports.model import PolicyReport
from tfc import JSON_API
from tfc.run_task.outcomes import MAX_OUTCOMES, outcome, shown_findings

RUNNING, PASSED, FAILED = "running", "passed", "failed"
DELIVERY_ATTEMPTS = 4
DELIVERY_BACKOFF_SECONDS = 1.0
MAX_MESSAGE = 500
"""The API states no limit for `message`; it is shown as one line on the run's page."""


class CallbackError(Exception):
    """The callback could not be delivered; one line, without the token."""


def result_document(status: str, message: str, url: str | None = None,
                    outcomes: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    attributes: dict[str, Any] = {"status": status, "message": _one_line(message)}
    if url:
        attributes["url"] = url
    data: dict[str, Any] = {"type": "task-results", "attributes": attributes}
    if outcomes is not None:
        data["relationships"] = {"outcomes": {"data": outcomes}}
    return {"data": data}


def report_document(report: PolicyReport, url: str | None) -> dict[str, Any]:
    """passed or failed, as the gate decides: `fedctl gate`'s verdict line, the blocking rules, and
    one outcome per failed finding."""
    shown = shown_findings(report)
    blocking_rules = sorted({f.rule_id for f in report.blocking})
    message = (render_console(report).splitlines()[-1]
               + (f"; blocking rules: {', '.join(blocking_rules)}" if blocking_rules else "")
               + (f"; {len(report.problems)} problem(s), the first: {report.problems[0]}" if report.problems else "")
               + (f"; first {MAX_OUTCOMES} of {len(shown)} failures shown" if len(shown) > MAX_OUTCOMES else ""))
    return result_document(PASSED if report.passed else FAILED, message, url,
                           [outcome(f, report) for f in shown[:MAX_OUTCOMES]])


def failure_document(reason: str, url: str | None = None) -> dict[str, Any]:
    """Fail closed: the run stops at a mandatory task when fedctl could not judge its plan."""
    return result_document(FAILED, f"fedctl could not judge this plan, failing closed: {reason}", url)


async def deliver(session: aiohttp.ClientSession, callback_url: str, token: str, document: dict[str, Any],
                  secrets: Collection[str] = ()) -> None:
    """PATCH with a few retries on connection errors and 5xx/429; 4xx other than 429 is final
    (401: the token expired with the run; 422: the document was refused)."""
    body = json.dumps(document).encode("utf-8")
    headers = {"Authorization": f"Bearer {token}", "Content-Type": JSON_API}
    problem = ""
    for attempt in range(DELIVERY_ATTEMPTS):
        if attempt:
            await asyncio.sleep(DELIVERY_BACKOFF_SECONDS * 2 ** (attempt - 1))
        try:
            async with session.patch(callback_url, data=body, headers=headers, allow_redirects=False) as response:
                if 200 <= response.status < 300:
                    return
                problem = f"HTTP {response.status}"
                if response.status < 500 and response.status != 429:
                    break
        except aiohttp.ClientError as error:
            problem = type(error).__name__
    raise CallbackError(safe_text(f"callback not accepted after {attempt + 1} attempt(s): {problem}",
                                  [token, *secrets]))


def _one_line(text: str) -> str:
    line = safe_text(" ".join(text.split()))
    return line if len(line) <= MAX_MESSAGE else line[: MAX_MESSAGE - 1] + "…"
