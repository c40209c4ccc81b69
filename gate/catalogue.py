"""The policy catalogue (policies/catalogue.toml) as the gate and the docs read it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from reports.model import Severity

POLICIES_DIR = Path(__file__).resolve().parent.parent / "policies"
CATALOGUE_FILE = POLICIES_DIR / "catalogue.toml"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    section: str
    title: str
    why: str
    fix: str
    source: str
    covered_by: tuple[str, ...]
    stage: str
    """`config`: a checkov check; `plan`: judged on a plan's actions by fedctl plan/apply."""

    @property
    def has_check(self) -> bool:
        return not self.covered_by and self.stage == "config"


def load_catalogue(path: Path = CATALOGUE_FILE) -> dict[str, Rule]:
    entries = tomllib.loads(path.read_text(encoding="utf-8"))["rules"]
    return {e["id"]: Rule(id=e["id"], severity=Severity.parse(e["severity"]), section=e["section"],
                          title=e["title"], why=e.get("why", ""), fix=e.get("fix", ""), source=e.get("source", ""),
                          covered_by=tuple(e.get("covered_by", ())), stage=e.get("stage", "config"))
            for e in entries}


def checked_rule_ids(catalogue: dict[str, Rule]) -> list[str]:
    return sorted(rule.id for rule in catalogue.values() if rule.has_check)
