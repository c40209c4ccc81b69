"""How the federation's resources point at each other, for the cross-resource rules."""

from __future__ import annotations

import re
from typing import Any

from federation.document import UNKNOWN, FederationDocument, Resource
from federation.facts import STANDARD_ATTRIBUTES
from federation.values import as_list, is_reference, key_lookup, map_strings, references_in

IDP = "aws_cognito_identity_provider"
POOL = "aws_cognito_user_pool"
CLIENT = "aws_cognito_user_pool_client"
DOMAIN = "aws_cognito_user_pool_domain"
OKTA_APP = "okta_app_oauth"
ASSIGNMENTS = "okta_app_group_assignments"
ASSIGNMENT = "okta_app_group_assignment"


def provider_details(idp: Resource) -> dict[str, Any] | None:
    """The provider_details map, or None when it is unknown or not a literal map."""
    details = idp.get("provider_details")
    return details if isinstance(details, dict) else None


def detail(idp: Resource, key: str) -> Any:
    details = provider_details(idp)
    return key_lookup(details, key) if details is not None else UNKNOWN


def attribute_mapping(idp: Resource) -> dict[str, Any] | None:
    mapping = idp.get("attribute_mapping")
    return mapping if isinstance(mapping, dict) else None


def groups_claim(app: Resource) -> dict[str, Any] | None:
    """The Okta app's `groups_claim` block (one block; a list of one in HCL and plans), None when
    the app has none, UNKNOWN when the block or the whole value is a reference."""
    value = app.get("groups_claim")
    if is_reference(value) or value is UNKNOWN:
        return UNKNOWN  # type: ignore[no-any-return]
    blocks = [block for block in as_list(value) if block]
    if not blocks:
        return None
    return blocks[0] if isinstance(blocks[0], dict) else UNKNOWN


def pool_of(document: FederationDocument, resource: Resource) -> Resource | None:
    """The pool that `resource.user_pool_id` references; None when it is not in this document."""
    pools = document.referenced(resource, "user_pool_id", POOL)
    if pools:
        return pools[0]
    all_pools = document.of_type(POOL)
    # A plan resolves user_pool_id to an unknown value; with one pool in the plan it is that one.
    if document.form == "terraform_plan" and len(all_pools) == 1:
        return all_pools[0]
    return None


def okta_apps_of(document: FederationDocument, idp: Resource) -> list[Resource]:
    return document.referenced(idp, "provider_details", OKTA_APP)


def clients_trusting(document: FederationDocument, idp: Resource) -> list[Resource]:
    """App clients whose supported_identity_providers name this IdP (by reference or by name)."""
    name = idp.get("provider_name")
    found = []
    for client in document.of_type(CLIENT):
        by_reference = client.references_resource("supported_identity_providers", idp.address)
        listed = as_list(client.get("supported_identity_providers"))
        by_name = isinstance(name, str) and not is_reference(name) and name in listed
        if by_reference or by_name:
            found.append(client)
    return found


def assignments_of(document: FederationDocument, app: Resource) -> tuple[list[Resource], list[Resource]]:
    """(`okta_app_group_assignments`, `okta_app_group_assignment`) resources whose app_id is `app`."""
    managers = [r for r in document.of_type(ASSIGNMENTS) if r.references_resource("app_id", app.address)]
    singles = [r for r in document.of_type(ASSIGNMENT) if r.references_resource("app_id", app.address)]
    return managers, singles


def domains_of(document: FederationDocument, pool: Resource | None) -> list[Resource]:
    domains = document.of_type(DOMAIN)
    if pool is None:
        return domains
    return [d for d in domains if pool_of(document, d) in (pool, None)]


def schema_attributes(pool: Resource) -> dict[str, dict[str, Any]]:
    """Schema entries by the name a mapping uses (`custom:x` for developer-defined attributes)."""
    found: dict[str, dict[str, Any]] = {}
    for entry in as_list(pool.get("schema")):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            continue
        name = entry["name"]
        found[name if name in STANDARD_ATTRIBUTES else f"custom:{name}"] = entry
    return found


def okta_app_pools(document: FederationDocument, app: Resource) -> list[Resource | None]:
    """The pools of the identity providers that use this Okta app (None: a pool not in the input)."""
    return [pool_of(document, idp) for idp in document.of_type(IDP)
            if app in document.referenced(idp, "provider_details", OKTA_APP)]


def resources_named_in(document: FederationDocument, value: Any, resource_type: str) -> list[Resource]:
    """The resources or data sources of `resource_type` that one value (not a whole attribute)
    references, in order, each once."""
    found: list[Resource] = []
    for reference in references_in(value):
        mode, _, rest = reference.partition(".") if reference.startswith("data.") else ("", "", reference)
        parts = rest.split(".")
        if parts[0] != resource_type or len(parts) < 2:
            continue
        target = document.find(f"{mode + '.' if mode else ''}{resource_type}.{parts[1]}")
        if target is not None and target not in found:
            found.append(target)
    return found


_ATTRIBUTE_REFERENCE = re.compile(r"\$\{\s*((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}")


def literal_attributes(document: FederationDocument, value: Any) -> Any:
    """`value` with each `${type.name.attribute}` put in where that resource of the document
    gives the attribute as a literal string (a callback URL built from the domain's prefix);
    other references stay as written."""

    def put_in(match: re.Match[str]) -> str:
        target = document.find(match.group(1))
        found = target.get(match.group(2)) if target is not None else None
        return found if isinstance(found, str) and not is_reference(found) else match.group(0)

    return map_strings(value, lambda text: _ATTRIBUTE_REFERENCE.sub(put_in, text) if "${" in text else text)
