"""One Terraform stack per environment: the pool, its domains, every federation and app client."""

from __future__ import annotations

from urllib.parse import quote

from cdktf import (CloudBackend, LocalBackend, NamedCloudWorkspace, TaggedCloudWorkspaces,
                   TerraformOutput, TerraformStack)
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from config.model import CloudWorkspaceByName, EnvironmentConfig
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


class FederationStack(TerraformStack):
    def __init__(self, scope: Construct, environment: EnvironmentConfig) -> None:
        super().__init__(scope, environment.name)
        self.environment = environment
        self._configure_state()
        # Credentials come from the AWS credential chain (or Terraform Cloud dynamic credentials).
        aws = AwsProvider(self, "aws", region=environment.region)
        local_users = any(client.allow_local_users for client in environment.app_clients)
        self.pool = FederatedUserPool(self, "user-pool", FederatedUserPoolProps(
            config=environment.user_pool, provider=aws, local_users=local_users))
        self.domains = UserPoolDomains(self, "domains", UserPoolDomainsProps(
            config=environment.user_pool.domain, pool=self.pool, provider=aws, region=environment.region))
        self.federations = {
            federation.name: Federation(self, f"federation-{federation.name}", FederationProps(
                config=federation, pool=self.pool, domains=self.domains, provider=aws))
            for federation in environment.federations
        }
        self.clients = [
            FederatedAppClient(self, f"client-{client.name}", FederatedAppClientProps(
                config=client, pool=self.pool, provider=aws,
                identity_providers=[self.federations[name].identity_provider
                                    for name in client.identity_providers]))
            for client in environment.app_clients
        ]
        if any(federation.okta for federation in environment.federations):
            self.add_override("terraform.required_providers.okta.version", OKTA_PROVIDER_VERSION)
        self._add_outputs()

    def _configure_state(self) -> None:
        cloud = self.environment.cloud
        if cloud is None:
            # Next to the synthesized stack; keep it out of version control (.gitignore).
            LocalBackend(self, path=f"terraform.{self.environment.name}.tfstate")
            return
        workspaces = (NamedCloudWorkspace(cloud.workspace.name)
                      if isinstance(cloud.workspace, CloudWorkspaceByName)
                      else TaggedCloudWorkspaces(list(cloud.workspace.tags)))
        CloudBackend(self, organization=cloud.organization, hostname=cloud.hostname, workspaces=workspaces)

    def _add_outputs(self) -> None:
        TerraformOutput(self, "issuer", value=self.pool.issuer,
                        description="Issuer of the tokens Cognito mints for the applications")
        TerraformOutput(self, "user_pool_id", value=self.pool.id)
        for client, config in zip(self.clients, self.environment.app_clients):
            name = logical_name(config.name)
            TerraformOutput(self, f"{name}_client_id", value=client.client_id,
                            description=f"App client id of {config.name}")
            login_url = (f"{self.domains.login_base_url}/login?client_id={client.client_id}"
                         f"&response_type=code&scope={quote(' '.join(config.scopes))}"
                         f"&redirect_uri={quote(config.callback_urls[0], safe='')}")
            TerraformOutput(self, f"{name}_login_url", value=login_url,
                            description=f"Hosted UI sign-in URL of {config.name}")
            if config.confidential:
                TerraformOutput(self, f"{name}_client_secret", value=client.client_secret, sensitive=True,
                                description=f"App client secret of {config.name} (sensitive)")
