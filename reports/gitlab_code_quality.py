"""GitLab Code Quality JSON, so findings show in the merge-request widget."""

from __future__ import annotations

import hashlib
import json

from reports.model import PolicyReport, Severity, Status

GITLAB_SEVERITY = {Severity.CRITICAL: "blocker", Severity.HIGH: "critical", Severity.MEDIUM: "major",
                   Severity.LOW: "minor", Severity.INFO: "info"}


def render_code_quality(report: PolicyReport) -> str:
    issues = []
    for finding in report.findings:
        if finding.status != Status.FAILED:
            continue
        fingerprint = hashlib.sha256(f"{finding.rule_id}|{finding.resource}|{finding.file}".encode()).hexdigest()
        issues.append({
            "description": f"{finding.rule_id} {finding.resource}: {finding.reason or finding.title}",
            "check_name": finding.rule_id,
            "fingerprint": fingerprint,
            "severity": GITLAB_SEVERITY[finding.severity],
            "location": {"path": finding.file, "lines": {"begin": max(finding.line, 1)}},
        })
    return json.dumps(issues, indent=2) + "\n"
