"""An OIDC IdP we do not manage (a customer's own), with its secret from a secret store."""

from __future__ import annotations

from dataclasses import dataclass

from cdktf import Fn, TerraformVariable, Token
from cdktf_cdktf_provider_aws.data_aws_secretsmanager_secret_version import DataAwsSecretsmanagerSecretVersion
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from config.model import ExternalOidcSettings, SecretFromVariable
from modules.naming import pin_address


@dataclass(frozen=True)
class ExternalOidcIdpProps:
    name: str
    settings: ExternalOidcSettings
    provider: AwsProvider


class ExternalOidcIdp:
    """The upstream side of a `kind: oidc` federation.

    The client secret is never in configuration: it is a sensitive Terraform variable (set in
    the Terraform Cloud workspace or `TF_VAR_...`) or read from AWS Secrets Manager at plan time.
    Not a construct of its own (see `CognitoOidcProvider`): its one element is added to the
    federation's construct (`scope`) as `<construct_id>-client-secret`.
    """

    def __init__(self, scope: Construct, construct_id: str, props: ExternalOidcIdpProps) -> None:
        self._settings = props.settings
        source = props.settings.client_secret
        if isinstance(source, SecretFromVariable):
            variable = TerraformVariable(scope, f"{construct_id}-client-secret", type="string", sensitive=True, nullable=False,
                                         description=f"Client secret of the {props.name} OIDC IdP")
            variable.override_logical_id(source.variable)
            self._client_secret = variable.string_value
        else:
            version = DataAwsSecretsmanagerSecretVersion(scope, f"{construct_id}-client-secret", provider=props.provider,
                                                         secret_id=source.secret_id)
            pin_address(version, props.name, "client_secret")
            self._client_secret = (Token.as_string(Fn.lookup(Fn.jsondecode(version.secret_string), source.json_key))
                                   if source.json_key else version.secret_string)

    @property
    def client_id(self) -> str:
        return self._settings.client_id

    @property
    def client_secret(self) -> str:
        return self._client_secret

    @property
    def issuer(self) -> str:
        return self._settings.issuer

    @property
    def authorize_scopes(self) -> tuple[str, ...]:
        return self._settings.authorize_scopes

    @property
    def attributes_request_method(self) -> str:
        return self._settings.attributes_request_method.value
