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
    client = boto3.client("cognito-idp", region_name=declared.region, endpoint_url=endpoint_url, config=RETRIES)
    pool_id = _pool_id(client, declared.pool_name)
    objects: list[DeclaredObject] = []
    secrets: dict[str, str] = {}
    providers = _call(client, "ListIdentityProviders", lambda: _paginate(
        client, "list_identity_providers", "Providers", UserPoolId=pool_id))
    for summary in providers:
        name = summary["ProviderName"]
        idp = _call(client, "DescribeIdentityProvider", lambda: client.describe_identity_provider(
            UserPoolId=pool_id, ProviderName=name))["IdentityProvider"]
        details = dict(idp.get("ProviderDetails") or {})
        secret = details.pop("client_secret", None)
        if secret is not None:
            secrets[name] = fingerprint(secret)
        objects.append(DeclaredObject("identity_provider", name, f"live identity provider {name}", {
            "provider_type": idp.get("ProviderType"), "provider_details": details,
            "attribute_mapping": idp.get("AttributeMapping") or {}, "idp_identifiers": idp.get("IdpIdentifiers") or []}))
    clients = _call(client, "ListUserPoolClients", lambda: _paginate(
        client, "list_user_pool_clients", "UserPoolClients", UserPoolId=pool_id))
    for summary in clients:
        live = _call(client, "DescribeUserPoolClient", lambda: client.describe_user_pool_client(
            UserPoolId=pool_id, ClientId=summary["ClientId"]))["UserPoolClient"]
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
        code = error.response.get("Error", {}).get("Code", "")
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if code in DENIED or status == 403:
            raise AuditError(f"access denied to cognito-idp:{action}; grant the IAM action cognito-idp:{action} "
                             "(the audit needs read-only access)") from error
        raise AuditError(f"cognito-idp:{action} failed: {code or error}") from error
