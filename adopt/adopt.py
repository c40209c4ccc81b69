"""Reads a live federation with the audit's readers and maps it to an environment document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from adopt.client_mapping import map_clients
from adopt.federation_mapping import OktaLookup, map_federations
from adopt.pool_mapping import map_pool
from adopt.result import Adoption


@dataclass(frozen=True)
class AdoptRequest:
    region: str
    production: bool
    okta_issuer: str | None
    """The issuer of the Okta org whose apps are adopted; None: Okta is not read."""
    state: dict[str, Any]


def map_live(live: dict[str, Any], request: AdoptRequest, okta_app: OktaLookup | None) -> Adoption:
    """`live` as `audit.aws_reader.read_pool_whole` returns it."""
    adoption = Adoption()
    local_users = any("COGNITO" in (client.get("SupportedIdentityProviders") or []) for client in live["clients"])
    pool = map_pool(live, request.production, local_users, adoption)
    federations, names = map_federations(live, request.region, request.okta_issuer, okta_app, adoption)
    clients = map_clients(live, federations, names, request.production, adoption)
    if not federations:
        adoption.blockers.append(f"user pool {live['pool']['Name']}: no OIDC identity provider to adopt")
    if not clients:
        adoption.blockers.append(f"user pool {live['pool']['Name']}: no app client to adopt")
    adoption.document = {"production": request.production, "aws": {"region": request.region}, "user_pool": pool,
                         "app_clients": clients, "federations": federations, "state": request.state,
                         "imports": dict(adoption.imports)}
    return adoption
