"""Which stack each federation of an environment lives in, when the environment is sharded.

An environment with `shards: N` (N > 1) becomes N + 2 Terraform stacks, each its own state and
Terraform Cloud workspace, applied in this order:

* `<env>`: the user pool and its domains;
* `<env>-shard-1` … `<env>-shard-N`: the federations (Okta app, identity provider), spread
  over the shards; Terraform Cloud plans and applies them in parallel;
* `<env>-clients`: the app clients, which trust identity providers of every shard.

A federation's shard follows from its name alone (rendezvous hashing): it never moves while
N stays the same, and going from N to N + 1 shards moves only the ~1/(N + 1) of federations
that the new shard wins. Moving a federation means Terraform destroys it in one state and
creates it in another, so N is best chosen once, with room to grow.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from config.model import EnvironmentConfig, FederationConfig

MAXIMUM_SHARDS = 64
SHARD_STACK_NAME = re.compile(r"^(.+)-(clients|shard-[0-9]+)$")
"""A stack of a sharded environment other than its first; group 1 is the environment."""


@dataclass(frozen=True)
class Shard:
    stack_name: str
    federations: tuple[FederationConfig, ...]


def shard_number(federation_name: str, shards: int) -> int:
    """The shard (1 to `shards`) whose hash of (name, shard) is highest."""
    def weight(number: int) -> bytes:
        return hashlib.sha256(f"{federation_name}\n{number}".encode()).digest()

    return max(range(1, shards + 1), key=weight)


def shards_of(environment: EnvironmentConfig) -> tuple[Shard, ...]:
    """The shards in order; every one of them, even one that no federation falls into."""
    numbers = {federation.name: shard_number(federation.name, environment.shards)
               for federation in environment.federations}
    return tuple(Shard(shard_stack_name(environment.name, number),
                       tuple(f for f in environment.federations if numbers[f.name] == number))
                 for number in range(1, environment.shards + 1))


def shard_stack_name(environment_name: str, number: int) -> str:
    return f"{environment_name}-shard-{number}"


def clients_stack_name(environment_name: str) -> str:
    return f"{environment_name}-clients"


def apply_layers(environment: EnvironmentConfig) -> tuple[tuple[str, ...], ...]:
    """The environment's stacks in apply order, grouped: every stack of a layer reads outputs of
    the layer before it and of no later one, so the stacks of one layer apply in parallel."""
    if environment.shards == 1:
        return ((environment.name,),)
    return ((environment.name,), tuple(shard_stack_name(environment.name, n) for n in range(1, environment.shards + 1)),
            (clients_stack_name(environment.name),))


def stack_names(environment: EnvironmentConfig) -> tuple[str, ...]:
    """The environment's stacks in the order they must be applied."""
    return tuple(name for layer in apply_layers(environment) for name in layer)
