"""checkov's records + catalogue + suppressions + threshold → one PolicyReport."""

from __future__ import annotations

from collections.abc import Sequence

from config.paths import shown_path
from gate.catalogue import Rule
from gate.checkov_scan import CheckRecord, ScanResult
from gate.suppressions import matching
from reports.model import Finding, PolicyReport, Severity, Status, Suppression

# checkov's own checks run too; the gate keeps those about the federation's resources, its
# providers and secrets. Without the vendor's platform they carry no severity: HIGH, failing closed.
BUILTIN_SEVERITY = Severity.HIGH
FEDERATION_PREFIXES = ("aws_cognito_", "okta_", "provider")
RESULTS = {"PASSED": Status.PASSED, "FAILED": Status.FAILED, "UNKNOWN": Status.UNKNOWN, "SKIPPED": Status.SUPPRESSED}


def build_report(tool: str, inputs: Sequence[str], scans: Sequence[ScanResult], catalogue: dict[str, Rule],
                 suppressions: list[Suppression], problems: Sequence[str], threshold: Severity) -> PolicyReport:
    findings: list[Finding] = []
    shown_files: dict[str, str] = {}  # thousands of records share a few files
    for scan in scans:
        for record in scan.records:
            rule = catalogue.get(record.check_id)
            if rule is None and not _builtin_applies(record):
                continue
            status = RESULTS[record.result]
            if record.file not in shown_files:
                shown_files[record.file] = shown_path(record.file)
            suppression = matching(suppressions, record.check_id, record.resource) if status == Status.FAILED else None
            findings.append(Finding(
                rule_id=record.check_id,
                severity=rule.severity if rule else BUILTIN_SEVERITY,
                title=rule.title if rule else record.check_name,
                status=Status.SUPPRESSED if suppression else status,
                resource=record.resource,
                file=shown_files[record.file],
                line=record.line,
                reason="; ".join(record.details),
                fix=rule.fix if rule else "",
                source=rule.source if rule else "",
                suppression=suppression,
            ))
    return PolicyReport(tool=tool, inputs=tuple(inputs), findings=tuple(findings), threshold=threshold,
                        problems=tuple(problems))


def _builtin_applies(record: CheckRecord) -> bool:
    return record.check_id.startswith("CKV_SECRET") or record.resource.startswith(FEDERATION_PREFIXES)
