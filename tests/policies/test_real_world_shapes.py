"""Shapes of Terraform the pack meets outside fedctl (docs/applicability.md): other identity
providers beside Okta, Okta apps Cognito never uses, values the input cannot decide, URLs built
from references, reusable modules. Each is scanned as checkov scans a repository's folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gate.checkov_scan import ScanResult
from tests.policies.checkov_run import pack_scan

POOL_AND_DOMAIN = """
resource "aws_cognito_user_pool" "pool" {
  name                = "pool"
  deletion_protection = "ACTIVE"
}
resource "aws_cognito_user_pool_domain" "domain" {
  domain       = "acme-login"
  user_pool_id = aws_cognito_user_pool.pool.id
}
"""

MANY_PROVIDERS = POOL_AND_DOMAIN + """
provider "aws" {
  region = "eu-west-1"
}
resource "aws_cognito_identity_provider" "google" {
  user_pool_id  = aws_cognito_user_pool.pool.id
  provider_name = "Google"
  provider_type = "Google"
  provider_details = {
    client_id        = "1234.apps.googleusercontent.com"
    client_secret    = var.google_secret
    authorize_scopes = "profile email openid"
  }
  attribute_mapping = { email = "email", username = "sub" }
}
resource "aws_cognito_identity_provider" "facebook" {
  user_pool_id  = aws_cognito_user_pool.pool.id
  provider_name = "Facebook"
  provider_type = "Facebook"
  provider_details = {
    client_id        = "1234"
    client_secret    = var.facebook_secret
    authorize_scopes = "public_profile,email"
  }
  attribute_mapping = { email = "email", username = "id" }
}
resource "aws_cognito_identity_provider" "apple" {
  user_pool_id  = aws_cognito_user_pool.pool.id
  provider_name = "SignInWithApple"
  provider_type = "SignInWithApple"
  provider_details = {
    client_id        = "com.acme.signin"
    team_id          = "TEAM123"
    key_id           = "KEY123"
    private_key      = var.apple_key
    authorize_scopes = "email name"
  }
  attribute_mapping = { email = "email", username = "sub" }
}
resource "aws_cognito_identity_provider" "entra" {
  user_pool_id  = aws_cognito_user_pool.pool.id
  provider_name = "Entra"
  provider_type = "SAML"
  provider_details = {
    MetadataURL = "https://login.microsoftonline.com/tenant/federationmetadata/2007-06/federationmetadata.xml"
  }
  attribute_mapping = { email = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" }
}
resource "aws_cognito_identity_provider" "okta_saml" {
  user_pool_id  = aws_cognito_user_pool.pool.id
  provider_name = "OktaSaml"
  provider_type = "SAML"
  provider_details = {
    MetadataURL = "https://acme.okta.com/app/exk1/sso/saml/metadata"
  }
  attribute_mapping = { email = "email" }
}
"""

OKTA_ORG_SPA = """
resource "okta_app_oauth" "portal" {
  label          = "Portal"
  type           = "browser"
  grant_types    = ["authorization_code", "implicit"]
  response_types = ["code", "token"]
  redirect_uris  = ["https://portal.acme.example/callback"]
  pkce_required  = true
}
"""

UNDECIDED_VALUES = POOL_AND_DOMAIN + """
variable "username_claim" {
  type = string
}
variable "method" {
  type    = string
  default = "get"
}
resource "aws_cognito_identity_provider" "keycloak" {
  user_pool_id  = aws_cognito_user_pool.pool.id
  provider_name = "Keycloak"
  provider_type = "OIDC"
  provider_details = {
    client_id                 = "cognito"
    client_secret             = data.aws_secretsmanager_secret_version.keycloak.secret_string
    oidc_issuer               = "https://sso.acme.example/realms/acme"
    authorize_scopes          = "openid profile email"
    attributes_request_method = var.method
  }
  attribute_mapping = {
    username       = var.username_claim
    email          = "email"
    email_verified = "email_verified"
  }
}
resource "aws_cognito_user_pool_client" "app" {
  name                                 = "app"
  user_pool_id                         = aws_cognito_user_pool.pool.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid"]
  callback_urls                        = ["https://${aws_cognito_user_pool_domain.domain.domain}/cb", "https://[\\"name\\"]/cb"]
  supported_identity_providers         = [aws_cognito_identity_provider.keycloak.provider_name]
}
"""

# No provider and no backend, and a variable without default: a reusable module (its caller has
# both), or a root module given the value when run. The folder cannot tell: UNKNOWN.
MODULE = POOL_AND_DOMAIN + """
variable "metadata_url" {
  type = string
}
resource "aws_cognito_identity_provider" "saml" {
  user_pool_id      = aws_cognito_user_pool.pool.id
  provider_name     = "Corporate"
  provider_type     = "SAML"
  provider_details  = { MetadataURL = var.metadata_url }
  attribute_mapping = { email = "email" }
}
"""


def okta_redirects(redirect_uris: list[str]) -> dict[str, object]:
    """Terraform JSON of an Okta → Cognito federation whose domain and region are expressions."""
    return {
        "variable": {"region": {"type": "string"}, "env": {"type": "string"}},
        "locals": {"prefix": "acme-${var.env}"},
        "provider": {"aws": [{"region": "${var.region}"}]},
        "resource": {
            "aws_cognito_user_pool": {"pool": {"name": "pool"}},
            "aws_cognito_user_pool_domain": {"domain": {
                "domain": "${local.prefix}", "user_pool_id": "${aws_cognito_user_pool.pool.id}"}},
            "okta_app_oauth": {"cognito": {
                "label": "Cognito", "type": "web", "grant_types": ["authorization_code"], "response_types": ["code"],
                "token_endpoint_auth_method": "client_secret_post", "redirect_uris": redirect_uris}},
            "aws_cognito_identity_provider": {"okta": {
                "user_pool_id": "${aws_cognito_user_pool.pool.id}", "provider_name": "Okta", "provider_type": "OIDC",
                "provider_details": {"client_id": "${okta_app_oauth.cognito.client_id}",
                                     "client_secret": "${okta_app_oauth.cognito.client_secret}",
                                     "oidc_issuer": "https://acme.okta.com", "authorize_scopes": "openid profile email",
                                     "attributes_request_method": "GET"},
                "attribute_mapping": {"username": "sub", "email": "email", "email_verified": "email_verified"}}},
        },
    }


TEMPLATE_URI = "https://${local.prefix}.auth.${var.region}.amazoncognito.com/oauth2/idpresponse"
REGION_FROM_DATA = "https://${local.prefix}.auth.${data.aws_region.current.name}.amazoncognito.com/oauth2/idpresponse"
FOREIGN_HOST = "https://evil.example/oauth2/idpresponse"


# Root modules without a provider or backend block, decided from the whole folder (FED_703): the
# variable's default is in another file of the folder; the second folder's values come from a
# terraform.tfvars; the third folder is the source of a module block of the fourth.
LOCAL_STATE_ROOT = {
    "main.tf": POOL_AND_DOMAIN.replace('name                = "pool"', "name                = var.pool_name") + """
resource "aws_cognito_identity_provider" "google" {
  user_pool_id      = aws_cognito_user_pool.pool.id
  provider_name     = "Google"
  provider_type     = "Google"
  provider_details  = { client_id = "1234.apps.googleusercontent.com", authorize_scopes = "openid email" }
  attribute_mapping = { email = "email", username = "sub" }
}
""",
    "variables.tf": 'variable "pool_name" {\n  type    = string\n  default = "pool"\n}\n',
}
TFVARS_ROOT = {"main.tf": MODULE, "terraform.tfvars": 'metadata_url = "https://idp.example.com/metadata"\n'}
CALLER = {"main.tf": 'module "login" {\n  source       = "../called_module"\n  metadata_url = "https://idp.example.com/m"\n}\n'
                     'terraform {\n  cloud {\n    organization = "acme"\n    workspaces { name = "login" }\n  }\n}\n'}
# A provider named Okta whose issuer is a variable: the Okta rules cannot tell whether it is Okta.
OKTA_BY_NAME = POOL_AND_DOMAIN + """
variable "issuer" {
  type = string
}
resource "aws_cognito_identity_provider" "okta" {
  user_pool_id  = aws_cognito_user_pool.pool.id
  provider_name = "Okta"
  provider_type = "OIDC"
  provider_details = {
    client_id                 = "0oa1"
    client_secret             = var.issuer
    oidc_issuer               = var.issuer
    authorize_scopes          = "openid profile email"
    attributes_request_method = "GET"
  }
  attribute_mapping = { username = "sub", email = "email", email_verified = "email_verified" }
}
"""
# App clients for local users only: the OAuth security rules judge them too (RFC 9700).
LOCAL_CLIENTS = POOL_AND_DOMAIN + """
resource "aws_cognito_user_pool_client" "spa" {
  name                                 = "spa"
  user_pool_id                         = aws_cognito_user_pool.pool.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["implicit"]
  allowed_oauth_scopes                 = ["openid"]
  callback_urls                        = ["http://app.example.com/cb"]
  supported_identity_providers         = ["COGNITO"]
}
resource "aws_cognito_user_pool_client" "machine" {
  name                                 = "machine"
  user_pool_id                         = aws_cognito_user_pool.pool.id
  generate_secret                      = true
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_scopes                 = ["api/read"]
}
resource "aws_cognito_user_pool_client" "srp_only" {
  name                = "srp"
  user_pool_id        = aws_cognito_user_pool.pool.id
  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
}
"""


@pytest.fixture(scope="module")
def hcl_scan(tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    root = tmp_path_factory.mktemp("shapes")
    folders: dict[str, dict[str, str]] = {
        "many_providers": {"main.tf": MANY_PROVIDERS}, "okta_org": {"main.tf": OKTA_ORG_SPA},
        "undecided": {"main.tf": UNDECIDED_VALUES}, "module": {"main.tf": MODULE},
        "local_state_root": LOCAL_STATE_ROOT, "tfvars_root": TFVARS_ROOT, "caller": CALLER,
        "called_module": {"main.tf": MODULE}, "okta_by_name": {"main.tf": OKTA_BY_NAME},
        "local_clients": {"main.tf": LOCAL_CLIENTS}}
    for folder, files in folders.items():
        (root / folder).mkdir()
        for name, text in files.items():
            (root / folder / name).write_text(text)
    return pack_scan("terraform", [root])


@pytest.fixture(scope="module")
def json_scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ScanResult]:
    scans = {}
    for name, uris in {"template": [TEMPLATE_URI], "region_from_data": [REGION_FROM_DATA],
                       "foreign": [TEMPLATE_URI, FOREIGN_HOST]}.items():
        folder = tmp_path_factory.mktemp(name)
        (folder / "cdk.tf.json").write_text(json.dumps(okta_redirects(uris)))
        scans[name] = pack_scan("terraform_json", [folder])
    return scans


def verdicts(result: ScanResult, folder: str | None = None) -> dict[tuple[str, str], str]:
    return {(r.resource, r.check_id): r.result for r in result.records
            if r.check_id.startswith("FED_") and (folder is None or Path(r.file).parent.name == folder)}


def test_social_and_saml_providers_of_other_idps_are_judged_only_by_rules_true_for_any_provider(
        hcl_scan: ScanResult) -> None:
    found = verdicts(hcl_scan, "many_providers")
    others = ("google", "facebook", "apple", "entra")
    judged = {rule for (resource, rule) in found if resource.split(".")[-1] in others
              and resource.startswith("aws_cognito_identity_provider")}
    assert judged <= {"FED_011", "FED_105", "FED_106", "FED_107", "FED_702"}
    assert ("aws_cognito_identity_provider.google", "FED_011") in found


def test_an_okta_idp_wired_as_saml_is_fed_001_s_finding(hcl_scan: ScanResult) -> None:
    found = verdicts(hcl_scan, "many_providers")
    assert found[("aws_cognito_identity_provider.okta_saml", "FED_001")] == "FAILED"
    assert ("aws_cognito_identity_provider.okta_saml", "FED_004") not in found


def test_okta_apps_cognito_does_not_use_are_not_judged(hcl_scan: ScanResult) -> None:
    assert verdicts(hcl_scan, "okta_org") == {}


def test_values_the_input_cannot_decide_are_unknown_and_defaults_are_judged(hcl_scan: ScanResult) -> None:
    found = verdicts(hcl_scan, "undecided")
    assert found[("aws_cognito_identity_provider.keycloak", "FED_101")] == "UNKNOWN"
    assert found[("aws_cognito_identity_provider.keycloak", "FED_005")] == "FAILED"  # the default "get"
    assert found[("aws_cognito_identity_provider.keycloak", "FED_011")] == "PASSED"  # a secret store
    assert found[("aws_cognito_user_pool_client.app", "FED_406")] == "FAILED"  # not a URL, no crash


def records(result: ScanResult, folder: str, resource: str, rule: str) -> list[tuple[str, str]]:
    return [(r.result, " ".join(r.details)) for r in result.records if Path(r.file).parent.name == folder
            and r.resource == resource and r.check_id == rule]


def test_a_folder_that_may_be_a_reusable_module_is_unknown_for_its_backend_and_provider_blocks(
        hcl_scan: ScanResult) -> None:
    found = verdicts(hcl_scan, "module")
    assert found[("aws_cognito_user_pool.pool", "FED_703")] == "UNKNOWN"
    assert found[("aws_cognito_user_pool.pool", "FED_701")] == "UNKNOWN"
    assert found[("aws_cognito_user_pool.pool", "FED_501")] == "PASSED"
    [(_, why)] = records(hcl_scan, "module", "aws_cognito_user_pool.pool", "FED_703")
    assert "variable metadata_url has no default" in why


def test_a_root_module_without_provider_or_backend_keeps_local_state_decided_from_the_whole_folder(
        hcl_scan: ScanResult) -> None:
    assert verdicts(hcl_scan, "local_state_root")[("aws_cognito_user_pool.pool", "FED_703")] == "FAILED"
    assert verdicts(hcl_scan, "local_state_root")[("aws_cognito_user_pool.pool", "FED_701")] == "PASSED"
    assert verdicts(hcl_scan, "tfvars_root")[("aws_cognito_user_pool.pool", "FED_703")] == "FAILED"


def test_a_folder_another_folder_calls_as_a_module_is_not_judged_for_state(hcl_scan: ScanResult) -> None:
    found = verdicts(hcl_scan, "called_module")
    assert ("aws_cognito_user_pool.pool", "FED_703") not in found
    assert ("aws_cognito_user_pool.pool", "FED_701") not in found


def test_a_provider_named_okta_with_an_issuer_from_a_variable_is_unknown_for_the_okta_rules(
        hcl_scan: ScanResult) -> None:
    found = verdicts(hcl_scan, "okta_by_name")
    for rule in ("FED_001", "FED_007", "FED_801", "FED_806"):
        assert found[("aws_cognito_identity_provider.okta", rule)] == "UNKNOWN", rule
    [(_, why)] = records(hcl_scan, "okta_by_name", "aws_cognito_identity_provider.okta", "FED_007")
    assert "named 'Okta'" in why and "var.issuer" in why
    assert found[("aws_cognito_identity_provider.okta", "FED_101")] == "PASSED"  # an OIDC rule, judged


def test_oauth_security_rules_judge_clients_for_local_users_too(hcl_scan: ScanResult) -> None:
    found = verdicts(hcl_scan, "local_clients")
    assert found[("aws_cognito_user_pool_client.spa", "FED_402")] == "FAILED"  # implicit
    assert found[("aws_cognito_user_pool_client.spa", "FED_406")] == "FAILED"  # http callback
    assert found[("aws_cognito_user_pool_client.machine", "FED_402")] == "PASSED"
    assert ("aws_cognito_user_pool_client.machine", "FED_406") not in found  # no redirects
    assert not any(resource == "aws_cognito_user_pool_client.srp_only" for resource, _ in found)  # no OAuth
    for rule in ("FED_401", "FED_403", "FED_404", "FED_410", "FED_413"):  # federation rules
        assert ("aws_cognito_user_pool_client.spa", rule) not in found, rule


def test_templated_idpresponse_urls_match_the_domain_written_with_the_same_expression(
        json_scans: dict[str, ScanResult]) -> None:
    for name in ("template", "region_from_data"):
        found = verdicts(json_scans[name])
        assert found[("okta_app_oauth.cognito", "FED_206")] == "PASSED", name
        assert found[("okta_app_oauth.cognito", "FED_207")] == "PASSED", name


def test_an_idpresponse_url_on_a_foreign_host_is_not_one_of_the_pool_s_domains(
        json_scans: dict[str, ScanResult]) -> None:
    found = verdicts(json_scans["foreign"])
    assert found[("okta_app_oauth.cognito", "FED_207")] == "FAILED"
    assert found[("okta_app_oauth.cognito", "FED_206")] == "PASSED"
