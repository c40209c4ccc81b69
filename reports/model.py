"""The report model shared by every policy decision fedctl makes (gate, plan check)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date
from enum import IntEnum
from typing import Any, TypeVar

from federation.redaction import safe_lines, safe_text

T = TypeVar("T", "Finding", "Suppression")


class Severity(IntEnum):
    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}; expected one of {', '.join(s.name for s in cls)}") from None


class Status:
    FAILED = "failed"
    PASSED = "passed"
    UNKNOWN = "unknown"
    """The rule could not decide: a value is a reference or known only after apply."""
    SUPPRESSED = "suppressed"


@dataclass(frozen=True)
class Suppression:
    rule_id: str
    resource: str
    reason: str
    owner: str
    expires: date


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: Severity
    title: str
    status: str
    resource: str
    file: str
    """Relative to the working folder where possible."""
    line: int
    reason: str
    fix: str
    source: str
    suppression: Suppression | None = None


@dataclass(frozen=True)
class PolicyReport:
    tool: str
    inputs: tuple[str, ...]
    findings: tuple[Finding, ...]
    threshold: Severity
    problems: tuple[str, ...] = field(default=())
    """Problems that fail the decision by themselves (an expired suppression, say)."""
    diagrams: tuple[tuple[str, str], ...] = field(default=())
    """(title, Mermaid flowchart) of each checked stack, for the Markdown report."""
    secrets: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    """Values found under secret keys of the inputs: never shown, whatever text quotes them."""

    def __post_init__(self) -> None:
        # Every report format and the console render this model: making its text safe here (no
        # secret, no URL userinfo, no control character) covers all of them at once.
        object.__setattr__(self, "findings", tuple(_safe(f, self.secrets) for f in self.findings))
        object.__setattr__(self, "inputs", tuple(safe_text(i, self.secrets) for i in self.inputs))
        object.__setattr__(self, "problems", tuple(safe_text(p, self.secrets) for p in self.problems))
        object.__setattr__(self, "diagrams", tuple((safe_text(title, self.secrets), safe_lines(diagram, self.secrets))
                                                   for title, diagram in self.diagrams))

    def is_blocking(self, finding: Finding) -> bool:
        return finding.status == Status.FAILED and finding.severity >= self.threshold

    @cached_property  # reports read it often; at scale there are thousands of findings
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if self.is_blocking(f))

    @property
    def passed(self) -> bool:
        return not self.blocking and not self.problems

    def with_status(self, status: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == status)


def _safe(item: T, secrets: frozenset[str]) -> T:
    """`item` with each text field through `safe_text` (and its suppression likewise)."""
    changes: dict[str, Any] = {}
    for name, value in vars(item).items():  # the fields of a plain dataclass, without fields()' cost
        if isinstance(value, str):
            safe: object = safe_text(value, secrets)
        elif isinstance(value, Suppression):
            safe = _safe(value, secrets)
        else:
            continue
        if safe != value:
            changes[name] = safe
    # Nearly every finding is already fit to show: a copy of each would cost a second at scale.
    return replace(item, **changes) if changes else item
