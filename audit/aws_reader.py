"""Reads the Cognito side with read-only calls: the pool, its identity providers, clients, domains."""

from __future__ import annotations

from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from audit.declared import DeclaredFederation, DeclaredObject
from audit.errors import AuditError
from audit.live import LiveFederation
from federation.redaction import fingerprint

# Cognito's describe/list calls have low quotas: adaptive retries back off on throttling.
RETRIES = Config(retries={"mode": "adaptive", "max_attempts": 10})
DENIED = {"AccessDeniedException", "NotAuthorizedException", "UnauthorizedOperation", "AccessDenied"}


def read_cognito(declared: DeclaredFederation, endpoint_url: str | None = None) -> LiveFederation:
    client = cognito_client(declared.region, endpoint_url)
    pool_id = _pool_id(client, declared.pool_name)
    objects: list[DeclaredObject] = []
    secrets: dict[str, str] = {}
    for idp in _identity_providers(client, pool_id):
        name = idp["ProviderName"]
        details = dict(idp.get("ProviderDetails") or {})
        secret = details.pop("client_secret", None)
        if secret is not None:
            secrets[name] = fingerprint(secret)
        objects.append(DeclaredObject("identity_provider", name, f"live identity provider {name}", {
            "provider_type": idp.get("ProviderType"), "provider_details": details,
            "attribute_mapping": idp.get("AttributeMapping") or {}, "idp_identifiers": idp.get("IdpIdentifiers") or []}))
    for live in _app_clients(client, pool_id):
        objects.append(DeclaredObject("app_client", live["ClientName"], f"live app client {live['ClientName']}", {
            "callback_urls": live.get("CallbackURLs") or [], "logout_urls": live.get("LogoutURLs") or [],
            "allowed_oauth_flows": live.get("AllowedOAuthFlows") or [],
            "allowed_oauth_scopes": live.get("AllowedOAuthScopes") or [],
            "write_attributes": live.get("WriteAttributes") or [],
            "supported_identity_providers": live.get("SupportedIdentityProviders") or [],
            "explicit_auth_flows": live.get("ExplicitAuthFlows") or [],
            "allowed_oauth_flows_user_pool_client": bool(live.get("AllowedOAuthFlowsUserPoolClient"))}))
    for domain in declared.of_kind("domain"):
        description = _call(client, "DescribeUserPoolDomain", lambda: client.describe_user_pool_domain(
            Domain=domain.name))["DomainDescription"]
        if description.get("UserPoolId") == pool_id:
            values = ({"certificate_arn": description["CustomDomainConfig"].get("CertificateArn")}
                      if "CustomDomainConfig" in description else {})
            objects.append(DeclaredObject("domain", domain.name, f"live domain {domain.name}", values))
    return LiveFederation(objects=tuple(objects), secret_fingerprints=secrets)


def _identity_providers(client: Any, pool_id: str) -> list[dict[str, Any]]:
    """Every identity provider of the pool, described (one call each: the list has no details)."""
    return [dict(_call(client, "DescribeIdentityProvider", lambda: client.describe_identity_provider(
        UserPoolId=pool_id, ProviderName=summary["ProviderName"]))["IdentityProvider"])
        for summary in _call(client, "ListIdentityProviders", lambda: _paginate(
            client, "list_identity_providers", "Providers", UserPoolId=pool_id))]


def _app_clients(client: Any, pool_id: str) -> list[dict[str, Any]]:
    """Every app client of the pool, described."""
    return [dict(_call(client, "DescribeUserPoolClient", lambda: client.describe_user_pool_client(
        UserPoolId=pool_id, ClientId=summary["ClientId"]))["UserPoolClient"])
        for summary in _call(client, "ListUserPoolClients", lambda: _paginate(
            client, "list_user_pool_clients", "UserPoolClients", UserPoolId=pool_id))]


def _pool_id(client: Any, name: str) -> str:
    pools = _call(client, "ListUserPools", lambda: _paginate(client, "list_user_pools", "UserPools", MaxResults=60))
    matches = [pool["Id"] for pool in pools if pool.get("Name") == name]
    if len(matches) != 1:
        raise AuditError(f"expected one user pool named {name!r} live; found {len(matches)}")
    return str(matches[0])


def _paginate(client: Any, operation: str, key: str, **arguments: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for page in client.get_paginator(operation).paginate(**arguments):
        items += page.get(key) or []
    return items


def _call(client: Any, action: str, call: Any) -> Any:
    try:
        return call()
    except ClientError as error:
        raise _failure(action, error) from error


def _failure(action: str, error: ClientError) -> AuditError:
    code = error.response.get("Error", {}).get("Code", "")
    status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    if code in DENIED or status == 403:
        return AuditError(f"access denied to cognito-idp:{action}; grant the IAM action cognito-idp:{action} "
                          "(only read-only access is needed)")
    return AuditError(f"cognito-idp:{action} failed: {code or error}")


def cognito_client(region: str, endpoint_url: str | None = None) -> Any:
    """A cognito-idp client with the adaptive retries every read here uses."""
    return boto3.client("cognito-idp", region_name=region, endpoint_url=endpoint_url, config=RETRIES)


def find_pool_id(client: Any, pool_id: str | None, pool_name: str | None) -> str:
    """The id given, or the one pool of that name (`fedctl adopt --user-pool-name`)."""
    if pool_id:
        return pool_id
    pools = _call(client, "ListUserPools", lambda: _paginate(client, "list_user_pools", "UserPools", MaxResults=60))
    matches = [str(pool["Id"]) for pool in pools if pool.get("Name") == pool_name]
    if len(matches) != 1:
        raise AuditError(f"expected one user pool named {pool_name!r} in {client.meta.region_name}; found "
                         f"{len(matches)}{' (' + ', '.join(matches) + '; pass --user-pool-id)' if matches else ''}")
    return matches[0]


def read_pool_whole(client: Any, pool_id: str) -> dict[str, Any]:
    """Everything `fedctl adopt` needs of a pool, as the API returns it, with every client
    secret of an identity provider removed on reading (it never leaves this function):
    `pool`, `providers`, `clients`, `domains` (DescribeUserPoolDomain of the prefix and custom one)."""
    try:
        pool = client.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in ("ResourceNotFoundException", "InvalidParameterException"):
            raise AuditError(f"no user pool {pool_id!r} in {client.meta.region_name}; check --user-pool-id and "
                             "--region") from error
        raise _failure("DescribeUserPool", error) from error
    providers = _identity_providers(client, pool_id)
    for idp in providers:
        details = dict(idp.get("ProviderDetails") or {})
        idp["has_client_secret"] = details.pop("client_secret", None) is not None
        idp["ProviderDetails"] = details
    clients = _app_clients(client, pool_id)
    for live in clients:
        live["has_client_secret"] = live.pop("ClientSecret", None) is not None
    domains = {}
    for key in ("Domain", "CustomDomain"):
        if pool.get(key):
            domains[key] = _call(client, "DescribeUserPoolDomain", lambda: client.describe_user_pool_domain(
                Domain=pool[key]))["DomainDescription"]
    return {"pool": pool, "providers": providers, "clients": clients, "domains": domains}
