"""The latest health assessment of a workspace → its JSON plan, for `fedctl drift --tfc`.

Terraform Cloud runs a refresh-only plan per workspace on a schedule (a "health assessment",
drift detection) and keeps its `terraform show -json` output. This reads the workspace's current
assessment result (`drifted`, `succeeded`, `error-msg`) and downloads that plan, so it can be
classified exactly like a plan given with `--plan-json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from tfc.api_client import TfcApiError, TfcClient

WORKSPACE_REFERENCE = re.compile(r"^([A-Za-z0-9_-]+)/([A-Za-z0-9_-]{1,90})$")


class AssessmentUnavailable(Exception):
    """No finished, successful assessment to read; the message says why in one line."""


@dataclass(frozen=True)
class WorkspaceReference:
    organization: str
    name: str

    def __str__(self) -> str:
        return f"{self.organization}/{self.name}"


@dataclass(frozen=True)
class AssessmentPlan:
    workspace: WorkspaceReference
    result_id: str
    drifted: bool
    created_at: str
    plan: Any
    """The `terraform show -json` document of the assessment's refresh-only plan."""


def parse_workspace_reference(text: str) -> WorkspaceReference:
    """`ORG/WORKSPACE`; raises ValueError naming what is expected."""
    match = WORKSPACE_REFERENCE.match(text)
    if match is None:
        raise ValueError(f"--tfc: got {text!r}; expected ORGANIZATION/WORKSPACE (letters, digits, - and _)")
    return WorkspaceReference(match.group(1), match.group(2))


def latest_assessment_plan(client: TfcClient, workspace: WorkspaceReference) -> AssessmentPlan:
    document = client.get(f"/organizations/{quote(workspace.organization)}/workspaces/{quote(workspace.name)}")
    data = document.get("data") or {}
    attributes = data.get("attributes") or {}
    related = ((data.get("relationships") or {}).get("current-assessment-result") or {}).get("data")
    if not attributes.get("assessments-enabled"):
        raise AssessmentUnavailable(f"{workspace}: health assessments are disabled for this workspace (enable them "
                                    "in its Settings > Health; they need remote execution)")
    if not isinstance(related, dict) or not related.get("id"):
        raise AssessmentUnavailable(f"{workspace}: no health assessment has finished yet; try again after the first "
                                    "one (Terraform Cloud runs them about once a day)")
    result_id = str(related["id"])
    result = (client.get(f"/assessment-results/{quote(result_id)}").get("data") or {}).get("attributes") or {}
    if not result.get("succeeded"):
        if result.get("error-msg"):
            raise AssessmentUnavailable(f"{workspace}: the latest health assessment ({result_id}) failed: "
                                        f"{result['error-msg']}")
        raise AssessmentUnavailable(f"{workspace}: the latest health assessment ({result_id}) has not finished; "
                                    "try again when it has")
    try:
        plan = client.get_json(f"/assessment-results/{quote(result_id)}/json-output")
    except TfcApiError as error:
        if error.status != 403:
            raise
        raise TfcApiError(f"{error}; an assessment's JSON output needs a user or team token with admin access to "
                          "the workspace (organization tokens are refused)", error.status) from None
    return AssessmentPlan(workspace, result_id, bool(result.get("drifted")), str(result.get("created-at") or ""), plan)
