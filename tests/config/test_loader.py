"""The environment files: the example loads; every mistake is one precise line, all at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from config.aws_regions import cognito_regions
from config.errors import ConfigError
from config.loader import load_environment, load_environments
from config.model import CloudWorkspaceByName, SecretFromSecretsManager, SecretFromVariable
from tests.conftest import EXAMPLE_DIR

Mutation = Callable[[dict[str, Any]], None]
ALLOWED_URLS = ("expected an absolute https:// URL or a native app's private-use URI such as "
                "com.example.app:/callback, without '*', '#fragment' or user information")
NOT_A_REGION = ("not an AWS region (AWS SDK endpoint data); expected a region with Amazon Cognito user pools: "
                + ", ".join(cognito_regions()))


class WithoutAliases(yaml.SafeDumper):
    """Writes a value shared by two places twice, as a person would (fedctl refuses YAML aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def problems_after(tmp_path: Path, mutate: Mutation, name: str = "prod") -> tuple[str, list[str]]:
    """Loads the example `name` after `mutate`; returns the file as shown and the problem lines."""
    document = yaml.safe_load((EXAMPLE_DIR / f"{name}.yaml").read_text())
    mutate(document)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.dump(document, Dumper=WithoutAliases, sort_keys=False))
    with pytest.raises(ConfigError) as raised:
        load_environment(path)
    return str(path), list(raised.value.problems)


def federation(document: dict[str, Any], name: str) -> dict[str, Any]:
    return next(f for f in document["federations"] if f["name"] == name)


def client(document: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in document["app_clients"] if c["name"] == name)


def test_example_environments_load_into_typed_objects() -> None:
    dev, prod = load_environments(EXAMPLE_DIR)
    assert (dev.name, prod.name) == ("dev", "prod")
    assert prod.production and not dev.production
    assert [f.kind for f in prod.federations] == ["okta", "oidc"]
    workforce = prod.federation("workforce")
    assert workforce.okta is not None and workforce.okta.org_url == "https://acme.okta.com"
    assert dict(workforce.attribute_mapping)["username"] == "sub"
    assert isinstance(prod.federation("globex").oidc.client_secret, SecretFromSecretsManager)  # type: ignore[union-attr]
    assert isinstance(dev.federation("globex").oidc.client_secret, SecretFromVariable)  # type: ignore[union-attr]
    assert isinstance(prod.cloud.workspace, CloudWorkspaceByName)  # type: ignore[union-attr]


def test_config_objects_are_immutable() -> None:
    prod = load_environments(EXAMPLE_DIR, ["prod"])[0]
    with pytest.raises(AttributeError):
        prod.region = "us-east-1"  # type: ignore[misc]


def test_default_mapping_keeps_username_email_and_email_verified() -> None:
    dev = load_environments(EXAMPLE_DIR, ["dev"])[0]
    for fed in dev.federations:
        mapping = dict(fed.attribute_mapping)
        assert {k: mapping[k] for k in ("username", "email", "email_verified")} == {
            "username": "sub", "email": "email", "email_verified": "email_verified"}


def test_http_localhost_callback_is_allowed_outside_production() -> None:
    dev = load_environments(EXAMPLE_DIR, ["dev"])[0]
    assert "http://localhost:3000/auth/callback" in dev.app_clients[0].callback_urls


def test_unknown_environment_name_lists_the_available_ones() -> None:
    with pytest.raises(ConfigError) as raised:
        load_environments(EXAMPLE_DIR, ["staging"])
    assert raised.value.problems[0].endswith(": no environment 'staging'; expected one of dev, prod")


def test_malformed_yaml_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text("aws:\n  region: eu-west-1\nuser_pool: [unclosed\n")
    with pytest.raises(ConfigError) as raised:
        load_environment(path)
    (line,) = raised.value.problems
    assert line.startswith(f"{path}: line ") and "malformed YAML" in line


def test_duplicate_yaml_key_is_an_error_not_last_one_wins(tmp_path: Path) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text("aws:\n  region: eu-west-1\naws:\n  region: us-east-1\n")
    with pytest.raises(ConfigError) as raised:
        load_environment(path)
    assert raised.value.problems == (f"{path}: line 3, column 1: malformed YAML: duplicate key 'aws'",)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    def three_mistakes(d: dict[str, Any]) -> None:
        d["aws"]["region"] = "Europe"
        d["user_pool"]["domain"]["prefix"] = "aws-login"
        client(d, "analytics-web")["scopes"] = ["email"]

    file, lines = problems_after(tmp_path, three_mistakes)
    assert lines == [
        f"{file}: aws.region: got 'Europe'; {NOT_A_REGION}",
        f"{file}: user_pool.domain.prefix: got 'aws-login'; a Cognito domain prefix may not contain "
        "'aws', 'amazon', 'cognito' (FED_602)",
        f"{file}: app_clients[analytics-web].scopes: must include 'openid': Cognito issues an ID token "
        "only for it (FED_403)",
    ]


# One mistake each; the expected line names the path and what is allowed (rules section 6).
CASES: list[tuple[str, Mutation, str | tuple[str, ...]]] = [
    ("unknown key",
     lambda d: d["user_pool"].update(colour="blue"),
     "user_pool.colour: unknown key; allowed: deletion_protection, domain, feature_tier, mfa, name, "
     "schema, threat_protection"),
    ("duplicate federation name",
     lambda d: d["federations"].append(dict(federation(d, "globex"))),
     "federations[globex]: duplicate federation 'globex'; names must be unique"),
    ("duplicate app client name",
     lambda d: d["app_clients"].append(dict(client(d, "analytics-reports"))),
     "app_clients[analytics-reports]: duplicate app client 'analytics-reports'; names must be unique"),
    ("duplicate okta group",
     lambda d: federation(d, "workforce")["okta"]["groups"].append({"name": "Engineering"}),
     "federations[workforce].okta.groups[Engineering]: duplicate group 'Engineering'; names must be unique"),
    ("domain prefix with cognito (case 40)",
     lambda d: d["user_pool"]["domain"].update(prefix="acme-cognito"),
     "user_pool.domain.prefix: got 'acme-cognito'; a Cognito domain prefix may not contain 'aws', "
     "'amazon', 'cognito' (FED_602)"),
    ("domain prefix with amazon",
     lambda d: d["user_pool"]["domain"].update(prefix="amazonlogin"),
     "user_pool.domain.prefix: got 'amazonlogin'; a Cognito domain prefix may not contain 'aws', "
     "'amazon', 'cognito' (FED_602)"),
    ("certificate outside us-east-1 (case 40)",
     lambda d: d["user_pool"]["domain"].update(
         certificate_arn="arn:aws:acm:eu-west-1:111122223333:certificate/4f1c2b7e"),
     "user_pool.domain.certificate_arn: got 'arn:aws:acm:eu-west-1:111122223333:certificate/4f1c2b7e'; "
     "expected an ACM certificate ARN in us-east-1 (FED_603)"),
    ("http callback (case 34)",
     lambda d: client(d, "analytics-web").update(callback_urls=["http://analytics.acme.example/cb"]),
     "app_clients[analytics-web].callback_urls[0]: got 'http://analytics.acme.example/cb': it uses http://; "
     "Cognito requires https except http://localhost for testing; " + ALLOWED_URLS),
    ("localhost callback in production (case 34)",
     lambda d: client(d, "analytics-web").update(callback_urls=["http://localhost:3000/cb"]),
     "app_clients[analytics-web].callback_urls[0]: got 'http://localhost:3000/cb'; http://localhost is "
     "allowed only outside production"),
    ("callback with fragment (case 34)",
     lambda d: client(d, "analytics-web").update(callback_urls=["https://app.acme.example/cb#frag"]),
     "app_clients[analytics-web].callback_urls[0]: got 'https://app.acme.example/cb#frag': it has a "
     "'#fragment': a redirect URI must not include one (RFC 6749 §3.1.2); " + ALLOWED_URLS),
    ("wildcard callback (case 34)",
     lambda d: client(d, "analytics-web").update(callback_urls=["https://*.acme.example/cb"]),
     "app_clients[analytics-web].callback_urls[0]: got 'https://*.acme.example/cb': it has a '*': Cognito "
     "matches redirect URIs exactly, there are no wildcards; " + ALLOWED_URLS),
    ("http logout url",
     lambda d: client(d, "analytics-web").update(logout_urls=["http://analytics.acme.example/bye"]),
     "app_clients[analytics-web].logout_urls[0]: got 'http://analytics.acme.example/bye': it uses http://; "
     "Cognito requires https except http://localhost for testing; " + ALLOWED_URLS),
    ("client scopes without openid (case 31)",
     lambda d: client(d, "analytics-web").update(scopes=["email", "profile"]),
     "app_clients[analytics-web].scopes: must include 'openid': Cognito issues an ID token only for it "
     "(FED_403)"),
    ("admin scope on a federated client (case 31)",
     lambda d: client(d, "analytics-web").update(scopes=["openid", "aws.cognito.signin.user.admin"]),
     "app_clients[analytics-web].scopes[1]: got 'aws.cognito.signin.user.admin'; it lets a federated "
     "user rewrite mapped attributes and is not allowed on a federated client (FED_403)"),
    ("invalid scope Cognito (case 31)",
     lambda d: client(d, "analytics-web").update(scopes=["openid", "Cognito"]),
     "app_clients[analytics-web].scopes[1]: got 'Cognito'; expected one of email, openid, phone, profile "
     "or a resource-server scope <identifier>/<name> (FED_403)"),
    ("access token of two days (case 36)",
     lambda d: client(d, "analytics-web")["token_validity"].update(access_minutes=2880),
     "app_clients[analytics-web].token_validity.access_minutes: got 2880; expected a whole number from "
     "5 to 60 minutes"),
    ("refresh token of ten years (case 36)",
     lambda d: client(d, "analytics-web")["token_validity"].update(refresh_days=3650),
     "app_clients[analytics-web].token_validity.refresh_days: got 3650; expected a whole number from "
     "1 to 30 days"),
    ("unknown federation trusted by a client",
     lambda d: client(d, "analytics-reports").update(identity_providers=["initech"]),
     "app_clients[analytics-reports].identity_providers[0]: unknown federation 'initech'; expected one of "
     "workforce, globex"),
    ("deletion protection off in production (case 37)",
     lambda d: d["user_pool"].update(deletion_protection=False),
     "user_pool.deletion_protection: got false; expected true in a production environment (FED_501)"),
    ("MFA off while local users are allowed (case 37)",
     lambda d: (d["user_pool"].update(mfa="OFF"), client(d, "analytics-web").update(allow_local_users=True)),
     "user_pool.mfa: got OFF while an app client allows local users; expected ON or OPTIONAL (FED_502)"),
    ("threat protection without the Plus tier (case 38)",
     lambda d: d["user_pool"].update(threat_protection="ENFORCED"),
     "user_pool.threat_protection: got ENFORCED with feature_tier ESSENTIALS; threat protection needs "
     "feature_tier PLUS (FED_503)"),
    ("feature tier spelled in lower case",
     lambda d: d["user_pool"].update(feature_tier="essentials"),
     "user_pool.feature_tier: got 'essentials'; expected one of LITE, ESSENTIALS, PLUS"),
    ("reserved provider name (case 11)",
     lambda d: federation(d, "globex").update(provider_name="Google"),
     "federations[globex].provider_name: got 'Google'; reserved for Cognito's own providers: COGNITO, "
     "Cognito, Facebook, Google, LoginWithAmazon, SignInWithApple (FED_012)"),
    ("provider name of 33 characters (case 11)",
     lambda d: federation(d, "globex").update(provider_name="G" * 33),
     f"federations[globex].provider_name: got '{'G' * 33}'; expected 2-32 letters, digits or .+=@- "
     "(no underscore or space; FED_012)"),
    ("username mapped from email (case 12)",
     lambda d: federation(d, "globex").update(attribute_mapping={"username": "email"}),
     "federations[globex].attribute_mapping.username: got 'email'; username is always mapped from 'sub' "
     "and cannot be changed (FED_101/FED_102)"),
    ("email_verified mapped from another claim (case 13)",
     lambda d: federation(d, "globex").update(attribute_mapping={"email_verified": "verified"}),
     "federations[globex].attribute_mapping.email_verified: got 'verified'; email_verified is always "
     "mapped from 'email_verified' and cannot be changed (FED_101/FED_102)"),
    ("required pool attribute not mapped (case 14)",
     lambda d: (d["user_pool"]["schema"].append({"name": "custom:team", "required": True}),
                federation(d, "globex")["attribute_mapping"].update({"custom:team": "team"})),
     "federations[workforce].attribute_mapping: does not map custom:team, which user_pool.schema marks "
     "required; sign-in fails with 'attributes required' (FED_104)"),
    ("mapping to an undeclared custom attribute (case 15)",
     lambda d: federation(d, "workforce").update(attribute_mapping={"custom:teams": "teams"}),
     "federations[workforce].attribute_mapping.custom:teams: maps to custom:teams, which "
     "user_pool.schema does not declare (FED_105)"),
    ("immutable mapped email (case 16)",
     lambda d: d["user_pool"]["schema"][0].update(mutable=False),
     tuple(f"federations[{name}].attribute_mapping.email: maps to email, which is immutable in "
           "user_pool.schema; Cognito rewrites mapped attributes at every sign-in, so it must be mutable "
           "(FED_106)" for name in ("workforce", "globex"))),
    ("custom attribute too short (case 18)",
     lambda d: d["user_pool"]["schema"][1].update(max_length=256),
     "federations[globex].attribute_mapping.custom:department: maps to custom:department with max_length "
     "256; expected 2048 so long claims do not fail sign-in (FED_108)"),
    ("claim whose scope is not requested (FED_806)",
     lambda d: federation(d, "workforce").update(attribute_mapping={"phone_number": "phone_number"}),
     "federations[workforce].attribute_mapping.phone_number: claim 'phone_number' is only sent with "
     "scope 'phone', which this federation does not request (openid profile email) (FED_806)"),
    ("okta app without groups (case 28)",
     lambda d: federation(d, "workforce")["okta"].update(groups=[]),
     "federations[workforce].okta.groups: expected at least one group: users of an unassigned app get "
     "'User is not assigned to the client application' (FED_301)"),
    ("unknown okta base url",
     lambda d: federation(d, "workforce")["okta"].update(base_url="okta.example"),
     "federations[workforce].okta.base_url: got 'okta.example'; expected one of okta-emea.com, okta.com, "
     "oktapreview.com"),
    ("http issuer (case 6)",
     lambda d: federation(d, "globex")["oidc"].update(issuer="http://dev-1.okta.com"),
     "federations[globex].oidc.issuer: got 'http://dev-1.okta.com'; expected an https:// issuer URL "
     "without trailing '/', query, fragment, port or /.well-known path (FED_006)"),
    ("issuer with trailing slash (case 6)",
     lambda d: federation(d, "globex")["oidc"].update(issuer="https://dev-1.okta.com/"),
     "federations[globex].oidc.issuer: got 'https://dev-1.okta.com/'; expected an https:// issuer URL "
     "without trailing '/', query, fragment, port or /.well-known path (FED_006)"),
    ("issuer with port (case 6)",
     lambda d: federation(d, "globex")["oidc"].update(issuer="https://dev-1.okta.com:8443"),
     "federations[globex].oidc.issuer: got 'https://dev-1.okta.com:8443'; expected an https:// issuer "
     "URL without trailing '/', query, fragment, port or /.well-known path (FED_006)"),
    ("issuer with discovery path (case 6)",
     lambda d: federation(d, "globex")["oidc"].update(
         issuer="https://dev-1.okta.com/oauth2/default/.well-known/openid-configuration"),
     "federations[globex].oidc.issuer: got 'https://dev-1.okta.com/oauth2/default/.well-known/openid-"
     "configuration'; expected an https:// issuer URL without trailing '/', query, fragment, port or "
     "/.well-known path (FED_006)"),
    ("scopes without openid (case 4)",
     lambda d: federation(d, "globex")["oidc"].update(authorize_scopes=["profile", "email"]),
     "federations[globex].oidc.authorize_scopes: missing openid; expected at least openid profile email "
     "(FED_004)"),
    ("scopes comma-separated (case 4)",
     lambda d: federation(d, "globex")["oidc"].update(authorize_scopes=["openid,profile,email"]),
     ("federations[globex].oidc.authorize_scopes: missing openid, profile, email; expected at least openid "
      "profile email (FED_004)",
      "federations[globex].oidc.authorize_scopes[0]: got 'openid,profile,email'; expected one of email, "
      "groups, openid, profile (one scope per item, no commas; FED_004)")),
    ("attributes request method PUT (case 5)",
     lambda d: federation(d, "globex")["oidc"].update(attributes_request_method="PUT"),
     "federations[globex].oidc.attributes_request_method: got 'PUT'; expected one of GET, POST"),
    ("attributes request method in lower case (case 5)",
     lambda d: federation(d, "globex")["oidc"].update(attributes_request_method="get"),
     "federations[globex].oidc.attributes_request_method: got 'get'; expected one of GET, POST"),
    ("identifier used by two federations",
     lambda d: federation(d, "globex").update(idp_identifiers=["acme.example"]),
     "federations[globex].idp_identifiers[0]: 'acme.example' is already used by federation 'workforce'; "
     "Cognito needs identifiers unique in the pool"),
    ("cloud backend with both workspace and tags",
     lambda d: d["state"]["cloud"].update(tags=["x"]),
     "state.cloud: expected exactly one of workspace (a name) or tags (a list)"),
    ("callback URL with an unclosed [ (urllib raises on it)",
     lambda d: client(d, "analytics-web").update(callback_urls=["https://[openid, email"]),
     "app_clients[analytics-web].callback_urls[0]: got 'https://[openid, email': it has a space or a control "
     "character; " + ALLOWED_URLS),
    ("terraform version that is no version",
     lambda d: d["state"]["cloud"].update(terraform_version="latest"),
     "state.cloud.terraform_version: got 'latest'; expected a Terraform version or constraint, e.g. 1.11.4 or "
     "~> 1.11.0"),
]


@pytest.mark.parametrize(("mutate", "expected"), [(m, e) for _, m, e in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_naming_file_path_value_and_what_is_allowed(
        tmp_path: Path, mutate: Mutation, expected: str | tuple[str, ...]) -> None:
    file, lines = problems_after(tmp_path, mutate)
    expected_lines = (expected,) if isinstance(expected, str) else expected
    assert lines == [f"{file}: {line}" for line in expected_lines]


def test_a_long_terraform_version_wrong_only_at_its_end_is_one_line(tmp_path: Path) -> None:
    """The pattern gives every space to one part, so this is refused at once instead of after 2^3000 tries."""
    file, lines = problems_after(tmp_path, lambda d: d["state"]["cloud"].update(terraform_version="1, " * 3000 + "x"))
    assert len(lines) == 1 and lines[0].startswith(f"{file}: state.cloud.terraform_version: got '1, 1, ")
    assert lines[0].endswith("; expected a Terraform version or constraint, e.g. 1.11.4 or ~> 1.11.0")


def test_literal_secret_is_rejected_without_echoing_it(tmp_path: Path) -> None:
    secret = "pr0d-Secret-Value-123"
    file, lines = problems_after(
        tmp_path, lambda d: federation(d, "globex")["oidc"].update(client_secret=secret))
    assert lines == [
        f"{file}: federations[globex].oidc.client_secret: a literal secret is not accepted (value not shown); "
        "expected {terraform_variable: NAME} or {secrets_manager: {secret_id: ...}} (FED_011)"]
    assert secret not in "\n".join(lines)


def test_okta_api_token_in_config_is_rejected_without_echoing_it(tmp_path: Path) -> None:
    token = "00abcdefSECRETtoken"
    file, lines = problems_after(tmp_path, lambda d: federation(d, "workforce")["okta"].update(api_token=token))
    assert lines == [
        f"{file}: federations[workforce].okta.api_token: credentials are never configuration (value not "
        "shown); provide them through the environment, e.g. OKTA_API_TOKEN or the AWS credential chain (FED_701)"]
    assert token not in "\n".join(lines)


def test_missing_sections_are_each_reported(tmp_path: Path) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text("production: false\n")
    with pytest.raises(ConfigError) as raised:
        load_environment(path)
    assert list(raised.value.problems) == [
        f"{path}: aws: missing; expected a mapping",
        f"{path}: aws.region: missing; expected an AWS region such as eu-west-1",
        f"{path}: user_pool: missing; expected a mapping",
        f"{path}: user_pool.name: missing; expected 1-128 letters, digits, spaces or +=,.@-",
        f"{path}: user_pool.domain: missing; expected a mapping",
        f"{path}: user_pool.domain: expected prefix, custom_domain with certificate_arn, or both (FED_601)",
        f"{path}: federations: missing; expected a list with at least one item",
        f"{path}: app_clients: missing; expected a list with at least one item",
    ]


def test_problems_of_several_files_are_reported_together(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("aws: {region: nowhere}\n")
    (tmp_path / "b.yaml").write_text("aws: [\n")
    with pytest.raises(ConfigError) as raised:
        load_environments(tmp_path)
    files = {line.split(":", 1)[0] for line in raised.value.problems}
    assert files == {str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")}
