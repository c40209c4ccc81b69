"""Report findings as Terraform Cloud "task-result-outcomes" ("Outcomes Payload Body", "Severity and
Status Tags"). The tag names and levels follow the documentation's example (`Status`, `Severity`,
levels none/info/warning/error); how the UI renders them was seen only in that example."""

from __future__ import annotations

from typing import Any

from reports.model import Finding, PolicyReport, Severity, Status

MAX_OUTCOMES = 100
"""The API sets no count limit; a failing plan at 1,000 federations can hold thousands of findings,
and the run's page is for reading. The message says when more were found than shown."""
SHOWN_STATUSES = (Status.FAILED,)
"""Findings are failures; passes, suppressions and rules that could not decide are counted in the
message and listed in the Markdown report behind the result's link."""
SEVERITY_LEVELS = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning",
                   Severity.LOW: "info", Severity.INFO: "info"}


def shown_findings(report: PolicyReport) -> list[Finding]:
    """Blocking first, then failures below the threshold; by severity, rule and resource within."""
    def order(finding: Finding) -> tuple[bool, int, str, str]:
        return not report.is_blocking(finding), -finding.severity, finding.rule_id, finding.resource
    return sorted((f for f in report.findings if f.status in SHOWN_STATUSES), key=order)


def outcome(finding: Finding, report: PolicyReport) -> dict[str, Any]:
    status_label, status_level = _status(finding, report)
    body = [f"**Resource:** `{finding.resource}`", "", f"**What is wrong:** {finding.reason or finding.title}"]
    if finding.fix:
        body += ["", f"**How to fix:** {finding.fix}"]
    attributes: dict[str, Any] = {
        "outcome-id": f"{finding.rule_id}:{finding.resource}",
        "description": f"{finding.rule_id} {finding.title}: {finding.resource}",
        "body": "\n".join(body),
        "tags": {
            "Status": [{"label": status_label, "level": status_level}],
            "Severity": [{"label": finding.severity.name.capitalize(), "level": SEVERITY_LEVELS[finding.severity]}],
            "Rule": [{"label": finding.rule_id}],
        },
    }
    if finding.source.startswith("https://"):
        attributes["url"] = finding.source
    return {"type": "task-result-outcomes", "attributes": attributes}


def _status(finding: Finding, report: PolicyReport) -> tuple[str, str]:
    return ("Blocking", "error") if report.is_blocking(finding) else (f"Below {report.threshold.name}", "warning")
