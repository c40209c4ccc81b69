"""Runs the real checkov with the policy pack (through the gate's scanner) and groups results."""

from __future__ import annotations

import atexit
import tomllib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gate.checkov_scan import ScanResult, ScanServer
from tests.conftest import PROJECT_ROOT

POLICIES = PROJECT_ROOT / "policies"
CATALOGUE = tomllib.loads((POLICIES / "catalogue.toml").read_text())["rules"]
CHECKED_RULES = sorted(rule["id"] for rule in CATALOGUE if "covered_by" not in rule and rule.get("stage") != "plan")
_SERVERS: dict[str, ScanServer] = {}


def pack_scan(framework: str, targets: Sequence[Path]) -> ScanResult:
    """The pack over `targets` exactly as the gate judges them, in a fork of one checkov server per
    framework and test process (the run task's gate.checkov_scan.ScanServer): checkov starts
    once, not once per scan. tests/gate/test_scan_server.py holds its records to a one-shot
    scan's; the gate's one-shot path is what tests/gate/test_gate_command.py runs."""
    server = _SERVERS.get(framework)
    if server is None:
        server = _SERVERS[framework] = ScanServer(framework, POLICIES)
    return server.next_scan().finish(targets, CHECKED_RULES)


@atexit.register
def _close_servers() -> None:
    for server in _SERVERS.values():
        server.close()


@dataclass
class Results:
    """`outcomes[(folder, rule, resource type)]` = {"passed": {names}, "failed": {names}}."""

    scan: ScanResult
    outcomes: dict[tuple[str, str, str], dict[str, set[str]]] = field(
        default_factory=lambda: defaultdict(lambda: {"passed": set(), "failed": set()}))
    details: dict[tuple[str, str, str], tuple[str, ...]] = field(default_factory=dict)


def run_checkov(target: Path, framework: str) -> Results:
    result = pack_scan(framework, [target])
    results = Results(scan=result)
    for record in result.records:
        if record.result not in ("PASSED", "FAILED"):
            continue
        folder = Path(record.file).parent.name
        resource_type, _, name = record.resource.rpartition(".")
        results.outcomes[(folder, record.check_id, resource_type)][record.result.lower()].add(name)
        results.details[(folder, record.check_id, record.resource)] = record.details
    return results
