"""How much a changed attribute matters: the one classification of the drift detector and the
live audit (rules section 3 for noise; "never ignore" list for what breaks sign-in)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from federation.facts import COGNITO_SET_PROVIDER_DETAILS

Path = tuple[str | int, ...]


class DriftClass(str, Enum):
    BREAKS_SIGN_IN = "breaks sign-in or weakens security"
    COSMETIC = "cosmetic"
    NOISE = "known provider noise"


@dataclass(frozen=True)
class AttributeChange:
    resource_type: str
    address: str
    path: Path
    before: Any
    after: Any

    @property
    def dotted(self) -> str:
        return ".".join(str(part) for part in self.path)

    @property
    def schema_path(self) -> str:
        """The path without list indexes (`password_policy.0.x` → `password_policy.x`), as rules name it."""
        return ".".join(str(part) for part in self.path if not isinstance(part, int))


@dataclass(frozen=True)
class Classification:
    drift_class: DriftClass
    why: str


# Attributes compared as sets: Terraform or the API may reorder them without meaning anything.
SET_LIKE = frozenset({"redirect_uris", "grant_types", "response_types", "post_logout_redirect_uris", "callback_urls",
                      "logout_urls", "allowed_oauth_flows", "allowed_oauth_scopes", "supported_identity_providers",
                      "write_attributes", "read_attributes", "explicit_auth_flows", "idp_identifiers"})

# Rules section 3: what providers or Cognito change by themselves.
NOISE: dict[str, dict[str, str]] = {
    "aws_cognito_identity_provider": {
        f"provider_details.{key}": "Cognito fills this provider_details key in itself (D7)"
        for key in COGNITO_SET_PROVIDER_DETAILS},
    "okta_app_oauth": {
        "consent_method": "okta/okta < 6.5.5 reports consent_method when the feature flag is off (D12)",
        "refresh_token_leeway": "shows after import when unset (D13)",
        "refresh_token_rotation": "shows after import when unset (D13)",
    },
    "aws_cognito_user_pool": {
        "password_policy.temporary_password_validity_days": "7 -> null when omitted (D11)",
        # Computed: DescribeUserPool reports the pool's domains, which exist only after the pool
        # (seen on the first refresh after `fedctl apply`); the domain resources are what is declared.
        "domain": "Cognito fills in the pool's prefix domain once the domain resource exists",
        "custom_domain": "Cognito fills in the pool's custom domain once the domain resource exists",
        "estimated_number_of_users": "Cognito counts the users itself",
        "last_modified_date": "Cognito sets it on every change",
    },
}

# Null and an empty list or map: the provider reads an unset list or map back as empty.
EMPTY_VALUES: tuple[Any, ...] = (None, [], {})

# The never-ignore list of rules section 3, plus what the policy pack guards.
BREAKS_SIGN_IN: dict[str, tuple[str, ...]] = {
    "aws_cognito_identity_provider": ("provider_details.oidc_issuer", "provider_details.client_id",
                                      "provider_details.client_secret", "provider_details.authorize_scopes",
                                      "provider_details.attributes_request_method", "attribute_mapping",
                                      "provider_name", "provider_type", "idp_identifiers", "user_pool_id"),
    "okta_app_oauth": ("redirect_uris", "grant_types", "response_types", "token_endpoint_auth_method", "pkce_required",
                       "implicit_assignment", "status", "issuer_mode", "wildcard_redirect", "type", "omit_secret",
                       "authentication_policy", "client_id", "client_secret", "client_basic_secret", "groups_claim"),
    "okta_app_group_assignments": ("group", "app_id"),
    "okta_app_group_assignment": ("group_id", "app_id"),
    "aws_cognito_user_pool_client": ("callback_urls", "logout_urls", "allowed_oauth_flows",
                                     "allowed_oauth_flows_user_pool_client", "allowed_oauth_scopes",
                                     "supported_identity_providers", "write_attributes", "read_attributes",
                                     "explicit_auth_flows", "generate_secret", "client_secret",
                                     "prevent_user_existence_errors", "enable_token_revocation",
                                     "access_token_validity", "id_token_validity", "refresh_token_validity",
                                     "token_validity_units", "default_redirect_uri"),
    "aws_cognito_user_pool": ("deletion_protection", "mfa_configuration", "software_token_mfa_configuration",
                              "schema", "user_pool_add_ons", "admin_create_user_config", "password_policy",
                              "username_configuration", "account_recovery_setting", "user_pool_tier"),
    "aws_cognito_user_pool_domain": ("domain", "certificate_arn", "managed_login_version", "user_pool_id"),
    "okta_app_signon_policy": ("catch_all", "priority"),
    "okta_app_signon_policy_rule": ("access", "factor_mode", "constraints", "policy_id", "priority", "status",
                                    "groups_included", "groups_excluded", "users_included", "users_excluded",
                                    "network_connection", "network_includes", "network_excludes"),
}


# Why an attribute of BREAKS_SIGN_IN matters, where "decides whether federated sign-in works" says too little.
BREAKS_SIGN_IN_WHY: dict[tuple[str, str], str] = {
    ("okta_app_oauth", "groups_claim"): "the groups claim decides which Okta groups the application authorizes "
                                        "(its name, which claim Cognito maps; its filter, which groups reach it)",
}


def classify(change: AttributeChange) -> Classification:
    dotted = change.schema_path
    noise = NOISE.get(change.resource_type, {})
    for prefix, why in noise.items():
        if dotted == prefix or dotted.startswith(prefix + "."):
            return Classification(DriftClass.NOISE, why)
    if change.before in EMPTY_VALUES and change.after in EMPTY_VALUES:
        return Classification(DriftClass.NOISE, "null and empty mean the same: nothing is set")
    top = str(change.path[0]) if change.path else ""
    if top in SET_LIKE and same_set(change.before, change.after):
        return Classification(DriftClass.NOISE, "same values in another order")
    if dotted == "provider_details.authorize_scopes" and same_scopes(change.before, change.after):
        return Classification(DriftClass.NOISE, "same scopes in another order")
    for prefix in BREAKS_SIGN_IN.get(change.resource_type, ()):
        if dotted == prefix or dotted.startswith(prefix + ".") or (top == prefix.split(".")[0] and "." not in prefix):
            why = BREAKS_SIGN_IN_WHY.get((change.resource_type, prefix), f"{prefix} decides whether federated sign-in works")
            return Classification(DriftClass.BREAKS_SIGN_IN, why)
    return Classification(DriftClass.COSMETIC, "does not affect sign-in or security")


def same_set(before: Any, after: Any) -> bool:
    if not isinstance(before, list) or not isinstance(after, list):
        return False
    try:
        return sorted(map(str, before)) == sorted(map(str, after)) and len(before) == len(after)
    except TypeError:
        return False


def same_scopes(before: Any, after: Any) -> bool:
    return isinstance(before, str) and isinstance(after, str) and set(before.split()) == set(after.split())
