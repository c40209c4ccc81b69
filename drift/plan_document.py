"""`terraform show -json` output parsed into typed objects (formats 1.x)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class PlanFormatError(Exception):
    """The document is not `terraform show -json` plan output; names the file and the path."""


@dataclass(frozen=True)
class Change:
    actions: tuple[str, ...]
    before: Any
    after: Any
    after_unknown: Any
    before_sensitive: Any
    after_sensitive: Any


@dataclass(frozen=True)
class ResourceChange:
    address: str
    mode: str
    type: str
    name: str
    change: Change
    action_reason: str | None = None
    importing: bool = False
    """Terraform imports this resource in this plan (an `import` block)."""

    @property
    def action(self) -> str:
        """create, update, replace, delete, read or no-op."""
        actions = set(self.change.actions)
        if {"delete", "create"} <= actions:
            return "replace"
        return self.change.actions[0] if self.change.actions else "no-op"


@dataclass(frozen=True)
class PlanDocument:
    source: str
    format_version: str
    terraform_version: str | None
    resource_changes: tuple[ResourceChange, ...]
    resource_drift: tuple[ResourceChange, ...]


def without_changes(source: str) -> PlanDocument:
    """What `terraform plan -detailed-exitcode` exiting 0 says, without asking for its JSON: no
    resource changes (and so nothing imported). Not a refresh-only plan's stand-in: its drift
    is only in the JSON."""
    return PlanDocument(source=source, format_version="1.2", terraform_version=None, resource_changes=(),
                        resource_drift=())


def load_plan(path: Path) -> PlanDocument:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PlanFormatError(f"{path}: cannot be read: {error.strerror}") from error
    except ValueError as error:
        raise PlanFormatError(f"{path}: not JSON: {error}") from error
    return parse_plan(document, str(path))


def parse_plan(document: Any, source: str) -> PlanDocument:
    if not isinstance(document, dict) or "format_version" not in document:
        raise PlanFormatError(f"{source}: not `terraform show -json` plan output (no format_version)")
    version = str(document["format_version"])
    if not version.startswith("1."):
        raise PlanFormatError(f"{source}: format_version {version!r}; expected 1.x")
    return PlanDocument(
        source=source,
        format_version=version,
        terraform_version=document.get("terraform_version"),
        resource_changes=tuple(_changes(document.get("resource_changes"), source, "resource_changes")),
        resource_drift=tuple(_changes(document.get("resource_drift"), source, "resource_drift")),
    )


def _changes(items: Any, source: str, key: str) -> list[ResourceChange]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise PlanFormatError(f"{source}: {key}: expected a list")
    parsed = []
    for index, item in enumerate(items):
        where = f"{source}: {key}[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("change"), dict):
            raise PlanFormatError(f"{where}: expected an object with address and change")
        change = item["change"]
        if not isinstance(change.get("actions"), list):
            raise PlanFormatError(f"{where}.change.actions: expected a list")
        parsed.append(ResourceChange(
            address=str(item.get("address", "")), mode=str(item.get("mode", "managed")),
            type=str(item.get("type", "")), name=str(item.get("name", "")),
            change=Change(actions=tuple(change["actions"]), before=change.get("before"), after=change.get("after"),
                          after_unknown=change.get("after_unknown"), before_sensitive=change.get("before_sensitive"),
                          after_sensitive=change.get("after_sensitive")),
            action_reason=item.get("action_reason"), importing=change.get("importing") is not None,
        ))
    return parsed
