"""The plan-only rules (FED_901-906) as findings of the shared report model."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from datetime import date

from drift.plan_document import PlanDocument, ResourceChange
from gate.catalogue import Rule
from reports.model import Finding, PolicyReport, Severity, Status, Suppression

DESTRUCTIVE_RULES = {
    "aws_cognito_user_pool": "FED_901",
    "aws_cognito_identity_provider": "FED_902",
    "okta_app_oauth": "FED_903",
    "aws_cognito_user_pool_client": "FED_904",
    "aws_cognito_user_pool_domain": "FED_905",
}
LOSES_PROVIDER_RULE = "FED_906"


def review_plan(plan: PlanDocument, catalogue: dict[str, Rule], allowed: Sequence[str],
                threshold: Severity = Severity.HIGH) -> PolicyReport:
    """Each destructive action or lost identity provider is a finding; `allowed` (globs of
    addresses, from --allow-replace) turns it into an explicitly accepted one."""
    findings: list[Finding] = []
    for change in plan.resource_changes:
        rule_id = DESTRUCTIVE_RULES.get(change.type)
        if rule_id and change.action in ("replace", "delete"):
            reason = f"{change.action}" + (f" ({change.action_reason})" if change.action_reason else "")
            findings.append(_finding(catalogue[rule_id], change, reason, allowed))
        if change.type == "aws_cognito_user_pool_client" and change.action == "update":
            lost = _lost_providers(change)
            if lost:
                findings.append(_finding(catalogue[LOSES_PROVIDER_RULE], change,
                                         f"loses {', '.join(lost)}", allowed))
    return PolicyReport(tool="fedctl plan review", inputs=(plan.source,), findings=tuple(findings), threshold=threshold)


def _lost_providers(change: ResourceChange) -> list[str]:
    before = (change.change.before or {}).get("supported_identity_providers") or []
    after = (change.change.after or {}).get("supported_identity_providers")
    if after is None:  # unknown until apply: not a loss we can see
        return []
    return sorted(set(before) - set(after))


def _finding(rule: Rule, change: ResourceChange, reason: str, allowed: Sequence[str]) -> Finding:
    pattern = next((p for p in allowed if fnmatch.fnmatchcase(change.address, p)), None)
    suppression = (Suppression(rule_id=rule.id, resource=change.address, reason=f"allowed with --allow-replace {pattern}",
                               owner="command line", expires=date.today()) if pattern else None)
    return Finding(rule_id=rule.id, severity=rule.severity, title=rule.title,
                   status=Status.SUPPRESSED if suppression else Status.FAILED, resource=change.address,
                   file="plan", line=0, reason=reason, fix=rule.fix, source=rule.source, suppression=suppression)
