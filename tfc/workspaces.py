"""The Terraform Cloud workspaces an environment needs, compared with what exists, and made so.

The desired set comes from `config.cloud_workspaces` (the names the synthesized cloud blocks use)
with the settings below. Differences are settings to update, workspaces to create and run triggers
to add; a run trigger fedctl did not ask for is reported and left alone, and nothing is deleted.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from config.cloud_workspaces import stack_workspaces
from config.model import EnvironmentConfig
from tfc.api_client import TfcClient

MAXIMUM_RUN_TRIGGER_SOURCES = 20
"""Terraform Cloud connects a workspace to at most 20 source workspaces."""


class WorkspacePlanError(Exception):
    """The environment's workspaces cannot be set up as asked; one line."""


@dataclass(frozen=True)
class DesiredWorkspace:
    name: str
    stack_name: str
    triggered_by: tuple[str, ...]
    settings: Mapping[str, Any]


@dataclass(frozen=True)
class ExistingWorkspace:
    id: str
    name: str
    attributes: Mapping[str, Any]
    trigger_sources: tuple[str, ...]


@dataclass(frozen=True)
class SettingChange:
    attribute: str
    current: Any
    desired: Any


@dataclass(frozen=True)
class WorkspaceChange:
    desired: DesiredWorkspace
    existing: ExistingWorkspace | None
    settings: tuple[SettingChange, ...]
    missing_triggers: tuple[str, ...]
    foreign_triggers: tuple[str, ...]
    """Run triggers from workspaces fedctl does not ask for: reported, never removed."""

    @property
    def action(self) -> str:
        if self.existing is None:
            return "create"
        return "update" if self.settings or self.missing_triggers else "unchanged"


def desired_workspaces(environment: EnvironmentConfig) -> tuple[DesiredWorkspace, ...]:
    """Every workspace of the environment in apply order, with the settings fedctl relies on."""
    cloud = environment.cloud
    if cloud is None:
        raise WorkspacePlanError(f"{environment.source_file}: state.backend: local; Terraform Cloud workspaces are "
                                 "for environments with state.backend: cloud")
    try:
        workspaces = stack_workspaces(environment)
    except ValueError as error:
        raise WorkspacePlanError(str(error)) from error
    settings = {
        # Health assessments (drift --tfc) and run tasks (the gate) happen only in remote execution.
        "execution-mode": "remote",
        "terraform-version": cloud.terraform_version,
        # Every apply is of a plan someone reviewed: runs queued by a run trigger wait for confirmation too.
        "auto-apply": False,
        "auto-apply-run-trigger": False,
        "assessments-enabled": cloud.health_assessments,
        # The CLI uploads the synthesized stack folder itself; a working directory would make it upload a parent.
        "working-directory": "",
    }
    too_many = [w for w in workspaces if len(w.triggered_by) > MAXIMUM_RUN_TRIGGER_SOURCES]
    if too_many:
        raise WorkspacePlanError(
            f"{environment.source_file}: shards: {environment.shards}: workspace {too_many[0].workspace_name} would "
            f"need {len(too_many[0].triggered_by)} run triggers; Terraform Cloud allows "
            f"{MAXIMUM_RUN_TRIGGER_SOURCES} source workspaces per workspace")
    return tuple(DesiredWorkspace(w.workspace_name, w.stack_name, w.triggered_by, settings) for w in workspaces)


def existing_workspaces(client: TfcClient, organization: str,
                        desired: Sequence[DesiredWorkspace]) -> dict[str, ExistingWorkspace]:
    """The desired workspaces that exist, by name, with their inbound run triggers."""
    wanted = {w.name for w in desired}
    prefix = desired[0].name
    found: dict[str, ExistingWorkspace] = {}
    for data in client.list(f"/organizations/{quote(organization)}/workspaces",
                            {"search[wildcard-name]": f"{prefix}*"}):
        attributes = data.get("attributes") or {}
        name = attributes.get("name")
        if name in wanted:
            sources = tuple(_trigger_sources(client, data["id"]))
            found[name] = ExistingWorkspace(str(data["id"]), name, attributes, sources)
    return found


def compare(desired: Sequence[DesiredWorkspace],
            existing: Mapping[str, ExistingWorkspace]) -> tuple[WorkspaceChange, ...]:
    changes = []
    for workspace in desired:
        current = existing.get(workspace.name)
        if current is None:
            changes.append(WorkspaceChange(workspace, None, (), workspace.triggered_by, ()))
            continue
        settings = tuple(SettingChange(key, current.attributes.get(key), value)
                         for key, value in workspace.settings.items()
                         if _normalized(current.attributes.get(key)) != _normalized(value))
        missing = tuple(s for s in workspace.triggered_by if s not in current.trigger_sources)
        foreign = tuple(s for s in current.trigger_sources if s not in workspace.triggered_by)
        changes.append(WorkspaceChange(workspace, current, settings, missing, foreign))
    return tuple(changes)


def apply_changes(client: TfcClient, organization: str, changes: Sequence[WorkspaceChange]) -> Iterator[str]:
    """Creates and updates the workspaces in apply order, then adds each one's missing run triggers;
    yields a line per request made."""
    ids = {c.existing.name: c.existing.id for c in changes if c.existing is not None}
    for change in changes:
        workspace = change.desired
        if change.existing is None:
            created = client.post(f"/organizations/{quote(organization)}/workspaces", {"data": {
                "type": "workspaces",
                "attributes": {"name": workspace.name, **workspace.settings, "source-name": "fedctl",
                               "description": f"fedctl stack {workspace.stack_name}"}}})
            ids[workspace.name] = str(created["data"]["id"])
            yield f"created {workspace.name}"
        elif change.settings:
            client.patch(f"/workspaces/{quote(ids[workspace.name])}", {"data": {
                "type": "workspaces", "attributes": {s.attribute: s.desired for s in change.settings}}})
            yield f"updated {workspace.name}: {', '.join(s.attribute for s in change.settings)}"
        for source in change.missing_triggers:
            client.post(f"/workspaces/{quote(ids[workspace.name])}/run-triggers", {"data": {
                "relationships": {"sourceable": {"data": {"id": ids[source], "type": "workspaces"}}}}})
            yield f"added run trigger {source} -> {workspace.name}"


def _trigger_sources(client: TfcClient, workspace_id: str) -> Iterator[str]:
    for trigger in client.list(f"/workspaces/{quote(workspace_id)}/run-triggers",
                               {"filter[run-trigger][type]": "inbound"}):
        yield str((trigger.get("attributes") or {}).get("sourceable-name"))


def _normalized(value: Any) -> Any:
    """The API shows an unset working directory as null or as an empty string."""
    return "" if value is None else value
