"""Builds test inputs for the policy pack: whole federations ("units") in Terraform JSON, and
the same documents rendered as HCL, so every rule is tested on both forms from one spec.

A unit named N is a complete, correct federation whose resources are all named N (resource
names are per type, so they do not collide): pool N, domain N, Okta app N, its assignments and
sign-on policy, identity provider N, app client N. A rule's fixture is several units, each
mutated to pass, fail or be unknown; checkov's result for the unit's resource of the rule's type
must equal the prefix of its name.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from typing import Any

Document = dict[str, Any]
Mutation = Callable[[Document, str], None]

BLOCKS = {"group", "schema", "string_attribute_constraints", "token_validity_units", "password_policy",
          "admin_create_user_config", "username_configuration", "software_token_mfa_configuration",
          "user_pool_add_ons", "account_recovery_setting", "recovery_mechanism", "lifecycle", "groups_claim"}


def unit(name: str) -> Document:
    """A correct federation named `name`, as Terraform JSON."""
    ref = "${%s}"
    return {
        "resource": {
            "aws_cognito_user_pool": {name: {
                "name": name, "deletion_protection": "ACTIVE", "mfa_configuration": "ON",
                "software_token_mfa_configuration": {"enabled": True},
                "admin_create_user_config": {"allow_admin_create_user_only": True},
                "username_configuration": {"case_sensitive": False},
                "schema": [{"name": "email", "attribute_data_type": "String", "required": True, "mutable": True,
                            "string_attribute_constraints": {"min_length": "0", "max_length": "2048"}},
                           {"name": "department", "attribute_data_type": "String", "required": False,
                            "mutable": True,
                            "string_attribute_constraints": {"min_length": "0", "max_length": "2048"}}]}},
            "aws_cognito_user_pool_domain": {name: {
                "domain": f"{name.replace('_', '-')}-login",
                "user_pool_id": ref % f"aws_cognito_user_pool.{name}.id"}},
            "okta_app_oauth": {name: {
                "label": name, "type": "web", "grant_types": ["authorization_code"], "response_types": ["code"],
                "token_endpoint_auth_method": "client_secret_post", "pkce_required": False,
                "issuer_mode": "ORG_URL", "omit_secret": False,
                "authentication_policy": ref % f"okta_app_signon_policy.{name}.id",
                "redirect_uris": [f"https://${{aws_cognito_user_pool_domain.{name}.domain}}"
                                  ".auth.eu-west-1.amazoncognito.com/oauth2/idpresponse"]}},
            "okta_app_signon_policy": {name: {"name": name, "description": "2FA", "catch_all": False}},
            "okta_app_signon_policy_rule": {name: {
                "name": "2fa", "policy_id": ref % f"okta_app_signon_policy.{name}.id", "access": "ALLOW",
                "factor_mode": "2FA"}},
            "okta_group": {name: {"name": name}},
            "okta_app_group_assignments": {name: {
                "app_id": ref % f"okta_app_oauth.{name}.id",
                "group": [{"id": ref % f"okta_group.{name}.id", "priority": 1}]}},
            "aws_cognito_identity_provider": {name: {
                "user_pool_id": ref % f"aws_cognito_user_pool.{name}.id",
                "provider_name": name.replace("_", "")[:32], "provider_type": "OIDC",
                "provider_details": {
                    "client_id": ref % f"okta_app_oauth.{name}.client_id",
                    "client_secret": ref % f"okta_app_oauth.{name}.client_secret",
                    "oidc_issuer": "https://acme.okta.com",
                    "authorize_scopes": "openid profile email",
                    "attributes_request_method": "GET"},
                "attribute_mapping": {"username": "sub", "email": "email", "email_verified": "email_verified",
                                      "name": "name", "custom:department": "department"}}},
            "aws_cognito_user_pool_client": {name: {
                "name": name, "user_pool_id": ref % f"aws_cognito_user_pool.{name}.id",
                "allowed_oauth_flows_user_pool_client": True, "allowed_oauth_flows": ["code"],
                "allowed_oauth_scopes": ["openid", "email", "profile"],
                "callback_urls": ["https://app.example.com/callback"],
                "supported_identity_providers": [ref % f"aws_cognito_identity_provider.{name}.provider_name"],
                "write_attributes": ["custom:department", "email", "email_verified", "name"],
                "explicit_auth_flows": ["ALLOW_REFRESH_TOKEN_AUTH"],
                "prevent_user_existence_errors": "ENABLED", "enable_token_revocation": True,
                "access_token_validity": 60, "id_token_validity": 60, "refresh_token_validity": 30,
                "token_validity_units": {"access_token": "minutes", "id_token": "minutes",
                                         "refresh_token": "days"}}},
        },
    }


def stack(*units: Document, extra: Document | None = None) -> Document:
    """Units merged into one document with an AWS provider and a Terraform Cloud block."""
    document: Document = {"provider": {"aws": [{"region": "eu-west-1"}]},
                          "terraform": {"cloud": {"organization": "acme", "workspaces": {"name": "x"}}}}
    for part in (*units, extra or {}):
        merge(document, part)
    return document


def merge(target: Document, source: Document) -> None:
    for key, value in source.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def mutated(name: str, mutation: Mutation | None) -> Document:
    document = unit(name)
    if mutation is not None:
        mutation(document["resource"], name)
    return document


# --- HCL rendering -------------------------------------------------------------------------

_WHOLE_REFERENCE = re.compile(r"^\$\{([^{}]+)\}$")


def to_hcl(document: Document) -> str:
    lines: list[str] = []
    terraform = document.get("terraform") or {}
    if terraform:
        lines.append("terraform {")
        if "cloud" in terraform:
            cloud = terraform["cloud"]
            lines += ["  cloud {", f"    organization = {json.dumps(cloud['organization'])}",
                      "    workspaces {", f"      name = {json.dumps(cloud['workspaces']['name'])}", "    }", "  }"]
        for kind, config in (terraform.get("backend") or {}).items():
            lines.append(f"  backend {json.dumps(kind)} {{")
            lines += [f"    {key} = {_value(value)}" for key, value in config.items()]
            lines.append("  }")
        lines.append("}")
    for name, configs in (document.get("provider") or {}).items():
        for config in configs:
            lines.append(f"provider {json.dumps(name)} {{")
            lines += _body(config, "  ")
            lines.append("}")
    for name, body in (document.get("variable") or {}).items():
        lines.append(f"variable {json.dumps(name)} {{")
        lines += [f"  {key} = {_value(value) if key != 'type' else value}" for key, value in body.items()]
        lines.append("}")
    for name, body in (document.get("output") or {}).items():
        lines.append(f"output {json.dumps(name)} {{")
        lines += _body(body, "  ")
        lines.append("}")
    for kind in ("resource", "data"):
        for rtype, items in (document.get(kind) or {}).items():
            for name, body in items.items():
                lines.append(f"{kind} {json.dumps(rtype)} {json.dumps(name)} {{")
                lines += _body(body, "  ")
                lines.append("}")
    return "\n".join(lines) + "\n"


def _body(body: Document, indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in body.items():
        if key in BLOCKS:
            for block in (value if isinstance(value, list) else [value]):
                lines.append(f"{indent}{key} {{")
                lines += _body(block, indent + "  ")
                lines.append(f"{indent}}}")
        elif key == "depends_on":
            lines.append(f"{indent}depends_on = [{', '.join(value)}]")
        else:
            lines.append(f"{indent}{key} = {_value(value)}")
    return lines


def _value(value: Any) -> str:
    if isinstance(value, str):
        whole = _WHOLE_REFERENCE.match(value)
        return whole.group(1) if whole else json.dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{\n" + "\n".join(f"    {json.dumps(k)} = {_value(v)}" for k, v in value.items()) + "\n  }"
    return json.dumps(value)
