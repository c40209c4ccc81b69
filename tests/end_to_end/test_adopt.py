"""`fedctl adopt` end to end, as a team that built its federation by hand would run it: the
federation made through the APIs the consoles use (boto3 against a moto server for Cognito; the
Okta management API of the org stand-in for the app, a group, its assignment and a two-factor
sign-on policy), then `bin/fedctl adopt`, plan (only imports), apply, plan (empty), audit, drift.
Real Terraform 1.11 and hashicorp/aws from the filesystem mirror; self-contained (its own moto
server, Okta stand-in and folders)."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.end_to_end.harness import OKTA_API_TOKEN, REGION, Tools, Workspace, moto_override, run_fedctl, write_overrides
from tests.end_to_end.okta_org import OktaOrg

pytestmark = pytest.mark.end_to_end
OKTA_ISSUER = "https://acme-dev.oktapreview.com"
ENV = "adopted"
MAPPING = {"username": "sub", "email": "email", "email_verified": "email_verified", "name": "name",
           "given_name": "given_name", "family_name": "family_name", "preferred_username": "preferred_username"}


def okta_api(url: str, method: str, path: str, body: Any = None) -> Any:
    """A call an Okta admin makes with their API token (the console's own API)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url + path, method=method, data=data, headers={
        "Authorization": f"SSWS {OKTA_API_TOKEN}", "Accept": "application/json", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        payload = response.read()
    return json.loads(payload) if payload else None


KEYCLOAK_ISSUER = "https://keycloak.globex.example/realms/globex"
KEYCLOAK_SECRET = "keycloak-client-secret-must-never-show"


def build_pool_by_hand(cognito: Any, name: str, prefix: str) -> str:
    """The user pool as the Cognito console's federation walkthrough leaves it."""
    pool = cognito.create_user_pool(
        PoolName=name, DeletionProtection="ACTIVE", UserPoolTier="ESSENTIALS", MfaConfiguration="OFF",
        AdminCreateUserConfig={"AllowAdminCreateUserOnly": True}, UsernameConfiguration={"CaseSensitive": False},
        Policies={"PasswordPolicy": {"MinimumLength": 14, "RequireUppercase": True, "RequireLowercase": True,
                                     "RequireNumbers": True, "RequireSymbols": True,
                                     "TemporaryPasswordValidityDays": 7}},
        AccountRecoverySetting={"RecoveryMechanisms": [{"Name": "admin_only", "Priority": 1}]},
        UserPoolAddOns={"AdvancedSecurityMode": "OFF"},
        Schema=[{"Name": "email", "AttributeDataType": "String", "Required": True, "Mutable": True,
                 "StringAttributeConstraints": {"MinLength": "0", "MaxLength": "2048"}}])["UserPool"]
    cognito.create_user_pool_domain(Domain=prefix, UserPoolId=pool["Id"], ManagedLoginVersion=1)
    return str(pool["Id"])


def build_okta_app_by_hand(url: str, label: str, redirect_uri: str, group_name: str) -> dict[str, Any]:
    """The Okta OIDC web app, its group and assignment, and a two-factor sign-on policy."""
    group = okta_api(url, "POST", "/api/v1/groups", {"profile": {"name": group_name, "description": "sign-in"}})
    app = okta_api(url, "POST", "/api/v1/apps", {
        "label": label, "signOnMode": "OPENID_CONNECT", "name": "oidc_client",
        "settings": {"implicitAssignment": False, "oauthClient": {
            "redirect_uris": [redirect_uri], "grant_types": ["authorization_code"], "response_types": ["code"],
            "application_type": "web", "issuer_mode": "ORG_URL", "consent_method": "TRUSTED",
            "wildcard_redirect": "DISABLED", "idp_initiated_login": {"mode": "DISABLED", "default_scope": []}}},
        "credentials": {"oauthClient": {"token_endpoint_auth_method": "client_secret_post", "pkce_required": False}}})
    policy = okta_api(url, "POST", "/api/v1/policies", {"type": "ACCESS_POLICY", "name": f"{label} sign-on",
                                                        "description": "Two factors for every sign-in to Cognito"})
    okta_api(url, "POST", f"/api/v1/policies/{policy['id']}/rules", {
        "type": "ACCESS_POLICY", "name": "Require two factors", "priority": 1,
        "actions": {"appSignOn": {"access": "ALLOW", "verificationMethod": {"type": "ASSURANCE", "factorMode": "2FA"}}}})
    okta_api(url, "PUT", f"/api/v1/apps/{app['id']}/policies/{policy['id']}")
    okta_api(url, "PUT", f"/api/v1/apps/{app['id']}/groups/{group['id']}", {"priority": 1})
    return dict(app)


def add_okta_provider_by_hand(cognito: Any, pool_id: str, app: dict[str, Any], provider_name: str,
                              mapping: dict[str, str], scopes: str = "openid profile email") -> None:
    credentials = app["credentials"]["oauthClient"]
    cognito.create_identity_provider(
        UserPoolId=pool_id, ProviderName=provider_name, ProviderType="OIDC", AttributeMapping=mapping,
        IdpIdentifiers=["acme.example"],
        ProviderDetails={"client_id": credentials["client_id"], "client_secret": credentials["client_secret"],
                         "oidc_issuer": OKTA_ISSUER, "authorize_scopes": scopes, "attributes_request_method": "GET"})


def build_okta_federation_by_hand(cognito: Any, okta_url: str, name: str, label: str, group: str,
                                  mapping: dict[str, str], scopes: str = "openid profile email") -> tuple[str, dict[str, Any]]:
    """A pool named `name` (also its domain prefix), its Okta app and the `AcmeOkta` provider."""
    pool_id = build_pool_by_hand(cognito, name, name)
    app = build_okta_app_by_hand(okta_url, label, f"https://{name}.auth.{REGION}.amazoncognito.com/oauth2/idpresponse",
                                 group)
    add_okta_provider_by_hand(cognito, pool_id, app, "AcmeOkta", mapping, scopes)
    return pool_id, app


def add_client_by_hand(cognito: Any, pool_id: str, name: str, providers: list[str], callback: str,
                       write_attributes: list[str]) -> None:
    cognito.create_user_pool_client(
        UserPoolId=pool_id, ClientName=name, GenerateSecret=True, AllowedOAuthFlows=["code"],
        AllowedOAuthFlowsUserPoolClient=True, AllowedOAuthScopes=["openid", "email", "profile"],
        CallbackURLs=[callback], SupportedIdentityProviders=providers, WriteAttributes=write_attributes,
        ExplicitAuthFlows=["ALLOW_REFRESH_TOKEN_AUTH"], PreventUserExistenceErrors="ENABLED",
        EnableTokenRevocation=True, AuthSessionValidity=3, AccessTokenValidity=60, IdTokenValidity=60,
        RefreshTokenValidity=7, TokenValidityUnits={"AccessToken": "minutes", "IdToken": "minutes",
                                                    "RefreshToken": "days"})


def apply_and_check_clean(space: Workspace, expected_plan: str, expected_updates: set[str]) -> None:
    """apply (the plan it applies has the expected counts and only the expected in-place updates),
    then plan, audit and drift clean. `fedctl apply` prints and writes the same plan summary as
    `fedctl plan`, so no separate plan first (the seed's test runs that one)."""
    code, output = space.fedctl("apply", "--env", ENV, "--yes")
    assert code == 0, output
    assert f"{ENV}: {expected_plan}" in output, output
    summary = space.report("plan", f"{ENV}-plan.json")
    assert {(c["address"], c["action"]) for c in summary["changes"]} == {(a, "update") for a in expected_updates}
    for command in ("plan", "audit", "drift"):
        code, output = space.fedctl(command, "--env", ENV)
        assert code == 0, output


def fixes(output: str) -> list[str]:
    return [line.removeprefix("fix: ") for line in output.splitlines() if line.startswith("fix: ")]


def adopt(space: Workspace, tools: Tools, moto: str, *arguments: str) -> tuple[int, str]:
    result = run_fedctl("adopt", "--env", ENV, "--region", REGION, "--okta-issuer", OKTA_ISSUER,
                        "--config-dir", str(space.root / "environments"), *arguments, cwd=space.root,
                        environment=space.environment)
    code, output = result.returncode, result.stdout + result.stderr
    space.outputs.append(output)
    if code == 0:
        synthesized, synth_output = space.fedctl("synth", "--env", ENV)
        assert synthesized == 0, synth_output
        write_overrides([space.root / "cdktf.out" / "stacks" / ENV], moto_override(moto, tools.aws_version))
    return code, output


@pytest.fixture(scope="module")
def seed(cognito: Any, okta: tuple[OktaOrg, str]) -> str:
    """The seed's single Okta federation, built by hand."""
    pool_id, _ = build_okta_federation_by_hand(cognito, okta[1], "acme-analytics-dev", "Acme Analytics (dev)",
                                               "analytics-dev-users", MAPPING)
    add_client_by_hand(cognito, pool_id, "analytics-web", ["AcmeOkta"], "https://analytics.dev.acme.example/cb",
                       sorted(a for a in MAPPING if a != "username"))
    return pool_id


def test_adopting_the_seed_federation_imports_it_and_then_manages_it(
        seed: str, fedctl_environment: dict[str, str], tools: Tools, moto: str, cognito: Any,
        okta: tuple[OktaOrg, str], tmp_path_factory: pytest.TempPathFactory) -> None:
    space = Workspace(tmp_path_factory.mktemp("adopt-seed"), fedctl_environment)
    code, output = adopt(space, tools, moto, "--user-pool-id", seed)
    assert code == 0, output
    written = (space.root / "environments" / f"{ENV}.yaml").read_text()
    assert "imports:" in written and f"aws_cognito_user_pool.user_pool: {seed}" in written, written
    assert "kind: okta" in written, written
    assert [line for line in output.splitlines() if line.startswith("fix:")] == [
        "fix: Okta app Acme Analytics (dev): sign-on policy's catch-all rule set to deny (catch_all false): only the "
        "two-factor rule lets anyone in (FED_213)"], output

    code, output = space.fedctl("plan", "--env", ENV)
    assert code == 2, output
    assert f"{ENV}: 8 to import, 0 to create, 2 to update, 0 to replace, 0 to delete" in output, output
    summary = space.report("plan", f"{ENV}-plan.json")
    assert {(c["address"], c["action"]) for c in summary["changes"]} == {
        ("okta_app_signon_policy.acme_okta_okta_sign_on_policy", "update"),  # the listed fix
        ("aws_cognito_identity_provider.acme_okta_identity_provider", "update")}  # the secret's sensitivity only
    code, output = space.fedctl("apply", "--env", ENV, "--yes")
    assert code == 0, output
    code, output = space.fedctl("plan", "--env", ENV)
    assert code == 0, output
    assert "0 to create, 0 to update, 0 to replace, 0 to delete" in output, output
    code, output = space.fedctl("audit", "--env", ENV)
    assert code == 0, output
    code, output = space.fedctl("drift", "--env", ENV)
    assert code == 0, output
    # Removing the imports once applied changes nothing.
    environment_file = space.root / "environments" / f"{ENV}.yaml"
    environment_file.write_text(environment_file.read_text().split("\nimports:\n")[0] + "\n")
    code, output = space.fedctl("plan", "--env", ENV)
    assert code == 0, output
    app = next(a for a in okta[0].apps.values() if a["label"] == "Acme Analytics (dev)")
    everything = space.everything_written() + written
    assert app["credentials"]["oauthClient"]["client_secret"] not in everything
    assert OKTA_API_TOKEN not in everything


def test_a_pool_with_okta_and_a_keycloak_provider_and_two_clients(
        cognito: Any, okta: tuple[OktaOrg, str], fedctl_environment: dict[str, str], tools: Tools, moto: str,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    pool_id, _ = build_okta_federation_by_hand(cognito, okta[1], "acme-partners", "Acme Partners", "partners-users",
                                               MAPPING)
    cognito.create_identity_provider(
        UserPoolId=pool_id, ProviderName="GlobexKeycloak", ProviderType="OIDC", IdpIdentifiers=["globex.example"],
        AttributeMapping={k: v for k, v in MAPPING.items() if k != "preferred_username"},
        ProviderDetails={"client_id": "cognito-partners", "client_secret": KEYCLOAK_SECRET,
                         "oidc_issuer": KEYCLOAK_ISSUER, "authorize_scopes": "openid profile email",
                         "attributes_request_method": "GET"})
    add_client_by_hand(cognito, pool_id, "partners-web", ["AcmeOkta", "GlobexKeycloak"],
                       "https://partners.acme.example/cb", sorted(a for a in MAPPING if a != "username"))
    add_client_by_hand(cognito, pool_id, "partners-admin", ["AcmeOkta"], "https://admin.partners.acme.example/cb",
                       sorted(a for a in MAPPING if a != "username"))
    space = Workspace(tmp_path_factory.mktemp("adopt-partners"),
                      {**fedctl_environment, "TF_VAR_globex_keycloak_client_secret": KEYCLOAK_SECRET})
    code, output = adopt(space, tools, moto, "--user-pool-name", "acme-partners")
    assert code == 0, output
    written = (space.root / "environments" / f"{ENV}.yaml").read_text()
    assert "kind: oidc" in written and f"issuer: {KEYCLOAK_ISSUER}" in written, written
    assert "terraform_variable: globex_keycloak_client_secret" in written, written
    assert "note: identity provider GlobexKeycloak: set the Terraform variable globex_keycloak_client_secret" in output
    apply_and_check_clean(space, "10 to import, 0 to create, 3 to update, 0 to replace", {
        "okta_app_signon_policy.acme_okta_okta_sign_on_policy",  # the listed fix
        # the client secrets' sensitivity only
        "aws_cognito_identity_provider.acme_okta_identity_provider",
        "aws_cognito_identity_provider.globex_keycloak_identity_provider"})
    assert fixes(output) == [
        "Okta app Acme Partners: sign-on policy's catch-all rule set to deny (catch_all false): only the two-factor "
        "rule lets anyone in (FED_213)"]
    assert KEYCLOAK_SECRET not in space.everything_written() + written


def test_a_non_compliant_federation_is_adopted_with_its_fixes_listed(
        cognito: Any, okta: tuple[OktaOrg, str], fedctl_environment: dict[str, str], tools: Tools, moto: str,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    without_email = {k: v for k, v in MAPPING.items() if k != "email"}
    pool_id, _ = build_okta_federation_by_hand(cognito, okta[1], "acme-legacy", "Acme Legacy", "legacy-users",
                                               without_email, scopes="openid profile")
    add_client_by_hand(cognito, pool_id, "legacy-web", ["AcmeOkta"], "https://legacy.acme.example/cb",
                       sorted(a for a in without_email if a != "username"))
    space = Workspace(tmp_path_factory.mktemp("adopt-legacy"), fedctl_environment)
    code, output = adopt(space, tools, moto, "--user-pool-id", pool_id)
    assert code == 0, output
    assert fixes(output) == [
        "identity provider AcmeOkta: email ← email mapped (FED_102)",
        "identity provider AcmeOkta: authorize scopes openid profile → openid profile email (FED_004)",
        "Okta app Acme Legacy: sign-on policy's catch-all rule set to deny (catch_all false): only the two-factor "
        "rule lets anyone in (FED_213)",
        "app client legacy-web: write attributes → exactly the mapped ones: email, email_verified, family_name, "
        "given_name, name, preferred_username (FED_107/FED_413)"], output
    apply_and_check_clean(space, "8 to import, 0 to create, 3 to update, 0 to replace", {
        "okta_app_signon_policy.acme_okta_okta_sign_on_policy",
        "aws_cognito_identity_provider.acme_okta_identity_provider",
        "aws_cognito_user_pool_client.app_client_legacy_web"})
    provider = cognito.describe_identity_provider(UserPoolId=pool_id, ProviderName="AcmeOkta")["IdentityProvider"]
    assert provider["AttributeMapping"]["email"] == "email"
    assert provider["ProviderDetails"]["authorize_scopes"] == "openid profile email"


def test_a_pool_with_a_saml_provider_is_refused_and_nothing_is_written(
        cognito: Any, fedctl_environment: dict[str, str], tools: Tools, moto: str,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    pool_id = build_pool_by_hand(cognito, "acme-saml", "acme-saml")
    cognito.create_identity_provider(UserPoolId=pool_id, ProviderName="CorpSaml", ProviderType="SAML",
                                     ProviderDetails={"MetadataURL": "https://idp.corp.example/metadata"})
    add_client_by_hand(cognito, pool_id, "saml-web", ["CorpSaml"], "https://saml.acme.example/cb", ["email"])
    space = Workspace(tmp_path_factory.mktemp("adopt-saml"), fedctl_environment)
    code, output = adopt(space, tools, moto, "--user-pool-id", pool_id)
    assert code == 1, output
    assert ("fedctl: cannot adopt: identity provider CorpSaml: type SAML cannot be expressed in the configuration "
            "(OIDC federations only)") in output, output
    assert "nothing written" in output
    assert not (space.root / "environments").exists() or not any((space.root / "environments").iterdir())
