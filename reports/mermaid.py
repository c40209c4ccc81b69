"""A Mermaid picture of one stack's federation graph, drawn from the federation model of its
synthesized Terraform JSON: Okta app → assigned groups; Okta app → Cognito identity provider → app
clients; domain → redirect URI → Okta app. Resources with a blocking finding are marked."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from federation.document import from_terraform_json
from federation.relations import DOMAIN, IDP, OKTA_APP, assignments_of, clients_trusting, resources_named_in
from federation.values import as_list


def render_mermaid(stack: dict[str, Any], failing: Collection[str] = ()) -> str:
    document = from_terraform_json(stack)
    lines = ["flowchart LR"]
    nodes: dict[str, str] = {}

    def node(address: str, label: str) -> str:
        node_id = _node_id(address)
        if node_id not in nodes:
            nodes[node_id] = label
            lines.append(f'  {node_id}["{label}"]')
        return node_id

    for app in document.of_type(OKTA_APP):
        app_id = node(app.address, f"Okta app<br/>{app.get('label') or app.name}")
        managers, _ = assignments_of(document, app)
        for manager in managers:
            for group_block in as_list(manager.get("group")):
                group_ref = group_block.get("id") if isinstance(group_block, dict) else None
                for group in resources_named_in(document, group_ref, "okta_group"):
                    group_id = node(f"okta_group.{group.name}", f"group<br/>{group.get('name')}")
                    lines.append(f"  {group_id} -->|assigned| {app_id}")
        for uri in as_list(app.get("redirect_uris")):
            for domain in resources_named_in(document, uri, DOMAIN):
                domain_id = node(domain.address, f"domain<br/>{domain.get('domain') or domain.address}")
                lines.append(f"  {domain_id} -->|/oauth2/idpresponse| {app_id}")
    for idp in document.of_type(IDP):
        idp_id = node(idp.address, f"Cognito IdP<br/>{idp.get('provider_name') or idp.name}")
        details = idp.get("provider_details")
        client_id = details.get("client_id") if isinstance(details, dict) else None
        for app in sorted(resources_named_in(document, client_id, OKTA_APP), key=lambda r: r.address):
            lines.append(f"  {node(app.address, app.address)} -->|client id + secret| {idp_id}")
        for client in clients_trusting(document, idp):
            client_node = node(client.address, f"app client<br/>{client.get('name')}")
            lines.append(f"  {idp_id} -->|trusted by| {client_node}")
    marked = [node_id for node_id in nodes if node_id in {_node_id(address) for address in failing}]
    if marked:
        lines.append("  classDef failing fill:#fdd,stroke:#c00,stroke-width:2px")
        lines.append(f"  class {','.join(marked)} failing")
    return "\n".join(lines) + "\n"


def _node_id(address: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", address)
