"""The Terraform Cloud workspace of every stack of an environment, and the run triggers between them.

The cloud block of each synthesized stack (`modules/environment_parts.py`) and `fedctl workspaces`
both take the names from here, so the workspaces fedctl creates are the ones the stacks use. A
stack's workspace is triggered by the workspaces of the layer applied before it
(`config.sharding.apply_layers`): each shard by `<workspace>`, `-clients` by every shard.
"""

from __future__ import annotations

from dataclasses import dataclass

from config.model import CloudWorkspaceByName, EnvironmentConfig
from config.sharding import apply_layers


@dataclass(frozen=True)
class StackWorkspace:
    stack_name: str
    workspace_name: str
    triggered_by: tuple[str, ...]
    """Workspaces whose successful apply queues a run in this one, in apply order."""


def workspace_name(base_workspace: str, environment_name: str, stack_name: str) -> str:
    """`<workspace>` for the environment's first stack, `<workspace>-shard-K` / `-clients` for the others."""
    return base_workspace + stack_name.removeprefix(environment_name)


def stack_workspaces(environment: EnvironmentConfig) -> tuple[StackWorkspace, ...]:
    """The workspaces of an environment with a named cloud workspace, in apply order.

    Raises ValueError for an environment without one (local state, or workspaces chosen by tags,
    where the cloud block names no workspace to create)."""
    cloud = environment.cloud
    if cloud is None or not isinstance(cloud.workspace, CloudWorkspaceByName):
        raise ValueError(f"{environment.source_file}: state.cloud.workspace: the environment names no Terraform "
                         "Cloud workspace (it needs state.backend: cloud with a workspace name, not tags)")
    base = cloud.workspace.name
    workspaces: list[StackWorkspace] = []
    previous: tuple[str, ...] = ()
    for layer in apply_layers(environment):
        names = tuple(workspace_name(base, environment.name, stack) for stack in layer)
        workspaces += [StackWorkspace(stack, name, previous) for stack, name in zip(layer, names)]
        previous = names
    return tuple(workspaces)
