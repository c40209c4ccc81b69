"""What adopting a pool produces: the environment document, or the reasons it cannot be adopted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Fix:
    """A live value that violates a rule the configuration enforces, and the compliant value
    adopt writes instead; the first plan updates it in place."""

    where: str
    change: str
    rule: str

    def line(self) -> str:
        return f"{self.where}: {self.change} ({self.rule})"


@dataclass
class Adoption:
    document: dict[str, Any] = field(default_factory=dict)
    imports: dict[str, str] = field(default_factory=dict)
    fixes: list[Fix] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)
    """One line per thing live holds that the configuration cannot express; any one: nothing is written."""
    notes: list[str] = field(default_factory=list)
    """What the user must do or know (a variable to set, an Okta app left unmanaged)."""
