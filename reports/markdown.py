"""A Markdown summary fit for a merge-request comment: verdict first, then each failure and its fix."""

from __future__ import annotations

from reports.model import PolicyReport, Status


def render_markdown(report: PolicyReport) -> str:
    verdict = "✅ **Pass**" if report.passed else "❌ **Fail**"
    lines = [f"### {report.tool}: {verdict}", ""]
    lines.append(f"Blocking at **{report.threshold.name}** and above · "
                 f"{len(report.with_status(Status.FAILED))} failed · {len(report.with_status(Status.PASSED))} passed · "
                 f"{len(report.with_status(Status.SUPPRESSED))} suppressed · {len(report.with_status(Status.UNKNOWN))} "
                 "unknown (not decidable from the input: a variable, a module output, a value known only after apply)")
    lines.append("")
    for problem in report.problems:
        lines.append(f"- ⛔ {problem}")
    failed = sorted(report.with_status(Status.FAILED), key=lambda f: (-f.severity, f.rule_id, f.resource))
    if failed:
        lines += ["| | Severity | Rule | Resource | File | What is wrong | How to fix |", "|---|---|---|---|---|---|---|"]
        for f in failed:
            mark = "⛔" if report.is_blocking(f) else "⚠️"
            rule = f"[{f.rule_id}]({f.source})" if f.source.startswith("http") else f.rule_id
            lines.append(f"| {mark} | {f.severity.name} | {rule} | `{f.resource}` | `{f.file}:{f.line}` | "
                         f"{_cell(f.reason or f.title)} | {_cell(f.fix)} |")
    suppressed = report.with_status(Status.SUPPRESSED)
    if suppressed:
        lines += ["", "<details><summary>Suppressed</summary>", ""]
        lines += [f"- {f.rule_id} `{f.resource}` until {f.suppression.expires} ({f.suppression.owner}): "
                  f"{f.suppression.reason}" for f in suppressed if f.suppression]
        lines += ["", "</details>"]
    for title, diagram in report.diagrams:
        lines += ["", f"<details><summary>Federation graph: {title}</summary>", "", "```mermaid", diagram.rstrip(),
                  "```", "", "</details>"]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
