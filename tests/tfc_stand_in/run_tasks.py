"""The run-task half of the stand-in: what Terraform Cloud does around a run task.

From HashiCorp's documentation (web-unified-docs, terraform-docs-common):
* api-docs/run-tasks/run-tasks-integration, "Run Task Request": the POST body (the "Sample Payload"
  fields, with this stand-in's ids and URLs) and headers (`Content-Type`, `User-Agent`,
  `X-TFC-Task-Signature`: hex HMAC-SHA512 of the body, per integrations/run-tasks "Securing your Run
  Task"); "Run Task Callback": `PATCH` with the bearer token, a JSON:API `task-results` body whose
  status is running, passed or failed, outcomes of type `task-result-outcomes`; 401 for a wrong
  token, 422 for a body it does not accept.
* api-docs/plans, "Retrieve the JSON execution plan": `GET /plans/:id/json-output` answers 204 until
  the plan finishes, else 307 to a temporary URL that holds the plan JSON (no token needed there).
* integrations/run-tasks, "Prerequisites": creating a task sends a test POST that must get 200; its
  access token "test-token" is known from HashiCorp's run-task scaffolding only.
Where real Terraform Cloud may be stricter than the tables say (field lengths, outcome counts), the
stand-in is not: those limits are not documented.

Control endpoints for the tests live under `/_stand_in/`.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import secrets
import uuid
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

USER_AGENT = "TFC/1.0 (+https://app.terraform.io; TFC)"
STATUSES = ("running", "passed", "failed")
TAG_LEVELS = ("none", "info", "warning", "error")


@dataclass
class Plan:
    body: bytes
    mode: str = "ok"
    """ok, not_ready (204), error (500 from the API), revoked (401: the token no longer valid), slow (the
    temporary URL stalls for `delay` seconds), gone (404 there)."""
    delay: float = 0.0


@dataclass
class TaskResult:
    id: str
    guid: str
    token: str
    plan_id: str | None
    body: bytes = b""
    unavailable: int = 0
    """Callbacks still to answer 503, as a Terraform Cloud having a bad minute would."""
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, Any]] = field(default_factory=list)
    final: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass
class State:
    plans: dict[str, Plan] = field(default_factory=dict)
    downloads: dict[str, str] = field(default_factory=dict)
    """Temporary URL key -> plan id."""
    results: dict[str, TaskResult] = field(default_factory=dict)
    by_guid: dict[str, TaskResult] = field(default_factory=dict)
    plan_requests: list[dict[str, Any]] = field(default_factory=list)


STATE = web.AppKey("run_tasks_state", State)


def register(app: web.Application) -> None:
    app[STATE] = State()
    app.router.add_get("/api/v2/plans/{plan_id}/json-output", plan_json_output)
    app.router.add_get("/_archivist/{key}", temporary_download)
    app.router.add_patch("/api/v2/task-results/{guid}/callback", task_result_callback)
    app.router.add_post("/_stand_in/plans", add_plan)
    app.router.add_post("/_stand_in/run-tasks/trigger", trigger)
    app.router.add_get("/_stand_in/task-results/{id}", task_result)
    app.router.add_get("/_stand_in/plan-requests", plan_requests)


async def plan_json_output(request: web.Request) -> web.Response:
    state = request.app[STATE]
    plan_id = request.match_info["plan_id"]
    token = _bearer(request)
    state.plan_requests.append({"plan_id": plan_id, "authorization": request.headers.get("Authorization", "")})
    allowed = any(r.token == token and r.plan_id == plan_id for r in state.results.values())
    if not allowed:
        return _error(401, "unauthorized")
    plan = state.plans.get(plan_id)
    if plan is None:
        return _error(404, "not found")
    if plan.mode == "not_ready":
        return web.Response(status=204)
    if plan.mode == "error":
        return _error(500, "internal server error")
    if plan.mode == "revoked":
        return _error(401, "unauthorized")
    key = secrets.token_urlsafe(24)
    state.downloads[key] = plan_id
    raise web.HTTPTemporaryRedirect(f"/_archivist/{key}")


async def temporary_download(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    state.plan_requests.append({"temporary": True, "authorization": request.headers.get("Authorization", "")})
    plan_id = state.downloads.pop(request.match_info["key"], None)  # one use, as a one-minute URL
    plan = state.plans.get(plan_id or "")
    if plan is None or plan.mode == "gone":
        return web.Response(status=404)
    if plan.mode == "slow":
        await asyncio.sleep(plan.delay)
    return web.Response(body=plan.body, content_type="application/json")


async def task_result_callback(request: web.Request) -> web.Response:
    state = request.app[STATE]
    result = state.by_guid.get(request.match_info["guid"])
    if result is None:
        return _error(404, "not found")
    raw = await request.read()
    if result.unavailable:
        result.unavailable -= 1
        result.refused.append({"status": 503})
        return _error(503, "service unavailable")
    if _bearer(request) != result.token:
        result.refused.append({"status": 401})
        return _error(401, "unauthorized")
    try:
        document = json.loads(raw)
    except ValueError:
        document = None
    problem = _callback_problem(document)
    if problem:
        result.refused.append({"status": 422, "problem": problem})
        return _error(422, problem)
    result.callbacks.append({"content_type": request.headers.get("Content-Type", ""), "document": document})
    if document["data"]["attributes"]["status"] in ("passed", "failed"):
        result.final.set()
    return web.Response(status=200)


async def add_plan(request: web.Request) -> web.Response:
    """`{"plan": <plan JSON> | "raw": "<any text>", "mode": ..., "delay": seconds}` -> `{"plan_id": ...}`."""
    spec = await request.json()
    body = spec["raw"].encode() if "raw" in spec else json.dumps(spec["plan"]).encode()
    plan_id = f"plan-{secrets.token_hex(8)}"
    request.app[STATE].plans[plan_id] = Plan(body=body, mode=spec.get("mode", "ok"), delay=spec.get("delay", 0.0))
    return web.json_response({"plan_id": plan_id})


async def trigger(request: web.Request) -> web.Response:
    """Sends run-task requests to a service, as Terraform Cloud does when a run reaches the stage.

    `{"url": service URL, "hmac_key": key, "plan_id": id, "stage": "post_plan", "count": 1,
    "signature": "valid" | "none" | "bad", "verification": false, "retry": task result id,
    "callback_unavailable": N (the first N callbacks get 503)}`.
    `retry` sends the same bytes again (Terraform Cloud retries a request not answered with 200).
    Answers `{"sent": [{"task_result_id", "run_id", "access_token", "status"}]}`.
    """
    state = request.app[STATE]
    spec = await request.json()
    base = f"{request.scheme}://{request.host}"
    if spec.get("retry"):
        bodies = [state.results[spec["retry"]]]
    else:
        bodies = [_new_task_result(state, base, spec) for _ in range(int(spec.get("count", 1)))]
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(_send(session, spec, r.body) for r in bodies))
    return web.json_response({"sent": [{"task_result_id": r.id, "run_id": json.loads(r.body)["run_id"],
                                        "access_token": r.token, "status": s} for r, s in zip(bodies, statuses)]})


async def task_result(request: web.Request) -> web.Response:
    """What the stand-in received for one task result; `?wait=SECONDS` waits for a final status."""
    result = request.app[STATE].results.get(request.match_info["id"])
    if result is None:
        return _error(404, "not found")
    wait = float(request.query.get("wait", "0"))
    if wait:
        try:
            await asyncio.wait_for(result.final.wait(), wait)
        except TimeoutError:
            pass
    return web.json_response({"callbacks": result.callbacks, "refused": result.refused})


async def plan_requests(request: web.Request) -> web.Response:
    return web.json_response(request.app[STATE].plan_requests)


def _new_task_result(state: State, base: str, spec: dict[str, Any]) -> TaskResult:
    verification = bool(spec.get("verification"))
    result = TaskResult(id=f"taskrs-{secrets.token_hex(8)}", guid=str(uuid.uuid4()),
                        token="test-token" if verification else f"{secrets.token_hex(7)}.atlasv1.{secrets.token_hex(32)}",
                        plan_id=spec.get("plan_id"), unavailable=int(spec.get("callback_unavailable", 0)))
    run_id = f"run-{secrets.token_hex(8)}"
    payload: dict[str, Any] = {
        "payload_version": 1,
        "stage": spec.get("stage", "post_plan"),
        "access_token": result.token,
        "capabilities": {"outcomes": True},
        "configuration_version_download_url": f"{base}/api/v2/configuration-versions/cv-standin/download",
        "configuration_version_id": "cv-standin",
        "is_speculative": False,
        "organization_name": "acme",
        "run_app_url": f"{base}/app/acme/federation-prod/runs/{run_id}",
        "run_created_at": "2026-12-01T22:00:00.000Z",
        "run_created_by": "identity-team",
        "run_id": run_id,
        "run_message": "Triggered via the stand-in",
        "task_result_callback_url": f"{base}/api/v2/task-results/{result.guid}/callback",
        "task_result_enforcement_level": "mandatory",
        "task_result_id": result.id,
        "vcs_branch": None,
        "vcs_commit_url": None,
        "vcs_pull_request_url": None,
        "vcs_repo_url": None,
        "workspace_app_url": f"{base}/app/acme/federation-prod",
        "workspace_id": "ws-standin",
        "workspace_name": "federation-prod",
        "workspace_working_directory": "",
    }
    if result.plan_id and payload["stage"] in ("post_plan", "pre_apply", "post_apply"):
        payload["plan_json_api_url"] = f"{base}/api/v2/plans/{result.plan_id}/json-output"
    result.body = json.dumps(payload).encode()
    state.results[result.id] = result
    state.by_guid[result.guid] = result
    return result


async def _send(session: aiohttp.ClientSession, spec: dict[str, Any], body: bytes) -> int:
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT}
    mode = spec.get("signature", "valid")
    if mode == "valid":
        headers["X-TFC-Task-Signature"] = hmac.new(spec["hmac_key"].encode(), body, hashlib.sha512).hexdigest()
    elif mode == "bad":
        headers["X-TFC-Task-Signature"] = hmac.new(b"not-the-key", body, hashlib.sha512).hexdigest()
    async with session.post(spec["url"], data=body, headers=headers) as response:
        return response.status


def _callback_problem(document: Any) -> str:
    """Why Terraform Cloud would answer 422 (the "Request Body" and "Outcomes Payload Body" tables)."""
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, dict) or data.get("type") != "task-results":
        return "data.type must be task-results"
    attributes = data.get("attributes")
    if not isinstance(attributes, dict) or attributes.get("status") not in STATUSES:
        return "data.attributes.status must be running, passed or failed"
    for key in ("message", "url"):
        if key in attributes and not isinstance(attributes[key], str):
            return f"data.attributes.{key} must be a string"
    outcomes = ((data.get("relationships") or {}).get("outcomes") or {}).get("data", [])
    if not isinstance(outcomes, list):
        return "relationships.outcomes.data must be an array"
    for index, item in enumerate(outcomes):
        attrs = item.get("attributes") if isinstance(item, dict) else None
        if item.get("type") != "task-result-outcomes" or not isinstance(attrs, dict):
            return f"outcome {index}: type must be task-result-outcomes"
        if not isinstance(attrs.get("outcome-id"), str) or not isinstance(attrs.get("description"), str):
            return f"outcome {index}: outcome-id and description are required strings"
        for name, tags in (attrs.get("tags") or {}).items():
            if not isinstance(tags, list) or any(not isinstance(t, dict) or not isinstance(t.get("label"), str)
                                                 or t.get("level", "none") not in TAG_LEVELS for t in tags):
                return f"outcome {index}: tags.{name} must be a list of {{label, level}}"
    return ""


def _bearer(request: web.Request) -> str:
    header = request.headers.get("Authorization", "")
    return header[len("Bearer "):] if header.startswith("Bearer ") else ""


def _error(status: int, title: str) -> web.Response:
    """A JSON:API error object, as the API documents its 401/404/422 answers."""
    return web.json_response({"errors": [{"status": str(status), "title": title}]}, status=status)
