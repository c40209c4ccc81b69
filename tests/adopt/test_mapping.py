"""A live federation → the environment document, its imports, the listed fixes and the refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from adopt.adopt import AdoptRequest, map_live
from adopt.environment_file import write_checked
from adopt.result import Adoption
from config.errors import ConfigError
from tests.adopt.live_pools import OKTA_ISSUER, POOL_ID, okta_app, seed

LOCAL = {"backend": "local"}


def adopted(live: dict[str, Any], production: bool = False, with_okta: bool = True) -> Adoption:
    request = AdoptRequest(region="eu-west-1", production=production, okta_issuer=OKTA_ISSUER if with_okta else None,
                           state=LOCAL)
    return map_live(live, request, (lambda client_id: okta_app() if client_id == "0oa1app" else None)
                    if with_okta else None)


def test_the_seed_federation_maps_to_the_file_a_person_would_write(tmp_path: Path) -> None:
    adoption = adopted(seed())
    assert adoption.blockers == [] and adoption.fixes[0].rule == "FED_213"  # the catch-all rule, nothing else
    assert len(adoption.fixes) == 1
    document = adoption.document
    assert document["user_pool"]["schema"] == [{"name": "email", "required": True}, {"name": "custom:department"}]
    assert document["user_pool"]["domain"] == {"prefix": "acme-analytics"}
    federation = document["federations"][0]
    assert federation["kind"] == "okta" and federation["name"] == "acme-okta"
    assert federation["okta"] == {"org_name": "acme", "base_url": "okta.com", "app_label": "Acme Analytics",
                                  "groups": [{"name": "analytics-users"}]}
    assert federation["attribute_mapping"] == {}  # exactly the defaults
    client = document["app_clients"][0]
    assert client["identity_providers"] == ["acme-okta"] and client["adopted"] is True
    assert client["token_validity"] == {"access_minutes": 60, "id_minutes": 60, "refresh_days": 7}
    assert adoption.imports == {
        "aws_cognito_user_pool.user_pool": POOL_ID,
        "aws_cognito_user_pool_domain.prefix_domain": "acme-analytics",
        "aws_cognito_identity_provider.acme_okta_identity_provider": f"{POOL_ID}:AcmeOkta",
        "okta_app_oauth.acme_okta_okta_app": "0oa1app",
        "okta_app_group_assignments.acme_okta_okta_group_assignments": "0oa1app",
        "okta_app_signon_policy.acme_okta_okta_sign_on_policy": "rst1",
        "okta_app_signon_policy_rule.acme_okta_okta_sign_on_two_factors": "rst1/0pr1",
        "aws_cognito_user_pool_client.app_client_analytics_web": f"{POOL_ID}/client1",
    }
    target = tmp_path / "environments" / "acme.yaml"
    write_checked(target, document)  # the loader accepts it
    assert "imports:" in target.read_text()


def test_rule_violations_are_fixed_and_listed_with_their_rule_ids() -> None:
    live = seed()
    idp = live["providers"][0]
    idp["ProviderDetails"]["authorize_scopes"] = "openid profile"
    del idp["AttributeMapping"]["email"]
    idp["AttributeMapping"]["username"] = "email"
    client = live["clients"][0]
    client["AllowedOAuthFlows"] = ["code", "implicit"]
    client["CallbackURLs"] = ["http://analytics.acme.example/cb", "http://localhost:3000/cb"]
    client["AccessTokenValidity"], client["TokenValidityUnits"]["AccessToken"] = 1, "days"
    lines = [fix.line() for fix in adopted(live, production=True).fixes]
    assert "identity provider AcmeOkta: username mapped from sub instead of email (FED_101)" in lines
    assert "identity provider AcmeOkta: email ← email mapped (FED_102)" in lines
    assert "identity provider AcmeOkta: authorize scopes openid profile → openid profile email (FED_004)" in lines
    assert "app client analytics-web: implicit flow removed: code flow only (FED_402)" in lines
    assert "app client analytics-web: token validity access_minutes 1440 → 60 (FED_412)" in lines
    assert ("app client analytics-web: callback URL: http://analytics.acme.example/cb → "
            "https://analytics.acme.example/cb (FED_406)") in lines
    assert ("app client analytics-web: callback URL: http://localhost:3000/cb removed (loopback callbacks only "
            "outside production) (FED_406)") in lines
    document = adopted(live, production=True).document
    assert document["app_clients"][0]["callback_urls"] == ["https://analytics.acme.example/cb"]


def test_pool_settings_the_stack_hardens_are_listed() -> None:
    live = seed()
    live["pool"]["Policies"]["PasswordPolicy"]["MinimumLength"] = 8
    live["pool"]["AutoVerifiedAttributes"] = ["email"]
    live["pool"]["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] = False
    lines = [fix.line() for fix in adopted(live).fixes]
    assert lines[:3] == [
        "user pool acme-analytics: self sign-up turned off (users come from the identity providers) (rules 2.F)",
        "user pool acme-analytics: password policy → at least 14 characters of every class, temporary passwords "
        "valid 7 days (rules 2.F)",
        "user pool acme-analytics: auto-verified attributes email removed (federated users are verified by their "
        "IdP) (rules 2.F)"]


@pytest.mark.parametrize("change, blocker", [
    (lambda live: live["providers"].append({"ProviderName": "CorpSaml", "ProviderType": "SAML"}),
     "identity provider CorpSaml: type SAML cannot be expressed in the configuration (OIDC federations only)"),
    (lambda live: live["pool"].update(LambdaConfig={"PreSignUp": "arn:aws:lambda:eu-west-1:1:function:f"}),
     "user pool acme-analytics: Lambda triggers (PreSignUp) cannot be expressed in the configuration; Terraform "
     "would remove them"),
    (lambda live: live["pool"].update(UsernameConfiguration={"CaseSensitive": True}),
     "user pool acme-analytics: user names are case-sensitive; the configuration makes them case-insensitive, "
     "which replaces the pool (every user lost)"),
    (lambda live: live["pool"]["SchemaAttributes"].append({"Name": "custom:x", "AttributeDataType": "String",
                                                           "DeveloperOnlyAttribute": True}),
     "user pool acme-analytics: attribute custom:x is developer-only, which the configuration cannot express"),
])
def test_what_the_configuration_cannot_express_is_refused_one_line_each(change: Any, blocker: str) -> None:
    live = seed()
    change(live)
    assert blocker in adopted(live).blockers


def test_an_okta_app_without_a_two_factor_rule_is_refused() -> None:
    app = okta_app()
    app["policy"]["rules"] = app["policy"]["rules"][1:]
    adoption = map_live(seed(), AdoptRequest("eu-west-1", False, OKTA_ISSUER, LOCAL), lambda client_id: app)
    assert adoption.blockers == ["Okta app Acme Analytics: its sign-on policy has no rule allowing access with two "
                                 "factors; give the app its own policy with one (FED_213)"]


def test_without_okta_credentials_an_okta_provider_is_adopted_as_oidc_and_says_so() -> None:
    adoption = adopted(seed(), with_okta=False)
    federation = adoption.document["federations"][0]
    assert federation["kind"] == "oidc"
    assert federation["oidc"]["client_secret"] == {"terraform_variable": "acme_okta_client_secret"}
    assert not any(address.startswith("okta_") for address in adoption.imports)
    assert any("the Okta app stays unmanaged" in note for note in adoption.notes)
    assert any("TF_VAR_acme_okta_client_secret" in note for note in adoption.notes)


def test_a_written_file_is_checked_by_the_loader_and_nothing_is_left_on_failure(tmp_path: Path) -> None:
    document = adopted(seed()).document
    document["user_pool"]["name"] = "bad/name"
    with pytest.raises(ConfigError) as raised:
        write_checked(tmp_path / "acme.yaml", document)
    assert raised.value.problems[0].startswith(f"{tmp_path / 'acme.yaml'}: user_pool.name: got 'bad/name'")
    assert list(tmp_path.iterdir()) == []


def test_imports_cannot_be_combined_with_shards(tmp_path: Path) -> None:
    document = adopted(seed()).document
    document["shards"] = 2
    with pytest.raises(ConfigError) as raised:
        write_checked(tmp_path / "acme.yaml", document)
    assert any("imports: adopted resources are imported into one stack; expected shards: 1" in line
               for line in raised.value.problems), raised.value.problems


def test_two_providers_on_one_okta_client_id_are_refused() -> None:
    live = seed()
    twin = {**live["providers"][0], "ProviderName": "AcmeOktaTwin"}
    live["providers"].append(twin)
    assert ("identity provider AcmeOkta: shares client id 0oa1app with AcmeOktaTwin; one Okta app can be managed by "
            "one federation only (FED_801)") in adopted(live).blockers


def with_groups_claim(claim: dict[str, Any] | None, mapped_to: str | None = "custom:groups") -> Adoption:
    """The seed with an Okta groups claim on the app, mapped by the identity provider to `mapped_to`
    (a 2048-character custom attribute of the pool) and requested with the groups scope."""
    live = seed()
    live["pool"]["SchemaAttributes"].append({"Name": "custom:groups", "AttributeDataType": "String", "Mutable": True,
                                             "StringAttributeConstraints": {"MinLength": "0", "MaxLength": "2048"}})
    idp = live["providers"][0]
    idp["ProviderDetails"]["authorize_scopes"] = "openid profile email groups"
    if mapped_to:
        idp["AttributeMapping"][mapped_to] = "groups"
    live["clients"][0]["WriteAttributes"].append("custom:groups")
    app = okta_app()
    app["groups_claim"] = claim
    request = AdoptRequest(region="eu-west-1", production=False, okta_issuer=OKTA_ISSUER, state=LOCAL)
    return map_live(live, request, lambda client_id: app if client_id == "0oa1app" else None)


FILTER_CLAIM = {"type": "FILTER", "filter_type": "STARTS_WITH", "name": "groups", "value": "analytics-"}


def test_an_okta_groups_claim_is_adopted_with_its_mapping_and_scope_and_no_fix(tmp_path: Path) -> None:
    adoption = with_groups_claim(FILTER_CLAIM)
    assert adoption.blockers == [] and [f.rule for f in adoption.fixes] == ["FED_213"]
    federation = adoption.document["federations"][0]
    assert federation["okta"]["groups_claim"] == {"name": "groups", "filter_type": "STARTS_WITH",
                                                  "filter": "analytics-", "attribute": "custom:groups"}
    assert federation["attribute_mapping"] == {}  # the claim maps custom:groups itself
    target = tmp_path / "environments" / "acme.yaml"
    write_checked(target, adoption.document)
    assert "groups_claim:" in target.read_text()


@pytest.mark.parametrize(("claim", "mapped_to", "blocker"), [
    ({"type": "EXPRESSION", "name": "groups", "value": 'Groups.startsWith("OKTA", "a", 100)'}, "custom:groups",
     "Okta app Acme Analytics: its groups claim is an Okta expression (Groups.startsWith(\"OKTA\", \"a\", 100)), "
     "which the configuration cannot express; use a groups filter instead"),
    ({**FILTER_CLAIM, "filter_type": "REGEX", "value": ".*"}, "custom:groups",
     "Okta app Acme Analytics: its groups claim REGEX '.*' matches every group of the org; narrow it to the "
     "application's groups first (FED_217)"),
    (FILTER_CLAIM, None, "Okta app Acme Analytics: its groups claim 'groups' is mapped to no attribute; the "
                         "configuration maps it to exactly one custom attribute"),
], ids=["expression", "every group", "not mapped"])
def test_a_groups_claim_the_configuration_cannot_express_is_refused(claim: dict[str, Any], mapped_to: str | None,
                                                                    blocker: str) -> None:
    assert with_groups_claim(claim, mapped_to).blockers == [blocker]


def test_an_unread_groups_claim_is_said_and_asks_for_no_groups_scope() -> None:
    app = okta_app()
    app["groups_claim"] = "unread"
    request = AdoptRequest(region="eu-west-1", production=False, okta_issuer=OKTA_ISSUER, state=LOCAL)
    adoption = map_live(seed(), request, lambda client_id: app)
    assert "groups_claim" not in adoption.document["federations"][0]["okta"]
    assert any("groups claim is not read with OAuth 2.0 credentials" in note for note in adoption.notes)
