"""One Terraform stack per environment: the pool, its domains, every federation and app client."""

from __future__ import annotations

from constructs import Construct
from cdktf import TerraformStack

from config.model import EnvironmentConfig
from modules.environment_parts import (add_client_outputs, add_clients, add_federations, add_pool, add_pool_outputs,
                                       aws_provider, configure_state)
from modules.imports import add_imports


class FederationStack(TerraformStack):
    def __init__(self, scope: Construct, environment: EnvironmentConfig) -> None:
        super().__init__(scope, environment.name)
        self.environment = environment
        configure_state(self, environment, environment.name)
        aws = aws_provider(self, environment)
        self.pool = add_pool(self, environment, aws)
        self.federations = add_federations(self, environment.federations, self.pool, aws)
        self.clients = add_clients(self, environment, self.pool, self.federations, aws)
        add_pool_outputs(self, self.pool)
        add_client_outputs(self, environment, self.pool, self.clients)
        add_imports(self, environment)
