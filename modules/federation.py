"""One federation: an upstream OIDC IdP wired into the pool as a Cognito identity provider."""

from __future__ import annotations

from dataclasses import dataclass

from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from config.model import FederationConfig
from modules.cognito_oidc_provider import CognitoOidcProvider, CognitoOidcProviderProps
from modules.external_oidc_idp import ExternalOidcIdp, ExternalOidcIdpProps
from modules.okta_oidc_app import OktaOidcApp, OktaOidcAppProps
from modules.oidc_upstream import OidcUpstream
from modules.user_pool import FederatedUserPool
from modules.user_pool_domain import UserPoolDomains


@dataclass(frozen=True)
class FederationProps:
    config: FederationConfig
    pool: FederatedUserPool
    domains: UserPoolDomains
    provider: AwsProvider


class Federation(Construct):
    """`kind: okta` creates the Okta app (redirect URIs from the pool's domains) and hands its
    client id, secret and issuer to Cognito by reference; `kind: oidc` registers an IdP run by
    someone else, with its secret from a sensitive variable or Secrets Manager."""

    def __init__(self, scope: Construct, construct_id: str, props: FederationProps) -> None:
        super().__init__(scope, construct_id)
        config = props.config
        self.okta_app: OktaOidcApp | None = None
        upstream: OidcUpstream
        if config.okta is not None:
            self.okta_app = OktaOidcApp(self, "okta", OktaOidcAppProps(
                name=config.name, settings=config.okta, redirect_uris=props.domains.idp_response_urls))
            upstream = self.okta_app
        elif config.oidc is not None:
            upstream = ExternalOidcIdp(self, "oidc", ExternalOidcIdpProps(
                name=config.name, settings=config.oidc, provider=props.provider))
        else:  # the loader guarantees one of the two
            raise ValueError(f"federation {config.name!r} has neither okta nor oidc settings")
        self.identity_provider = CognitoOidcProvider(self, "cognito", CognitoOidcProviderProps(
            name=config.name,
            provider_name=config.provider_name,
            pool=props.pool,
            upstream=upstream,
            attribute_mapping=config.attribute_mapping,
            idp_identifiers=config.idp_identifiers,
            provider=props.provider,
        ))
