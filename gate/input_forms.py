"""Which checkov framework reads a path: plan JSON, Terraform JSON or HCL."""

from __future__ import annotations

import json
from pathlib import Path

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
