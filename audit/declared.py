"""What a synthesized stack declares, as the live APIs will show it: read through the shared
federation model (variable defaults and literal locals put in place, references between the
stack's own resources followed by `federation.relations`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from federation.document import Resource, from_terraform_json
from federation.relations import (CLIENT, DOMAIN, IDP, OKTA_APP, POOL, assignments_of, detail, groups_claim,
                                  literal_attributes, resources_named_in)
from federation.values import as_list

CLIENT_KEYS = ("callback_urls", "logout_urls", "allowed_oauth_flows", "allowed_oauth_scopes", "write_attributes",
               "supported_identity_providers", "explicit_auth_flows", "allowed_oauth_flows_user_pool_client")
OKTA_APP_KEYS = ("redirect_uris", "grant_types", "response_types", "token_endpoint_auth_method", "pkce_required", "type")


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
    document = from_terraform_json(stack)

    def resolved(resource: Resource, keys: tuple[str, ...]) -> dict[str, Any]:
        return {key: literal_attributes(document, resource.values[key]) for key in keys if key in resource.values}

    objects: list[DeclaredObject] = []
    for idp in document.of_type(IDP):
        details = {key: value for key, value in literal_attributes(document, idp.get("provider_details") or {}).items()
                   if key != "client_secret"}
        values = _known({"provider_type": idp.get("provider_type"), "provider_details": _known(details),
                         "attribute_mapping": idp.get("attribute_mapping") or {},
                         "idp_identifiers": idp.get("idp_identifiers") or []})
        apps = resources_named_in(document, detail(idp, "client_secret"), OKTA_APP)
        if apps:  # which Okta app's secret Cognito must hold (not an attribute: never compared itself)
            values["okta_app"] = apps[0].get("label")
        objects.append(DeclaredObject("identity_provider", idp.get("provider_name"), idp.address, values))
    for client in document.of_type(CLIENT):
        objects.append(DeclaredObject("app_client", client.get("name"), client.address, resolved(client, CLIENT_KEYS)))
    for domain in document.of_type(DOMAIN):
        objects.append(DeclaredObject("domain", domain.get("domain"), domain.address,
                                      {"certificate_arn": domain.get("certificate_arn")}))
    for app in document.of_type(OKTA_APP):
        label = app.get("label")
        values = resolved(app, OKTA_APP_KEYS)
        # Declared even when absent, so a claim added outside Terraform is found; the reader sends
        # it only with an API token (okta/okta manages it with one only).
        claim = groups_claim(app)
        if claim is None or isinstance(claim, dict):
            values["groups_claim"] = {k: v for k, v in claim.items() if v is not None} if claim else None
        objects.append(DeclaredObject("okta_app", label, app.address, values))
        managers, _ = assignments_of(document, app)
        for manager in managers:
            for group in as_list(manager.get("group")):
                for body in resources_named_in(document, group.get("id") if isinstance(group, dict) else None,
                                               "okta_group"):
                    if body.get("name"):
                        objects.append(DeclaredObject("okta_assignment", body.get("name"),
                                                      f"okta_app_group_assignments ({label})", {"app": label}))
    pools = document.of_type(POOL)
    region = next((config.get("region") for name, config in document.providers if name == "aws" and "alias" not in config),
                  "")
    return DeclaredFederation(pool_name=pools[0].get("name") if pools else "", region=region or "", objects=tuple(objects))


def _known(values: dict[str, Any]) -> dict[str, Any]:
    """Drops what is only known after apply (an unresolved reference)."""
    return {key: value for key, value in values.items() if "${" not in str(value)}
