"""What fedctl must never show, and the one place text from users passes before it is shown.

Plan JSON holds sensitive values in clear, environment files may hold a secret by mistake, and
any input may hold terminal control characters. Every message, console line and report goes
through `safe_text` (config errors, `fedctl.main`, the policy report model); the names of secrets
(`SECRET_KEYS`) and the values found under them (`secret_values`) are known here only.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Collection, Iterable
from functools import lru_cache
from typing import Any

REDACTED = "(sensitive)"
# Secret by name, whatever the provider's schema marks (provider_details is not schema-sensitive);
# also the keys whose values an environment file must never hold (credentials are not configuration).
SECRET_KEYS = frozenset({"client_secret", "client_basic_secret", "client_basic_secret_wo", "secret_string",
                         "api_token", "private_key", "access_key", "secret_key", "token", "password"})
MIN_SECRET_LENGTH = 6
"""Shorter values found under a secret key are not searched for in text: they would blank out
ordinary words, and they are not credentials anyone could use."""

# C0 and C1 controls (ESC starts terminal sequences), line and paragraph separators, the
# bidirectional overrides that reorder what a reviewer sees, and lone surrogates (unprintable).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# scheme://userinfo@host: the userinfo runs to the last '@' before the path (as urlsplit reads it).
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^\s/?#]*@")
_REFERENCE = re.compile(r"^\$\{[^{}]*\}$")


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


def secret_values(document: object, marks: Any = None) -> frozenset[str]:
    """Every scalar of `document` under a sensitive path, whatever its type, as text (keys are
    names, not values); Terraform references (`${...}`) are not secrets. Iterative: depth does
    not matter."""
    found: set[str] = set()
    pending: list[tuple[tuple[str | int, ...], object]] = [((), document)]
    seen: set[int] = set()
    while pending:
        path, node = pending.pop()
        if isinstance(node, (dict, list)):
            if id(node) in seen:  # YAML aliases share objects; visit each once
                continue
            seen.add(id(node))
        secret = is_sensitive(path, marks)
        if isinstance(node, dict):
            for key, value in node.items():
                part: str | int = key if isinstance(key, (str, int)) and not isinstance(key, bool) else str(key)
                pending.append(((*path, part), value))
        elif isinstance(node, list):
            pending.extend(((*path, index), value) for index, value in enumerate(node))
        elif secret and node is not None and not isinstance(node, bool):
            found.add(str(node))
    return frozenset(value for value in found
                     if len(value.strip()) >= MIN_SECRET_LENGTH and not _REFERENCE.match(value))


def escape_controls(text: str) -> str:
    """Control characters as visible escapes (`\\x1b`, `\\n`, `\\u202e`): one line stays one line."""
    return _UNSAFE.sub(lambda match: match.group().encode("unicode_escape", "backslashreplace").decode("ascii"),
                       text)


def safe_text(text: str, secrets: Collection[str] = ()) -> str:
    """`text` fit to show: known secret values (in every form a message may quote them) and URL
    userinfo replaced by "(sensitive)", control characters escaped. Idempotent."""
    forms = _redaction_forms(frozenset(secrets))
    # Nearly all text is already fit to show: printable means no character `_UNSAFE` matches, and
    # userinfo needs an '@'. A report at scale passes here some 300,000 times.
    if text.isprintable() and "@" not in text and not any(form in text for form in forms):
        return text
    for form in forms:
        text = text.replace(form, REDACTED)
    text = escape_controls(text)
    return _USERINFO.sub(lambda match: f"{match.group(1)}{REDACTED}@", text)


def safe_lines(text: str, secrets: Collection[str] = ()) -> str:
    """`safe_text` for multi-line text (a diagram, a table): line breaks kept, all else escaped."""
    return "\n".join(safe_text(line, secrets) for line in text.split("\n"))


def has_userinfo(url: str) -> bool:
    """True when a URL carries `user[:password]@` before its host."""
    return bool(_USERINFO.match(url))


@lru_cache(maxsize=64)
def _redaction_forms(secrets: frozenset[str]) -> tuple[str, ...]:
    """Every form of every secret, longest secret first (a secret may contain a shorter one)."""
    return tuple(form for secret in sorted(secrets, key=len, reverse=True) for form in _quoted_forms(secret))


def _quoted_forms(secret: str) -> Iterable[str]:
    return dict.fromkeys((secret, repr(secret)[1:-1], json.dumps(secret)[1:-1], escape_controls(secret)))
