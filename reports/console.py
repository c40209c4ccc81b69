"""The table a person reads in the terminal or the CI log."""

from __future__ import annotations

from reports.model import Finding, PolicyReport, Status


def render_console(report: PolicyReport) -> str:
    shown = sorted((f for f in report.findings if f.status in (Status.FAILED, Status.SUPPRESSED)),
                   key=lambda f: (-f.severity, f.rule_id, f.resource))
    lines = []
    if shown:
        rows = [("SEVERITY", "RULE", "RESOURCE", "STATUS", "WHY")]
        rows += [(f.severity.name, f.rule_id, f.resource, _status(f, report), f.reason or f.title) for f in shown]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
    counts = {status: len(report.with_status(status))
              for status in (Status.PASSED, Status.FAILED, Status.SUPPRESSED, Status.UNKNOWN)}
    lines += [f"problem: {problem}" for problem in report.problems]
    verdict = "PASS" if report.passed else "FAIL"
    lines.append(f"{report.tool}: {verdict} — {len(report.blocking)} blocking at {report.threshold.name} and above; "
                 + ", ".join(f"{count} {status}" for status, count in counts.items()))
    return "\n".join(lines)


def _status(finding: Finding, report: PolicyReport) -> str:
    if finding.status == Status.FAILED:
        return "BLOCKING" if report.is_blocking(finding) else "failed"
    return str(finding.status)
