"""What a synthesized stack declares, with references between its own resources resolved."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_REFERENCE = re.compile(r"\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}")
_LOCAL = re.compile(r"\$\{local\.([A-Za-z0-9_]+)\}")


@dataclass(frozen=True)
class DeclaredObject:
    kind: str
    """identity_provider, app_client, domain, okta_app, okta_assignment."""
    name: str
    """How it is found live: provider name, client name, domain, app label, group name."""
    address: str
    values: dict[str, Any] = field(default_factory=dict)
    """Attributes as the live API returns them (unresolvable references are left out)."""


@dataclass(frozen=True)
class DeclaredFederation:
    pool_name: str
    region: str
    objects: tuple[DeclaredObject, ...]

    def of_kind(self, kind: str) -> tuple[DeclaredObject, ...]:
        return tuple(o for o in self.objects if o.kind == kind)


def declared_from_stack(stack: dict[str, Any]) -> DeclaredFederation:
    resources = stack.get("resource") or {}
    data = stack.get("data") or {}
    locals_ = {k: v for k, v in (stack.get("locals") or {}).items() if isinstance(v, str)}

    def resolve(value: Any) -> Any:
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items()}
        if not isinstance(value, str):
            return value
        value = _LOCAL.sub(lambda m: locals_.get(m.group(1), m.group(0)), value)

        def literal(match: re.Match[str]) -> str:
            target = (resources.get(match.group(1)) or {}).get(match.group(2)) or {}
            found = target.get(match.group(3))
            return found if isinstance(found, str) and "${" not in found else match.group(0)

        return _REFERENCE.sub(literal, value)

    def known(values: dict[str, Any]) -> dict[str, Any]:
        """Drops what is only known after apply (an unresolved reference)."""
        return {k: v for k, v in values.items() if "${" not in str(v)}

    objects: list[DeclaredObject] = []
    for name, idp in (resources.get("aws_cognito_identity_provider") or {}).items():
        details = {k: v for k, v in resolve(idp.get("provider_details") or {}).items() if k != "client_secret"}
        values = known({"provider_type": idp.get("provider_type"), "provider_details": known(details),
                        "attribute_mapping": idp.get("attribute_mapping") or {},
                        "idp_identifiers": idp.get("idp_identifiers") or []})
        app = re.search(r"okta_app_oauth\.([A-Za-z0-9_-]+)\.client_secret", str(idp.get("provider_details")))
        if app:  # which Okta app's secret Cognito must hold (not an attribute: never compared itself)
            values["okta_app"] = ((resources.get("okta_app_oauth") or {}).get(app.group(1)) or {}).get("label")
        objects.append(DeclaredObject("identity_provider", idp["provider_name"], f"aws_cognito_identity_provider.{name}",
                                      values))
    for name, client in (resources.get("aws_cognito_user_pool_client") or {}).items():
        keys: tuple[str, ...] = ("callback_urls", "logout_urls", "allowed_oauth_flows", "allowed_oauth_scopes", "write_attributes",
                "supported_identity_providers", "explicit_auth_flows", "allowed_oauth_flows_user_pool_client")
        objects.append(DeclaredObject("app_client", client["name"], f"aws_cognito_user_pool_client.{name}",
                                      {k: resolve(client[k]) for k in keys if k in client}))
    for name, domain in (resources.get("aws_cognito_user_pool_domain") or {}).items():
        objects.append(DeclaredObject("domain", domain["domain"], f"aws_cognito_user_pool_domain.{name}",
                                      {"certificate_arn": domain.get("certificate_arn")}))
    for name, app in (resources.get("okta_app_oauth") or {}).items():
        keys = ("redirect_uris", "grant_types", "response_types", "token_endpoint_auth_method", "pkce_required", "type")
        objects.append(DeclaredObject("okta_app", app["label"], f"okta_app_oauth.{name}",
                                      {k: resolve(app[k]) for k in keys if k in app}))
        for assignment in (resources.get("okta_app_group_assignments") or {}).values():
            if f"okta_app_oauth.{name}." not in str(assignment.get("app_id")):
                continue
            for group in assignment.get("group") or []:
                match = re.search(r"okta_group\.([A-Za-z0-9_-]+)\.id", str(group.get("id")))
                body = ((resources.get("okta_group") or {}).get(match.group(1)) or
                        (data.get("okta_group") or {}).get(match.group(1)) or {}) if match else {}
                if body.get("name"):
                    objects.append(DeclaredObject("okta_assignment", body["name"], f"okta_app_group_assignments ({app['label']})",
                                                  {"app": app["label"]}))
    pool: dict[str, Any] = next(iter((resources.get("aws_cognito_user_pool") or {}).values()), {})
    region = next((p.get("region") for p in (stack.get("provider") or {}).get("aws", []) if "alias" not in p), "")
    return DeclaredFederation(pool_name=pool.get("name", ""), region=region or "", objects=tuple(objects))
