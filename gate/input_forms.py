"""Which checkov framework reads a path: plan JSON, Terraform JSON or HCL."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from federation.redaction import secret_values
from gate.errors import GateInputError

PLAN = "terraform_plan"
TERRAFORM_JSON = "terraform_json"
HCL = "terraform"


def detect_form(path: Path) -> str:
    if not path.exists():
        raise GateInputError(f"{path}: no such file or folder")
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    if any(p.name.endswith(".tf.json") for p in files):
        return TERRAFORM_JSON
    if any(p.suffix == ".tf" for p in files):
        return HCL
    for candidate in (p for p in files if p.suffix == ".json"):
        try:
            document = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        if isinstance(document, dict) and ("planned_values" in document or "resource_changes" in document):
            return PLAN
    raise GateInputError(f"{path}: no Terraform input found; expected *.tf, *.tf.json or `terraform show -json` "
                         "plan output")


def secrets_in(targets: Sequence[Path], form: str) -> frozenset[str]:
    """The secret values of Terraform JSON or plan JSON inputs (by key name, and for plans also as
    the plan marks them sensitive), so that no report quotes them. HCL is not read here: its
    reports still lose URL userinfo and control characters."""
    if form == HCL:
        return frozenset()
    found: set[str] = set()
    for target in targets:
        for path in [target] if target.is_file() else sorted(target.rglob("*.json")):
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError, RecursionError):
                continue  # checkov reports what it cannot parse
            if form == TERRAFORM_JSON:
                found |= secret_values(document)
            elif isinstance(document, dict):
                found |= _plan_secrets(document)
    return frozenset(found)


def _plan_secrets(plan: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for key in ("resource_changes", "resource_drift"):
        for change in plan.get(key) or []:
            body = change.get("change") if isinstance(change, dict) else None
            if isinstance(body, dict):
                for side in ("before", "after"):
                    found |= secret_values(body.get(side), body.get(f"{side}_sensitive"))
    return found
