"""The synthesized graph: resources, their wiring, and the addresses users' state depends on."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from cdktf import Testing
from cdktf_cdktf_provider_aws.cognito_identity_provider import CognitoIdentityProvider
from cdktf_cdktf_provider_aws.cognito_user_pool import CognitoUserPool
from cdktf_cdktf_provider_aws.cognito_user_pool_client import CognitoUserPoolClient
from cdktf_cdktf_provider_aws.cognito_user_pool_domain import CognitoUserPoolDomain
from cdktf_cdktf_provider_okta.app_group_assignments import AppGroupAssignments
from cdktf_cdktf_provider_okta.app_oauth import AppOauth
from cdktf_cdktf_provider_okta.provider import OktaProvider

from config.loader import load_environments
from modules.federation_stack import FederationStack
from tests.conftest import EXAMPLE_DIR


@pytest.fixture(scope="module")
def synthesized() -> dict[str, str]:
    """`Testing.synth` of each example environment's stack, by name."""
    app = Testing.app()
    return {env.name: Testing.synth(FederationStack(app, env)) for env in load_environments(EXAMPLE_DIR)}


def addresses(stack: dict[str, Any]) -> list[str]:
    found = [f"{rtype}.{name}" for rtype, items in stack.get("resource", {}).items() for name in items]
    found += [f"data.{rtype}.{name}" for rtype, items in stack.get("data", {}).items() for name in items]
    return sorted(found)


def resource(stack: dict[str, Any], address: str) -> dict[str, Any]:
    rtype, name = address.split(".")
    value: dict[str, Any] = stack["resource"][rtype][name]
    return value


# Changing one of these destroys and recreates a live resource: a new pool loses every user.
PINNED_ADDRESSES = {
    "dev": [
        "aws_cognito_identity_provider.globex_identity_provider",
        "aws_cognito_identity_provider.workforce_identity_provider",
        "aws_cognito_user_pool.user_pool",
        "aws_cognito_user_pool_client.app_client_analytics_mobile",
        "aws_cognito_user_pool_client.app_client_analytics_web",
        "aws_cognito_user_pool_domain.prefix_domain",
        "data.okta_group.workforce_group_engineering",
        "okta_app_group_assignments.workforce_okta_group_assignments",
        "okta_app_oauth.workforce_okta_app",
        "okta_app_signon_policy.workforce_okta_sign_on_policy",
        "okta_app_signon_policy_rule.workforce_okta_sign_on_two_factors",
        "okta_group.workforce_group_analytics_dev_users",
    ],
    "prod": [
        "aws_cognito_identity_provider.globex_identity_provider",
        "aws_cognito_identity_provider.workforce_identity_provider",
        "aws_cognito_user_pool.user_pool",
        "aws_cognito_user_pool_client.app_client_analytics_reports",
        "aws_cognito_user_pool_client.app_client_analytics_web",
        "aws_cognito_user_pool_domain.custom_domain",
        "aws_cognito_user_pool_domain.prefix_domain",
        "data.aws_secretsmanager_secret_version.globex_client_secret",
        "data.okta_group.workforce_group_customer_success",
        "data.okta_group.workforce_group_engineering",
        "okta_app_group_assignments.workforce_okta_group_assignments",
        "okta_app_oauth.workforce_okta_app",
        "okta_app_signon_policy.workforce_okta_sign_on_policy",
        "okta_app_signon_policy_rule.workforce_okta_sign_on_two_factors",
        "okta_group.workforce_group_analytics_users",
    ],
}


@pytest.mark.parametrize("env", ["dev", "prod"])
def test_resource_addresses_are_pinned(example_stacks: dict[str, dict[str, Any]], env: str) -> None:
    assert addresses(example_stacks[env]) == PINNED_ADDRESSES[env]


@pytest.mark.parametrize("env", ["dev", "prod"])
def test_synthesized_stack_is_valid_terraform_json(synthesized: dict[str, str], env: str) -> None:
    stack = json.loads(synthesized[env])
    assert set(stack) >= {"provider", "resource", "terraform", "output"}


def test_okta_app_is_a_confidential_web_app_for_cognito(synthesized: dict[str, str]) -> None:
    assert Testing.to_have_resource_with_properties(synthesized["prod"], AppOauth.TF_RESOURCE_TYPE, {
        "type": "web",
        "grant_types": ["authorization_code"],
        "response_types": ["code"],
        "token_endpoint_auth_method": "client_secret_post",
        "pkce_required": False,
        "issuer_mode": "ORG_URL",
        "omit_secret": False,
        "wildcard_redirect": "DISABLED",
        "implicit_assignment": False,
        "authentication_policy": "${okta_app_signon_policy.workforce_okta_sign_on_policy.id}",
    })


def test_okta_sign_on_policy_requires_two_factors_and_denies_by_default(synthesized: dict[str, str]) -> None:
    assert Testing.to_have_resource_with_properties(synthesized["prod"], "okta_app_signon_policy", {
        "catch_all": False})
    assert Testing.to_have_resource_with_properties(synthesized["prod"], "okta_app_signon_policy_rule", {
        "policy_id": "${okta_app_signon_policy.workforce_okta_sign_on_policy.id}",
        "access": "ALLOW", "factor_mode": "2FA"})


def test_okta_provider_and_issuer_come_from_one_terraform_value(example_stacks: dict[str, dict[str, Any]]) -> None:
    stack = example_stacks["prod"]
    assert stack["locals"] == {"workforce_okta_org_name": "acme", "workforce_okta_base_url": "okta.com"}
    assert stack["provider"]["okta"] == [{"alias": "workforce", "org_name": "${local.workforce_okta_org_name}",
                                          "base_url": "${local.workforce_okta_base_url}"}]
    details = resource(stack, "aws_cognito_identity_provider.workforce_identity_provider")["provider_details"]
    assert details["oidc_issuer"] == "https://${local.workforce_okta_org_name}.${local.workforce_okta_base_url}"


def test_identity_provider_takes_client_id_and_secret_from_the_okta_app(synthesized: dict[str, str]) -> None:
    assert Testing.to_have_resource_with_properties(synthesized["prod"], CognitoIdentityProvider.TF_RESOURCE_TYPE, {
        "provider_name": "AcmeOkta",
        "provider_type": "OIDC",
        "user_pool_id": "${aws_cognito_user_pool.user_pool.id}",
        "provider_details": {
            "client_id": "${okta_app_oauth.workforce_okta_app.client_id}",
            "client_secret": "${okta_app_oauth.workforce_okta_app.client_secret}",
            "authorize_scopes": "openid profile email",
            "attributes_request_method": "GET",
        },
        "attribute_mapping": {"username": "sub", "email": "email", "email_verified": "email_verified",
                              "name": "name", "given_name": "given_name", "family_name": "family_name"},
    })


@pytest.mark.parametrize("env", ["dev", "prod"])
def test_okta_redirect_uris_are_exactly_the_idpresponse_url_of_every_domain(
        example_stacks: dict[str, dict[str, Any]], env: str) -> None:
    stack = example_stacks[env]
    region = stack["provider"]["aws"][0]["region"]
    expected = []
    for name, domain in stack["resource"]["aws_cognito_user_pool_domain"].items():
        reference = f"${{aws_cognito_user_pool_domain.{name}.domain}}"
        expected.append(f"https://{reference}/oauth2/idpresponse" if "certificate_arn" in domain
                        else f"https://{reference}.auth.{region}.amazoncognito.com/oauth2/idpresponse")
    redirect_uris = resource(stack, "okta_app_oauth.workforce_okta_app")["redirect_uris"]
    assert sorted(redirect_uris) == sorted(expected)
    assert len(redirect_uris) == {"dev": 1, "prod": 2}[env]


@pytest.mark.parametrize("env", ["dev", "prod"])
def test_each_app_client_depends_on_its_identity_providers_by_reference(
        example_stacks: dict[str, dict[str, Any]], env: str) -> None:
    stack = example_stacks[env]
    for client in stack["resource"]["aws_cognito_user_pool_client"].values():
        for provider in client["supported_identity_providers"]:
            assert re.fullmatch(r"\$\{aws_cognito_identity_provider\.\w+\.provider_name\}", provider)


def test_app_client_uses_code_flow_only_and_may_write_every_mapped_attribute(synthesized: dict[str, str]) -> None:
    assert Testing.to_have_resource_with_properties(synthesized["prod"], CognitoUserPoolClient.TF_RESOURCE_TYPE, {
        "name": "analytics-web",
        "allowed_oauth_flows": ["code"],
        "allowed_oauth_flows_user_pool_client": True,
        "allowed_oauth_scopes": ["openid", "email", "profile"],
        "explicit_auth_flows": ["ALLOW_REFRESH_TOKEN_AUTH"],
        "prevent_user_existence_errors": "ENABLED",
        "enable_token_revocation": True,
        "generate_secret": True,
        "access_token_validity": 30,
        "refresh_token_validity": 1,
        "token_validity_units": [{"access_token": "minutes", "id_token": "minutes", "refresh_token": "days"}],
        "write_attributes": ["custom:department", "email", "email_verified", "family_name", "given_name",
                             "name", "preferred_username"],
        "supported_identity_providers": [
            "${aws_cognito_identity_provider.workforce_identity_provider.provider_name}",
            "${aws_cognito_identity_provider.globex_identity_provider.provider_name}"],
    })


def test_client_that_trusts_one_federation_lists_only_that_one(example_stacks: dict[str, dict[str, Any]]) -> None:
    client = resource(example_stacks["prod"], "aws_cognito_user_pool_client.app_client_analytics_reports")
    assert client["supported_identity_providers"] == [
        "${aws_cognito_identity_provider.workforce_identity_provider.provider_name}"]
    assert "custom:department" not in client["write_attributes"]  # only Globex maps it


def test_user_pool_is_hardened_for_federation(synthesized: dict[str, str]) -> None:
    assert Testing.to_have_resource_with_properties(synthesized["prod"], CognitoUserPool.TF_RESOURCE_TYPE, {
        "deletion_protection": "ACTIVE",
        "admin_create_user_config": {"allow_admin_create_user_only": True},
        "username_configuration": {"case_sensitive": False},
        "password_policy": {"minimum_length": 14, "temporary_password_validity_days": 7},
        "schema": [{"name": "email", "required": True, "mutable": True,
                    "string_attribute_constraints": {"max_length": "2048"}},
                   {"name": "department", "mutable": True, "string_attribute_constraints": {"max_length": "2048"}}],
    })


def test_custom_domain_uses_the_us_east_1_certificate(synthesized: dict[str, str]) -> None:
    assert Testing.to_have_resource_with_properties(synthesized["prod"], CognitoUserPoolDomain.TF_RESOURCE_TYPE, {
        "domain": "login.analytics.acme.example",
        "certificate_arn": "arn:aws:acm:us-east-1:111122223333:certificate/4f1c2b7e-8a5d-4c3e-9b6a-0d2e1f3a4b5c",
    })


def test_one_assignment_resource_assigns_every_group(synthesized: dict[str, str]) -> None:
    assert Testing.to_have_resource_with_properties(synthesized["prod"], AppGroupAssignments.TF_RESOURCE_TYPE, {
        "app_id": "${okta_app_oauth.workforce_okta_app.id}",
        "group": [{"id": "${data.okta_group.workforce_group_engineering.id}", "priority": 1},
                  {"id": "${data.okta_group.workforce_group_customer_success.id}", "priority": 2},
                  {"id": "${okta_group.workforce_group_analytics_users.id}", "priority": 3}],
    })


def test_okta_provider_has_no_credentials_in_configuration(synthesized: dict[str, str]) -> None:
    assert Testing.to_have_provider_with_properties(synthesized["prod"], OktaProvider.TF_RESOURCE_TYPE,
                                                    {"alias": "workforce"})
    provider = json.loads(synthesized["prod"])["provider"]["okta"][0]
    assert not {"api_token", "private_key", "client_id", "access_token"} & set(provider)


@pytest.mark.parametrize("env", ["dev", "prod"])
def test_no_synthesized_client_secret_is_a_literal(example_stacks: dict[str, dict[str, Any]], env: str) -> None:
    secrets: list[str] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "client_secret" and isinstance(value, str):
                    secrets.append(value)
                collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    collect(example_stacks[env]["resource"])
    assert len(secrets) == 2  # one per identity provider
    assert all(value.startswith("${") and value.endswith("}") for value in secrets)


def test_external_idp_secret_comes_from_a_sensitive_variable_in_dev(example_stacks: dict[str, dict[str, Any]]) -> None:
    stack = example_stacks["dev"]
    assert stack["variable"]["globex_client_secret"]["sensitive"] is True
    assert "default" not in stack["variable"]["globex_client_secret"]
    details = resource(stack, "aws_cognito_identity_provider.globex_identity_provider")["provider_details"]
    assert details["client_secret"] == "${var.globex_client_secret}"


def test_external_idp_secret_is_read_from_secrets_manager_in_prod(example_stacks: dict[str, dict[str, Any]]) -> None:
    stack = example_stacks["prod"]
    details = resource(stack, "aws_cognito_identity_provider.globex_identity_provider")["provider_details"]
    assert details["client_secret"] == (
        "${jsondecode(data.aws_secretsmanager_secret_version.globex_client_secret.secret_string).client_secret}")


def test_provider_details_drift_is_ignored_only_for_keys_cognito_fills_in(
        example_stacks: dict[str, dict[str, Any]]) -> None:
    ignored = resource(example_stacks["prod"], "aws_cognito_identity_provider.workforce_identity_provider")[
        "lifecycle"]["ignore_changes"]
    assert 'provider_details["client_secret"]' not in ignored and "provider_details" not in ignored
    assert 'provider_details["attributes_url_add_attributes"]' in ignored


def test_secret_outputs_are_sensitive_and_login_url_is_built_from_references(
        example_stacks: dict[str, dict[str, Any]]) -> None:
    outputs = example_stacks["prod"]["output"]
    secret_outputs = {name for name, output in outputs.items() if "client_secret" in output["value"]}
    assert secret_outputs == {"analytics_web_client_secret", "analytics_reports_client_secret"}
    assert all(outputs[name]["sensitive"] is True for name in secret_outputs)
    assert outputs["analytics_web_login_url"]["value"].startswith(
        "https://${aws_cognito_user_pool_domain.custom_domain.domain}/login?client_id="
        "${aws_cognito_user_pool_client.app_client_analytics_web.id}&response_type=code")
    assert outputs["issuer"]["value"] == "https://${aws_cognito_user_pool.user_pool.endpoint}"


def test_terraform_cloud_block_names_the_workspace_or_tags(example_stacks: dict[str, dict[str, Any]]) -> None:
    assert example_stacks["prod"]["terraform"]["cloud"] == {
        "hostname": "app.terraform.io", "organization": "acme", "workspaces": {"name": "acme-analytics-prod"}}
    assert example_stacks["dev"]["terraform"]["cloud"]["workspaces"] == {"tags": ["acme-analytics", "dev"]}


def test_okta_provider_constraint_is_raised_to_6x(example_stacks: dict[str, dict[str, Any]]) -> None:
    providers = example_stacks["prod"]["terraform"]["required_providers"]
    assert providers["okta"] == {"source": "okta/okta", "version": ">= 6.5.5, < 7.0.0"}
    assert providers["aws"]["version"] == "6.25.0"
