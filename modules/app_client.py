"""A Cognito app client that signs users in through the federations it trusts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cdktf_cdktf_provider_aws.cognito_user_pool_client import (CognitoUserPoolClient,
                                                               CognitoUserPoolClientTokenValidityUnits)
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from config.model import AppClientConfig
from modules.cognito_oidc_provider import CognitoOidcProvider
from modules.naming import pin_address
from modules.user_pool import FederatedUserPool
from federation.facts import (APP_CLIENT_AUTH_SESSION_MINUTES, FEDERATION_ONLY_AUTH_FLOWS, LOCAL_USER_AUTH_FLOWS,
                                       MAPPING_TARGETS_WITHOUT_SCHEMA)

COGNITO_DIRECTORY = "COGNITO"


@dataclass(frozen=True)
class FederatedAppClientProps:
    config: AppClientConfig
    pool: FederatedUserPool
    identity_providers: Sequence[CognitoOidcProvider]
    provider: AwsProvider


class FederatedAppClient(Construct):
    """Code flow only, OAuth on, and write access to exactly what the IdPs map (rules 2.E).

    `supported_identity_providers` holds references to the identity providers, which orders
    creation (FED_404). `write_attributes` is the union of every trusted IdP's mapping, because
    Cognito rewrites mapped attributes at each sign-in and fails when it may not (FED_107/413).
    Token lifetimes and units are explicit so the provider's defaults cause no diff (D10).
    """

    def __init__(self, scope: Construct, construct_id: str, props: FederatedAppClientProps) -> None:
        super().__init__(scope, construct_id)
        config = props.config
        providers = [idp.provider_name for idp in props.identity_providers]
        if config.allow_local_users:
            providers.append(COGNITO_DIRECTORY)
        writable = sorted({attribute for idp in props.identity_providers for attribute in idp.mapped_attributes}
                          - MAPPING_TARGETS_WITHOUT_SCHEMA)
        self.client = CognitoUserPoolClient(
            self, "client",
            provider=props.provider,
            name=config.name,
            user_pool_id=props.pool.id,
            # hashicorp/aws leaves generate_secret null on import and replaces a client when it is
            # set (rules, FED_904): an adopted client keeps whatever secret it was created with.
            generate_secret=None if config.adopted else config.confidential,
            allowed_oauth_flows_user_pool_client=True,
            allowed_oauth_flows=["code"],
            allowed_oauth_scopes=list(config.scopes),
            callback_urls=list(config.callback_urls),
            logout_urls=list(config.logout_urls) or None,
            supported_identity_providers=providers,
            write_attributes=writable,
            explicit_auth_flows=list(LOCAL_USER_AUTH_FLOWS if config.allow_local_users
                                     else FEDERATION_ONLY_AUTH_FLOWS),
            prevent_user_existence_errors="ENABLED",
            enable_token_revocation=True,
            auth_session_validity=APP_CLIENT_AUTH_SESSION_MINUTES,
            access_token_validity=config.token_validity.access_minutes,
            id_token_validity=config.token_validity.id_minutes,
            refresh_token_validity=config.token_validity.refresh_days,
            token_validity_units=[CognitoUserPoolClientTokenValidityUnits(
                access_token="minutes", id_token="minutes", refresh_token="days")],
        )
        pin_address(self.client, "app_client", config.name)

    @property
    def client_id(self) -> str:
        return self.client.id

    @property
    def client_secret(self) -> str:
        return self.client.client_secret
