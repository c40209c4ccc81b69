"""A Mermaid picture of one stack's federation graph, drawn from its synthesized Terraform JSON:
Okta app → assigned groups; Okta app → Cognito identity provider → app clients; domain →
redirect URI → Okta app. Resources with a blocking finding are marked."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

_REFERENCE = re.compile(r"\$\{(?:data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.")


def render_mermaid(stack: dict[str, Any], failing: Collection[str] = ()) -> str:
    resources = stack.get("resource") or {}
    data = stack.get("data") or {}
    lines = ["flowchart LR"]
    nodes: dict[str, str] = {}

    def node(address: str, label: str) -> str:
        node_id = re.sub(r"[^A-Za-z0-9_]", "_", address)
        if node_id not in nodes:
            nodes[node_id] = label
            lines.append(f'  {node_id}["{label}"]')
        return node_id

    def refs(value: Any, rtype: str) -> list[str]:
        return [f"{t}.{n}" for t, n in _REFERENCE.findall(str(value)) if t == rtype]

    for name, app in (resources.get("okta_app_oauth") or {}).items():
        app_id = node(f"okta_app_oauth.{name}", f"Okta app<br/>{app.get('label', name)}")
        for assignment in (resources.get("okta_app_group_assignments") or {}).values():
            if f"okta_app_oauth.{name}." not in str(assignment.get("app_id")):
                continue
            for group in assignment.get("group") or []:
                for address in refs(group.get("id"), "okta_group"):
                    group_name = ((resources.get("okta_group") or {}).get(address.split(".")[1])
                                  or (data.get("okta_group") or {}).get(address.split(".")[1]) or {}).get("name")
                    lines.append(f"  {node(address, f'group<br/>{group_name}')} -->|assigned| {app_id}")
        for uri in app.get("redirect_uris") or []:
            for domain in refs(uri, "aws_cognito_user_pool_domain"):
                body = (resources.get("aws_cognito_user_pool_domain") or {}).get(domain.split(".")[1]) or {}
                domain_id = node(domain, f"domain<br/>{body.get('domain', domain)}")
                lines.append(f"  {domain_id} -->|/oauth2/idpresponse| {app_id}")
    for name, idp in (resources.get("aws_cognito_identity_provider") or {}).items():
        idp_id = node(f"aws_cognito_identity_provider.{name}", f"Cognito IdP<br/>{idp.get('provider_name', name)}")
        for app in sorted(set(refs((idp.get("provider_details") or {}).get("client_id"), "okta_app_oauth"))):
            lines.append(f"  {node(app, app)} -->|client id + secret| {idp_id}")
        for client_name, client in (resources.get("aws_cognito_user_pool_client") or {}).items():
            if any(f"aws_cognito_identity_provider.{name}." in str(p) for p in client.get("supported_identity_providers") or []):
                client_id = node(f"aws_cognito_user_pool_client.{client_name}", f"app client<br/>{client.get('name')}")
                lines.append(f"  {idp_id} -->|trusted by| {client_id}")
    marked = [node_id for node_id in nodes if node_id in {re.sub(r"[^A-Za-z0-9_]", "_", a) for a in failing}]
    if marked:
        lines.append("  classDef failing fill:#fdd,stroke:#c00,stroke-width:2px")
        lines.append(f"  class {','.join(marked)} failing")
    return "\n".join(lines) + "\n"
