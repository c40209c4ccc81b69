"""Live pools as `audit.aws_reader.read_pool_whole` returns them, for the mapping tests."""

from __future__ import annotations

import copy
from typing import Any

POOL_ID = "eu-west-1_AbCdEf123"
OKTA_ISSUER = "https://acme.okta.com"
MAPPING = {"username": "sub", "email": "email", "email_verified": "email_verified", "name": "name",
           "given_name": "given_name", "family_name": "family_name"}

SEED: dict[str, Any] = {
    "pool": {"Id": POOL_ID, "Name": "acme-analytics", "DeletionProtection": "ACTIVE", "MfaConfiguration": "OFF",
             "UserPoolTier": "ESSENTIALS", "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": True},
             "UsernameConfiguration": {"CaseSensitive": False}, "Domain": "acme-analytics",
             "Policies": {"PasswordPolicy": {"MinimumLength": 14, "RequireUppercase": True, "RequireLowercase": True,
                                             "RequireNumbers": True, "RequireSymbols": True,
                                             "TemporaryPasswordValidityDays": 7}},
             "AccountRecoverySetting": {"RecoveryMechanisms": [{"Name": "admin_only", "Priority": 1}]},
             "SchemaAttributes": [
                 {"Name": "sub", "AttributeDataType": "String", "Required": True, "Mutable": False},
                 {"Name": "email", "AttributeDataType": "String", "Required": True, "Mutable": True,
                  "StringAttributeConstraints": {"MinLength": "0", "MaxLength": "2048"}},
                 {"Name": "given_name", "AttributeDataType": "String", "Required": False, "Mutable": True},
                 {"Name": "custom:department", "AttributeDataType": "String", "Mutable": True,
                  "StringAttributeConstraints": {"MinLength": "0", "MaxLength": "2048"}}]},
    "domains": {"Domain": {"Domain": "acme-analytics", "UserPoolId": POOL_ID, "ManagedLoginVersion": 1}},
    "providers": [{"ProviderName": "AcmeOkta", "ProviderType": "OIDC", "AttributeMapping": dict(MAPPING),
                   "IdpIdentifiers": ["acme.example"], "has_client_secret": True,
                   "ProviderDetails": {"client_id": "0oa1app", "oidc_issuer": OKTA_ISSUER,
                                       "authorize_scopes": "openid profile email",
                                       "attributes_request_method": "GET"}}],
    "clients": [{"ClientId": "client1", "ClientName": "analytics-web", "has_client_secret": True,
                 "AllowedOAuthFlows": ["code"], "AllowedOAuthFlowsUserPoolClient": True,
                 "AllowedOAuthScopes": ["openid", "email", "profile"],
                 "CallbackURLs": ["https://analytics.acme.example/cb"], "SupportedIdentityProviders": ["AcmeOkta"],
                 "WriteAttributes": ["email", "email_verified", "family_name", "given_name", "name"],
                 "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH"], "PreventUserExistenceErrors": "ENABLED",
                 "EnableTokenRevocation": True, "AuthSessionValidity": 3, "AccessTokenValidity": 60,
                 "IdTokenValidity": 60, "RefreshTokenValidity": 7,
                 "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"}}],
}

OKTA_APP: dict[str, Any] = {
    "app": {"id": "0oa1app", "label": "Acme Analytics", "status": "ACTIVE",
            "settings": {"oauthClient": {"application_type": "web", "grant_types": ["authorization_code"],
                                         "response_types": ["code"], "redirect_uris": [
                                             "https://acme-analytics.auth.eu-west-1.amazoncognito.com/oauth2/idpresponse"]}},
            "credentials": {"oauthClient": {"token_endpoint_auth_method": "client_secret_post",
                                            "pkce_required": False}}},
    "groups": [{"id": "00g1", "name": "analytics-users", "priority": 1}],
    "policy": {"id": "rst1", "name": "Acme Analytics sign-on", "rules": [
        {"id": "0pr1", "system": False, "actions": {"appSignOn": {
            "access": "ALLOW", "verificationMethod": {"type": "ASSURANCE", "factorMode": "2FA"}}}},
        {"id": "0pr2", "system": True, "actions": {"appSignOn": {"access": "DENY"}}}]},
}


def seed() -> dict[str, Any]:
    return copy.deepcopy(SEED)


def okta_app() -> dict[str, Any]:
    return copy.deepcopy(OKTA_APP)
