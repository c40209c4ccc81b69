"""Plan JSON holds sensitive values in clear: nothing from it is shown without passing here."""

from __future__ import annotations

import hashlib
import json
from typing import Any

REDACTED = "(sensitive)"
# Secret by name, whatever the provider's schema marks (provider_details is not schema-sensitive).
SECRET_KEYS = frozenset({"client_secret", "client_basic_secret", "client_basic_secret_wo", "secret_string",
                         "api_token", "private_key", "access_key", "secret_key", "token", "password"})


def is_sensitive(path: tuple[str | int, ...], marks: Any) -> bool:
    """True when the path is named like a secret or flagged in `before_sensitive`/`after_sensitive`."""
    if any(isinstance(part, str) and part in SECRET_KEYS for part in path):
        return True
    node = marks
    for part in path:
        if node is True:
            return True
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return False
    return node is True


def shown(value: Any, sensitive: bool) -> Any:
    return REDACTED if sensitive and value is not None else value


def fingerprint(value: Any) -> str:
    """Compares secrets without keeping them: equal values, equal fingerprints."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()
