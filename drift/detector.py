"""A plan's `resource_drift` → classified, redacted findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drift.attribute_diff import changed_paths
from drift.classification import AttributeChange, DriftClass, classify
from drift.plan_document import PlanDocument, ResourceChange
from federation.redaction import fingerprint, is_sensitive, shown

FEDERATION_TYPES = ("aws_cognito_", "okta_")


@dataclass(frozen=True)
class DriftFinding:
    address: str
    resource_type: str
    attribute: str
    drift_class: DriftClass
    why: str
    before: Any
    after: Any
    """Display values: sensitive ones are replaced by "(sensitive)"."""


@dataclass(frozen=True)
class DriftReport:
    source: str
    findings: tuple[DriftFinding, ...]

    @property
    def alerts(self) -> tuple[DriftFinding, ...]:
        """What a scheduled job alerts on: everything but known provider noise."""
        return tuple(f for f in self.findings if f.drift_class is not DriftClass.NOISE)

    @property
    def has_drift(self) -> bool:
        return bool(self.alerts)

    def of_class(self, drift_class: DriftClass) -> tuple[DriftFinding, ...]:
        return tuple(f for f in self.findings if f.drift_class is drift_class)


def detect_drift(plan: PlanDocument) -> DriftReport:
    findings: list[DriftFinding] = []
    for drifted in plan.resource_drift:
        findings += _findings(drifted)
    order = {DriftClass.BREAKS_SIGN_IN: 0, DriftClass.COSMETIC: 1, DriftClass.NOISE: 2}
    findings.sort(key=lambda f: (order[f.drift_class], not f.resource_type.startswith(FEDERATION_TYPES), f.address,
                                 f.attribute))
    return DriftReport(source=plan.source, findings=tuple(findings))


def _findings(drifted: ResourceChange) -> list[DriftFinding]:
    change = drifted.change
    if change.after is None:
        federation = drifted.type.startswith(FEDERATION_TYPES)
        return [DriftFinding(drifted.address, drifted.type, "(whole resource)",
                             DriftClass.BREAKS_SIGN_IN if federation else DriftClass.COSMETIC,
                             "deleted outside Terraform", "exists", "deleted")]
    findings = []
    for path, before, after in changed_paths(change.before, change.after):
        sensitive = is_sensitive(path, change.before_sensitive) or is_sensitive(path, change.after_sensitive)
        if sensitive and fingerprint(before) == fingerprint(after):
            continue
        classification = classify(AttributeChange(drifted.type, drifted.address, path, before, after))
        why = classification.why + ("; secret compared by hash, value not shown" if sensitive else "")
        findings.append(DriftFinding(drifted.address, drifted.type, ".".join(map(str, path)) or "(value)",
                                     classification.drift_class, why, shown(before, sensitive), shown(after, sensitive)))
    return findings
