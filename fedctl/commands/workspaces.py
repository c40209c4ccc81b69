"""`fedctl workspaces`: the Terraform Cloud workspaces an environment needs, compared with what
exists; with --apply, created and updated (run triggers included) through the API."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from config.loader import load_environments
from fedctl import exit_codes
from fedctl.commands.synth import DEFAULT_CONFIG_DIR
from fedctl.errors import FedctlError
from fedctl.progress import step
from tfc.api_client import TfcApiError, TfcClient
from tfc.credentials import MissingCredentials, credentials_for
from tfc.workspaces import (WorkspaceChange, WorkspacePlanError, apply_changes, compare, desired_workspaces,
                            existing_workspaces)

SYMBOLS = {"create": "+", "update": "~", "unchanged": "="}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "workspaces", help="compare (and with --apply, create) the Terraform Cloud workspaces of an environment",
        description="Computes the Terraform Cloud workspaces an environment with state.backend: cloud needs (one, "
                    "or <workspace>, <workspace>-shard-1..N and <workspace>-clients), with their run triggers in "
                    "apply order, remote execution, the Terraform version of state.cloud.terraform_version, no "
                    "auto-apply and health assessments as state.cloud.health_assessments says; prints the difference to what exists. Read-only unless "
                    "--apply. Token: TF_TOKEN_<hostname> or TFE_TOKEN; address: the cloud block's hostname or "
                    "TFE_ADDRESS. Exit 0 nothing to change (or applied), 2 differences found, 1 error.")
    parser.add_argument("--env", required=True, metavar="NAME", help="the environment (a file NAME.yaml)")
    parser.add_argument("--config-dir", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR",
                        help="folder of environment YAML files (default: %(default)s)")
    parser.add_argument("--apply", action="store_true",
                        help="create the missing workspaces, update their settings and add missing run triggers "
                             "(never deletes anything)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    environment = load_environments(args.config_dir, (args.env,))[0]
    try:
        desired = desired_workspaces(environment)
        assert environment.cloud is not None  # desired_workspaces refuses a local backend
        organization = environment.cloud.organization
        client = TfcClient(credentials_for(environment.cloud.hostname))
        with step(f"{environment.name}: reading the workspaces of {organization} on {client.credentials.hostname}"):
            changes = compare(desired, existing_workspaces(client, organization, desired))
        print(f"workspaces of {environment.name} ({organization} on {client.credentials.hostname}), in apply order:")
        for change in changes:
            print(_describe(change))
        if not any(change.action != "unchanged" for change in changes):
            return exit_codes.OK
        if not args.apply:
            print("nothing changed (read-only); run again with --apply to make these changes")
            return exit_codes.CHANGES
        with step(f"{environment.name}: applying the workspace changes"):
            for line in apply_changes(client, organization, changes):
                print(line)
        return exit_codes.OK
    except (WorkspacePlanError, TfcApiError, MissingCredentials) as error:
        raise FedctlError(str(error), exit_codes.FAILURE) from error


def _describe(change: WorkspaceChange) -> str:
    workspace = change.desired
    line = f"  {SYMBOLS[change.action]} {workspace.name} (stack {workspace.stack_name}): {change.action}"
    details = []
    if change.existing is None:
        details.append(", ".join(f"{key} {_shown(value)}" for key, value in workspace.settings.items()))
    details += [f"{s.attribute} {_shown(s.current)} -> {_shown(s.desired)}" for s in change.settings]
    if change.missing_triggers:
        details.append(f"run triggers from {', '.join(change.missing_triggers)}")
    text = line + (": " + "; ".join(details) if details else "")
    for source in change.foreign_triggers:
        text += f"\n  ! {workspace.name}: run trigger from {source} is not one fedctl asks for; left as it is"
    return text


def _shown(value: Any) -> str:
    return json.dumps(value)
