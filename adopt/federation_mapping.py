"""Live identity providers (and the Okta apps behind them) → `federations:`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from adopt.result import Adoption, Fix
from config.federation_section import FEDERATION_NAME_PATTERN
from federation.groups_claim import matches_every_group
from federation.facts import (ALLOWED_AUTHORIZE_SCOPES, DEFAULT_ATTRIBUTE_MAPPING, GROUPS_SCOPE,
                              MANDATORY_ATTRIBUTE_MAPPING, OKTA_BASE_URLS, REQUIRED_AUTHORIZE_SCOPES, TOKEN_ENDPOINT_AUTH_METHOD,
                              idp_response_url_for_custom_domain, idp_response_url_for_prefix)

OktaLookup = Callable[[str], "dict[str, Any] | None"]
"""Client id → the Okta app (see `audit.okta_reader.read_okta_app`), None when not in the org."""
OKTA_SETTINGS = (("grant_types", ["authorization_code"], "FED_202"), ("response_types", ["code"], "FED_203"))


def federation_name(provider_name: str) -> str:
    """`AcmeOkta` → `acme-okta`: the provider name as the configuration names federations."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", provider_name)
    return re.sub(r"[^a-z0-9]+", "-", spaced.lower()).strip("-")[:31] or "federation"


def where_of(provider: str) -> str:
    return f"identity provider {provider}"


def map_federations(live: dict[str, Any], region: str, okta_issuer: str | None, okta_app: OktaLookup | None,
                    adoption: Adoption) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The federations, and Cognito provider name → federation name for the app clients."""
    federations: list[dict[str, Any]] = []
    names: dict[str, str] = {}
    pool_id = live["pool"]["Id"]
    redirect_uris = _redirect_uris(live, region)
    for idp in sorted(live["providers"], key=lambda p: str(p["ProviderName"])):
        provider = str(idp["ProviderName"])
        if idp.get("ProviderType") != "OIDC":
            adoption.blockers.append(f"identity provider {provider}: type {idp.get('ProviderType')} cannot be "
                                     "expressed in the configuration (OIDC federations only)")
            continue
        name = federation_name(provider)
        if not FEDERATION_NAME_PATTERN.match(name) or name in names.values():
            adoption.blockers.append(f"identity provider {provider}: no federation name can be derived from it")
            continue
        client_id = (idp.get("ProviderDetails") or {}).get("client_id")
        sharing = [str(other["ProviderName"]) for other in live["providers"] if other is not idp
                   and (other.get("ProviderDetails") or {}).get("client_id") == client_id]
        if client_id and sharing and okta_app is not None:
            adoption.blockers.append(f"{where_of(provider)}: shares client id {client_id} with {', '.join(sharing)}; "
                                     "one Okta app can be managed by one federation only (FED_801)")
            continue
        names[provider] = name
        federations.append(_federation(idp, name, pool_id, okta_issuer, okta_app, redirect_uris, adoption))
    return federations, names


def _federation(idp: dict[str, Any], name: str, pool_id: str, okta_issuer: str | None, okta_app: OktaLookup | None,
                redirect_uris: list[str], adoption: Adoption) -> dict[str, Any]:
    provider = str(idp["ProviderName"])
    where = f"identity provider {provider}"
    details = idp.get("ProviderDetails") or {}
    issuer = str(details.get("oidc_issuer", "")).rstrip("/")
    scopes = str(details.get("authorize_scopes", "")).split()
    federation: dict[str, Any] = {"name": name, "kind": "oidc", "provider_name": provider,
                                  "attribute_mapping": _mapping(idp.get("AttributeMapping") or {}, where, adoption)}
    if idp.get("IdpIdentifiers"):
        federation["idp_identifiers"] = list(idp["IdpIdentifiers"])
    adoption.imports[f"aws_cognito_identity_provider.{name.replace('-', '_')}_identity_provider"] = f"{pool_id}:{provider}"
    on_okta = okta_issuer is not None and issuer == okta_issuer.rstrip("/")
    app = okta_app(str(details.get("client_id", ""))) if on_okta and okta_app is not None else None
    if app is not None:
        federation["kind"] = "okta"
        federation["okta"] = _okta(app, name, issuer, scopes, details, dict(idp.get("AttributeMapping") or {}),
                                   redirect_uris, where, adoption)
        claim = federation["okta"].get("groups_claim")
        if claim:  # the configuration maps the claim's attribute itself
            federation["attribute_mapping"].pop(claim["attribute"], None)
        adoption.notes.append(f"{where}: the first apply records the client secret it holds as sensitive in state, "
                              "now a reference to the Okta app's (an update with no change live)")
        return federation
    if on_okta:
        adoption.notes.append(f"{where}: no Okta app with client id {details.get('client_id')} in the org; adopted "
                              "as kind oidc (the Okta app stays unmanaged)")
    elif okta_app is None and urlsplit(issuer).hostname and str(urlsplit(issuer).hostname).endswith(
            tuple(f".{base}" for base in OKTA_BASE_URLS)):
        adoption.notes.append(f"{where}: issued by Okta but no Okta credentials given (OKTA_ORG_URL, OKTA_API_TOKEN);"
                              " adopted as kind oidc, the Okta app stays unmanaged")
    variable = f"{name.replace('-', '_')}_client_secret"
    federation["oidc"] = {"issuer": issuer, "client_id": details.get("client_id", ""),
                          "client_secret": {"terraform_variable": variable},
                          "authorize_scopes": _scopes(scopes, where, adoption),
                          "attributes_request_method": details.get("attributes_request_method", "GET")}
    adoption.notes.append(f"{where}: set the Terraform variable {variable} (TF_VAR_{variable}, sensitive) to its "
                          "client secret before planning")
    return federation


def _mapping(live: dict[str, str], where: str, adoption: Adoption) -> dict[str, str]:
    """The live mapping as additions to the defaults the configuration always maps."""
    additions: dict[str, str] = {}
    defaults = dict(DEFAULT_ATTRIBUTE_MAPPING)
    mandatory = dict(MANDATORY_ATTRIBUTE_MAPPING)
    for attribute, claim in sorted(live.items()):
        if attribute in mandatory and claim != mandatory[attribute]:
            adoption.fixes.append(Fix(where, f"{attribute} mapped from {mandatory[attribute]} instead of {claim}",
                                      "FED_101" if attribute == "username" else "FED_102"))
        elif defaults.get(attribute) != claim:
            additions[attribute] = claim
    for attribute, claim in DEFAULT_ATTRIBUTE_MAPPING:
        if attribute not in live:
            rule = {"username": "FED_101", "email": "FED_102", "email_verified": "FED_102"}.get(attribute, "defaults")
            adoption.fixes.append(Fix(where, f"{attribute} ← {claim} mapped", rule))
    return additions


def _scopes(scopes: list[str], where: str, adoption: Adoption) -> list[str]:
    missing = [scope for scope in REQUIRED_AUTHORIZE_SCOPES if scope not in scopes]
    if missing:
        adoption.fixes.append(Fix(where, f"authorize scopes {' '.join(missing)} added", "FED_004"))
    unknown = [scope for scope in scopes if scope not in ALLOWED_AUTHORIZE_SCOPES]
    if unknown:
        adoption.blockers.append(f"{where}: authorize scopes {' '.join(unknown)} cannot be expressed in the "
                                 f"configuration (allowed: {', '.join(sorted(ALLOWED_AUTHORIZE_SCOPES))})")
    return [s for s in scopes if s not in unknown] + missing


def _okta(app: dict[str, Any], name: str, issuer: str, scopes: list[str], details: dict[str, Any],
          idp_mapping: dict[str, str], redirect_uris: list[str], where: str, adoption: Adoption) -> dict[str, Any]:
    live_app = app["app"]
    label = str(live_app.get("label"))
    app_where = f"Okta app {label}"
    settings = (live_app.get("settings") or {}).get("oauthClient") or {}
    credentials = (live_app.get("credentials") or {}).get("oauthClient") or {}
    groups_claim = _groups_claim(app.get("groups_claim"), idp_mapping, app_where, adoption)
    wanted_scopes = list(REQUIRED_AUTHORIZE_SCOPES) + ([GROUPS_SCOPE] if groups_claim else [])
    if scopes != wanted_scopes:
        adoption.fixes.append(Fix(where, f"authorize scopes {' '.join(scopes)} → {' '.join(wanted_scopes)}",
                                  "FED_004" if set(REQUIRED_AUTHORIZE_SCOPES) - set(scopes) else "FED_806"))
    if details.get("attributes_request_method", "GET") != "GET":
        adoption.fixes.append(Fix(where, "attributes request method → GET", "FED_005"))
    if settings.get("application_type") != "web":
        adoption.blockers.append(f"{app_where}: application type {settings.get('application_type')}; a federation "
                                 "needs a confidential web app and changing the type replaces the app (FED_201)")
    for key, wanted, rule in OKTA_SETTINGS:
        if list(settings.get(key) or []) != wanted:
            adoption.fixes.append(Fix(app_where, f"{key} {settings.get(key)} → {wanted}", rule))
    if credentials.get("token_endpoint_auth_method") != TOKEN_ENDPOINT_AUTH_METHOD:
        adoption.fixes.append(Fix(app_where, f"token endpoint auth method {credentials.get('token_endpoint_auth_method')}"
                                  f" → {TOKEN_ENDPOINT_AUTH_METHOD}", "FED_204"))
    if credentials.get("pkce_required"):
        adoption.fixes.append(Fix(app_where, "PKCE no longer required (Cognito sends none)", "FED_205"))
    if sorted(settings.get("redirect_uris") or []) != sorted(redirect_uris):
        adoption.fixes.append(Fix(app_where, f"redirect URIs → {', '.join(redirect_uris)}", "FED_206/FED_207"))
    if live_app.get("status") != "ACTIVE":
        adoption.fixes.append(Fix(app_where, "activated", "FED_211"))
    host = str(urlsplit(issuer).hostname)
    org, _, base = host.partition(".")
    okta: dict[str, Any] = {"org_name": org, "base_url": base, "app_label": label}
    if groups_claim:
        okta["groups_claim"] = groups_claim
    if base not in OKTA_BASE_URLS:
        adoption.blockers.append(f"{app_where}: issuer {issuer} is not <org>.okta.com, .oktapreview.com or "
                                 ".okta-emea.com (Okta custom domains are not adopted yet)")
    groups = list(app["groups"])
    if any(not g.get("name") for g in groups):
        adoption.blockers.append(f"{app_where}: a group assignment has no group name (read with okta.groups.read)")
    okta["groups"] = [{"name": g["name"]} for g in sorted(groups, key=lambda g: (g.get("priority") or 0, g["name"] or ""))
                      if g.get("name")]
    if not groups:
        adoption.blockers.append(f"{app_where}: assigned to no group; the configuration needs at least one and adopt "
                                 "assigns nobody by itself (FED_301)")
    prefix = name.replace("-", "_")
    app_id = str(live_app["id"])
    adoption.imports[f"okta_app_oauth.{prefix}_okta_app"] = app_id
    adoption.imports[f"okta_app_group_assignments.{prefix}_okta_group_assignments"] = app_id
    _sign_on_policy(app.get("policy"), prefix, label, app_where, adoption)
    return okta


def _groups_claim(live: Any, idp_mapping: dict[str, str], where: str, adoption: Adoption) -> dict[str, str] | None:
    """The app's groups claim as `okta.groups_claim`, mapped to the custom attribute the identity
    provider already maps it to. What the configuration cannot express is refused, never dropped."""
    if live == "unread":
        adoption.notes.append(f"{where}: its groups claim is not read with OAuth 2.0 credentials (okta/okta manages "
                              "it with an API token only); set okta.groups_claim by hand if it has one")
        return None
    if not live:
        return None
    if live.get("type") != "FILTER":
        adoption.blockers.append(f"{where}: its groups claim is an Okta expression ({live.get('value')}), which the "
                                 "configuration cannot express; use a groups filter instead")
        return None
    if matches_every_group(str(live.get("filter_type")), str(live.get("value") or "")):
        adoption.blockers.append(f"{where}: its groups claim {live.get('filter_type')} {live.get('value')!r} matches "
                                 "every group of the org; narrow it to the application's groups first (FED_217)")
        return None
    attributes = [attribute for attribute, claim in idp_mapping.items() if claim == live["name"]]
    if len(attributes) != 1 or not attributes[0].startswith("custom:"):
        adoption.blockers.append(f"{where}: its groups claim {live['name']!r} is mapped to "
                                 f"{', '.join(attributes) or 'no attribute'}; the configuration maps it to exactly "
                                 "one custom attribute")
        return None
    return {"name": str(live["name"]), "filter_type": str(live["filter_type"]), "filter": str(live["value"]),
            "attribute": attributes[0]}


def _sign_on_policy(policy: dict[str, Any] | None, prefix: str, label: str, where: str, adoption: Adoption) -> None:
    """The app's own sign-on policy with its two-factor rule is imported; without one, adopting
    would create a policy (never a create), so adopt refuses."""
    rules = (policy or {}).get("rules") or []
    two_factors = [r for r in rules if not r.get("system")
                   and ((r.get("actions") or {}).get("appSignOn") or {}).get("access") == "ALLOW"
                   and (((r.get("actions") or {}).get("appSignOn") or {}).get("verificationMethod") or {})
                   .get("factorMode") == "2FA"]
    if policy is None or len(two_factors) != 1:
        adoption.blockers.append(f"{where}: its sign-on policy has {'no' if not two_factors else 'more than one'} rule "
                                 "allowing access with two factors; give the app its own policy with one (FED_213)")
        return
    adoption.imports[f"okta_app_signon_policy.{prefix}_okta_sign_on_policy"] = str(policy["id"])
    adoption.imports[f"okta_app_signon_policy_rule.{prefix}_okta_sign_on_two_factors"] = (
        f"{policy['id']}/{two_factors[0]['id']}")
    adoption.fixes.append(Fix(where, "sign-on policy's catch-all rule set to deny (catch_all false): only the "
                                     "two-factor rule lets anyone in", "FED_213"))
    if policy.get("name") != f"{label} sign-on":
        adoption.fixes.append(Fix(where, f"sign-on policy renamed {policy.get('name')} → {label} sign-on", "FED_213"))


def _redirect_uris(live: dict[str, Any], region: str) -> list[str]:
    uris = []
    if "Domain" in live["domains"]:
        uris.append(idp_response_url_for_prefix(live["domains"]["Domain"]["Domain"], region))
    if "CustomDomain" in live["domains"]:
        uris.append(idp_response_url_for_custom_domain(live["domains"]["CustomDomain"]["Domain"]))
    return uris
