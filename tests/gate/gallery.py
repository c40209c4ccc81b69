"""The gallery: the production example broken one mistake at a time (rules section 6).

Each variant must fail exactly the rules named for it; where a second rule fires too, it is
because the one edit really breaks two things, and the comment says which. The tests are in
test_gallery.py; the gallery is also the input on which checkov's speedups must change nothing.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any


Stack = dict[str, Any]
IDP = "aws_cognito_identity_provider"
APP = "okta_app_oauth"
CLIENT = "aws_cognito_user_pool_client"
WORKFORCE_IDP = ("aws_cognito_identity_provider", "workforce_identity_provider")
WEB_CLIENT = ("aws_cognito_user_pool_client", "app_client_analytics_web")
OKTA = ("okta_app_oauth", "workforce_okta_app")
POOL = ("aws_cognito_user_pool", "user_pool")


def at(stack: Stack, address: tuple[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = stack["resource"][address[0]][address[1]]
    return body


def update(address: tuple[str, str], **values: Any) -> Callable[[Stack], None]:
    return lambda stack: at(stack, address).update(values)


def remove(address: tuple[str, str], key: str) -> Callable[[Stack], None]:
    return lambda stack: at(stack, address).pop(key) and None


def details(**values: Any) -> Callable[[Stack], None]:
    return lambda stack: at(stack, WORKFORCE_IDP)["provider_details"].update(values)


def redirect(transform: Callable[[str], str]) -> Callable[[Stack], None]:
    def mutation(stack: Stack) -> None:
        uris = at(stack, OKTA)["redirect_uris"]
        uris[0] = transform(uris[0])
    return mutation


def chain(*mutations: Callable[[Stack], None]) -> Callable[[Stack], None]:
    def mutation(stack: Stack) -> None:
        for each in mutations:
            each(stack)
    return mutation


def schema(name: str, **values: Any) -> Callable[[Stack], None]:
    def mutation(stack: Stack) -> None:
        next(e for e in at(stack, POOL)["schema"] if e["name"] == name).update(values)
    return mutation


# case → (mutation of the production stack, rules it must fail)
GALLERY: dict[str, tuple[Callable[[Stack], None], set[str]]] = {
    "01_saml_type": (update(WORKFORCE_IDP, provider_type="SAML"), {"FED_001"}),
    "02_no_issuer": (lambda s: at(s, WORKFORCE_IDP)["provider_details"].pop("oidc_issuer") and None, {"FED_002"}),
    "02_no_request_method": (lambda s: at(s, WORKFORCE_IDP)["provider_details"].pop("attributes_request_method")
                             and None, {"FED_002"}),
    "03_linkedin_keys": (details(authorization_endpoint="https://acme.okta.com/oauth2/v1/authorize",
                                 token_endpoint="https://acme.okta.com/oauth2/v1/token"), {"FED_003"}),
    "04_no_openid": (details(authorize_scopes="profile email"), {"FED_004"}),
    "04_openid_only": (details(authorize_scopes="openid"), {"FED_004"}),
    "04_commas": (details(authorize_scopes="openid,profile,email"), {"FED_004"}),
    "05_put": (details(attributes_request_method="PUT"), {"FED_005"}),
    "05_lower_case_get": (details(attributes_request_method="get"), {"FED_005"}),
    "06_http_issuer": (details(oidc_issuer="http://dev-1.okta.com"), {"FED_006"}),
    "06_trailing_slash": (details(oidc_issuer="https://dev-1.okta.com/"), {"FED_006"}),
    "06_port": (details(oidc_issuer="https://dev-1.okta.com:8443"), {"FED_006"}),
    "06_discovery_path": (details(oidc_issuer="https://dev-1.okta.com/oauth2/default/.well-known/openid-configuration"),
                          {"FED_006"}),
    "07_custom_domain_with_org_url_mode": (details(oidc_issuer="https://login.acme.example"), {"FED_007"}),
    "07_dynamic": (update(OKTA, issuer_mode="DYNAMIC"), {"FED_007"}),
    "09_read_only_key": (details(attributes_url_add_attributes="true"), {"FED_003"}),  # FED_003 covers FED_009
    "10_literal_secret": (details(client_secret="abc123"), {"FED_011"}),
    "10_plain_variable": (chain(details(client_secret="${var.okta_secret}"),
                                lambda s: s.setdefault("variable", {}).update({"okta_secret": {"type": "string"}})),
                          {"FED_011"}),
    "11_google_name": (update(WORKFORCE_IDP, provider_name="Google"), {"FED_012"}),
    "11_long_name": (update(WORKFORCE_IDP, provider_name="A" * 33), {"FED_012"}),
    "12_username_from_email": (lambda s: at(s, WORKFORCE_IDP)["attribute_mapping"].update(username="email"),
                               {"FED_101"}),
    # The web client still writes email_verified, which nothing maps any more: FED_413 too.
    "13_no_email_verified": (lambda s: at(s, WORKFORCE_IDP)["attribute_mapping"].pop("email_verified") and None,
                             {"FED_102", "FED_413"}),
    "14_required_attribute_unmapped": (lambda s: at(s, POOL)["schema"].append(
        {"name": "team", "attribute_data_type": "String", "required": True, "mutable": True,
         "string_attribute_constraints": {"min_length": "0", "max_length": "2048"}}), {"FED_104"}),
    "15_unknown_custom_attribute": (chain(lambda s: at(s, WORKFORCE_IDP)["attribute_mapping"].update(
        {"custom:team": "team"}), *(lambda s, c=client: s["resource"][CLIENT][c]["write_attributes"].append(
            "custom:team") for client in ("app_client_analytics_web", "app_client_analytics_reports"))),
        {"FED_105"}),
    # email is also required: an immutable required attribute is FED_508 as well.
    "16_immutable_email": (schema("email", mutable=False), {"FED_106", "FED_508"}),
    "17_narrow_write_attributes": (update(WEB_CLIENT, write_attributes=["name"]), {"FED_107"}),
    # Unset write_attributes also lets users write every standard attribute: FED_413.
    "17_unset_write_attributes": (remove(WEB_CLIENT, "write_attributes"), {"FED_107", "FED_413"}),
    "18_short_custom_attribute": (schema("department", string_attribute_constraints={"min_length": "0",
                                                                                      "max_length": "256"}), {"FED_108"}),
    "19_browser_app": (update(OKTA, type="browser"), {"FED_201"}),
    "19_native_app": (update(OKTA, type="native"), {"FED_201"}),
    # `none` is a public client (FED_201) and not client_secret_post (FED_204).
    "19_auth_none": (update(OKTA, token_endpoint_auth_method="none"), {"FED_201", "FED_204"}),
    "20_implicit_grant": (update(OKTA, grant_types=["authorization_code", "implicit"]), {"FED_202"}),
    "20_id_token_response": (update(OKTA, response_types=["code", "id_token"]), {"FED_203"}),
    "21_auth_method_omitted": (remove(OKTA, "token_endpoint_auth_method"), {"FED_204"}),
    "21_client_secret_basic": (update(OKTA, token_endpoint_auth_method="client_secret_basic"), {"FED_204"}),
    "22_pkce_required": (update(OKTA, pkce_required=True), {"FED_205"}),
    "23_trailing_slash": (redirect(lambda uri: uri + "/"), {"FED_206"}),
    "23_wrong_region": (redirect(lambda uri: uri.replace("eu-west-1", "us-east-1")), {"FED_206"}),
    # /oauth2/callback is not Cognito's endpoint at all: also "another redirect URI" (FED_207).
    "23_callback_path": (redirect(lambda uri: uri.replace("idpresponse", "callback")), {"FED_206", "FED_207"}),
    "23_http": (redirect(lambda uri: uri.replace("https://", "http://")), {"FED_206", "FED_207"}),
    "23_custom_domain_missing": (lambda s: at(s, OKTA)["redirect_uris"].pop(), {"FED_206"}),
    "24_extra_localhost": (lambda s: at(s, OKTA)["redirect_uris"].append("http://localhost:3000/callback"),
                           {"FED_207"}),
    "24_wildcard": (update(OKTA, wildcard_redirect="SUBDOMAIN"), {"FED_207"}),
    "25_omit_secret": (update(OKTA, omit_secret=True), {"FED_209"}),
    "26_literal_basic_secret": (update(OKTA, client_basic_secret="literal"), {"FED_210"}),
    "26_inactive": (update(OKTA, status="INACTIVE"), {"FED_211"}),
    "27_broker_mode": (update(OKTA, implicit_assignment=True), {"FED_212"}),
    "27_groups_claim_of_every_group": (update(OKTA, groups_claim={"type": "FILTER", "filter_type": "REGEX",
                                                                   "name": "groups", "value": ".*"}), {"FED_217"}),
    "28_no_assignments": (lambda s: s["resource"].pop("okta_app_group_assignments") and None, {"FED_301"}),
    "28_zero_groups": (lambda s: at(s, ("okta_app_group_assignments", "workforce_okta_group_assignments")).pop(
        "group") and None, {"FED_301"}),
    "28_for_each": (lambda s: at(s, ("okta_app_group_assignments", "workforce_okta_group_assignments")).update(
        for_each="${toset([\"a\", \"b\"])}"), {"FED_302"}),
    "28_both_assignment_types": (lambda s: s["resource"].update({"okta_app_group_assignment": {"extra": {
        "app_id": "${okta_app_oauth.workforce_okta_app.id}", "group_id": "00g1extra"}}}), {"FED_302"}),
    "29_oauth_off": (update(WEB_CLIENT, allowed_oauth_flows_user_pool_client=False), {"FED_401"}),
    "29_oauth_omitted": (remove(WEB_CLIENT, "allowed_oauth_flows_user_pool_client"), {"FED_401"}),
    "30_implicit_flow": (update(WEB_CLIENT, allowed_oauth_flows=["implicit"]), {"FED_402"}),
    "30_code_and_client_credentials": (update(WEB_CLIENT, allowed_oauth_flows=["code", "client_credentials"]),
                                       {"FED_402"}),
    "31_no_openid": (update(WEB_CLIENT, allowed_oauth_scopes=["email", "profile"]), {"FED_403"}),
    "31_admin_scope": (update(WEB_CLIENT, allowed_oauth_scopes=["openid", "aws.cognito.signin.user.admin"]),
                       {"FED_403"}),
    "31_cognito_scope": (update(WEB_CLIENT, allowed_oauth_scopes=["openid", "Cognito"]), {"FED_403"}),
    "32_literal_provider_name": (lambda s: at(s, WEB_CLIENT)["supported_identity_providers"].__setitem__(
        0, "AcmeOkta"), {"FED_404"}),
    "34_http_callback": (update(WEB_CLIENT, callback_urls=["http://analytics.acme.example/cb"]), {"FED_406"}),
    "34_fragment": (update(WEB_CLIENT, callback_urls=["https://analytics.acme.example/cb#frag"]), {"FED_406"}),
    "34_wildcard": (update(WEB_CLIENT, callback_urls=["https://*.acme.example/cb"]), {"FED_406"}),
    "34_javascript_callback": (update(WEB_CLIENT, callback_urls=["javascript:alert(document.cookie)"]), {"FED_406"}),
    "34_opaque_private_use": (update(WEB_CLIENT, callback_urls=["com.acme.analytics:callback"]), {"FED_406"}),
    # The web client (it has a secret) also serves the mobile app: the secret would ship in the app.
    "34_native_callback_on_confidential_client": (update(WEB_CLIENT, callback_urls=[
        "https://analytics.acme.example/auth/callback", "com.acme.analytics:/oauth2/callback"]), {"FED_409"}),
    "34_short_scheme": (chain(update(WEB_CLIENT, callback_urls=["myapp://callback"]),
                              update(WEB_CLIENT, generate_secret=False)), {"FED_414"}),
    "35_existence_errors_omitted": (remove(WEB_CLIENT, "prevent_user_existence_errors"), {"FED_410"}),
    "35_legacy": (update(WEB_CLIENT, prevent_user_existence_errors="LEGACY"), {"FED_410"}),
    "35_revocation_off": (update(WEB_CLIENT, enable_token_revocation=False), {"FED_411"}),
    "36_two_day_access_token": (chain(update(WEB_CLIENT, access_token_validity=2), lambda s: at(s, WEB_CLIENT)[
        "token_validity_units"][0].update(access_token="days")), {"FED_412"}),
    "36_ten_year_refresh": (update(WEB_CLIENT, refresh_token_validity=3650), {"FED_412"}),
    "37_deletion_protection_omitted": (remove(POOL, "deletion_protection"), {"FED_501"}),
    "37_mfa_off_with_local_users": (chain(update(POOL, mfa_configuration="OFF"), lambda s: at(s, WEB_CLIENT)[
        "supported_identity_providers"].append("COGNITO")), {"FED_502"}),
    "40_reserved_prefix": (update(("aws_cognito_user_pool_domain", "prefix_domain"), domain="mycognito-login"),
                           {"FED_602"}),
    "40_aws_prefix": (update(("aws_cognito_user_pool_domain", "prefix_domain"), domain="aws-auth"), {"FED_602"}),
    "40_certificate_in_eu_west_1": (update(("aws_cognito_user_pool_domain", "custom_domain"),
                                           certificate_arn="arn:aws:acm:eu-west-1:111122223333:certificate/abc"),
                                    {"FED_603"}),
    "42_secret_output": (lambda s: s["output"].update(
        okta_secret={"value": "${okta_app_oauth.workforce_okta_app.client_secret}"}), {"FED_702"}),
    "42_provider_details_output": (lambda s: s["output"].update(
        details={"value": "${aws_cognito_identity_provider.workforce_identity_provider.provider_details}"}),
        {"FED_702"}),
    "43_local_backend": (lambda s: s["terraform"].pop("cloud") and s["terraform"].update(
        backend={"local": {"path": "terraform.tfstate"}}), {"FED_703"}),
    "43_no_backend": (lambda s: s["terraform"].pop("cloud") and None, {"FED_703"}),
    "43_unencrypted_s3": (lambda s: s["terraform"].pop("cloud") and s["terraform"].update(
        backend={"s3": {"bucket": "state", "key": "x", "region": "eu-west-1", "encrypt": False}}), {"FED_703"}),
    "44_okta_api_token": (lambda s: s["provider"]["okta"][0].update(api_token="00okta-literal-token"), {"FED_701"}),
    # checkov's own CKV_AWS_41 catches literal AWS keys as well.
    "44_aws_keys": (lambda s: s["provider"]["aws"][0].update(access_key="AKIAIOSFODNN7EXAMPLE",
                                                            secret_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                    {"FED_701", "CKV_AWS_41"}),
}


def write_gallery(root: Path, prod_stack: Stack) -> None:
    """One folder per variant (and `00_unchanged`), each with its `cdk.tf.json`."""
    for case, (mutation, _) in GALLERY.items():
        stack = copy.deepcopy(prod_stack)
        mutation(stack)
        (root / case).mkdir()
        (root / case / "cdk.tf.json").write_text(json.dumps(stack, indent=2))
    (root / "00_unchanged").mkdir()
    (root / "00_unchanged" / "cdk.tf.json").write_text(json.dumps(prod_stack, indent=2))
