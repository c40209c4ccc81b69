"""The parts an environment's stacks are made of, so that one stack or a sharded set of stacks
(see `config.sharding`) is built from the same code: the pool with its domains, federations,
app clients, and the state backend and outputs of a stack."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from cdktf import CloudBackend, LocalBackend, NamedCloudWorkspace, TaggedCloudWorkspaces, TerraformOutput, TerraformStack
from cdktf_cdktf_provider_aws.provider import AwsProvider

from config.cloud_workspaces import workspace_name
from config.model import CloudWorkspaceByName, EnvironmentConfig, FederationConfig
from modules.app_client import FederatedAppClient, FederatedAppClientProps
from modules.federation import Federation, FederationProps
from modules.naming import logical_name
from modules.user_pool import FederatedUserPool, FederatedUserPoolProps
from modules.user_pool_domain import UserPoolDomains, UserPoolDomainsProps

# The Okta bindings were generated from okta/okta 4.20.0 and would pin it. We raise the
# constraint to the 6.x line: 6.5.5 fixed the perpetual `consent_method` diff (rules D12,
# FED_705), and every attribute the constructs emit exists unchanged in 6.x (tests check the
# emitted attributes against the 6.x schema kept in tests/fixtures).
OKTA_PROVIDER_VERSION = ">= 6.5.5, < 7.0.0"


@dataclass(frozen=True)
class PoolParts:
    pool: FederatedUserPool
    domains: UserPoolDomains


def configure_state(stack: TerraformStack, environment: EnvironmentConfig, stack_name: str) -> None:
    """Terraform Cloud (workspace `<workspace>` plus the stack's suffix) or a local state file."""
    cloud = environment.cloud
    if cloud is None:
        # Next to the synthesized stack; keep it out of version control (.gitignore). A sharded
        # stack reads other stacks' state, so its path must mean the same from every stack folder.
        LocalBackend(stack, path=(f"terraform.{stack_name}.tfstate" if environment.shards == 1
                                  else f"../{stack_name}/terraform.{stack_name}.tfstate"))
        return
    workspaces = (NamedCloudWorkspace(workspace_name(cloud.workspace.name, environment.name, stack_name))
                  if isinstance(cloud.workspace, CloudWorkspaceByName)
                  else TaggedCloudWorkspaces(list(cloud.workspace.tags)))
    CloudBackend(stack, organization=cloud.organization, hostname=cloud.hostname, workspaces=workspaces)


def aws_provider(stack: TerraformStack, environment: EnvironmentConfig) -> AwsProvider:
    # Credentials come from the AWS credential chain (or Terraform Cloud dynamic credentials).
    return AwsProvider(stack, "aws", region=environment.region)


def add_pool(stack: TerraformStack, environment: EnvironmentConfig, aws: AwsProvider) -> PoolParts:
    local_users = any(client.allow_local_users for client in environment.app_clients)
    pool = FederatedUserPool(stack, "user-pool", FederatedUserPoolProps(
        config=environment.user_pool, provider=aws, local_users=local_users))
    domains = UserPoolDomains(stack, "domains", UserPoolDomainsProps(
        config=environment.user_pool.domain, pool=pool, provider=aws, region=environment.region))
    return PoolParts(pool, domains)


def add_federations(stack: TerraformStack, federations: Sequence[FederationConfig], pool: PoolParts,
                    aws: AwsProvider) -> dict[str, Federation]:
    built = {federation.name: Federation(stack, f"federation-{federation.name}", FederationProps(
        config=federation, pool=pool.pool, domains=pool.domains, provider=aws)) for federation in federations}
    if any(federation.okta for federation in federations):
        stack.add_override("terraform.required_providers.okta.version", OKTA_PROVIDER_VERSION)
    return built


def add_clients(stack: TerraformStack, environment: EnvironmentConfig, pool: PoolParts,
                federations: Mapping[str, Federation], aws: AwsProvider) -> list[FederatedAppClient]:
    return [
        FederatedAppClient(stack, f"client-{client.name}", FederatedAppClientProps(
            config=client, pool=pool.pool, provider=aws,
            identity_providers=[federations[name].identity_provider for name in client.identity_providers]))
        for client in environment.app_clients
    ]


def add_pool_outputs(stack: TerraformStack, pool: PoolParts) -> None:
    TerraformOutput(stack, "issuer", value=pool.pool.issuer,
                    description="Issuer of the tokens Cognito mints for the applications")
    TerraformOutput(stack, "user_pool_id", value=pool.pool.id)


def add_client_outputs(stack: TerraformStack, environment: EnvironmentConfig, pool: PoolParts,
                       clients: Sequence[FederatedAppClient]) -> None:
    for client, config in zip(clients, environment.app_clients):
        name = logical_name(config.name)
        TerraformOutput(stack, f"{name}_client_id", value=client.client_id,
                        description=f"App client id of {config.name}")
        login_url = (f"{pool.domains.login_base_url}/login?client_id={client.client_id}"
                     f"&response_type=code&scope={quote(' '.join(config.scopes))}"
                     f"&redirect_uri={quote(config.callback_urls[0], safe='')}")
        TerraformOutput(stack, f"{name}_login_url", value=login_url,
                        description=f"Hosted UI sign-in URL of {config.name}")
        if config.confidential:
            TerraformOutput(stack, f"{name}_client_secret", value=client.client_secret, sensitive=True,
                            description=f"App client secret of {config.name} (sensitive)")
