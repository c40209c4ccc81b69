"""Facts of the Okta → Cognito federation, as data (docs/federation-rules.md).

The single source for the configuration loader, the constructs' defaults and the policy
pack: what the config rejects is what the gate would reject. Plain data only, because
checkov imports every `.py` file in this folder.
"""

from __future__ import annotations

import re

# Scopes Cognito must request from Okta (FED_004): openid for the ID token, email for
# email/email_verified, profile for the name claims.
REQUIRED_AUTHORIZE_SCOPES: tuple[str, ...] = ("openid", "profile", "email")
ALLOWED_AUTHORIZE_SCOPES: frozenset[str] = frozenset({"openid", "profile", "email", "groups"})

# Cognito authenticates to the IdP with client_secret_post only (fact 1).
TOKEN_ENDPOINT_AUTH_METHOD = "client_secret_post"

# provider_details of an OIDC identity provider (rules fact 4, CreateIdentityProvider): the keys
# one configures, the endpoint keys Cognito reads when it cannot discover them, and the keys Cognito
# fills in itself after discovery (present in state, absent from configuration; D7).
OIDC_PROVIDER_DETAILS_REQUIRED: tuple[str, ...] = (
    "client_id", "client_secret", "oidc_issuer", "authorize_scopes", "attributes_request_method")
OIDC_PROVIDER_DETAILS_ENDPOINTS: tuple[str, ...] = ("authorize_url", "token_url", "attributes_url", "jwks_uri")
OIDC_PROVIDER_DETAILS_KEYS: frozenset[str] = frozenset(OIDC_PROVIDER_DETAILS_REQUIRED + OIDC_PROVIDER_DETAILS_ENDPOINTS)
COGNITO_FILLED_PROVIDER_DETAILS: tuple[str, ...] = ("attributes_url_add_attributes",) + OIDC_PROVIDER_DETAILS_ENDPOINTS
# Social providers' details also carry token_request_method, which Cognito sets by itself.
COGNITO_SET_PROVIDER_DETAILS: tuple[str, ...] = COGNITO_FILLED_PROVIDER_DETAILS + ("token_request_method",)

# username ← sub is Cognito's default for OIDC; these three may never be dropped (FED_101/102).
MANDATORY_ATTRIBUTE_MAPPING: tuple[tuple[str, str], ...] = (
    ("username", "sub"),
    ("email", "email"),
    ("email_verified", "email_verified"),
)
DEFAULT_ATTRIBUTE_MAPPING: tuple[tuple[str, str], ...] = MANDATORY_ATTRIBUTE_MAPPING + (
    ("name", "name"),
    ("given_name", "given_name"),
    ("family_name", "family_name"),
)

# Cognito's standard attributes (FED_105); `username` is a mapping target, not a schema item.
STANDARD_ATTRIBUTES: frozenset[str] = frozenset({
    "address", "birthdate", "email", "email_verified", "family_name", "gender", "given_name",
    "locale", "middle_name", "name", "nickname", "phone_number", "phone_number_verified",
    "picture", "preferred_username", "profile", "updated_at", "website", "zoneinfo",
})
MAPPING_TARGETS_WITHOUT_SCHEMA: frozenset[str] = frozenset({"username"})

# Claim → the scope that makes Okta emit it (FED_806).
CLAIM_SCOPES: dict[str, str] = {
    "email": "email", "email_verified": "email",
    **{claim: "profile" for claim in (
        "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
        "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at",
    )},
    "phone_number": "phone", "phone_number_verified": "phone",
    "address": "address",
    "groups": "groups",
}

# Cognito caps a mapped value at 2048 characters (fact 5, FED_108).
MAPPED_ATTRIBUTE_MAX_LENGTH = 2048

# The Okta app's groups claim (rules 2.C, "Groups in tokens"). It is a claim of the org
# authorization server's ID token only, emitted when the request carries the `groups` scope;
# okta/okta writes it through an internal endpoint, and not at all with OAuth 2.0 API credentials.
GROUPS_SCOPE = "groups"
GROUPS_CLAIM_DEFAULT_NAME = "groups"
GROUPS_CLAIM_DEFAULT_ATTRIBUTE = "custom:groups"
GROUPS_FILTER_TYPES: tuple[str, ...] = ("EQUALS", "STARTS_WITH", "CONTAINS", "REGEX")
GROUPS_CLAIM_TYPES: tuple[str, ...] = ("FILTER", "EXPRESSION")
# Okta puts at most 100 groups in a groups claim (more fail the token in the implicit flow).
OKTA_GROUPS_CLAIM_MAX_GROUPS = 100
# Filters that let every group of the org through (FED_217): a regex of only "any character"
# repetitions, or a prefix / substring that is empty.
MATCH_EVERY_GROUP_PATTERN = re.compile(r"^\^?\(?\.[*+]\)?\$?$")
# Claims of the OIDC standard and the token itself: never a groups claim's name.
RESERVED_CLAIM_NAMES: frozenset[str] = frozenset({
    "sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "azp", "at_hash", "c_hash", "jti",
    "idp", "ver", "email", "email_verified", "name", "given_name", "family_name", "preferred_username",
    "phone_number", "address", "locale", "zoneinfo", "updated_at"})

# Identity provider names (FED_012).
PROVIDER_NAME_MAX_LENGTH = 32
RESERVED_PROVIDER_NAMES: frozenset[str] = frozenset(
    {"COGNITO", "Cognito", "Google", "Facebook", "LoginWithAmazon", "SignInWithApple"})
# Letters, digits and .+=@- only: no underscore, since Cognito joins `<ProviderName>_<sub>`
# into the username, and no whitespace (the API's ProviderName pattern, in `re` terms).
PROVIDER_NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+=@-]{1,31}$")

# idp_identifiers (FED_013).
IDP_IDENTIFIER_PATTERN = re.compile(r"^[\w\s+=.@-]{1,40}$")
IDP_IDENTIFIERS_MAX = 50

# App client scopes (FED_403).
APP_CLIENT_STANDARD_SCOPES: frozenset[str] = frozenset({"phone", "email", "openid", "profile"})
FORBIDDEN_FEDERATED_CLIENT_SCOPES: frozenset[str] = frozenset({"aws.cognito.signin.user.admin"})
RESOURCE_SERVER_SCOPE_PATTERN = re.compile(r"^[\w.:/-]+/[\w.:/-]+$")

# Token lifetimes: hard limits of the API and the policy this project enforces (FED_412).
ACCESS_TOKEN_MINUTES_RANGE = (5, 60)
ID_TOKEN_MINUTES_RANGE = (5, 60)
REFRESH_TOKEN_DAYS_MAX = 30

# Domain prefixes (FED_602): reserved terms and the shape Cognito accepts.
RESERVED_DOMAIN_TERMS: tuple[str, ...] = ("aws", "amazon", "cognito")
DOMAIN_PREFIX_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
US_EAST_1_CERTIFICATE_PATTERN = re.compile(r"^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate/[\w-]+$")

# Okta org domains (FED_006).
OKTA_BASE_URLS: frozenset[str] = frozenset({"okta.com", "oktapreview.com", "okta-emea.com"})
OKTA_ORG_HOST = re.compile(r"^[A-Za-z0-9-]+\.(okta|oktapreview|okta-emea)\.com$")
# A host on an Okta org domain, the org label possibly a template (`${var.org}.okta.com`).
OKTA_HOST_SUFFIX = re.compile(r"\.(okta|oktapreview|okta-emea)\.com$")

# Federation-only clients may use refresh tokens only; SRP is added when local users are allowed.
FEDERATION_ONLY_AUTH_FLOWS: tuple[str, ...] = ("ALLOW_REFRESH_TOKEN_AUTH",)
LOCAL_USER_AUTH_FLOWS: tuple[str, ...] = ("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH")
APP_CLIENT_AUTH_SESSION_MINUTES = 3
POOL_MINIMUM_PASSWORD_LENGTH = 14
POOL_TEMPORARY_PASSWORD_DAYS = 7
"""The password policy of the pools the stack builds, for whatever local users there are (rules 2.F)."""
"""How long the session token of a sign-in lasts on an app client the stack builds."""


def idp_response_url_for_prefix(prefix: str, region: str) -> str:
    """The redirect URI Okta must register for a Cognito prefix domain (FED_206)."""
    return f"https://{prefix}.auth.{region}.amazoncognito.com/oauth2/idpresponse"


def idp_response_url_for_custom_domain(domain: str) -> str:
    """The redirect URI Okta must register for a Cognito custom domain (FED_206)."""
    return f"https://{domain}/oauth2/idpresponse"
