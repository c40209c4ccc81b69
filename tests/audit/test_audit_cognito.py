"""`fedctl audit` against a real moto server process (Cognito), started and stopped here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from audit.declared import DeclaredFederation, declared_from_stack
from tests.audit.okta_stand_in import Scenario, okta_stand_in
from tests.conftest import EXAMPLE_DIR, PROJECT_ROOT
from tests.moto_process import credentials_allowed_only, moto_server

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing",
               "AWS_DEFAULT_REGION": "eu-west-1"}


@pytest.fixture
def moto() -> Iterator[str]:
    """A fresh moto server per test, so each scenario starts from its own state."""
    with moto_server() as url:
        yield url


@pytest.fixture
def declared(example_stacks: dict[str, dict[str, Any]]) -> DeclaredFederation:
    return declared_from_stack(example_stacks["prod"])


def cognito(url: str) -> Any:
    return boto3.client("cognito-idp", region_name="eu-west-1", endpoint_url=url, aws_access_key_id="testing",
                        aws_secret_access_key="testing")


def provision(url: str, declared: DeclaredFederation, idp_count: int = 0) -> str:
    """The live federation exactly as declared (plus what only exists after apply)."""
    client = cognito(url)
    pool_id = client.create_user_pool(PoolName=declared.pool_name)["UserPool"]["Id"]
    for domain in declared.of_kind("domain"):
        extra = ({"CustomDomainConfig": {"CertificateArn": domain.values["certificate_arn"]}}
                 if domain.values.get("certificate_arn") else {})
        client.create_user_pool_domain(Domain=domain.name, UserPoolId=pool_id, **extra)
    for idp in declared.of_kind("identity_provider"):
        details = {"client_id": "0oa1liveapp", **idp.values["provider_details"], "client_secret": "live-secret"}
        client.create_identity_provider(UserPoolId=pool_id, ProviderName=idp.name, ProviderType="OIDC",
                                        ProviderDetails=details, AttributeMapping=idp.values["attribute_mapping"],
                                        IdpIdentifiers=idp.values["idp_identifiers"])
    for index in range(idp_count):
        client.create_identity_provider(UserPoolId=pool_id, ProviderName=f"Extra{index:03d}", ProviderType="OIDC",
                                        ProviderDetails={"client_id": "x", "client_secret": "y",
                                                         "oidc_issuer": "https://extra.example.com",
                                                         "authorize_scopes": "openid", "attributes_request_method": "GET"})
    for app in declared.of_kind("app_client"):
        values = app.values
        client.create_user_pool_client(
            UserPoolId=pool_id, ClientName=app.name, GenerateSecret=True, CallbackURLs=values["callback_urls"],
            LogoutURLs=values.get("logout_urls", []), AllowedOAuthFlows=values["allowed_oauth_flows"],
            AllowedOAuthScopes=values["allowed_oauth_scopes"], AllowedOAuthFlowsUserPoolClient=True,
            SupportedIdentityProviders=values["supported_identity_providers"],
            WriteAttributes=values["write_attributes"], ExplicitAuthFlows=values["explicit_auth_flows"])
    return str(pool_id)


def set_web_client_identity_providers(url: str, pool_id: str, providers: list[str]) -> None:
    """Edits the analytics-web client's identity providers live, as someone in the console would."""
    client = cognito(url)
    app = next(c for c in client.list_user_pool_clients(UserPoolId=pool_id, MaxResults=60)["UserPoolClients"]
               if c["ClientName"] == "analytics-web")
    current = client.describe_user_pool_client(UserPoolId=pool_id, ClientId=app["ClientId"])["UserPoolClient"]
    client.update_user_pool_client(UserPoolId=pool_id, ClientId=app["ClientId"], ClientName="analytics-web",
                                   CallbackURLs=current["CallbackURLs"], AllowedOAuthFlows=["code"],
                                   AllowedOAuthScopes=current["AllowedOAuthScopes"], AllowedOAuthFlowsUserPoolClient=True,
                                   SupportedIdentityProviders=providers,
                                   WriteAttributes=current["WriteAttributes"], ExplicitAuthFlows=current["ExplicitAuthFlows"],
                                   LogoutURLs=current["LogoutURLs"])


def run_audit(url: str, tmp_path: Path, *options: str) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    env = {**os.environ, **CREDENTIALS, "PYTHONPATH": str(PROJECT_ROOT)}
    result = subprocess.run([sys.executable, "-m", "fedctl", "audit", "--env", "prod", "--aws-endpoint-url", url,
                             "--outdir", str(tmp_path / "out"), "--report-dir", str(tmp_path / "reports"), *options],
                            cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300)
    report_file = tmp_path / "reports" / "prod-audit.json"
    return result, json.loads(report_file.read_text()) if report_file.exists() else {}


def alerts(report: dict[str, Any]) -> set[tuple[str, str]]:
    return {(f["address"], f["attribute"]) for f in report["findings"] if f["class"] != "NOISE"}


def test_a_live_federation_as_declared_is_clean(moto: str, declared: DeclaredFederation, tmp_path: Path) -> None:
    provision(moto, declared)
    result, report = run_audit(moto, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert alerts(report) == set()
    assert "live-secret" not in result.stdout + json.dumps(report)


def test_an_identity_provider_added_out_of_band_is_unmanaged(moto: str, declared: DeclaredFederation,
                                                             tmp_path: Path) -> None:
    provision(moto, declared, idp_count=1)
    result, report = run_audit(moto, tmp_path)
    assert result.returncode == 2, result.stderr
    assert alerts(report) == {("identity provider 'Extra000'", "(unmanaged)")}


def test_a_changed_callback_url_breaks_sign_in(moto: str, declared: DeclaredFederation, tmp_path: Path) -> None:
    pool_id = provision(moto, declared)
    client = cognito(moto)
    app = next(c for c in client.list_user_pool_clients(UserPoolId=pool_id, MaxResults=60)["UserPoolClients"]
               if c["ClientName"] == "analytics-web")
    current = client.describe_user_pool_client(UserPoolId=pool_id, ClientId=app["ClientId"])["UserPoolClient"]
    client.update_user_pool_client(UserPoolId=pool_id, ClientId=app["ClientId"], ClientName="analytics-web",
                                   CallbackURLs=["https://evil.example/cb"], AllowedOAuthFlows=["code"],
                                   AllowedOAuthScopes=current["AllowedOAuthScopes"], AllowedOAuthFlowsUserPoolClient=True,
                                   SupportedIdentityProviders=current["SupportedIdentityProviders"],
                                   WriteAttributes=current["WriteAttributes"], ExplicitAuthFlows=current["ExplicitAuthFlows"],
                                   LogoutURLs=current["LogoutURLs"])
    result, report = run_audit(moto, tmp_path)
    assert result.returncode == 2
    finding = next(f for f in report["findings"] if f["attribute"] == "callback_urls")
    assert finding["class"] == "BREAKS_SIGN_IN" and finding["after"] == ["https://evil.example/cb"]


def test_edited_supported_identity_providers_are_reported(moto: str, declared: DeclaredFederation,
                                                         tmp_path: Path) -> None:
    set_web_client_identity_providers(moto, provision(moto, declared), ["Globex", "COGNITO"])
    result, report = run_audit(moto, tmp_path)
    assert result.returncode == 2
    assert ("aws_cognito_user_pool_client.app_client_analytics_web", "supported_identity_providers") in alerts(report)


def test_a_sharded_environment_is_audited_as_a_whole(moto: str, declared: DeclaredFederation,
                                                     tmp_path: Path) -> None:
    # The live federation of the single-stack example; the same environment in 3 shards must
    # find it just as declared, and a client edit in its clients stack as drift.
    config = tmp_path / "environments"
    config.mkdir()
    (config / "prod.yaml").write_text((EXAMPLE_DIR / "prod.yaml").read_text() + "\nshards: 3\n")
    pool_id = provision(moto, declared)
    result, report = run_audit(moto, tmp_path, "--config-dir", str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    assert alerts(report) == set()
    set_web_client_identity_providers(moto, pool_id, ["AcmeOkta"])
    result, report = run_audit(moto, tmp_path, "--config-dir", str(config))
    assert result.returncode == 2, result.stdout + result.stderr
    assert ("aws_cognito_user_pool_client.app_client_analytics_web", "supported_identity_providers") in alerts(report)


def test_a_missing_pool_is_a_clear_error(moto: str, tmp_path: Path) -> None:
    result, _ = run_audit(moto, tmp_path)
    assert result.returncode == 1
    assert "expected one user pool named 'acme-analytics-prod' live; found 0" in result.stderr


# --- both sides: Cognito on moto, Okta on the recorded-response stand-in -------------------------


def run_full_audit(url: str, okta_url: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    env = {**os.environ, **CREDENTIALS, "PYTHONPATH": str(PROJECT_ROOT), "OKTA_ORG_URL": okta_url,
           "OKTA_API_TOKEN": "00recorded-token"}
    result = subprocess.run([sys.executable, "-m", "fedctl", "audit", "--env", "prod", "--aws-endpoint-url", url,
                             "--outdir", str(tmp_path / "out"), "--report-dir", str(tmp_path / "reports")],
                            cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300)
    report_file = tmp_path / "reports" / "prod-audit.json"
    return result, json.loads(report_file.read_text()) if report_file.exists() else {}


def test_both_sides_as_declared_are_clean(moto: str, declared: DeclaredFederation, tmp_path: Path) -> None:
    provision(moto, declared)
    with okta_stand_in(Scenario()) as okta:
        result, report = run_full_audit(moto, okta, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert alerts(report) == set()
    assert "fedctl: prod: reading Okta" in result.stderr


def test_an_okta_group_assignment_removed_by_hand_is_missing(moto: str, declared: DeclaredFederation,
                                                            tmp_path: Path) -> None:
    provision(moto, declared)
    with okta_stand_in(Scenario(drop_last_group_page=True)) as okta:
        result, report = run_full_audit(moto, okta, tmp_path)
    assert result.returncode == 2
    assert {a for a in alerts(report) if a[1] == "(missing)"} == {
        ("okta_app_group_assignments (Acme Analytics)", "(missing)")}
    assert [f["why"] for f in report["findings"] if f["attribute"] == "(missing)"] == ["declared but absent live"] * 2


def test_a_secret_rotated_in_okta_but_not_in_cognito_is_found_without_showing_either(
        moto: str, declared: DeclaredFederation, tmp_path: Path) -> None:
    provision(moto, declared)
    with okta_stand_in(Scenario(secrets="app-secrets-rotated")) as okta:
        result, report = run_full_audit(moto, okta, tmp_path)
    assert result.returncode == 2
    assert alerts(report) == {("identity provider 'AcmeOkta'", "provider_details.client_secret")}
    everything = result.stdout + result.stderr + json.dumps(report)
    assert "rotated-in-okta-only" not in everything and "live-secret" not in everything


def test_throttled_okta_calls_are_retried_after_the_reset_time(moto: str, declared: DeclaredFederation,
                                                               tmp_path: Path) -> None:
    provision(moto, declared)
    scenario = Scenario(throttle_first=1)  # each 429 costs the reset time, a second or two
    with okta_stand_in(scenario) as okta:
        result, report = run_full_audit(moto, okta, tmp_path)
    assert result.returncode == 0, result.stderr
    assert scenario.requests[:2] == ["/api/v1/apps"] * 2  # a 429, then the answer


def test_a_missing_okta_permission_names_the_scope(moto: str, declared: DeclaredFederation, tmp_path: Path) -> None:
    provision(moto, declared)
    with okta_stand_in(Scenario(forbid_groups=True)) as okta:
        result, _ = run_full_audit(moto, okta, tmp_path)
    assert result.returncode == 1
    assert ("Okta denied list_application_group_assignments (403); the API token's admin role, or the OAuth app's "
            "scope okta.appGroups.read, is missing") in result.stderr


def test_a_missing_iam_permission_names_the_action(tmp_path: Path, declared: DeclaredFederation) -> None:
    """moto enforces IAM after its first N requests: the set-up runs unauthenticated, the audit as a
    user who may list pools but not identity providers."""
    setup_calls = 1 + len(declared.of_kind("domain")) + len(declared.of_kind("identity_provider")) + len(
        declared.of_kind("app_client")) + 3
    with moto_server(INITIAL_NO_AUTH_ACTION_COUNT=str(setup_calls)) as url:
        provision(url, declared)
        env = {**os.environ, **credentials_allowed_only(url, "auditor", ["cognito-idp:ListUserPools"]),
               "AWS_DEFAULT_REGION": "eu-west-1", "PYTHONPATH": str(PROJECT_ROOT)}
        env.pop("AWS_SESSION_TOKEN", None)
        result = subprocess.run([sys.executable, "-m", "fedctl", "audit", "--env", "prod", "--aws-endpoint-url", url,
                                 "--outdir", str(tmp_path / "out"), "--report-dir", str(tmp_path / "reports")],
                                cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert ("fedctl: prod: access denied to cognito-idp:ListIdentityProviders; grant the IAM action "
            "cognito-idp:ListIdentityProviders (only read-only access is needed)") in result.stderr
