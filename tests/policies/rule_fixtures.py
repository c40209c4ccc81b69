"""Per rule: federation units named pass_*, fail_* and unknown_*, each one mistake (or one
unresolvable value) away from the correct unit. Rendered to Terraform JSON and HCL by the tests."""

from __future__ import annotations

from typing import Any

from tests.policies.federation_units import Document, Mutation

IDP = "aws_cognito_identity_provider"
POOL = "aws_cognito_user_pool"
CLIENT = "aws_cognito_user_pool_client"
DOMAIN = "aws_cognito_user_pool_domain"
APP = "okta_app_oauth"
ASSIGNMENTS = "okta_app_group_assignments"


def set_(rtype: str, **attributes: Any) -> Mutation:
    return lambda resources, name: resources[rtype][name].update(attributes)


def drop(rtype: str, *keys: str) -> Mutation:
    def mutation(resources: Document, name: str) -> None:
        for key in keys:
            resources[rtype][name].pop(key, None)
    return mutation


def details(**values: Any) -> Mutation:
    return lambda resources, name: resources[IDP][name]["provider_details"].update(values)


def drop_details(*keys: str) -> Mutation:
    return lambda resources, name: [resources[IDP][name]["provider_details"].pop(key) for key in keys] and None


def mapping(**values: Any) -> Mutation:
    return lambda resources, name: resources[IDP][name]["attribute_mapping"].update(
        {key.replace("__", ":"): value for key, value in values.items()})


def schema_entry(attribute: str, **values: Any) -> Mutation:
    def mutation(resources: Document, name: str) -> None:
        for entry in resources[POOL][name]["schema"]:
            if entry["name"] == attribute:
                entry.update(values)
    return mutation


def both(*mutations: Mutation) -> Mutation:
    def mutation(resources: Document, name: str) -> None:
        for each in mutations:
            each(resources, name)
    return mutation


def remove(rtype: str) -> Mutation:
    return lambda resources, name: resources[rtype].pop(name) and None


def with_groups(filter_type: str = "STARTS_WITH", value: str = "analytics-", claim_type: str = "FILTER",
                claim: str = "okta_groups") -> Mutation:
    """The unit with an Okta groups claim carried all the way: the claim on the app, the groups
    scope, a 2048-character mutable custom:groups mapped from it and writable by the client."""
    def mutation(resources: Document, name: str) -> None:
        block = {"type": claim_type, "name": claim, "value": value}
        if claim_type == "FILTER":
            block["filter_type"] = filter_type
        resources[APP][name]["groups_claim"] = block
        resources[IDP][name]["provider_details"]["authorize_scopes"] = "openid profile email groups"
        resources[IDP][name]["attribute_mapping"]["custom:groups"] = claim
        resources[POOL][name]["schema"].append({
            "name": "groups", "attribute_data_type": "String", "required": False, "mutable": True,
            "string_attribute_constraints": {"min_length": "0", "max_length": "2048"}})
        resources[CLIENT][name]["write_attributes"] = sorted(resources[CLIENT][name]["write_attributes"]
                                                             + ["custom:groups"])
    return mutation


# rule id → (resource type judged, units). Unit names say the expected result.
RULE_FIXTURES: dict[str, tuple[str, dict[str, Mutation | None]]] = {
    "FED_001": (IDP, {"pass_oidc": None, "fail_saml": set_(IDP, provider_type="SAML"),
                      "fail_google": set_(IDP, provider_type="Google"),
                      "unknown_type": set_(IDP, provider_type="${var.provider_type}")}),
    "FED_002": (IDP, {"pass_all_keys": None, "fail_no_issuer": drop_details("oidc_issuer"),
                      "fail_no_method": drop_details("attributes_request_method"),
                      "fail_no_secret": drop_details("client_secret"),
                      "unknown_details": set_(IDP, provider_details="${var.details}")}),
    "FED_003": (IDP, {"pass_known_keys": None,
                      "pass_mixed_case": both(drop_details("oidc_issuer"), details(OIDC_Issuer="https://acme.okta.com")),
                      "fail_linkedin_keys": details(authorization_endpoint="https://x", token_endpoint="https://x"),
                      "fail_read_only_key": details(attributes_url_add_attributes="true")}),
    "FED_004": (IDP, {"pass_scopes": None, "pass_any_order": details(authorize_scopes="email openid profile"),
                      "fail_no_openid": details(authorize_scopes="profile email"),
                      "fail_openid_only": details(authorize_scopes="openid"),
                      "fail_commas": details(authorize_scopes="openid,profile,email"),
                      "unknown_scopes": details(authorize_scopes="${var.scopes}")}),
    "FED_005": (IDP, {"pass_get": None, "pass_post": details(attributes_request_method="POST"),
                      "fail_put": details(attributes_request_method="PUT"),
                      "fail_lower": details(attributes_request_method="get"),
                      "unknown_method": details(attributes_request_method="${var.method}")}),
    "FED_006": (IDP, {"pass_org": None, "pass_custom_as": details(oidc_issuer="https://acme.okta.com/oauth2/default"),
                      "fail_http": details(oidc_issuer="http://dev-1.okta.com"),
                      "fail_slash": details(oidc_issuer="https://dev-1.okta.com/"),
                      "fail_port": details(oidc_issuer="https://dev-1.okta.com:8443"),
                      "fail_wellknown": details(oidc_issuer="https://dev-1.okta.com/oauth2/default/.well-known/openid-configuration"),
                      "unknown_issuer": details(oidc_issuer="https://${var.okta_org}.okta.com")}),
    "FED_007": (IDP, {"pass_org_url": None,
                      "pass_custom_url": both(details(oidc_issuer="https://login.acme.example"),
                                              set_(APP, issuer_mode="CUSTOM_URL")),
                      "fail_custom_with_org_mode": details(oidc_issuer="https://login.acme.example"),
                      "fail_dynamic": set_(APP, issuer_mode="DYNAMIC"),
                      # Named Okta (the unit's provider_name), issuer and credentials from variables.
                      "unknown_okta_named_issuer_variable": details(client_id="${var.id}", client_secret="${var.secret}",
                                                                    oidc_issuer="${var.issuer}"),
                      "unknown_issuer": details(oidc_issuer="${var.issuer}")}),
    "FED_011": (IDP, {"pass_reference": None, "pass_sensitive_variable": details(client_secret="${var.sensitive_secret}"),
                      "fail_literal": details(client_secret="abc123"),
                      "fail_plain_variable": details(client_secret="${var.plain_secret}"),
                      "unknown_details": set_(IDP, provider_details="${var.details}")}),
    "FED_012": (IDP, {"pass_name": None, "fail_reserved": set_(IDP, provider_name="Google"),
                      "fail_long": set_(IDP, provider_name="N" * 33),
                      "unknown_name": set_(IDP, provider_name="${var.name}")}),
    "FED_101": (IDP, {"pass_sub": None, "fail_email": mapping(username="email"),
                      "fail_unset": drop(IDP, "attribute_mapping"),
                      "unknown_mapping": set_(IDP, attribute_mapping="${var.mapping}")}),
    "FED_102": (IDP, {"pass_mapped": None,
                      "fail_no_verified": lambda r, n: r[IDP][n]["attribute_mapping"].pop("email_verified") and None,
                      "unknown_mapping": set_(IDP, attribute_mapping="${var.mapping}")}),
    "FED_104": (IDP, {"pass_required_mapped": None,
                      "fail_given_name_required": lambda r, n: r[POOL][n]["schema"].append(
                          {"name": "given_name", "attribute_data_type": "String", "required": True, "mutable": True}),
                      "unknown_mapping": set_(IDP, attribute_mapping="${var.mapping}")}),
    "FED_105": (IDP, {"pass_declared": None, "fail_undeclared_custom": mapping(custom__groups="groups"),
                      "fail_unknown_standard": mapping(favourite_colour="colour"),
                      "unknown_mapping": set_(IDP, attribute_mapping="${var.mapping}")}),
    "FED_106": (IDP, {"pass_mutable": None, "fail_immutable_email": schema_entry("email", mutable=False),
                      "pass_groups_mutable": with_groups(),
                      "fail_groups_immutable": both(with_groups(), schema_entry("groups", mutable=False)),
                      "unknown_mapping": set_(IDP, attribute_mapping="${var.mapping}")}),
    "FED_107": (IDP, {"pass_writable": None,
                      "fail_narrow": set_(CLIENT, write_attributes=["name"]),
                      "fail_unset_with_custom": drop(CLIENT, "write_attributes"),
                      "pass_groups_writable": with_groups(),
                      "fail_groups_not_writable": both(with_groups(), set_(CLIENT, write_attributes=[
                          "custom:department", "email", "email_verified", "name"])),
                      "unknown_writable": set_(CLIENT, write_attributes="${var.writable}")}),
    "FED_108": (IDP, {"pass_2048": None, "fail_256": schema_entry("department",
                      string_attribute_constraints={"min_length": "0", "max_length": "256"}),
                      "pass_groups_2048": with_groups(),
                      # A user in many groups has a longer value than 256: Cognito fails the sign-in.
                      "fail_groups_256": both(with_groups(), schema_entry("groups", string_attribute_constraints={
                          "min_length": "0", "max_length": "256"})),
                      "unknown_mapping": set_(IDP, attribute_mapping="${var.mapping}")}),
    "FED_201": (APP, {"pass_web": None, "fail_browser": set_(APP, type="browser"),
                      "fail_native": set_(APP, type="native"),
                      "fail_auth_none": set_(APP, token_endpoint_auth_method="none"),
                      "unknown_type": set_(APP, type="${var.app_type}")}),
    "FED_202": (APP, {"pass_code": None, "fail_implicit": set_(APP, grant_types=["authorization_code", "implicit"]),
                      "fail_unset": drop(APP, "grant_types"), "unknown_grants": set_(APP, grant_types="${var.grants}")}),
    "FED_203": (APP, {"pass_code": None, "fail_id_token": set_(APP, response_types=["code", "id_token"]),
                      "unknown_types": set_(APP, response_types="${var.types}")}),
    "FED_204": (APP, {"pass_post": None, "fail_omitted": drop(APP, "token_endpoint_auth_method"),
                      "fail_basic": set_(APP, token_endpoint_auth_method="client_secret_basic"),
                      "unknown_method": set_(APP, token_endpoint_auth_method="${var.method}")}),
    "FED_205": (APP, {"pass_false": None, "pass_absent": drop(APP, "pkce_required"),
                      "fail_true": set_(APP, pkce_required=True), "unknown_pkce": set_(APP, pkce_required="${var.pkce}")}),
    "FED_206": (APP, {"pass_exact": None,
                      "fail_trailing_slash": lambda r, n: r[APP][n].update(redirect_uris=[r[APP][n]["redirect_uris"][0] + "/"]),
                      "fail_wrong_region": lambda r, n: r[APP][n].update(
                          redirect_uris=[r[APP][n]["redirect_uris"][0].replace("eu-west-1", "us-east-1")]),
                      "fail_callback_path": lambda r, n: r[APP][n].update(
                          redirect_uris=[r[APP][n]["redirect_uris"][0].replace("idpresponse", "callback")]),
                      "fail_missing_custom_domain": lambda r, n: r[DOMAIN].update({f"{n}_custom": {
                          "domain": "login.acme.example", "user_pool_id": f"${{aws_cognito_user_pool.{n}.id}}",
                          "certificate_arn": "arn:aws:acm:us-east-1:111122223333:certificate/abc"}}),
                      "unknown_uris": set_(APP, redirect_uris="${var.uris}")}),
    "FED_207": (APP, {"pass_only_cognito": None,
                      "fail_localhost": lambda r, n: r[APP][n]["redirect_uris"].append("http://localhost:3000/callback"),
                      "fail_wildcard": set_(APP, wildcard_redirect="SUBDOMAIN"),
                      "unknown_uris": set_(APP, redirect_uris="${var.uris}")}),
    "FED_209": (APP, {"pass_kept": None, "fail_omitted": set_(APP, omit_secret=True),
                      "unknown_omit": set_(APP, omit_secret="${var.omit}")}),
    "FED_210": (APP, {"pass_generated": None, "pass_from_variable": set_(APP, client_basic_secret="${var.sensitive_secret}"),
                      "fail_literal": set_(APP, client_basic_secret="literal-secret")}),
    "FED_211": (APP, {"pass_active": None, "fail_inactive": set_(APP, status="INACTIVE"),
                      "unknown_status": set_(APP, status="${var.status}")}),
    "FED_217": (APP, {"pass_prefix": with_groups(),
                      "pass_regex_of_app_groups": with_groups("REGEX", "^analytics-.*"),
                      "pass_equals": with_groups("EQUALS", "analytics-users"),
                      "fail_regex_every_group": with_groups("REGEX", ".*"),
                      "fail_empty_prefix": with_groups("STARTS_WITH", ""),
                      "unknown_expression": with_groups(claim_type="EXPRESSION",
                                                        value='Groups.startsWith("OKTA", "analytics-", 100)'),
                      "unknown_filter_variable": with_groups("REGEX", "${var.groups_filter}")}),
    "FED_212": (APP, {"pass_off": None, "fail_broker_mode": set_(APP, implicit_assignment=True),
                      "unknown_mode": set_(APP, implicit_assignment="${var.broker}")}),
    "FED_213": (APP, {"pass_2fa": None, "fail_no_policy": drop(APP, "authentication_policy"),
                      "fail_1fa": set_("okta_app_signon_policy_rule", factor_mode="1FA"),
                      "fail_catch_all": set_("okta_app_signon_policy", catch_all=True),
                      "unknown_policy": set_(APP, authentication_policy="${data.okta_app_signon_policy.shared.id}")}),
    "FED_301": (APP, {"pass_assigned": None, "fail_no_assignments": remove(ASSIGNMENTS),
                      "fail_zero_groups": drop(ASSIGNMENTS, "group")}),
    "FED_302": (APP, {"pass_one_manager": None,
                      "fail_two_managers": lambda r, n: r[ASSIGNMENTS].update(
                          {f"{n}_second": dict(r[ASSIGNMENTS][n])}),
                      "fail_mixed": lambda r, n: r.setdefault("okta_app_group_assignment", {}).update(
                          {n: {"app_id": f"${{okta_app_oauth.{n}.id}}", "group_id": f"${{okta_group.{n}.id}}"}})}),
    "FED_401": (CLIENT, {"pass_enabled": None, "fail_false": set_(CLIENT, allowed_oauth_flows_user_pool_client=False),
                         "fail_omitted": drop(CLIENT, "allowed_oauth_flows_user_pool_client"),
                         "unknown_flag": set_(CLIENT, allowed_oauth_flows_user_pool_client="${var.oauth}")}),
    "FED_402": (CLIENT, {"pass_code": None, "fail_implicit": set_(CLIENT, allowed_oauth_flows=["implicit"]),
                         "fail_client_credentials": set_(CLIENT, allowed_oauth_flows=["code", "client_credentials"]),
                         "unknown_flows": set_(CLIENT, allowed_oauth_flows="${var.flows}"),
                         # Any OAuth client, federated or not (RFC 9700): a client for local users only.
                         "fail_local_users_implicit": set_(CLIENT, supported_identity_providers=["COGNITO"],
                                                           allowed_oauth_flows=["implicit"]),
                         "pass_machine_client": set_(CLIENT, supported_identity_providers=["COGNITO"],
                                                     allowed_oauth_flows=["client_credentials"])}),
    "FED_403": (CLIENT, {"pass_scopes": None, "fail_no_openid": set_(CLIENT, allowed_oauth_scopes=["email"]),
                         "fail_admin": set_(CLIENT, allowed_oauth_scopes=["openid", "aws.cognito.signin.user.admin"]),
                         "fail_cognito_scope": set_(CLIENT, allowed_oauth_scopes=["openid", "Cognito"]),
                         "unknown_scopes": set_(CLIENT, allowed_oauth_scopes="${var.scopes}")}),
    "FED_404": (CLIENT, {"pass_reference": None,
                         "pass_literal_with_depends_on": lambda r, n: r[CLIENT][n].update(
                             supported_identity_providers=[r[IDP][n]["provider_name"]],
                             depends_on=[f"aws_cognito_identity_provider.{n}"]),
                         "fail_literal": lambda r, n: r[CLIENT][n].update(
                             supported_identity_providers=[r[IDP][n]["provider_name"]])}),
    "FED_406": (CLIENT, {"pass_https": None, "pass_localhost": set_(CLIENT, callback_urls=["http://localhost:3000/cb"]),
                         "fail_http": set_(CLIENT, callback_urls=["http://app.example.com/cb"]),
                         "fail_fragment": set_(CLIENT, callback_urls=["https://app.example.com/cb#frag"]),
                         "fail_wildcard": set_(CLIENT, callback_urls=["https://*.example.com/cb"]),
                         "pass_private_use_path": set_(CLIENT, callback_urls=["com.example.app:/oauth2redirect"]),
                         "pass_private_use_authority": set_(CLIENT, callback_urls=["com.example.app://callback"]),
                         "pass_short_scheme": set_(CLIENT, callback_urls=["myapp://example"]),
                         "fail_javascript": set_(CLIENT, callback_urls=["javascript:alert(document.cookie)"]),
                         "fail_data": set_(CLIENT, callback_urls=["data:text/html,<script>x</script>"]),
                         "fail_file": set_(CLIENT, callback_urls=["file:///sdcard/callback.html"]),
                         "fail_private_use_opaque": set_(CLIENT, callback_urls=["com.example.app:callback"]),
                         "fail_private_use_fragment": set_(CLIENT, callback_urls=["com.example.app:/cb#done"]),
                         "fail_loopback_ip": set_(CLIENT, callback_urls=["http://127.0.0.1:8080/cb"]),
                         "unknown_urls": set_(CLIENT, callback_urls="${var.urls}"),
                         "fail_local_users_http": set_(CLIENT, supported_identity_providers=["COGNITO"],
                                                       callback_urls=["http://app.example.com/cb"])}),
    "FED_409": (CLIENT, {"pass_web_confidential": set_(CLIENT, generate_secret=True),
                         "pass_native_public": both(set_(CLIENT, callback_urls=["com.example.app:/oauth2redirect"]),
                                                    set_(CLIENT, generate_secret=False)),
                         "pass_native_secret_omitted": set_(CLIENT, callback_urls=["com.example.app:/oauth2redirect"]),
                         "fail_native_with_secret": both(
                             set_(CLIENT, callback_urls=["com.example.app:/oauth2redirect"]),
                             set_(CLIENT, generate_secret=True)),
                         "fail_mixed_with_secret": both(
                             set_(CLIENT, callback_urls=["https://app.example.com/callback", "myapp://example"]),
                             set_(CLIENT, generate_secret=True)),
                         "unknown_secret": both(set_(CLIENT, callback_urls=["com.example.app:/oauth2redirect"]),
                                                set_(CLIENT, generate_secret="${var.confidential}")),
                         "unknown_urls_with_secret": both(set_(CLIENT, callback_urls="${var.urls}"),
                                                          set_(CLIENT, generate_secret=True)),
                         "unknown_url_element_with_secret": both(
                             set_(CLIENT, callback_urls=["https://app.example.com/callback", "${var.mobile_callback}"]),
                             set_(CLIENT, generate_secret=True)),
                         "pass_urls_unknown_without_secret": both(set_(CLIENT, callback_urls="${var.urls}"),
                                                                  set_(CLIENT, generate_secret=False))}),
    "FED_410": (CLIENT, {"pass_enabled": None, "fail_omitted": drop(CLIENT, "prevent_user_existence_errors"),
                         "fail_legacy": set_(CLIENT, prevent_user_existence_errors="LEGACY")}),
    "FED_411": (CLIENT, {"pass_on": None, "pass_absent": drop(CLIENT, "enable_token_revocation"),
                         "fail_off": set_(CLIENT, enable_token_revocation=False)}),
    "FED_412": (CLIENT, {"pass_bounded": None,
                         "fail_two_days": both(set_(CLIENT, access_token_validity=2),
                                               set_(CLIENT, token_validity_units={"access_token": "days",
                                                    "id_token": "minutes", "refresh_token": "days"})),
                         "fail_ten_years": set_(CLIENT, refresh_token_validity=3650),
                         "unknown_validity": set_(CLIENT, access_token_validity="${var.validity}")}),
    "FED_413": (CLIENT, {"pass_exact": None, "fail_unset": drop(CLIENT, "write_attributes"),
                         "fail_extra": set_(CLIENT, write_attributes=["custom:department", "email", "email_verified",
                                                                      "name", "phone_number"]),
                         "unknown_writable": set_(CLIENT, write_attributes="${var.writable}")}),
    "FED_414": (CLIENT, {"pass_https": None,
                         "pass_reverse_domain": set_(CLIENT, callback_urls=["com.example.app:/oauth2redirect"],
                                                     logout_urls=["com.example.app:/signed-out"]),
                         "fail_short_scheme": set_(CLIENT, callback_urls=["myapp://example"]),
                         "fail_short_logout_scheme": set_(CLIENT, callback_urls=["com.example.app:/cb"],
                                                          logout_urls=["myapp://signed-out"])}),
    "FED_501": (POOL, {"pass_active": None, "fail_omitted": drop(POOL, "deletion_protection"),
                       "unknown_protection": set_(POOL, deletion_protection="${var.protection}")}),
    "FED_502": (POOL, {"pass_federation_only": None,
                       "pass_local_users_with_mfa": set_(CLIENT, supported_identity_providers=["COGNITO"]),
                       "fail_local_users_without_mfa": both(set_(CLIENT, supported_identity_providers=["COGNITO"]),
                                                            set_(POOL, mfa_configuration="OFF"))}),
    "FED_508": (POOL, {"pass_email_required": None, "fail_immutable_required": schema_entry("email", mutable=False)}),
    "FED_601": (POOL, {"pass_domain": None, "fail_no_domain": remove(DOMAIN)}),
    "FED_602": (DOMAIN, {"pass_prefix": None, "fail_reserved": set_(DOMAIN, domain="mycognito-login"),
                         "fail_aws": set_(DOMAIN, domain="aws-auth"), "fail_upper": set_(DOMAIN, domain="Acme-Login"),
                         "unknown_prefix": set_(DOMAIN, domain="${var.prefix}")}),
    "FED_603": (DOMAIN, {"pass_us_east_1": set_(DOMAIN, domain="login.acme.example",
                         certificate_arn="arn:aws:acm:us-east-1:111122223333:certificate/abc"),
                         "fail_eu_west_1": set_(DOMAIN, domain="login.acme.example",
                                                certificate_arn="arn:aws:acm:eu-west-1:111122223333:certificate/abc"),
                         "unknown_certificate": set_(DOMAIN, domain="login.acme.example",
                                                     certificate_arn="${var.certificate}")}),
    "FED_701": (APP, {"pass_env_credentials": None,
                      "fail_literal_token": lambda r, n: r[APP][n].update(provider="okta.literal")}),
    "FED_702": (IDP, {"pass_no_output": None, "fail_details_output": lambda r, n: None,
                      "pass_sensitive_output": lambda r, n: None}),
    "FED_801": (IDP, {"pass_same_app": None,
                      "fail_two_apps": details(client_secret="${okta_app_oauth.pass_same_app.client_secret}")}),
    "FED_806": (IDP, {"pass_scopes_cover_claims": None,
                      "fail_phone_without_scope": mapping(phone_number="phone_number"),
                      "pass_groups_claim_with_scope": with_groups(),
                      # The app's claim is named okta_groups, not groups: its scope is still groups.
                      "fail_groups_claim_without_scope": both(with_groups(), details(
                          authorize_scopes="openid profile email")),
                      "unknown_scopes": details(authorize_scopes="${var.scopes}")}),
}

# Document parts some fixtures need besides their units.
RULE_EXTRAS: dict[str, Document] = {
    "FED_011": {"variable": {"sensitive_secret": {"type": "string", "sensitive": True},
                             "plain_secret": {"type": "string"}}},
    "FED_210": {"variable": {"sensitive_secret": {"type": "string", "sensitive": True}}},
    "FED_701": {"provider": {"okta": [{"alias": "literal", "org_name": "acme", "api_token": "00literal-token"}]}},
    "FED_702": {"output": {
        "details": {"value": "${aws_cognito_identity_provider.fail_details_output.provider_details}"},
        "details_sensitive": {"value": "${aws_cognito_identity_provider.pass_sensitive_output.provider_details}",
                              "sensitive": True}}},
}

# Rules that judge the whole stack rather than units: (resource type, stack variants).
STACK_FIXTURES: dict[str, dict[str, Document]] = {
    "FED_703": {
        "pass_cloud": {},
        "fail_local": {"terraform": {"cloud": None, "backend": {"local": {"path": "terraform.tfstate"}}}},
        "fail_unencrypted_s3": {"terraform": {"cloud": None, "backend": {"s3": {"bucket": "x", "encrypt": False}}}},
        "pass_encrypted_s3": {"terraform": {"cloud": None, "backend": {
            "s3": {"bucket": "x", "encrypt": True, "kms_key_id": "alias/state"}}}},
        # No provider, no backend, nothing left undefaulted: a root module with local state.
        "fail_no_provider_no_backend": {"terraform": {"cloud": None}, "provider": None},
    },
}
