"""Suppressions: a reviewed, owned, expiring decision to accept one rule on one resource."""

from __future__ import annotations

import fnmatch
from datetime import date
from pathlib import Path

import yaml

from reports.model import Suppression

KEYS = ("rule", "resource", "reason", "owner", "expires")


def load_suppressions(path: Path | None, today: date) -> tuple[list[Suppression], list[str]]:
    """The valid suppressions, and one problem line per invalid or expired entry (which fails the gate)."""
    if path is None or not path.exists():
        return [], []
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        return [], [f"{path}: malformed YAML: {error}"]
    entries = document.get("suppressions") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        return [], [f"{path}: expected a top-level `suppressions:` list"]
    valid: list[Suppression] = []
    problems: list[str] = []
    for index, entry in enumerate(entries):
        where = f"{path}: suppressions[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping with {', '.join(KEYS)}")
            continue
        unknown = sorted(set(entry) - set(KEYS))
        missing = [key for key in KEYS if not str(entry.get(key) or "").strip()]
        if unknown:
            problems.append(f"{where}: unknown keys {', '.join(unknown)}; allowed: {', '.join(KEYS)}")
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}; every suppression needs a rule, a resource, "
                            "a reason, an owner and an expiry date")
            continue
        expires = entry["expires"]
        if not isinstance(expires, date):
            try:
                expires = date.fromisoformat(str(expires))
            except ValueError:
                problems.append(f"{where}.expires: got {expires!r}; expected a date YYYY-MM-DD")
                continue
        if expires < today:
            problems.append(f"{where}: the suppression of {entry['rule']} on {entry['resource']} expired on "
                            f"{expires.isoformat()} (owner {entry['owner']}); renew it with a reason or fix the finding")
            continue
        valid.append(Suppression(rule_id=str(entry["rule"]), resource=str(entry["resource"]),
                                 reason=str(entry["reason"]), owner=str(entry["owner"]), expires=expires))
    return valid, problems


def matching(suppressions: list[Suppression], rule_id: str, resource: str) -> Suppression | None:
    """`resource` may be a glob (`aws_cognito_user_pool_client.*`)."""
    return next((s for s in suppressions if s.rule_id == rule_id and fnmatch.fnmatchcase(resource, s.resource)), None)
