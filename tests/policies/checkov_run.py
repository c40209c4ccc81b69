"""Runs the real checkov with the policy pack (through the gate's scanner) and groups results."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from gate.checkov_scan import ScanResult, scan
from tests.conftest import PROJECT_ROOT

POLICIES = PROJECT_ROOT / "policies"
CATALOGUE = tomllib.loads((POLICIES / "catalogue.toml").read_text())["rules"]
CHECKED_RULES = sorted(rule["id"] for rule in CATALOGUE if "covered_by" not in rule and rule.get("stage") != "plan")


@dataclass
class Results:
    """`outcomes[(folder, rule, resource type)]` = {"passed": {names}, "failed": {names}}."""

    scan: ScanResult
    outcomes: dict[tuple[str, str, str], dict[str, set[str]]] = field(
        default_factory=lambda: defaultdict(lambda: {"passed": set(), "failed": set()}))
    details: dict[tuple[str, str, str], tuple[str, ...]] = field(default_factory=dict)


def run_checkov(target: Path, framework: str) -> Results:
    result = scan(framework, [target], POLICIES, CHECKED_RULES)
    results = Results(scan=result)
    for record in result.records:
        if record.result not in ("PASSED", "FAILED"):
            continue
        folder = Path(record.file).parent.name
        resource_type, _, name = record.resource.rpartition(".")
        results.outcomes[(folder, record.check_id, resource_type)][record.result.lower()].add(name)
        results.details[(folder, record.check_id, record.resource)] = record.details
    return results
