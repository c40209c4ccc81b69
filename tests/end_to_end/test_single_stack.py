"""The dev example from scratch, through `bin/fedctl` as a user runs it: real Terraform, the real
hashicorp/aws provider against a moto server process, the Okta stand-in provider against the Okta
org stand-in. One environment is applied once per module and shared; the tests run in file order,
each leaving it as declared."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drift.detector import detect_drift
from drift.plan_document import load_plan
from tests.end_to_end.harness import GLOBEX_CLIENT_SECRET, OKTA_API_TOKEN, Tools, Workspace, new_workspace
from tests.end_to_end.okta_org import OktaOrg

pytestmark = pytest.mark.end_to_end
ENV = "dev"


@pytest.fixture(scope="module")
def workspace(fedctl_environment: dict[str, str], tools: Tools, moto: str,
              tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return new_workspace(tmp_path_factory.mktemp("user"), fedctl_environment, ENV, tools, moto)


@pytest.fixture(scope="module")
def applied(workspace: Workspace) -> Iterator[Workspace]:
    code, output = workspace.fedctl("plan", "--env", ENV)
    assert code == 2, output
    code, output = workspace.fedctl("apply", "--env", ENV, "--yes")
    assert code == 0, output
    yield workspace


def pool_id(cognito: Any) -> str:
    pools = cognito.list_user_pools(MaxResults=10)["UserPools"]
    assert [p["Name"] for p in pools] == ["acme-analytics-dev"]
    return str(pools[0]["Id"])


def app_client(cognito: Any, name: str) -> dict[str, Any]:
    pool = pool_id(cognito)
    listed = cognito.list_user_pool_clients(UserPoolId=pool, MaxResults=10)["UserPoolClients"]
    client_id = next(c["ClientId"] for c in listed if c["ClientName"] == name)
    client: dict[str, Any] = cognito.describe_user_pool_client(UserPoolId=pool, ClientId=client_id)["UserPoolClient"]
    return client


def web_client(cognito: Any) -> dict[str, Any]:
    return app_client(cognito, "analytics-web")


def test_apply_builds_the_whole_graph_and_a_second_plan_is_empty(applied: Workspace, cognito: Any,
                                                                 okta: tuple[OktaOrg, str]) -> None:
    pool = pool_id(cognito)
    providers = cognito.list_identity_providers(UserPoolId=pool)["Providers"]
    assert sorted(p["ProviderName"] for p in providers) == ["AcmeOkta", "Globex"]
    assert cognito.describe_user_pool_domain(Domain="acme-analytics-dev")["DomainDescription"]["UserPoolId"] == pool
    client = web_client(cognito)
    assert sorted(client["SupportedIdentityProviders"]) == ["AcmeOkta", "Globex"]

    org = okta[0]
    app = next(iter(org.apps.values()))
    assert app["label"] == "Acme Analytics (dev)"
    assert app["settings"]["oauthClient"]["redirect_uris"] == [
        "https://acme-analytics-dev.auth.eu-west-1.amazoncognito.com/oauth2/idpresponse"]
    assert {org.groups[g]["profile"]["name"] for g in org.assignments[app["id"]]} == {"Engineering",
                                                                                       "analytics-dev-users"}
    assert app["_links"]["accessPolicy"]["href"].endswith(next(iter(org.policies)))
    # The Okta app's client id and secret reached Cognito as references, not copies.
    workforce = cognito.describe_identity_provider(UserPoolId=pool, ProviderName="AcmeOkta")["IdentityProvider"]
    assert workforce["ProviderDetails"]["client_id"] == app["credentials"]["oauthClient"]["client_id"]
    assert workforce["ProviderDetails"]["client_secret"] == app["credentials"]["oauthClient"]["client_secret"]

    code, output = applied.fedctl("plan", "--env", ENV)
    assert code == 0, output
    assert "0 to create, 0 to update, 0 to replace, 0 to delete" in output, output


def test_the_native_client_is_applied_as_a_public_client(applied: Workspace, cognito: Any) -> None:
    mobile = app_client(cognito, "analytics-mobile")
    assert mobile["CallbackURLs"] == ["com.acme.analytics:/oauth2/callback"]
    assert mobile["LogoutURLs"] == ["com.acme.analytics:/signed-out"]
    assert "ClientSecret" not in mobile  # a public client: nothing to ship in the app
    assert mobile["AllowedOAuthFlows"] == ["code"] and mobile["AllowedOAuthFlowsUserPoolClient"] is True
    assert sorted(mobile["SupportedIdentityProviders"]) == ["AcmeOkta", "Globex"]
    # That it then plans empty is the first test's second plan, of the whole stack.


def test_a_refresh_right_after_apply_finds_no_drift(applied: Workspace) -> None:
    code, output = applied.fedctl("drift", "--env", ENV)
    assert code == 0, output
    report = applied.report("drift", f"{ENV}-drift.json")
    assert [f for f in report["findings"] if f["class"] != "NOISE"] == []
    # What the real provider reports on the first refresh, seen as noise rather than drift: an
    # unset list read back empty, and the pool's domain, filled in once the domain existed.
    noise = {(f["address"], f["attribute"]) for f in report["findings"]}
    assert {("aws_cognito_user_pool.user_pool", "auto_verified_attributes"),
            ("aws_cognito_user_pool.user_pool", "domain")} <= noise


def test_audit_is_clean_after_apply_and_finds_an_identity_provider_added_outside(applied: Workspace,
                                                                               cognito: Any) -> None:
    code, output = applied.fedctl("audit", "--env", ENV)
    assert code == 0, output
    assert "reading Okta" in output  # both sides were read, not only Cognito
    pool = pool_id(cognito)
    cognito.create_identity_provider(
        UserPoolId=pool, ProviderName="ShadowIdp", ProviderType="OIDC",
        ProviderDetails={"client_id": "x", "client_secret": "shadow-secret-value", "attributes_request_method": "GET",
                         "oidc_issuer": "https://shadow.example.com", "authorize_scopes": "openid"})
    try:
        code, output = applied.fedctl("audit", "--env", ENV)
        assert code == 2, output
        report = applied.report("audit", f"{ENV}-audit.json")
        assert {(f["address"], f["attribute"]) for f in report["findings"] if f["class"] != "NOISE"} == {
            ("identity provider 'ShadowIdp'", "(unmanaged)")}
    finally:
        cognito.delete_identity_provider(UserPoolId=pool, ProviderName="ShadowIdp")


def test_the_groups_claim_is_applied_and_a_filter_widened_outside_is_found_by_drift_and_audit(
        applied: Workspace, cognito: Any, okta: tuple[OktaOrg, str]) -> None:
    org, url = okta
    app = next(iter(org.apps.values()))
    claim_path = f"/api/v1/internal/apps/{app['id']}/settings/oauth/idToken"
    applied_claim = okta_call(url, "GET", claim_path)
    assert applied_claim == {"issuerMode": "ORG_URL", "name": "groups", "value": "analytics-", "valueType": "GROUPS",
                             "groupFilterType": "STARTS_WITH"}
    pool = pool_id(cognito)
    provider = cognito.describe_identity_provider(UserPoolId=pool, ProviderName="AcmeOkta")["IdentityProvider"]
    assert provider["ProviderDetails"]["authorize_scopes"].split() == ["openid", "profile", "email", "groups"]
    assert provider["AttributeMapping"]["custom:groups"] == "groups"
    schema = cognito.describe_user_pool(UserPoolId=pool)["UserPool"]["SchemaAttributes"]
    groups = next(a for a in schema if a["Name"] == "custom:groups")
    assert (groups["AttributeDataType"], groups["Mutable"], groups["StringAttributeConstraints"]["MaxLength"]) == (
        "String", True, "2048")
    assert "custom:groups" in web_client(cognito)["WriteAttributes"]

    # An Okta admin widens the filter to every group of the org, outside Terraform.
    okta_call(url, "POST", claim_path, {**applied_claim, "groupFilterType": "REGEX", "value": ".*"})
    try:
        code, output = applied.fedctl("drift", "--env", ENV)
        assert code == 2, output
        drifted = {(f["address"], f["attribute"], f["class"]) for f in applied.report("drift", f"{ENV}-drift.json")[
            "findings"] if f["class"] != "NOISE"}
        assert drifted == {("okta_app_oauth.workforce_okta_app", "groups_claim.filter_type", "BREAKS_SIGN_IN"),
                           ("okta_app_oauth.workforce_okta_app", "groups_claim.value", "BREAKS_SIGN_IN")}
        code, output = applied.fedctl("audit", "--env", ENV)
        assert code == 2, output
        audited = {(f["address"], f["attribute"], f["class"]) for f in applied.report("audit", f"{ENV}-audit.json")[
            "findings"] if f["class"] != "NOISE"}
        assert audited == drifted
    finally:
        okta_call(url, "POST", claim_path, applied_claim)
    code, output = applied.fedctl("drift", "--env", ENV)
    assert code == 0, output


def test_renaming_an_identity_provider_is_refused_unless_allowed(applied: Workspace) -> None:
    environment_file = applied.root / "environments" / f"{ENV}.yaml"
    original = environment_file.read_text()
    environment_file.write_text(original.replace("provider_name: AcmeOkta", "provider_name: AcmeWorkforce"))
    try:
        code, output = applied.fedctl("plan", "--env", ENV)
        assert code == 1, output
        assert "aws_cognito_identity_provider.workforce_identity_provider" in output
        assert "FED_906" in output and "loses AcmeOkta" in output  # the app client's side of the rename
        code, output = applied.fedctl("plan", "--env", ENV,
                                      "--allow-replace", "aws_cognito_identity_provider.workforce_identity_provider",
                                      "--allow-replace", "aws_cognito_user_pool_client.app_client_analytics_web",
                                      "--allow-replace", "aws_cognito_user_pool_client.app_client_analytics_mobile")
        assert code == 2, output
    finally:
        environment_file.write_text(original)


def test_changes_made_outside_are_classified_from_terraforms_refresh(applied: Workspace, cognito: Any,
                                                                    okta: tuple[OktaOrg, str]) -> None:
    client = web_client(cognito)
    update = {key: client[key] for key in ("UserPoolId", "ClientId", "ClientName", "LogoutURLs", "AllowedOAuthFlows",
                                           "AllowedOAuthFlowsUserPoolClient", "SupportedIdentityProviders",
                                           "WriteAttributes", "ExplicitAuthFlows")}
    cognito.update_user_pool_client(**update, AllowedOAuthScopes=["openid", "profile"],
                                    CallbackURLs=["https://analytics.dev.acme.example/auth/other-callback",
                                                  "http://localhost:3000/auth/callback"])
    org, url = okta
    app = next(iter(org.apps.values()))
    engineering = next(g for g in org.groups.values() if g["profile"]["name"] == "Engineering")
    okta_call(url, "DELETE", f"/api/v1/apps/{app['id']}/groups/{engineering['id']}")
    old_secret = okta_call(url, "GET", f"/api/v1/apps/{app['id']}/credentials/secrets")[0]
    new_secret = okta_call(url, "POST", f"/api/v1/apps/{app['id']}/credentials/secrets")
    okta_call(url, "POST", f"/api/v1/apps/{app['id']}/credentials/secrets/{old_secret['id']}/lifecycle/deactivate")

    code, output = applied.fedctl("drift", "--env", ENV)
    assert code == 2, output
    report = applied.report("drift", f"{ENV}-drift.json")
    alerts = {(f["address"], f["attribute"]): f["class"] for f in report["findings"] if f["class"] != "NOISE"}
    assert alerts == {
        ("aws_cognito_user_pool_client.app_client_analytics_web", "allowed_oauth_scopes"): "BREAKS_SIGN_IN",
        ("aws_cognito_user_pool_client.app_client_analytics_web", "callback_urls"): "BREAKS_SIGN_IN",
        ("okta_app_group_assignments.workforce_okta_group_assignments", "group"): "BREAKS_SIGN_IN",
        ("okta_app_oauth.workforce_okta_app", "client_secret"): "BREAKS_SIGN_IN",
    }
    written = applied.everything_written()
    for secret in (old_secret["client_secret"], new_secret["client_secret"], OKTA_API_TOKEN, GLOBEX_CLIENT_SECRET,
                   client["ClientSecret"]):
        assert secret not in written


def okta_call(url: str, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    """A call an Okta admin makes with their API token, outside Terraform."""
    import urllib.request

    request = urllib.request.Request(url + path, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": f"SSWS {OKTA_API_TOKEN}", "Accept": "application/json",
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        payload = response.read()
    return json.loads(payload) if payload else None


def test_real_plan_documents_of_the_drifted_stack_parse_and_classify_alike(applied: Workspace,
                                                                             tmp_path: Path) -> None:
    """Plan documents made here by real Terraform and the real AWS provider (not copies of anyone's):
    a refresh-only plan and a normal plan of the stack the previous test drifted."""
    stack = applied.root / "cdktf.out" / "stacks" / ENV
    terraform = applied.environment["TERRAFORM_BINARY"]
    documents = {}
    for kind, flags in (("refresh-only", ["-refresh-only"]), ("normal", [])):
        saved = tmp_path / f"{kind}.tfplan"
        subprocess.run([terraform, "plan", "-input=false", "-lock=false", f"-out={saved}", *flags], cwd=stack,
                       env=applied.environment, check=True, capture_output=True, timeout=300)
        shown = subprocess.run([terraform, "show", "-json", str(saved)], cwd=stack, env=applied.environment,
                               check=True, capture_output=True, text=True, timeout=120)
        documents[kind] = tmp_path / f"{kind}.json"
        documents[kind].write_text(shown.stdout)

    refresh_only = load_plan(documents["refresh-only"])
    normal = load_plan(documents["normal"])
    drifted = {"aws_cognito_user_pool_client.app_client_analytics_web",
               "okta_app_group_assignments.workforce_okta_group_assignments", "okta_app_oauth.workforce_okta_app"}
    assert refresh_only.format_version.startswith("1.")
    assert drifted <= {change.address for change in refresh_only.resource_drift}
    # A refresh-only plan proposes nothing; a normal plan proposes to undo the drift in place.
    assert [c for c in refresh_only.resource_changes if c.action != "no-op"] == []
    assert {"aws_cognito_user_pool_client.app_client_analytics_web",
            "okta_app_group_assignments.workforce_okta_group_assignments"} <= {
        c.address for c in normal.resource_changes if c.action == "update"}

    # `fedctl drift`'s report of this same drifted state: the previous test's, nothing changed since.
    from_fedctl = applied.report("drift", f"{ENV}-drift.json")["findings"]
    from_document = detect_drift(refresh_only).findings
    assert sorted((f.address, f.attribute, f.drift_class.name) for f in from_document) == sorted(
        (f["address"], f["attribute"], f["class"]) for f in from_fedctl)
