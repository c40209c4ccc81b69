"""One plan JSON judged exactly as `fedctl gate --path plan.json` and `fedctl plan` judge it: the
checkov pack (gate/), the plan-only rules FED_901-906 (plan_review/), one report (reports/model.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from drift.plan_document import PlanFormatError, parse_plan
from gate.catalogue import Rule, checked_rule_ids
from gate.checkov_scan import Scan, ScanServer
from gate.decision import build_report
from gate.input_forms import PLAN, secrets_in
from gate.suppressions import load_suppressions
from plan_review.rules import review_plan
from reports.model import PolicyReport, Severity

TOOL = "fedctl run task"


class UnreadablePlanError(Exception):
    """The downloaded document is not plan JSON fedctl can judge; one line."""


@dataclass(frozen=True)
class GateSettings:
    catalogue: dict[str, Rule]
    policies_dir: Path
    threshold: Severity
    suppressions: Path | None
    """Applied to every run; expired or invalid entries fail every run, as they fail the gate."""


def scan_server(settings: GateSettings) -> ScanServer:
    """A checkov process per worker that imports once, while the service waits for its first run,
    and judges each run in a fork of itself (about 2 s of CPU saved per run)."""
    return ScanServer(PLAN, settings.policies_dir)


def evaluate_plan(plan_path: Path, source: str, scan: Scan, settings: GateSettings) -> PolicyReport:
    """Raises UnreadablePlanError before the scan for a document that is not plan JSON, and
    GateInternalError (from the scan) when the gate cannot decide."""
    try:
        document = json.loads(plan_path.read_bytes())
        plan = parse_plan(document, source)
    except (ValueError, RecursionError) as error:
        raise UnreadablePlanError(f"{source}: not JSON ({type(error).__name__})") from None
    except PlanFormatError as error:
        raise UnreadablePlanError(str(error)) from None
    suppressions, problems = load_suppressions(settings.suppressions, date.today())
    result = scan.finish([plan_path], checked_rule_ids(settings.catalogue))
    gate = build_report(TOOL, [source], [result], settings.catalogue, suppressions, problems, settings.threshold)
    review = review_plan(plan, settings.catalogue, (), settings.threshold)
    return PolicyReport(tool=TOOL, inputs=(source,), findings=gate.findings + review.findings,
                        threshold=settings.threshold, problems=gate.problems,
                        secrets=secrets_in([plan_path], PLAN))
