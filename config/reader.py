"""Reads raw YAML values at a breadcrumb path, recording problems instead of stopping.

Every accessor returns a usable value (a default when the input is wrong), so the loader
can go on and report every problem of a file at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from config.errors import Problems
from federation.redaction import SECRET_KEYS, safe_text

E = TypeVar("E")

NOT_SHOWN = "(value not shown)"
_BREADCRUMB = re.compile(r"[.\[\]]")


def describe(value: object) -> str:
    """A short, quoted rendering of a received value for an error message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if isinstance(value, int) and value.bit_length() > 256:
        return "a number too large to show"
    # Made safe before it is shortened: a cut must not leave half a `user:password@` unrecognised.
    text = safe_text(repr(value) if isinstance(value, str) else str(value))
    return text if len(text) <= 80 else text[:77] + "..."


class Section:
    """A YAML mapping at a known path; unknown keys are reported on creation."""

    def __init__(self, raw: object, path: str, problems: Problems, allowed: Iterable[str]) -> None:
        self.path = path
        self.problems = problems
        self.allowed = tuple(allowed)
        self.secret = is_secret_path(path)
        """Under a key that holds credentials: no value of it is ever quoted, whatever its shape."""
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            problems.add(path, f"expected a mapping, got {self.describe(raw)}")
            raw = {}
        self.raw: dict[str, object] = raw
        for key in raw:
            if key in self.allowed:
                continue
            if self.secret:
                problems.add(path, f"unknown key (not shown); allowed: {', '.join(sorted(self.allowed))}")
            elif key in SECRET_KEYS:
                # Never echo the value; say where credentials belong instead.
                problems.add(self.child(str(key)), "credentials are never configuration (value not shown); "
                             "provide them through the environment, e.g. OKTA_API_TOKEN or the AWS "
                             "credential chain (FED_701)")
            else:
                problems.add(self.child(str(key)),
                             f"unknown key; allowed: {', '.join(sorted(self.allowed))}")

    def child(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def describe(self, value: object, key: object = "") -> str:
        """`describe(value)`, or that it is not shown when this section or `key` holds credentials."""
        return NOT_SHOWN if self.secret or key in SECRET_KEYS else describe(value)

    def has(self, key: str) -> bool:
        return self.raw.get(key) is not None

    def get(self, key: str) -> object:
        return self.raw.get(key)

    def problem(self, key: str, message: str) -> None:
        self.problems.add(self.child(key), message)

    def text(self, key: str, default: str | None = None, *, pattern: re.Pattern[str] | None = None,
             expected: str = "a string") -> str:
        """A required string (when `default` is None) optionally matching `pattern`."""
        value = self.raw.get(key)
        if value is None:
            if default is None:
                self.problem(key, f"missing; expected {expected}")
                return ""
            return default
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"got {self.describe(value, key)}; expected {expected}")
            return default or ""
        if pattern is not None and not pattern.match(value):
            self.problem(key, f"got {self.describe(value, key)}; expected {expected}")
        return value

    def optional_text(self, key: str, *, pattern: re.Pattern[str] | None = None,
                      expected: str = "a string") -> str | None:
        return self.text(key, pattern=pattern, expected=expected) if self.has(key) else None

    def choice(self, key: str, choices: type[E], default: E) -> E:
        """One value of a str Enum, spelled exactly (the providers compare case-sensitively)."""
        value = self.raw.get(key)
        if value is None:
            return default
        names = [member.value for member in choices]  # type: ignore[attr-defined]
        if isinstance(value, bool) and ("ON" if value else "OFF") in names:
            value = "ON" if value else "OFF"  # YAML 1.1 reads a bare ON/OFF as a boolean
        if isinstance(value, str) and value in names:
            return choices(value)  # type: ignore[call-arg]
        self.problem(key, f"got {self.describe(value, key)}; expected one of {', '.join(names)}")
        return default

    def flag(self, key: str, default: bool) -> bool:
        value = self.raw.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, f"got {self.describe(value, key)}; expected true or false")
            return default
        return value

    def number(self, key: str, default: int, minimum: int, maximum: int, unit: str = "") -> int:
        value = self.raw.get(key)
        if value is None:
            return default
        suffix = f" {unit}" if unit else ""
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, f"got {self.describe(value, key)}; expected a whole number from {minimum} to {maximum}{suffix}")
            return default
        if not minimum <= value <= maximum:
            self.problem(key, f"got {self.describe(value, key)}; expected a whole number from {minimum} to {maximum}{suffix}")
        return value

    def section(self, key: str, allowed: Iterable[str], *, required: bool = False) -> Section:
        if required and self.raw.get(key) is None:
            self.problem(key, "missing; expected a mapping")
        return Section(self.raw.get(key), self.child(key), self.problems, allowed)

    def items(self, key: str, *, required: bool = False) -> list[tuple[str, object]]:
        """Elements of a list with their paths; named elements are addressed by name."""
        value = self.raw.get(key)
        if value is None:
            if required:
                self.problem(key, "missing; expected a list with at least one item")
            return []
        if not isinstance(value, list):
            self.problem(key, f"got {self.describe(value, key)}; expected a list")
            return []
        if required and not value:
            self.problem(key, "empty; expected a list with at least one item")
        elements: list[tuple[str, object]] = []
        for index, element in enumerate(value):
            name = element.get("name") if isinstance(element, dict) else None
            label = name if isinstance(name, str) and name else str(index)
            elements.append((f"{self.child(key)}[{label}]", element))
        return elements

    def text_list(self, key: str, default: tuple[str, ...] = (), *, required: bool = False) -> tuple[str, ...]:
        """A list of non-empty strings; problems name the element's index."""
        if self.raw.get(key) is None and not required:
            return default
        texts: list[str] = []
        for index, (path, element) in enumerate(self.items(key, required=required)):
            if isinstance(element, str) and element.strip():
                texts.append(element)
            else:
                self.problems.add(f"{self.child(key)}[{index}]", f"got {self.describe(element, key)}; expected a string")
        return tuple(texts)

    def mapping_of_text(self, key: str) -> tuple[tuple[str, str, str], ...]:
        """A string → string mapping as (key, value, path) triples in file order."""
        value = self.raw.get(key)
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.problem(key, f"got {self.describe(value, key)}; expected a mapping of strings")
            return ()
        pairs: list[tuple[str, str, str]] = []
        for item_key, item_value in value.items():
            path = f"{self.child(key)}.{item_key}"
            if not isinstance(item_value, str) or not item_value:
                self.problems.add(path, f"got {self.describe(item_value, item_key)}; expected a string")
                continue
            pairs.append((str(item_key), item_value, path))
        return tuple(pairs)


def report_duplicates(problems: Problems, named: Iterable[tuple[str, str]], what: str) -> None:
    """Reports each repeated name once, at the path of its second occurrence."""
    seen: set[str] = set()
    for path, name in named:
        if name in seen:
            problems.add(path, f"duplicate {what} {describe(name)}; names must be unique")
        seen.add(name)


def is_secret_path(path: str) -> bool:
    """True when a breadcrumb (`federations[x].oidc.client_secret.secrets_manager`) passes a key
    that holds credentials."""
    return any(part in SECRET_KEYS for part in _BREADCRUMB.split(path))
