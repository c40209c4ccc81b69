"""A stateful Okta org stand-in: the Management API calls the stand-in provider and `fedctl audit`
make (groups, OIDC apps and their client secrets, app group assignments, app sign-on policies
and their rules), answered from memory. Every response is checked against Okta's published
OpenAPI specification, as the recorded responses of the audit tests are; a response that does
not match is answered with 500 and listed in `invalid_responses`, so a test fails on it.

Test equipment: what Okta does beyond storing these objects (sign-in, policy evaluation,
defaults the real API fills in) is not modelled.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from tests.audit.okta_stand_in import serve_on_loopback

Json = dict[str, Any]
Answer = tuple[int, Any]
# Groups the examples expect to exist in the org; they look them up by name (data.okta_group).
EXISTING_GROUPS = ("Engineering", "Customer Success")


class OktaApiError(Exception):
    def __init__(self, status: int, summary: str) -> None:
        super().__init__(summary)
        self.status = status
        self.summary = summary


def _found(objects: dict[str, Json], object_id: str, kind: str) -> Json:
    if object_id not in objects:
        raise OktaApiError(404, f"Not found: Resource not found: {object_id} ({kind})")
    return objects[object_id]


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _new_id(prefix: str) -> str:
    return prefix + secrets.token_hex(8)


INTERNAL_PREFIX = "/api/v1/internal/"
INTERNAL_ID_TOKEN = INTERNAL_PREFIX + "apps/(?P<app>[^/]+)/settings/oauth/idToken"
GROUP_FILTER_TYPES = ("EQUALS", "STARTS_WITH", "CONTAINS", "REGEX")


class OktaOrg:
    """The org's objects, keyed by id; one lock, as the provider processes call concurrently."""

    def __init__(self, api_token: str) -> None:
        self.api_token = api_token
        self.lock = threading.Lock()
        self.groups: dict[str, Json] = {}
        self.apps: dict[str, Json] = {}
        self.app_secrets: dict[str, list[Json]] = {}
        self.assignments: dict[str, dict[str, Json]] = {}
        self.id_token_claims: dict[str, Json] = {}
        self.policies: dict[str, Json] = {}
        self.rules: dict[str, dict[str, Json]] = {}
        self.invalid_responses: list[str] = []
        for name in EXISTING_GROUPS:
            self._create_group({"profile": {"name": name, "description": ""}})
        self.routes: list[tuple[str, re.Pattern[str], Callable[..., Answer]]] = [
            (method, re.compile(f"^{pattern}$"), handler) for method, pattern, handler in (
                ("GET", "/api/v1/groups", self.list_groups),
                ("POST", "/api/v1/groups", lambda q, b: (200, self._create_group(b))),
                ("GET", "/api/v1/groups/(?P<group>[^/]+)", lambda q, b, group: (200, self._group(group))),
                ("PUT", "/api/v1/groups/(?P<group>[^/]+)", self.replace_group),
                ("DELETE", "/api/v1/groups/(?P<group>[^/]+)", self.delete_group),
                ("GET", "/api/v1/apps", self.list_apps),
                ("POST", "/api/v1/apps", self.create_app),
                ("GET", "/api/v1/apps/(?P<app>[^/]+)", lambda q, b, app: (200, self._app(app))),
                ("PUT", "/api/v1/apps/(?P<app>[^/]+)", self.replace_app),
                ("DELETE", "/api/v1/apps/(?P<app>[^/]+)", self.delete_app),
                ("POST", "/api/v1/apps/(?P<app>[^/]+)/lifecycle/(?P<action>activate|deactivate)", self.app_lifecycle),
                ("PUT", "/api/v1/apps/(?P<app>[^/]+)/policies/(?P<policy>[^/]+)", self.assign_policy),
                ("GET", "/api/v1/apps/(?P<app>[^/]+)/groups", self.list_assignments),
                ("GET", INTERNAL_ID_TOKEN, self.get_groups_claim),
                ("POST", INTERNAL_ID_TOKEN, self.set_groups_claim),
                ("PUT", "/api/v1/apps/(?P<app>[^/]+)/groups/(?P<group>[^/]+)", self.assign_group),
                ("DELETE", "/api/v1/apps/(?P<app>[^/]+)/groups/(?P<group>[^/]+)", self.unassign_group),
                ("GET", "/api/v1/apps/(?P<app>[^/]+)/credentials/secrets", self.list_secrets),
                ("POST", "/api/v1/apps/(?P<app>[^/]+)/credentials/secrets", self.create_secret),
                ("POST", "/api/v1/apps/(?P<app>[^/]+)/credentials/secrets/(?P<secret>[^/]+)/lifecycle/deactivate",
                 self.deactivate_secret),
                ("DELETE", "/api/v1/apps/(?P<app>[^/]+)/credentials/secrets/(?P<secret>[^/]+)", self.delete_secret),
                ("POST", "/api/v1/policies", self.create_policy),
                ("GET", "/api/v1/policies/(?P<policy>[^/]+)", lambda q, b, policy: (200, self._policy(policy))),
                ("PUT", "/api/v1/policies/(?P<policy>[^/]+)", self.replace_policy),
                ("DELETE", "/api/v1/policies/(?P<policy>[^/]+)", self.delete_policy),
                ("GET", "/api/v1/policies/(?P<policy>[^/]+)/rules",
                 lambda q, b, policy: (200, list(self.rules.get(self._policy(policy)["id"], {}).values()))),
                ("POST", "/api/v1/policies/(?P<policy>[^/]+)/rules", self.create_rule),
                ("GET", "/api/v1/policies/(?P<policy>[^/]+)/rules/(?P<rule>[^/]+)",
                 lambda q, b, policy, rule: (200, self._rule(policy, rule))),
                ("PUT", "/api/v1/policies/(?P<policy>[^/]+)/rules/(?P<rule>[^/]+)", self.replace_rule),
                ("DELETE", "/api/v1/policies/(?P<policy>[^/]+)/rules/(?P<rule>[^/]+)", self.delete_rule),
            )]

    # -- dispatch --------------------------------------------------------------------------
    def answer(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> Answer:
        for route_method, pattern, handler in self.routes:
            match = pattern.match(path)
            if route_method == method and match:
                with self.lock:
                    try:
                        return handler(query, body, **match.groupdict())
                    except OktaApiError as error:
                        return error.status, {"errorCode": "E0000001", "errorSummary": error.summary,
                                              "errorLink": "E0000001", "errorId": _new_id("oae"), "errorCauses": []}
        return 404, {"errorCode": "E0000022", "errorSummary": f"The endpoint does not support {method} {path}",
                     "errorLink": "E0000022", "errorId": _new_id("oae"), "errorCauses": []}

    # -- groups ----------------------------------------------------------------------------
    def _group(self, group_id: str) -> Json:
        return _found(self.groups, group_id, "UserGroup")

    def _create_group(self, body: Json) -> Json:
        group_id = _new_id("00g")
        self.groups[group_id] = {
            "id": group_id, "created": _now(), "lastUpdated": _now(), "lastMembershipUpdated": _now(),
            "objectClass": ["okta:user_group"], "type": "OKTA_GROUP",
            "profile": {"name": body["profile"]["name"], "description": body["profile"].get("description") or ""},
            "_links": {}}
        return self.groups[group_id]

    def list_groups(self, query: dict[str, list[str]], body: Any) -> Answer:
        wanted = query.get("q", [""])[0]
        return 200, [g for g in self.groups.values() if g["profile"]["name"].startswith(wanted)]

    def replace_group(self, query: dict[str, list[str]], body: Json, group: str) -> Answer:
        self._group(group).update(profile={"name": body["profile"]["name"],
                                           "description": body["profile"].get("description") or ""},
                                  lastUpdated=_now())
        return 200, self.groups[group]

    def delete_group(self, query: dict[str, list[str]], body: Any, group: str) -> Answer:
        self._group(group)
        del self.groups[group]
        for assigned in self.assignments.values():
            assigned.pop(group, None)
        return 204, None

    # -- apps ------------------------------------------------------------------------------
    def _app(self, app_id: str) -> Json:
        return _found(self.apps, app_id, "AppInstance")

    def list_apps(self, query: dict[str, list[str]], body: Any) -> Answer:
        wanted = query.get("q", [""])[0]
        return 200, [a for a in self.apps.values() if a["label"].startswith(wanted)]

    def create_app(self, query: dict[str, list[str]], body: Json) -> Answer:
        if body.get("signOnMode") != "OPENID_CONNECT":
            raise OktaApiError(400, "Api validation failed: signOnMode (only OPENID_CONNECT apps are modelled)")
        app_id = _new_id("0oa")
        secret = self._new_secret()
        self.app_secrets[app_id] = [secret]
        credentials = dict(body.get("credentials", {}).get("oauthClient", {}))
        credentials.update(client_id=app_id, client_secret=secret["client_secret"], autoKeyRotation=True)
        self.apps[app_id] = {
            "id": app_id, "name": "oidc_client", "label": body["label"], "status": "ACTIVE",
            "signOnMode": "OPENID_CONNECT", "created": _now(), "lastUpdated": _now(),
            "credentials": {"oauthClient": credentials},
            "settings": body.get("settings", {}), "_links": {}}
        self.assignments[app_id] = {}
        if body.get("status") == "INACTIVE":
            self.apps[app_id]["status"] = "INACTIVE"
        return 200, self.apps[app_id]

    def replace_app(self, query: dict[str, list[str]], body: Json, app: str) -> Answer:
        current = self._app(app)
        credentials = dict(body.get("credentials", {}).get("oauthClient", {}))
        credentials.update(client_id=app, client_secret=current["credentials"]["oauthClient"]["client_secret"],
                           autoKeyRotation=True)
        current.update(label=body["label"], settings=body.get("settings", {}),
                       credentials={"oauthClient": credentials}, lastUpdated=_now())
        return 200, current

    # The app's groups claim (org authorization server ID token). Not in Okta's published API: the
    # okta/okta provider reads and writes it here (sdk/app_oauth_group_claim.go), so does this stand-in.
    def get_groups_claim(self, query: dict[str, list[str]], body: Any, app: str) -> Answer:
        issuer_mode = self._app(app)["settings"].get("oauthClient", {}).get("issuer_mode", "ORG_URL")
        return 200, self.id_token_claims.get(app) or {"issuerMode": issuer_mode}

    def set_groups_claim(self, query: dict[str, list[str]], body: Json, app: str) -> Answer:
        self._app(app)
        if not body.get("name"):  # what the provider sends to remove the claim: the issuer mode only
            self.id_token_claims.pop(app, None)
            return 200, {"issuerMode": body.get("issuerMode")}
        if body.get("valueType") not in ("GROUPS", "EXPRESSION"):
            raise OktaApiError(400, f"Api validation failed: valueType {body.get('valueType')!r}")
        if body["valueType"] == "GROUPS" and body.get("groupFilterType") not in GROUP_FILTER_TYPES:
            raise OktaApiError(400, f"Api validation failed: groupFilterType {body.get('groupFilterType')!r}")
        self.id_token_claims[app] = {key: body[key] for key in ("issuerMode", "name", "value", "valueType",
                                                                 "groupFilterType") if body.get(key) is not None}
        return 200, self.id_token_claims[app]

    def app_lifecycle(self, query: dict[str, list[str]], body: Any, app: str, action: str) -> Answer:
        self._app(app)["status"] = "ACTIVE" if action == "activate" else "INACTIVE"
        return 200, {}

    def delete_app(self, query: dict[str, list[str]], body: Any, app: str) -> Answer:
        if self._app(app)["status"] == "ACTIVE":
            raise OktaApiError(403, "You cannot delete an active application: deactivate it first")
        del self.apps[app]
        self.assignments.pop(app, None)
        self.id_token_claims.pop(app, None)
        self.app_secrets.pop(app, None)
        return 204, None

    def assign_policy(self, query: dict[str, list[str]], body: Any, app: str, policy: str) -> Answer:
        self._policy(policy)
        self._app(app)["_links"]["accessPolicy"] = {"href": f"/api/v1/policies/{policy}"}
        return 204, None

    # -- client secrets --------------------------------------------------------------------
    def _new_secret(self) -> Json:
        value = secrets.token_urlsafe(30)
        return {"id": _new_id("ocs"), "status": "ACTIVE", "client_secret": value,
                "secret_hash": secrets.token_urlsafe(16), "created": _now(), "lastUpdated": _now()}

    def list_secrets(self, query: dict[str, list[str]], body: Any, app: str) -> Answer:
        self._app(app)
        return 200, self.app_secrets[app]

    def create_secret(self, query: dict[str, list[str]], body: Any, app: str) -> Answer:
        if len(self.app_secrets[self._app(app)["id"]]) >= 2:
            raise OktaApiError(400, "You can only have two client secrets: delete one first")
        secret = self._new_secret()
        self.app_secrets[app].append(secret)
        return 201, secret

    def deactivate_secret(self, query: dict[str, list[str]], body: Any, app: str, secret: str) -> Answer:
        found = next((s for s in self.app_secrets.get(app, []) if s["id"] == secret), None)
        if found is None:
            raise OktaApiError(404, f"Not found: Resource not found: {secret} (ClientSecret)")
        found["status"] = "INACTIVE"
        active = [s for s in self.app_secrets[app] if s["status"] == "ACTIVE"]
        if active:
            self.apps[app]["credentials"]["oauthClient"]["client_secret"] = active[0]["client_secret"]
        return 200, found

    def delete_secret(self, query: dict[str, list[str]], body: Any, app: str, secret: str) -> Answer:
        self.app_secrets[self._app(app)["id"]] = [s for s in self.app_secrets[app] if s["id"] != secret]
        return 204, None

    # -- group assignments -----------------------------------------------------------------
    def list_assignments(self, query: dict[str, list[str]], body: Any, app: str) -> Answer:
        self._app(app)
        expand = query.get("expand", [""])[0] == "group"
        return 200, [{**assignment, "_embedded": {"group": self.groups[group_id]}} if expand else assignment
                     for group_id, assignment in self.assignments[app].items() if group_id in self.groups]

    def assign_group(self, query: dict[str, list[str]], body: Json | None, app: str, group: str) -> Answer:
        self._app(app)
        self._group(group)
        assignment = {"id": group, "lastUpdated": _now(), "priority": (body or {}).get("priority", 0),
                      "profile": (body or {}).get("profile") or {}, "_links": {}}
        self.assignments[app][group] = assignment
        return 200, assignment

    def unassign_group(self, query: dict[str, list[str]], body: Any, app: str, group: str) -> Answer:
        self._app(app)
        self.assignments[app].pop(group, None)
        return 204, None

    # -- app sign-on (access) policies and rules -------------------------------------------
    def _policy(self, policy_id: str) -> Json:
        return _found(self.policies, policy_id, "Policy")

    def create_policy(self, query: dict[str, list[str]], body: Json) -> Answer:
        if body.get("type") != "ACCESS_POLICY":
            raise OktaApiError(400, "Api validation failed: type (only ACCESS_POLICY is modelled)")
        policy_id = _new_id("rst")
        self.policies[policy_id] = {"id": policy_id, "type": "ACCESS_POLICY", "name": body["name"],
                                    "description": body.get("description") or "", "status": "ACTIVE",
                                    "system": False, "priority": 1, "created": _now(), "lastUpdated": _now(),
                                    "_links": {}}
        self.rules[policy_id] = {}
        catch_all = self._new_rule(policy_id, {"name": "Catch-all Rule", "priority": 99,
                                               "actions": {"appSignOn": {"access": "DENY"}}})
        catch_all["system"] = True
        return 200, self.policies[policy_id]

    def replace_policy(self, query: dict[str, list[str]], body: Json, policy: str) -> Answer:
        self._policy(policy).update(name=body["name"], description=body.get("description") or "",
                                    lastUpdated=_now())
        return 200, self.policies[policy]

    def delete_policy(self, query: dict[str, list[str]], body: Any, policy: str) -> Answer:
        self._policy(policy)
        if any(app["_links"].get("accessPolicy", {}).get("href", "").endswith(policy) for app in self.apps.values()):
            raise OktaApiError(403, "Cannot delete a policy that applications use")
        del self.policies[policy]
        self.rules.pop(policy, None)
        return 204, None

    def _rule(self, policy_id: str, rule_id: str) -> Json:
        return _found(self.rules.get(policy_id, {}), rule_id, "PolicyRule")

    def _new_rule(self, policy_id: str, body: Json) -> Json:
        rule_id = _new_id("rul")
        self.rules[policy_id][rule_id] = {
            "id": rule_id, "type": "ACCESS_POLICY", "name": body["name"], "priority": body.get("priority", 1),
            "status": body.get("status") or "ACTIVE", "system": False, "created": _now(), "lastUpdated": _now(),
            "conditions": body.get("conditions") or {}, "actions": body.get("actions") or {}, "_links": {}}
        return self.rules[policy_id][rule_id]

    def create_rule(self, query: dict[str, list[str]], body: Json, policy: str) -> Answer:
        self._policy(policy)
        return 200, self._new_rule(policy, body)

    def replace_rule(self, query: dict[str, list[str]], body: Json, policy: str, rule: str) -> Answer:
        self._rule(policy, rule).update(name=body["name"], priority=body.get("priority", 1),
                                        conditions=body.get("conditions") or {}, actions=body.get("actions") or {},
                                        lastUpdated=_now())
        return 200, self.rules[policy][rule]

    def delete_rule(self, query: dict[str, list[str]], body: Any, policy: str, rule: str) -> Answer:
        self._rule(policy, rule)
        del self.rules[policy][rule]
        return 204, None


@contextmanager
def okta_org_server(org: OktaOrg, spec: OpenAPI | None) -> Iterator[str]:
    """Serves `org` on a loopback port; yields its base URL. Every successful answer is checked
    against Okta's OpenAPI specification when one is given (tests/shared_fixtures.py)."""

    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            parts = urlsplit(self.path)
            # The Okta SDK 3.4.6 sends `SSWS<token>` without the space; accept both spellings.
            if (self.headers.get("Authorization") or "").removeprefix("SSWS").strip() != org.api_token:
                status, document = 401, {"errorCode": "E0000011", "errorSummary": "Invalid token provided",
                                         "errorLink": "E0000011", "errorId": _new_id("oae"), "errorCauses": []}
            else:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                status, document = org.answer(self.command, parts.path, parse_qs(parts.query), body)
            payload = b"" if document is None else json.dumps(document).encode()
            published = not parts.path.startswith(INTERNAL_PREFIX)  # the spec has no internal endpoints
            if spec is not None and document is not None and status < 300 and published:
                problem = _spec_problem(spec, self.command, parts.path, status, payload)
                if problem:
                    org.invalid_responses.append(f"{self.command} {parts.path} {status}: {problem}")
                    status, payload = 500, json.dumps({"errorSummary": "stand-in response off the spec"}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = _serve  # noqa: N815

        def log_message(self, *args: Any) -> None:
            pass

    with serve_on_loopback(Handler) as url:
        yield url


def _spec_problem(spec: OpenAPI, method: str, path: str, status: int, payload: bytes) -> str | None:
    try:
        spec.validate_response(MockRequest("https://acme.okta.com", method.lower(), path),
                               MockResponse(payload, status_code=status, content_type="application/json"))
    except Exception as error:  # openapi-core raises one of many classes; any of them is a finding
        return f"{type(error).__name__}: {str(error)[:300]}"
    return None
