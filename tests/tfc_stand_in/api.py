"""The Terraform Cloud API as the tests need it: workspaces (list, show, create, update), run
triggers (list inbound, create), assessment results and their JSON plan output.

Shapes follow the examples of the official API reference (workspaces, run-triggers,
assessment-results; https://developer.hashicorp.com/terraform/cloud-docs/api-docs): JSON:API
documents with `links` and `meta.pagination`, 401 for a wrong token, 404 for what the token cannot
see, 422 for a malformed or conflicting body, 429 with `Retry-After` when throttled.

Tests drive it through `/_stand_in/api/...` (no token needed there): `POST scenario` sets
the organizations, workspaces, assessments, the largest page size, and a number of 429 (and of
503) answers to give; `GET requests` returns every API request received (method, path, query and whether the token
was right; never the token itself); `GET state` returns the workspaces (attributes and ids, by
name) and run triggers as stored.
"""

from __future__ import annotations

import fnmatch
import itertools
import os
from dataclasses import dataclass, field, fields
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

API = "/api/v2"
CONTROL = "/_stand_in/api"
ARCHIVIST = "/_archivist/assessment-json"
WORKSPACE_DEFAULTS: dict[str, Any] = {
    "execution-mode": "remote", "terraform-version": "1.11.4", "auto-apply": False, "auto-apply-run-trigger": False,
    "assessments-enabled": False, "working-directory": None, "description": None, "source-name": None,
    "tag-names": [],
}
"""What a new workspace has when the create request does not say (the documented defaults)."""
MAXIMUM_SOURCES = 20


@dataclass
class Workspace:
    id: str
    organization: str
    attributes: dict[str, Any]
    assessment_id: str | None = None


@dataclass
class ApiState:
    token: str
    page_size: int = 20
    throttle: int = 0
    retry_after: int = 1
    page_links: bool = True
    server_errors: int = 0
    """How many API requests to answer 503 (after the 429s)."""
    """False: pages carry only `meta.pagination`, no `links` (clients must manage with either)."""
    organizations: set[str] = field(default_factory=set)
    workspaces: dict[str, Workspace] = field(default_factory=dict)
    run_triggers: list[dict[str, str]] = field(default_factory=list)
    assessments: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def new_id(self, prefix: str) -> str:
        return f"{prefix}-{next(self.ids):016d}"

    def workspace_named(self, organization: str, name: str) -> Workspace | None:
        return next((w for w in self.workspaces.values()
                     if w.organization == organization and w.attributes["name"] == name), None)


STATE = web.AppKey("tfc_api_state", ApiState)


def register(app: web.Application) -> None:
    app[STATE] = ApiState(token=os.environ.get("TFC_STAND_IN_TOKEN", ""))
    app.middlewares.append(_authenticate)
    app.router.add_post(f"{CONTROL}/scenario", _scenario)
    app.router.add_get(f"{CONTROL}/requests", _requests)
    app.router.add_get(f"{CONTROL}/state", _state)
    app.router.add_get(API + "/organizations/{organization}/workspaces", _list_workspaces)
    app.router.add_post(API + "/organizations/{organization}/workspaces", _create_workspace)
    app.router.add_get(API + "/organizations/{organization}/workspaces/{name}", _show_workspace)
    app.router.add_patch(API + "/workspaces/{id}", _update_workspace)
    app.router.add_get(API + "/workspaces/{id}/run-triggers", _list_run_triggers)
    app.router.add_post(API + "/workspaces/{id}/run-triggers", _create_run_trigger)
    app.router.add_get(API + "/assessment-results/{id}", _show_assessment)
    app.router.add_get(API + "/assessment-results/{id}/json-output", _assessment_json_output)
    app.router.add_get(ARCHIVIST + "/{id}", _archivist)


@web.middleware
async def _authenticate(request: web.Request, handler: Any) -> web.StreamResponse:
    # Only this module's API routes take the organisation's token: the run-task routes of
    # run_tasks.py, also under /api/v2, check each run's own token themselves.
    if not request.path.startswith(API + "/") or request.match_info.route.handler not in _API_HANDLERS:
        response: web.StreamResponse = await handler(request)
        return response
    state = request.app[STATE]
    given = request.headers.get("Authorization", "")
    right = bool(state.token) and given == f"Bearer {state.token}"
    token_state = "missing" if not given else ("valid" if right else "invalid")
    state.requests.append({"method": request.method, "path": request.path, "query": dict(request.query),
                           "token": token_state})
    if token_state != "valid":
        return _error(401, "unauthorized")
    if state.throttle > 0:
        state.throttle -= 1
        return _error(429, "too many requests", headers={"Retry-After": str(state.retry_after)})
    if state.server_errors > 0:
        state.server_errors -= 1
        return _error(503, "service unavailable")
    response = await handler(request)
    return response


def _error(status: int, title: str, detail: str = "", headers: dict[str, str] | None = None) -> web.Response:
    error = {"status": str(status), "title": title, **({"detail": detail} if detail else {})}
    return web.json_response({"errors": [error]}, status=status, headers=headers,
                             content_type="application/vnd.api+json")


def _document(body: Any, status: int = 200) -> web.Response:
    return web.json_response(body, status=status, content_type="application/vnd.api+json")


async def _scenario(request: web.Request) -> web.Response:
    """Replaces the whole state: {"organizations": {org: [workspace...]}, "page_size", "throttle", "retry_after"};
    a workspace is {"name", "attributes", "assessment": {"attributes", "plan", "forbidden"},
    "triggered_by": [names]}."""
    state = request.app[STATE]
    body = await request.json()
    fresh = ApiState(token=state.token, page_size=body.get("page_size", 20), throttle=body.get("throttle", 0),
                     retry_after=body.get("retry_after", 1), page_links=body.get("page_links", True),
                     server_errors=body.get("server_errors", 0))
    for organization, workspaces in body.get("organizations", {}).items():
        fresh.organizations.add(organization)
        for seed in workspaces:
            workspace = Workspace(fresh.new_id("ws"), organization,
                                  {**WORKSPACE_DEFAULTS, **seed.get("attributes", {}), "name": seed["name"]})
            fresh.workspaces[workspace.id] = workspace
            if "assessment" in seed:
                workspace.assessment_id = fresh.new_id("asmtres")
                fresh.assessments[workspace.assessment_id] = seed["assessment"]
        for seed in workspaces:
            target = fresh.workspace_named(organization, seed["name"])
            for source in seed.get("triggered_by", []):
                source_workspace = fresh.workspace_named(organization, source)
                assert target is not None and source_workspace is not None
                fresh.run_triggers.append({"id": fresh.new_id("rt"), "workspace": target.id,
                                           "sourceable": source_workspace.id})
    for field_ in fields(ApiState):  # the application's state is frozen once it serves: change the object
        setattr(state, field_.name, getattr(fresh, field_.name))
    return web.json_response({"ok": True})


async def _requests(request: web.Request) -> web.Response:
    return web.json_response(request.app[STATE].requests)


async def _state(request: web.Request) -> web.Response:
    state = request.app[STATE]
    return web.json_response({
        "workspaces": {w.attributes["name"]: w.attributes for w in state.workspaces.values()},
        "ids": {w.attributes["name"]: w.id for w in state.workspaces.values()},
        "run_triggers": [[state.workspaces[t["sourceable"]].attributes["name"],
                          state.workspaces[t["workspace"]].attributes["name"]] for t in state.run_triggers],
    })


def _workspace_resource(workspace: Workspace) -> dict[str, Any]:
    assessment = ({"id": workspace.assessment_id, "type": "assessment-results"}
                  if workspace.assessment_id else None)
    return {
        "id": workspace.id, "type": "workspaces", "attributes": workspace.attributes,
        "relationships": {
            "organization": {"data": {"id": workspace.organization, "type": "organizations"}},
            "current-assessment-result": {"data": assessment},
        },
        "links": {"self": f"{API}/organizations/{workspace.organization}/workspaces/{workspace.attributes['name']}",
                  "self-html": f"/app/{workspace.organization}/workspaces/{workspace.attributes['name']}"},
    }


def _page(request: web.Request, items: list[dict[str, Any]]) -> web.Response:
    """One page, with the documented `links` (absolute URLs) and `meta.pagination`."""
    state = request.app[STATE]
    size = min(int(request.query.get("page[size]", "20")), state.page_size)
    number = int(request.query.get("page[number]", "1"))
    pages = max(1, -(-len(items) // size))

    def link(page: int | None) -> str | None:
        if page is None:
            return None
        query = {**request.query, "page[number]": str(page), "page[size]": str(size)}
        return f"{request.scheme}://{request.host}{request.path}?{urlencode(query)}"

    previous = number - 1 if number > 1 else None
    following = number + 1 if number < pages else None
    links = {"self": link(number), "first": link(1), "prev": link(previous), "next": link(following),
             "last": link(pages)}
    return _document({
        "data": items[(number - 1) * size:number * size],
        **({"links": links} if state.page_links else {}),
        "meta": {"pagination": {"current-page": number, "page-size": size, "prev-page": previous,
                                "next-page": following, "total-pages": pages, "total-count": len(items)}},
    })


async def _list_workspaces(request: web.Request) -> web.Response:
    state = request.app[STATE]
    organization = request.match_info["organization"]
    if organization not in state.organizations:
        return _error(404, "not found")
    workspaces = [w for w in state.workspaces.values() if w.organization == organization]
    if "search[wildcard-name]" in request.query:
        workspaces = [w for w in workspaces
                      if fnmatch.fnmatchcase(w.attributes["name"], request.query["search[wildcard-name]"])]
    if "search[tags]" in request.query:
        tags = set(request.query["search[tags]"].split(","))
        workspaces = [w for w in workspaces if tags <= set(w.attributes.get("tag-names") or [])]
    return _page(request, [_workspace_resource(w) for w in sorted(workspaces, key=lambda w: w.id)])


async def _show_workspace(request: web.Request) -> web.Response:
    workspace = request.app[STATE].workspace_named(request.match_info["organization"], request.match_info["name"])
    if workspace is None:
        return _error(404, "not found")
    return _document({"data": _workspace_resource(workspace)})


async def _create_workspace(request: web.Request) -> web.Response:
    state = request.app[STATE]
    organization = request.match_info["organization"]
    if organization not in state.organizations:
        return _error(404, "not found")
    data = (await request.json()).get("data") or {}
    attributes = data.get("attributes") or {}
    if data.get("type") != "workspaces" or not isinstance(attributes.get("name"), str):
        return _error(422, "invalid attribute", "data.type must be workspaces and data.attributes.name a string")
    if state.workspace_named(organization, attributes["name"]):
        return _error(422, "invalid attribute", "Name has already been taken")
    unknown = set(attributes) - set(WORKSPACE_DEFAULTS) - {"name"}
    if unknown:
        return _error(422, "invalid attribute", f"unknown attributes {sorted(unknown)}")
    workspace = Workspace(state.new_id("ws"), organization, {**WORKSPACE_DEFAULTS, **attributes})
    state.workspaces[workspace.id] = workspace
    return _document({"data": _workspace_resource(workspace)}, status=201)


async def _update_workspace(request: web.Request) -> web.Response:
    workspace = request.app[STATE].workspaces.get(request.match_info["id"])
    if workspace is None:
        return _error(404, "not found")
    attributes = ((await request.json()).get("data") or {}).get("attributes") or {}
    unknown = set(attributes) - set(WORKSPACE_DEFAULTS) - {"name"}
    if unknown:
        return _error(422, "invalid attribute", f"unknown attributes {sorted(unknown)}")
    workspace.attributes.update(attributes)
    return _document({"data": _workspace_resource(workspace)})


def _run_trigger_resource(state: ApiState, trigger: dict[str, str]) -> dict[str, Any]:
    workspace, source = state.workspaces[trigger["workspace"]], state.workspaces[trigger["sourceable"]]
    return {
        "id": trigger["id"], "type": "run-triggers",
        "attributes": {"workspace-name": workspace.attributes["name"], "sourceable-name": source.attributes["name"],
                       "created-at": "2026-12-01T00:00:00.000Z"},
        "relationships": {"workspace": {"data": {"id": workspace.id, "type": "workspaces"}},
                          "sourceable": {"data": {"id": source.id, "type": "workspaces"}}},
        "links": {"self": f"{API}/run-triggers/{trigger['id']}"},
    }


async def _list_run_triggers(request: web.Request) -> web.Response:
    state = request.app[STATE]
    workspace_id = request.match_info["id"]
    if workspace_id not in state.workspaces:
        return _error(404, "not found")
    direction = request.query.get("filter[run-trigger][type]")
    if direction not in ("inbound", "outbound"):
        return _error(400, "bad request", "filter[run-trigger][type] must be inbound or outbound")
    key = "workspace" if direction == "inbound" else "sourceable"
    return _page(request, [_run_trigger_resource(state, t) for t in state.run_triggers if t[key] == workspace_id])


async def _create_run_trigger(request: web.Request) -> web.Response:
    state = request.app[STATE]
    workspace_id = request.match_info["id"]
    relationships = ((await request.json()).get("data") or {}).get("relationships") or {}
    source = (relationships.get("sourceable") or {}).get("data")
    if not isinstance(source, dict) or source.get("type") != "workspaces":
        return _error(422, "invalid attribute", "data.relationships.sourceable.data must be a workspace")
    if workspace_id not in state.workspaces or source.get("id") not in state.workspaces:
        return _error(404, "not found")
    inbound = [t for t in state.run_triggers if t["workspace"] == workspace_id]
    if any(t["sourceable"] == source["id"] for t in inbound):
        return _error(422, "invalid attribute", "Sourceable has already been taken")
    if len(inbound) >= MAXIMUM_SOURCES:
        return _error(422, "invalid attribute", f"a workspace can have at most {MAXIMUM_SOURCES} source workspaces")
    trigger = {"id": state.new_id("rt"), "workspace": workspace_id, "sourceable": source["id"]}
    state.run_triggers.append(trigger)
    return _document({"data": _run_trigger_resource(state, trigger)}, status=201)


async def _show_assessment(request: web.Request) -> web.Response:
    result_id = request.match_info["id"]
    assessment = request.app[STATE].assessments.get(result_id)
    if assessment is None:
        return _error(404, "not found")
    base = f"{API}/assessment-results/{result_id}"
    attributes = {"drifted": False, "succeeded": False, "error-msg": None, "created-at": "2026-12-01T03:17:00+00:00",
                  **assessment.get("attributes", {})}
    return _document({"data": {"id": result_id, "type": "assessment-results", "attributes": attributes,
                               "links": {"self": f"{base}/", "json-output": f"{base}/json-output",
                                         "json-schema": f"{base}/json-schema", "log-output": f"{base}/log-output"}}})


async def _assessment_json_output(request: web.Request) -> web.Response:
    """A redirect to a temporary download URL on another host (as the plan JSON endpoints of the
    reference answer: 307 to the archivist); here `localhost` for `127.0.0.1`, the same server."""
    result_id = request.match_info["id"]
    assessment = request.app[STATE].assessments.get(result_id)
    if assessment is None or "plan" not in assessment:
        return _error(404, "not found")
    if assessment.get("forbidden"):  # as for an organization token, which these endpoints refuse
        return _error(403, "forbidden")
    port = request.url.port
    raise web.HTTPTemporaryRedirect(f"http://localhost:{port}{ARCHIVIST}/{result_id}")


async def _archivist(request: web.Request) -> web.Response:
    """The plan, plain JSON (not a JSON:API document); the request is recorded, with whether an
    Authorization header came along (it must not: the API token is not the archivist's)."""
    state = request.app[STATE]
    state.requests.append({"method": request.method, "path": request.path, "query": dict(request.query),
                           "token": "sent" if "Authorization" in request.headers else "not sent"})
    assessment = state.assessments.get(request.match_info["id"])
    if assessment is None or "plan" not in assessment:
        return _error(404, "not found")
    return web.json_response(assessment["plan"])


# The handlers `_authenticate` guards with the organisation's token (defined above, listed once here).
_API_HANDLERS = frozenset({_list_workspaces, _create_workspace, _show_workspace, _update_workspace, _list_run_triggers,
                           _create_run_trigger, _show_assessment, _assessment_json_output})
