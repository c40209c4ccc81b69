"""Typed, immutable configuration of one environment.

Everything below the loader works on these objects only; nothing downstream sees a raw
dict from YAML. Defaults that encode facts of the federation live in `defaults.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Union

from federation.facts import GROUPS_SCOPE, REQUIRED_AUTHORIZE_SCOPES


class MfaMode(str, Enum):
    """MFA for *local* Cognito users; federated users get MFA from Okta (rules fact 6)."""

    ON = "ON"
    OPTIONAL = "OPTIONAL"
    OFF = "OFF"


class FeatureTier(str, Enum):
    LITE = "LITE"
    ESSENTIALS = "ESSENTIALS"
    PLUS = "PLUS"


class ThreatProtection(str, Enum):
    OFF = "OFF"
    AUDIT = "AUDIT"
    ENFORCED = "ENFORCED"


class AttributeRequestMethod(str, Enum):
    GET = "GET"
    POST = "POST"


@dataclass(frozen=True)
class SchemaAttribute:
    """One attribute of the user pool schema, named as Cognito names it (`custom:x` for custom)."""

    name: str
    data_type: str
    required: bool
    mutable: bool
    max_length: int | None

    @property
    def is_custom(self) -> bool:
        return self.name.startswith("custom:")

    @property
    def schema_name(self) -> str:
        """The name as the pool's `schema` block wants it: without the `custom:` prefix."""
        return self.name.removeprefix("custom:")


@dataclass(frozen=True)
class PrefixDomain:
    prefix: str


@dataclass(frozen=True)
class CustomDomain:
    domain: str
    certificate_arn: str


@dataclass(frozen=True)
class DomainConfig:
    prefix: PrefixDomain | None
    custom: CustomDomain | None


@dataclass(frozen=True)
class UserPoolConfig:
    name: str
    schema: tuple[SchemaAttribute, ...]
    deletion_protection: bool
    mfa: MfaMode
    feature_tier: FeatureTier
    threat_protection: ThreatProtection
    domain: DomainConfig

    def attribute(self, name: str) -> SchemaAttribute | None:
        return next((a for a in self.schema if a.name == name), None)


@dataclass(frozen=True)
class TokenValidity:
    access_minutes: int
    id_minutes: int
    refresh_days: int


@dataclass(frozen=True)
class AppClientConfig:
    name: str
    callback_urls: tuple[str, ...]
    logout_urls: tuple[str, ...]
    scopes: tuple[str, ...]
    confidential: bool
    token_validity: TokenValidity
    identity_providers: tuple[str, ...]
    """Names of the federations this client trusts."""
    allow_local_users: bool
    """Also offer Cognito's own user directory (`COGNITO`) on this client."""
    adopted: bool = False
    """Created outside Terraform and imported (`fedctl adopt`): the stack leaves `generate_secret`
    unset, because an import cannot read it and setting it would replace the client (FED_904)."""


@dataclass(frozen=True)
class OktaGroup:
    name: str
    create: bool
    """True: the group is created by this stack; False: an existing group looked up by name."""
    description: str | None = None


@dataclass(frozen=True)
class GroupsClaim:
    """The Okta app's groups claim in the ID token, and the pool attribute Cognito copies it to."""

    name: str
    """The claim's name in Okta's ID token."""
    filter_type: str
    """EQUALS, STARTS_WITH, CONTAINS or REGEX, matched against each group's name."""
    filter: str
    attribute: str
    """The custom pool attribute the claim is mapped to (`custom:groups`)."""


@dataclass(frozen=True)
class OktaSettings:
    org_name: str
    base_url: str
    app_label: str
    groups: tuple[OktaGroup, ...]
    custom_domain: str | None
    """Okta custom domain; when set the app's issuer mode is CUSTOM_URL."""
    groups_claim: GroupsClaim | None = None

    @property
    def authorize_scopes(self) -> tuple[str, ...]:
        """What Cognito asks Okta for: the org authorization server emits the groups claim only
        for the `groups` scope."""
        return REQUIRED_AUTHORIZE_SCOPES + ((GROUPS_SCOPE,) if self.groups_claim else ())

    @property
    def org_url(self) -> str:
        return f"https://{self.org_name}.{self.base_url}"


@dataclass(frozen=True)
class SecretFromVariable:
    """The secret comes from a sensitive Terraform variable set at plan time."""

    variable: str


@dataclass(frozen=True)
class SecretFromSecretsManager:
    secret_id: str
    json_key: str | None


SecretSource = Union[SecretFromVariable, SecretFromSecretsManager]


@dataclass(frozen=True)
class ExternalOidcSettings:
    issuer: str
    client_id: str
    client_secret: SecretSource
    authorize_scopes: tuple[str, ...]
    attributes_request_method: AttributeRequestMethod


@dataclass(frozen=True)
class FederationConfig:
    name: str
    provider_name: str
    attribute_mapping: tuple[tuple[str, str], ...]
    """Pool attribute ← IdP claim, the defaults merged with the additions; sorted by attribute."""
    idp_identifiers: tuple[str, ...]
    okta: OktaSettings | None = None
    oidc: ExternalOidcSettings | None = None

    @property
    def kind(self) -> str:
        return "okta" if self.okta is not None else "oidc"

    @property
    def mapped_attributes(self) -> tuple[str, ...]:
        return tuple(attribute for attribute, _ in self.attribute_mapping)


@dataclass(frozen=True)
class CloudWorkspaceByName:
    name: str


@dataclass(frozen=True)
class CloudWorkspaceByTags:
    tags: tuple[str, ...]


@dataclass(frozen=True)
class CloudBackendConfig:
    """Terraform Cloud / HCP Terraform; credentials come from the user's TF_TOKEN_* variables."""

    organization: str
    workspace: CloudWorkspaceByName | CloudWorkspaceByTags
    hostname: str
    terraform_version: str
    """The Terraform version (or constraint) the workspaces run."""
    health_assessments: bool
    """Whether the workspaces run health assessments (drift detection; an HCP Terraform plan feature)."""


@dataclass(frozen=True)
class EnvironmentConfig:
    name: str
    source_file: str
    production: bool
    region: str
    user_pool: UserPoolConfig
    app_clients: tuple[AppClientConfig, ...]
    federations: tuple[FederationConfig, ...]
    cloud: CloudBackendConfig | None = field(default=None)
    """None means Terraform's local backend."""
    shards: int = 1
    """How many stacks the federations are spread over (see `config.sharding`); 1: one stack."""
    imports: tuple[tuple[str, str], ...] = ()
    """Terraform address → import id of live resources this environment adopts (`fedctl adopt`);
    synthesis emits an `import` block for each. Removable without a diff once applied."""

    def federation(self, name: str) -> FederationConfig:
        return next(f for f in self.federations if f.name == name)
