"""A plan's resource changes, federation resources first, counted per action."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from drift.plan_document import PlanDocument

FEDERATION_ORDER = ("aws_cognito_user_pool", "aws_cognito_user_pool_domain", "okta_app_oauth",
                    "okta_app_group_assignments", "okta_app_signon_policy", "okta_app_signon_policy_rule",
                    "aws_cognito_identity_provider", "aws_cognito_user_pool_client")
ACTIONS = ("create", "update", "replace", "delete")


@dataclass(frozen=True)
class PlannedChange:
    address: str
    type: str
    action: str


@dataclass(frozen=True)
class PlanSummary:
    source: str
    changes: tuple[PlannedChange, ...]
    imports: tuple[str, ...] = ()
    """Addresses imported by this plan (`fedctl adopt`); an import alone changes nothing live."""

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(change.action for change in self.changes)
        return {action: counted.get(action, 0) for action in ACTIONS}

    @property
    def has_changes(self) -> bool:
        return any(self.counts.values())


def summarize(plan: PlanDocument) -> PlanSummary:
    def order(change: PlannedChange) -> tuple[int, str]:
        rank = FEDERATION_ORDER.index(change.type) if change.type in FEDERATION_ORDER else len(FEDERATION_ORDER)
        return rank, change.address

    changes = [PlannedChange(rc.address, rc.type, rc.action) for rc in plan.resource_changes
               if rc.action in ACTIONS and rc.mode == "managed"]
    imports = tuple(sorted(rc.address for rc in plan.resource_changes if rc.importing))
    return PlanSummary(source=plan.source, changes=tuple(sorted(changes, key=order)), imports=imports)


def render_summary_markdown(summary: PlanSummary, title: str) -> str:
    counts = summary.counts
    imported = [f"**{len(summary.imports)}** to import"] if summary.imports else []
    lines = [f"### {title}", "", " · ".join(imported + [f"**{counts[a]}** to {a}" for a in ACTIONS]), ""]
    if summary.changes:
        symbols = {"create": "➕", "update": "✏️", "replace": "♻️", "delete": "🗑️"}
        lines += ["| | Resource | Action |", "|---|---|---|"]
        lines += [f"| {symbols[c.action]} | `{c.address}` | {c.action} |" for c in summary.changes]
    elif not summary.imports:
        lines.append("No changes.")
    if summary.imports:
        lines += ["", "Imported: " + ", ".join(f"`{address}`" for address in summary.imports)]
    return "\n".join(lines) + "\n"


def render_summary_json(summary: PlanSummary) -> str:
    return json.dumps({"source": summary.source, "counts": summary.counts, "imports": list(summary.imports),
                       "changes": [{"address": c.address, "type": c.type, "action": c.action}
                                   for c in summary.changes]}, indent=2) + "\n"
