"""SARIF 2.1.0 for GitHub code scanning: one rule per policy, one result per finding."""

from __future__ import annotations

import json
from typing import Any

from reports.model import Finding, PolicyReport, Severity, Status

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning",
          Severity.LOW: "note", Severity.INFO: "note"}
# GitHub ranks code-scanning alerts by this property (0.0-10.0).
SECURITY_SEVERITY = {Severity.CRITICAL: "9.5", Severity.HIGH: "8.0", Severity.MEDIUM: "5.5",
                     Severity.LOW: "3.0", Severity.INFO: "0.0"}


def render_sarif(report: PolicyReport, tool_version: str) -> str:
    reported = [f for f in report.findings if f.status in (Status.FAILED, Status.SUPPRESSED)]
    rules: dict[str, Finding] = {}
    for finding in sorted(reported, key=lambda f: f.rule_id):
        rules.setdefault(finding.rule_id, finding)
    rule_index = {rule_id: index for index, rule_id in enumerate(rules)}
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "fedctl",
                "version": tool_version,
                "informationUri": "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-oidc-idp.html",
                "rules": [_rule(f) for f in rules.values()],
            }},
            "results": [_result(f, rule_index[f.rule_id]) for f in reported],
        }],
    }
    return json.dumps(document, indent=2) + "\n"


def _rule(finding: Finding) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": finding.rule_id,
        "name": finding.rule_id.replace("_", ""),
        "shortDescription": {"text": finding.title},
        "help": {"text": finding.fix or finding.title},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"security-severity": SECURITY_SEVERITY[finding.severity], "severity": finding.severity.name,
                       "tags": ["security", "okta", "cognito"]},
    }
    if finding.source.startswith("http"):
        rule["helpUri"] = finding.source
    return rule


def _result(finding: Finding, index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.resource}: {finding.reason or finding.title}"},
        "locations": [{
            "physicalLocation": {"artifactLocation": {"uri": finding.file},
                                 "region": {"startLine": max(finding.line, 1)}},
            "logicalLocations": [{"fullyQualifiedName": finding.resource, "kind": "resource"}],
        }],
    }
    if finding.suppression is not None:
        result["suppressions"] = [{"kind": "external", "justification": finding.suppression.reason}]
    return result
