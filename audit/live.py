"""The live side of the audit, in the same shape as what the stack declares."""

from __future__ import annotations

from dataclasses import dataclass, field

from audit.declared import DeclaredObject


@dataclass(frozen=True)
class LiveFederation:
    objects: tuple[DeclaredObject, ...]
    secret_fingerprints: dict[str, str] = field(default_factory=dict)
    """provider name → fingerprint of the client secret Cognito holds (never the secret)."""

    def of_kind(self, kind: str) -> tuple[DeclaredObject, ...]:
        return tuple(o for o in self.objects if o.kind == kind)
