"""`fedctl drift --tfc`: which workspaces to read, and their latest health assessments as plans."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from urllib.parse import quote

from config.cloud_workspaces import stack_workspaces
from config.loader import load_environments
from config.model import CloudBackendConfig, CloudWorkspaceByName, EnvironmentConfig
from drift.plan_document import PlanDocument, parse_plan
from federation.redaction import safe_text
from fedctl import exit_codes
from fedctl.errors import FedctlError
from fedctl.progress import step
from tfc.api_client import TfcApiError, TfcClient
from tfc.credentials import MissingCredentials, credentials_for
from tfc.health import AssessmentUnavailable, WorkspaceReference, latest_assessment_plan, parse_workspace_reference

FROM_ENVIRONMENTS = "(the workspaces of the environments)"
"""The value of `--tfc` given without ORG/WORKSPACE."""


def assessment_plans(args: argparse.Namespace) -> tuple[list[tuple[str, PlanDocument]], list[str]]:
    """The plan of each workspace's latest health assessment, by report name, and one line per
    workspace whose assessment could not be read (disabled, not finished, failed)."""
    plans: list[tuple[str, PlanDocument]] = []
    unavailable: list[str] = []
    try:
        for client, workspace in _workspaces(args):
            try:
                with step(f"{workspace}: reading the latest health assessment"):
                    assessment = latest_assessment_plan(client, workspace)
            except AssessmentUnavailable as error:
                unavailable.append(str(error))
                continue
            source = f"{workspace}: health assessment {assessment.result_id} of {assessment.created_at}"
            plans.append((workspace.name, parse_plan(assessment.plan, source)))
    except (TfcApiError, MissingCredentials) as error:
        raise FedctlError(str(error), exit_codes.FAILURE) from error
    for line in unavailable:
        print(safe_text(f"fedctl: {line}"), file=sys.stderr)
    return plans, unavailable


def _workspaces(args: argparse.Namespace) -> Iterator[tuple[TfcClient, WorkspaceReference]]:
    if args.tfc != FROM_ENVIRONMENTS:
        if args.env or args.workdir:
            raise FedctlError("give --tfc ORG/WORKSPACE alone, or --tfc with --env NAME", exit_codes.FAILURE)
        try:
            workspace = parse_workspace_reference(args.tfc)
        except ValueError as error:
            raise FedctlError(str(error), exit_codes.FAILURE) from error
        yield TfcClient(credentials_for(os.environ.get("TF_CLOUD_HOSTNAME"))), workspace
        return
    if args.workdir:
        raise FedctlError("give --tfc without --workdir: it reads Terraform Cloud, not a folder", exit_codes.FAILURE)
    for environment, cloud in _cloud_environments(args):
        client = TfcClient(credentials_for(cloud.hostname))
        for name in _workspace_names(client, environment, cloud):
            yield client, WorkspaceReference(cloud.organization, name)


def _cloud_environments(args: argparse.Namespace) -> list[tuple[EnvironmentConfig, CloudBackendConfig]]:
    """Each --env (which must use Terraform Cloud), or without --env every environment that does."""
    environments = load_environments(args.config_dir, tuple(args.env))
    local = [e for e in environments if e.cloud is None]
    if args.env and local:
        raise FedctlError(f"{local[0].source_file}: state.backend: local; --tfc reads the health assessments of "
                          "environments with state.backend: cloud", exit_codes.FAILURE)
    chosen = [(e, e.cloud) for e in environments if e.cloud is not None]
    if not chosen:
        raise FedctlError(f"{args.config_dir}: no environment has state.backend: cloud; --tfc reads Terraform Cloud "
                          "health assessments (or give --tfc ORG/WORKSPACE)", exit_codes.FAILURE)
    return chosen


def _workspace_names(client: TfcClient, environment: EnvironmentConfig, cloud: CloudBackendConfig) -> list[str]:
    """The workspaces the cloud block uses: named ones in apply order, or every workspace with all the tags."""
    if isinstance(cloud.workspace, CloudWorkspaceByName):
        return [w.workspace_name for w in stack_workspaces(environment)]
    names = [str((w.get("attributes") or {}).get("name"))
             for w in client.list(f"/organizations/{quote(cloud.organization)}/workspaces",
                                  {"search[tags]": ",".join(cloud.workspace.tags)})]
    if not names:
        raise FedctlError(f"{environment.source_file}: state.cloud.tags: no workspace of {cloud.organization} has "
                          f"all of the tags {', '.join(cloud.workspace.tags)}", exit_codes.FAILURE)
    return sorted(names)
