"""A sharded environment as N + 2 stacks (see `config.sharding`): the pool, N shards of
federations, the app clients. Values that cross stacks stay references: CDKTF turns each into an
output of the stack that owns it and a `terraform_remote_state` read in the stack that uses it,
and records the order in which the stacks depend on each other (cdktf.out/manifest.json)."""

from __future__ import annotations

from cdktf import TerraformStack
from constructs import Construct

from config.model import EnvironmentConfig
from config.sharding import clients_stack_name, shards_of
from modules.environment_parts import (add_client_outputs, add_clients, add_federations, add_pool, add_pool_outputs,
                                       aws_provider, configure_state)
from modules.federation import Federation


class _Stack(TerraformStack):
    def __init__(self, scope: Construct, environment: EnvironmentConfig, name: str) -> None:
        super().__init__(scope, name)
        configure_state(self, environment, name)
        self.aws = aws_provider(self, environment)


def add_sharded_stacks(scope: Construct, environment: EnvironmentConfig) -> None:
    core = _Stack(scope, environment, environment.name)
    pool = add_pool(core, environment, core.aws)
    add_pool_outputs(core, pool)
    federations: dict[str, Federation] = {}
    for shard in shards_of(environment):
        stack = _Stack(scope, environment, shard.stack_name)
        federations.update(add_federations(stack, shard.federations, pool, stack.aws))
    clients = _Stack(scope, environment, clients_stack_name(environment.name))
    add_client_outputs(clients, environment, pool, add_clients(clients, environment, pool, federations, clients.aws))
