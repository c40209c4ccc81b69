"""Live app clients → `app_clients:`, with the compliant value written where live breaks a rule."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from adopt.result import Adoption, Fix
from config.app_client_section import CLIENT_NAME_PATTERN
from federation.facts import (ACCESS_TOKEN_MINUTES_RANGE, APP_CLIENT_AUTH_SESSION_MINUTES, DEFAULT_ATTRIBUTE_MAPPING,
                              ID_TOKEN_MINUTES_RANGE, REFRESH_TOKEN_DAYS_MAX, FEDERATION_ONLY_AUTH_FLOWS,
                              FORBIDDEN_FEDERATED_CLIENT_SCOPES, LOCAL_USER_AUTH_FLOWS, MAPPING_TARGETS_WITHOUT_SCHEMA)

COGNITO_DIRECTORY = "COGNITO"
MINUTES = {"seconds": 1 / 60, "minutes": 1, "hours": 60, "days": 1440}
DEFAULT_UNITS = {"AccessToken": "hours", "IdToken": "hours", "RefreshToken": "days"}
DEFAULT_VALIDITY = {"AccessToken": 1, "IdToken": 1, "RefreshToken": 30}
LOOPBACK = re.compile(r"^(localhost|127\.0\.0\.1|\[::1\])$")


def map_clients(live: dict[str, Any], federations: list[dict[str, Any]], federation_names: dict[str, str],
                production: bool, adoption: Adoption) -> list[dict[str, Any]]:
    """`federation_names`: Cognito provider name → federation name."""
    pool_id = live["pool"]["Id"]
    # What the configuration maps: the defaults, the additions, and a groups claim's attribute.
    mapped = {f["name"]: set(dict(DEFAULT_ATTRIBUTE_MAPPING) | f.get("attribute_mapping", {}))
              | {claim["attribute"] for claim in [(f.get("okta") or {}).get("groups_claim")] if claim}
              for f in federations}
    return [_client(client, pool_id, federation_names, mapped, production, adoption)
            for client in sorted(live["clients"], key=lambda c: str(c["ClientName"]))]


def _client(live: dict[str, Any], pool_id: str, federation_names: dict[str, str], mapped: dict[str, set[str]],
            production: bool, adoption: Adoption) -> dict[str, Any]:
    name = str(live["ClientName"])
    where = f"app client {name}"
    if not CLIENT_NAME_PATTERN.match(name):
        adoption.blockers.append(f"{where}: the name is not 1-40 lower-case letters, digits or hyphens; renaming "
                                 "an app client replaces it (its id and secret change)")
    if "implicit" in (live.get("AllowedOAuthFlows") or []):
        adoption.fixes.append(Fix(where, "implicit flow removed: code flow only", "FED_402"))
    if not live.get("AllowedOAuthFlowsUserPoolClient"):
        adoption.fixes.append(Fix(where, "OAuth turned on", "FED_401"))
    if live.get("PreventUserExistenceErrors") != "ENABLED":
        adoption.fixes.append(Fix(where, "user existence errors prevented", "FED_410"))
    if live.get("EnableTokenRevocation") is False:
        adoption.fixes.append(Fix(where, "token revocation turned on", "FED_411"))
    scopes = list(live.get("AllowedOAuthScopes") or [])
    for scope in [s for s in scopes if s in FORBIDDEN_FEDERATED_CLIENT_SCOPES]:
        scopes.remove(scope)
        adoption.fixes.append(Fix(where, f"scope {scope} removed", "FED_403"))
    if "openid" not in scopes:
        scopes.insert(0, "openid")
        adoption.fixes.append(Fix(where, "scope openid added", "FED_403"))
    providers = list(live.get("SupportedIdentityProviders") or [])
    unknown = [p for p in providers if p != COGNITO_DIRECTORY and p not in federation_names]
    if unknown:
        adoption.blockers.append(f"{where}: trusts {', '.join(unknown)}, which adopt cannot take over")
    section: dict[str, Any] = {
        "name": name,
        "callback_urls": _urls(live.get("CallbackURLs") or [], f"{where}: callback URL", production, adoption),
        "scopes": scopes,
        "confidential": bool(live.get("ClientSecret") or live.get("has_client_secret")),
        "token_validity": _validity(live, where, adoption),
        "identity_providers": [federation_names[p] for p in providers if p in federation_names],
    }
    logout = _urls(live.get("LogoutURLs") or [], f"{where}: logout URL", production, adoption)
    if logout:
        section["logout_urls"] = logout
    if COGNITO_DIRECTORY in providers:
        section["allow_local_users"] = True
    section["adopted"] = True
    _derived_settings(live, where, [mapped[f] for f in section["identity_providers"]],
                      COGNITO_DIRECTORY in providers, adoption)
    adoption.imports[f"aws_cognito_user_pool_client.app_client_{name.replace('-', '_')}"] = f"{pool_id}/{live['ClientId']}"
    return section


def _urls(urls: list[str], where: str, production: bool, adoption: Adoption) -> list[str]:
    """https kept; http on a loopback host kept outside production, dropped in it; other http
    made https (FED_406). A URL the configuration rejects otherwise is left for the loader to name."""
    kept: list[str] = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme != "http":
            kept.append(url)
        elif LOOPBACK.match(parts.hostname or ""):
            if production:
                adoption.fixes.append(Fix(where, f"{url} removed (loopback callbacks only outside production)",
                                          "FED_406"))
            else:
                kept.append(url)
        else:
            secure = "https" + url[len("http"):]
            adoption.fixes.append(Fix(where, f"{url} → {secure}", "FED_406"))
            kept.append(secure)
    return list(dict.fromkeys(kept))


def _validity(live: dict[str, Any], where: str, adoption: Adoption) -> dict[str, int]:
    units = {**DEFAULT_UNITS, **(live.get("TokenValidityUnits") or {})}

    def minutes(token: str) -> float:
        value = live.get(f"{token}Validity") or DEFAULT_VALIDITY[token]
        return float(value) * MINUTES[units[token]]

    refresh_days = minutes("RefreshToken") / MINUTES["days"]
    if refresh_days != int(refresh_days):
        adoption.blockers.append(f"{where}: the refresh token lasts {refresh_days:g} days; the configuration "
                                 "expresses whole days only")
    bounded = {"access_minutes": (round(minutes("AccessToken")), ACCESS_TOKEN_MINUTES_RANGE),
               "id_minutes": (round(minutes("IdToken")), ID_TOKEN_MINUTES_RANGE),
               "refresh_days": (max(1, int(refresh_days)), (1, REFRESH_TOKEN_DAYS_MAX))}
    validity: dict[str, int] = {}
    for key, (value, (low, high)) in bounded.items():
        validity[key] = min(max(value, low), high)
        if validity[key] != value:
            adoption.fixes.append(Fix(where, f"token validity {key} {value} → {validity[key]}", "FED_412"))
    return validity


def _derived_settings(live: dict[str, Any], where: str, mappings: list[set[str]], local_users: bool,
                      adoption: Adoption) -> None:
    """What the app client construct derives rather than reads from the configuration."""
    writable = sorted(set().union(*mappings) - MAPPING_TARGETS_WITHOUT_SCHEMA) if mappings else []
    if sorted(live.get("WriteAttributes") or []) != writable:
        adoption.fixes.append(Fix(where, f"write attributes → exactly the mapped ones: {', '.join(writable)}",
                                  "FED_107/FED_413"))
    flows = sorted(LOCAL_USER_AUTH_FLOWS if local_users else FEDERATION_ONLY_AUTH_FLOWS)
    if sorted(live.get("ExplicitAuthFlows") or []) != flows:
        adoption.fixes.append(Fix(where, f"explicit auth flows → {', '.join(flows)}", "rules 2.E"))
    if live.get("AuthSessionValidity", APP_CLIENT_AUTH_SESSION_MINUTES) != APP_CLIENT_AUTH_SESSION_MINUTES:
        adoption.fixes.append(Fix(where, f"auth session validity → {APP_CLIENT_AUTH_SESSION_MINUTES} minutes",
                                  "rules 2.E"))
