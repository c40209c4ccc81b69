"""POLICIES.md, generated from the catalogue so the human table never drifts from the pack."""

from __future__ import annotations

from gate.catalogue import Rule

HEADER = """# Federation policy pack

Generated from `policies/catalogue.toml` by `pipenv run fedctl policies`; do not edit by hand.
Each rule is one checkov check in `policies/` (file name = class name), loadable with
`checkov --external-checks-dir policies`. Rules marked *covered by* name a relation that the
listed rules already check, so one mistake is reported once. Reference:
[`docs/federation-rules.md`](docs/federation-rules.md).
"""


def render_policies_markdown(catalogue: dict[str, Rule]) -> str:
    rules = sorted(catalogue.values(), key=lambda r: r.id)
    counts = {severity: sum(1 for r in rules if r.severity.name == severity and r.has_check)
              for severity in ("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO")}
    lines = [HEADER, "Checks by severity: " + ", ".join(f"{count} {name}" for name, count in counts.items() if count)
             + f"; {sum(1 for r in rules if r.covered_by)} covered by other rules; "
             f"{sum(1 for r in rules if r.stage == 'plan')} judged on plans by `fedctl plan` / `fedctl apply`.", ""]
    lines += ["| Id | Severity | Section | Rule | Why | How to fix |", "|---|---|---|---|---|---|"]
    for rule in rules:
        title = f"[{rule.title}]({rule.source})" if rule.source else rule.title
        if rule.stage == "plan":
            lines.append(f"| {rule.id} | {rule.severity.name} | {rule.section} (plan) | {_cell(title)} | "
                         f"{_cell(rule.why)} | {_cell(rule.fix)} |")
        elif rule.has_check:
            lines.append(f"| {rule.id} | {rule.severity.name} | {rule.section} | {_cell(title)} | {_cell(rule.why)} | "
                         f"{_cell(rule.fix)} |")
        else:
            lines.append(f"| {rule.id} | {rule.severity.name} | {rule.section} | {_cell(title)} | covered by "
                         f"{', '.join(rule.covered_by)} | |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
