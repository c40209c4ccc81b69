"""The pool's sign-in domains and the redirect URIs they imply."""

from __future__ import annotations

from dataclasses import dataclass

from cdktf_cdktf_provider_aws.cognito_user_pool_domain import CognitoUserPoolDomain
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from config.model import DomainConfig
from modules.naming import pin_address
from modules.user_pool import FederatedUserPool
from federation.facts import idp_response_url_for_custom_domain, idp_response_url_for_prefix

# 1 = the classic hosted UI. Managed login (2) needs a branding resource per app client and
# does not apply WAF rules (rules FED_604); choosing it is a deliberate later step.
MANAGED_LOGIN_VERSION = 1


@dataclass(frozen=True)
class UserPoolDomainsProps:
    config: DomainConfig
    pool: FederatedUserPool
    provider: AwsProvider
    region: str


class UserPoolDomains(Construct):
    """A prefix domain, a custom domain, or both; each one's `/oauth2/idpresponse` URL.

    The URLs reference the domain resources, so the Okta app's redirect URIs follow the
    domains by construction (FED_206): one slash off and Okta rejects every sign-in.
    """

    def __init__(self, scope: Construct, construct_id: str, props: UserPoolDomainsProps) -> None:
        super().__init__(scope, construct_id)
        self.idp_response_urls: list[str] = []
        self.base_urls: list[str] = []
        if props.config.prefix is not None:
            prefix = CognitoUserPoolDomain(self, "prefix", provider=props.provider,
                                           domain=props.config.prefix.prefix, user_pool_id=props.pool.id,
                                           managed_login_version=MANAGED_LOGIN_VERSION)
            pin_address(prefix, "prefix_domain")
            self.idp_response_urls.append(idp_response_url_for_prefix(prefix.domain, props.region))
            self.base_urls.append(f"https://{prefix.domain}.auth.{props.region}.amazoncognito.com")
        if props.config.custom is not None:
            custom = CognitoUserPoolDomain(self, "custom", provider=props.provider,
                                           domain=props.config.custom.domain, user_pool_id=props.pool.id,
                                           certificate_arn=props.config.custom.certificate_arn,
                                           managed_login_version=MANAGED_LOGIN_VERSION)
            pin_address(custom, "custom_domain")
            self.idp_response_urls.append(idp_response_url_for_custom_domain(custom.domain))
            self.base_urls.append(f"https://{custom.domain}")

    @property
    def login_base_url(self) -> str:
        """The custom domain when there is one: that is the one users should see."""
        return self.base_urls[-1]
