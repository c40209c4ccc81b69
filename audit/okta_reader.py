"""Reads the Okta side through the official Okta SDK: the app's settings, its group assignments
and the client secret Okta holds (as a fingerprint only). Read-only calls."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from audit.declared import DeclaredFederation, DeclaredObject
from audit.errors import AuditError
from federation.redaction import fingerprint

if TYPE_CHECKING:
    from okta.client import Client

MAX_RETRIES = 4
HTTPS_CHECK_SWITCH = "OKTA_TESTING_TESTINGDISABLEHTTPSCHECK"
SCOPES = {"list_applications": "okta.apps.read", "list_application_group_assignments": "okta.appGroups.read",
          "list_o_auth2_client_secrets": "okta.apps.read", "get_application": "okta.apps.read",
          "get_policy": "okta.policies.read", "list_policy_rules": "okta.policies.read",
          "read_groups_claim": "okta.apps.read"}
# The app's groups claim is not in Okta's published API: okta/okta reads and writes it here
# (sdk/app_oauth_group_claim.go), with an API token only.
GROUPS_CLAIM_PATH = "/api/v1/internal/apps/{app_id}/settings/oauth/idToken"


def okta_config_from_environment() -> dict[str, Any] | None:
    """`OKTA_ORG_URL` with `OKTA_API_TOKEN`, or OAuth 2.0 client credentials; None when unset."""
    org_url = os.environ.get("OKTA_ORG_URL")
    if not org_url:
        return None
    config: dict[str, Any] = {"orgUrl": org_url, "rateLimit": {"maxRetries": MAX_RETRIES}}
    if os.environ.get("OKTA_API_TOKEN"):
        config["token"] = os.environ["OKTA_API_TOKEN"]
    elif os.environ.get("OKTA_API_CLIENT_ID") and os.environ.get("OKTA_API_PRIVATE_KEY"):
        config.update(authorizationMode="PrivateKey", clientId=os.environ["OKTA_API_CLIENT_ID"],
                      privateKey=os.environ["OKTA_API_PRIVATE_KEY"],
                      scopes=["okta.apps.read", "okta.appGroups.read", "okta.groups.read", "okta.policies.read"])
    else:
        raise AuditError("OKTA_ORG_URL is set but neither OKTA_API_TOKEN nor OKTA_API_CLIENT_ID with "
                         "OKTA_API_PRIVATE_KEY")
    return config


def read_okta(declared: DeclaredFederation, config: dict[str, Any]) -> tuple[tuple[DeclaredObject, ...], dict[str, str]]:
    """The declared Okta apps as they are live, their assigned groups, and {provider name: secret
    fingerprint} for the Cognito identity providers that use them."""
    return asyncio.run(_read(declared, config))


def _client(config: dict[str, Any]) -> Client:
    from okta.client import Client

    # The SDK refuses http:// unless its testing switch is on, which it reads only from the
    # environment; we allow it for a loopback stand-in and never for a real org.
    loopback = urlsplit(str(config.get("orgUrl"))).hostname in ("127.0.0.1", "localhost")
    previous = os.environ.get(HTTPS_CHECK_SWITCH)
    if loopback:
        os.environ[HTTPS_CHECK_SWITCH] = "true"
    try:
        return Client(config)
    finally:
        if loopback and previous is None:
            os.environ.pop(HTTPS_CHECK_SWITCH, None)


async def _read(declared: DeclaredFederation, config: dict[str, Any]) -> tuple[tuple[DeclaredObject, ...], dict[str, str]]:
    client = _client(config)
    objects: list[DeclaredObject] = []
    secrets: dict[str, str] = {}
    for wanted in declared.of_kind("okta_app"):
        label = wanted.name

        def apps_page(after: str | None) -> Awaitable[Any]:
            return client.list_applications(q=label, after=after)  # awaited before `label` changes

        apps = await _all("list_applications", apps_page)
        app = next((a for a in apps if _get(a, "label") == wanted.name), None)
        if app is None:
            continue
        settings = _get(_get(app, "settings"), "oauth_client")
        credentials = _get(_get(app, "credentials"), "oauth_client")
        objects.append(DeclaredObject("okta_app", wanted.name, f"live Okta app {wanted.name}", {
            "redirect_uris": list(_get(settings, "redirect_uris") or []),
            "grant_types": [str(_value(g)) for g in _get(settings, "grant_types") or []],
            "response_types": [str(_value(r)) for r in _get(settings, "response_types") or []],
            "token_endpoint_auth_method": _value(_get(credentials, "token_endpoint_auth_method")),
            "pkce_required": bool(_get(credentials, "pkce_required")),
            "type": _value(_get(settings, "application_type")),
        }))
        app_id = str(_get(app, "id"))
        if "token" in config:
            objects[-1].values["groups_claim"] = await _groups_claim(client, app_id)

        def groups_page(after: str | None) -> Awaitable[Any]:
            return client.list_application_group_assignments(app_id, expand="group", after=after)

        def secrets_page(after: str | None) -> Awaitable[Any]:
            return client.list_o_auth2_client_secrets(app_id)

        assignments = await _all("list_application_group_assignments", groups_page)
        for assignment in assignments:
            group = (_get(assignment, "embedded") or {}).get("group") or {}
            name = (group.get("profile") or {}).get("name") or _get(assignment, "id")
            objects.append(DeclaredObject("okta_assignment", str(name), f"live assignment {name}",
                                          {"app": wanted.name}))
        secret_list = await _all("list_o_auth2_client_secrets", secrets_page, paginated=False)
        active = [s for s in secret_list if str(_value(_get(s, "status"))) == "ACTIVE"]
        for idp in declared.of_kind("identity_provider"):
            uses_app = idp.values.get("okta_app") == wanted.name
            if uses_app and active:
                secrets[idp.name] = fingerprint(_get(active[0], "client_secret"))
    return tuple(objects), secrets


async def _all(operation: str, fetch: Callable[[str | None], Awaitable[Any]], paginated: bool = True) -> list[Any]:
    """Every page: Okta paginates with `Link: <...?after=cursor>; rel="next"`. Errors name the scope."""
    from okta.pagination import PaginationHelper

    items: list[Any] = []
    after: str | None = None
    while True:
        result, response, error = await fetch(after)
        _raise(operation, response, error)
        items += list(result or [])
        headers = dict(getattr(response, "headers", None) or {})
        after = PaginationHelper.extract_next_cursor(headers) if paginated else None
        if not after:
            return items


async def _groups_claim(client: Client, app_id: str) -> dict[str, Any] | None:
    """The app's groups claim as okta/okta's `groups_claim` block (type FILTER for a GROUPS value
    with a filter), None when the app has none. Through the SDK's request executor: no SDK method."""
    executor = client.get_request_executor()  # type: ignore[no-untyped-call]
    base_url: str = client.get_base_url()  # type: ignore[no-untyped-call]
    url = base_url.rstrip("/") + GROUPS_CLAIM_PATH.format(app_id=app_id)
    request, error = await executor.create_request("GET", url, {}, {})
    response, body, error = (None, None, error) if error else await executor.execute(request)
    _raise("read_groups_claim", response, error)
    claim = json.loads(body) if isinstance(body, (str, bytes)) and body else body or {}
    if not isinstance(claim, dict) or not claim.get("name"):
        return None
    filtered = claim.get("valueType") == "GROUPS" and claim.get("groupFilterType")
    block = {"type": "FILTER" if filtered else claim.get("valueType"), "name": claim["name"], "value": claim.get("value")}
    if claim.get("groupFilterType"):
        block["filter_type"] = claim["groupFilterType"]
    return block


def _raise(operation: str, response: Any, error: Any) -> None:
    if error is None:
        return
    status = getattr(response, "status", None) or getattr(error, "status", None)
    if status == 403:
        raise AuditError(f"Okta denied {operation} (403); the API token's admin role, or the OAuth app's scope "
                         f"{SCOPES[operation]}, is missing")
    if status == 429:
        raise AuditError(f"Okta kept throttling {operation} (429) after {MAX_RETRIES} retries")
    raise AuditError(f"Okta {operation} failed: {error}")


def _get(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def _value(item: Any) -> Any:
    return getattr(item, "value", item)


def read_okta_app(config: dict[str, Any], client_id: str) -> dict[str, Any] | None:
    """For `fedctl adopt`: the OIDC app whose client id a Cognito identity provider holds (an
    Okta OIDC app's id is its client id), as plain JSON-like values: `app` (id, label, status,
    settings, credentials without the secret), `groups` ([{id, name, priority}]), `policy`
    (the app's sign-on policy with its `rules`, or None) and `groups_claim` (as `_groups_claim`;
    "unread" with OAuth 2.0 credentials, which okta/okta does not manage it with either). None when
    the org has no such app."""
    return asyncio.run(_read_app(config, client_id))


async def _read_app(config: dict[str, Any], client_id: str) -> dict[str, Any] | None:
    client = _client(config)
    result, response, error = await client.get_application(client_id)
    if error is not None and (getattr(response, "status", None) or getattr(error, "status", None)) == 404:
        return None
    _raise("get_application", response, error)
    app = _plain(result)
    credentials = (app.get("credentials") or {}).get("oauthClient") or {}
    credentials.pop("clientSecret", None)
    credentials.pop("client_secret", None)

    def groups_page(after: str | None) -> Awaitable[Any]:
        return client.list_application_group_assignments(client_id, expand="group", after=after)

    groups = []
    for assignment in await _all("list_application_group_assignments", groups_page):
        group = (_get(assignment, "embedded") or {}).get("group") or {}
        groups.append({"id": str(_get(assignment, "id")), "priority": _get(assignment, "priority"),
                       "name": (group.get("profile") or {}).get("name")})
    href = str((((app.get("links") or app.get("_links") or {}).get("accessPolicy") or {}).get("href")) or "")
    policy_id = href.rstrip("/").rsplit("/", 1)[-1] if href else ""
    policy: dict[str, Any] | None = None
    if policy_id:
        answer: Any = await client.get_policy(policy_id)
        found, response, error = answer
        _raise("get_policy", response, error)
        answer = await client.list_policy_rules(policy_id)
        listed, response, error = answer
        _raise("list_policy_rules", response, error)
        policy = {**_plain(found), "rules": [_plain(rule) for rule in listed or []]}
    claim = await _groups_claim(client, client_id) if "token" in config else "unread"
    return {"app": app, "groups": groups, "policy": policy, "groups_claim": claim}


def _plain(model: Any) -> dict[str, Any]:
    """An SDK model as the API's JSON (the SDK's own `to_dict`: API field names, nested), or the dict itself."""
    if isinstance(model, dict):
        return model
    return dict(model.to_dict())
