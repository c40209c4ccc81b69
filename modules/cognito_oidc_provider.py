"""The Cognito OIDC identity provider that trusts one upstream IdP."""

from __future__ import annotations

from dataclasses import dataclass

from cdktf import TerraformResourceLifecycle
from cdktf_cdktf_provider_aws.cognito_identity_provider import CognitoIdentityProvider
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from modules.naming import pin_address
from modules.oidc_upstream import OidcUpstream
from federation.facts import COGNITO_FILLED_PROVIDER_DETAILS
from modules.user_pool import FederatedUserPool

# Keys Cognito fills into provider_details by itself after discovery (rules §3, D7): absent
# from our config, present in state, so every plan would try to remove them. We ignore exactly
# these (COGNITO_FILLED_PROVIDER_DETAILS). Never `client_secret`: ignoring it would hide a
# rotation or an out-of-band edit; the drift detector compares its hash instead.


@dataclass(frozen=True)
class CognitoOidcProviderProps:
    name: str
    """The federation's name; prefixes the Terraform address."""
    provider_name: str
    """The name apps and usernames see (`<provider_name>_<sub>`); changing it replaces the IdP."""
    pool: FederatedUserPool
    upstream: OidcUpstream
    attribute_mapping: tuple[tuple[str, str], ...]
    idp_identifiers: tuple[str, ...]
    provider: AwsProvider


class CognitoOidcProvider:
    """Not a construct of its own: the identity provider is added to the federation's construct
    (`scope`) as `<construct_id>-provider`. Each construct is a round trip to Node.js (~0.3 ms);
    at 1,000 federations this and `ExternalOidcIdp` save ~0.7 s of synthesis."""

    def __init__(self, scope: Construct, construct_id: str, props: CognitoOidcProviderProps) -> None:
        upstream = props.upstream
        self.identity_provider = CognitoIdentityProvider(
            scope, f"{construct_id}-provider",
            provider=props.provider,
            user_pool_id=props.pool.id,
            provider_name=props.provider_name,
            provider_type="OIDC",
            provider_details={
                "client_id": upstream.client_id,
                "client_secret": upstream.client_secret,
                "oidc_issuer": upstream.issuer,
                "authorize_scopes": " ".join(upstream.authorize_scopes),
                "attributes_request_method": upstream.attributes_request_method,
            },
            attribute_mapping=dict(props.attribute_mapping),
            idp_identifiers=list(props.idp_identifiers) or None,
            lifecycle=TerraformResourceLifecycle(ignore_changes=[
                f'provider_details["{key}"]' for key in COGNITO_FILLED_PROVIDER_DETAILS]),
        )
        pin_address(self.identity_provider, props.name, "identity_provider")
        self.mapped_attributes = tuple(attribute for attribute, _ in props.attribute_mapping)

    @property
    def provider_name(self) -> str:
        """A reference, so an app client that trusts this IdP is created after it (FED_404)."""
        return self.identity_provider.provider_name
