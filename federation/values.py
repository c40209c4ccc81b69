"""Normalises attribute values the way the rules compare them, whatever the input form.

checkov hands a check the same logical value in three encodings: HCL wraps every attribute in a
list (`["web"]`, `[["code"]]`, blocks as `[{...}]`, references rendered as bare
`okta_app_oauth.x.client_id`); Terraform JSON also wraps map values (`{"email": ["email"]}`) and
writes references as `${...}`; plan JSON has plain values, with unknowns absent. The helpers here
turn each into plain Python values and tell literals from references.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import SplitResult, urlsplit

class _Unknown:
    """A value Terraform only knows after apply (plan JSON `after_unknown`), or one the input
    cannot decide (a variable without default, a data source, a module output)."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()

MARKER_KEYS = frozenset({"__startline__", "__endline__", "__start_line__", "__end_line__", "__address__",
                         "//", "start_line", "end_line"})

# A bare rendered reference as checkov leaves it when it cannot resolve it in HCL.
_BARE_REFERENCE = re.compile(
    r"^(?:var|local|module|data|each|count|path|terraform)\.[\w.\[\]\"'*-]+$"
    r"|^[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?\.[\w.\[\]\"'*-]+$"
    r"|^[a-z_][a-z0-9_]*\(.*\)$", re.DOTALL)
# checkov renders what it can and leaves the rest as source text, interpolation markers dropped:
# `"${replace(var.zone, ".", "-")}-auth"` arrives as `replace(var.zone, ".", "-")-auth`. A
# reference token anywhere (not inside a URL's host or path) or a conditional is an expression.
_EMBEDDED_REFERENCE = re.compile(r"(?<![\w.\-/@:])(?:var|local|module|data|each|count|self)\.[A-Za-z_]")
_CONDITIONAL = re.compile(r"\S\s+\?\s+.+\s+:\s+\S", re.DOTALL)
_LEADING_CALL = re.compile(r"^[a-z_][a-z0-9_]*\(")
_INTERPOLATED_REFERENCE = re.compile(
    r"(?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?\.[A-Za-z_]\w*"
    r"|(?:var|local)\.[A-Za-z_][\w-]*")


def plain(value: Any) -> Any:
    """The value without checkov's list wrapping and position markers; blocks become dicts."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items() if key not in MARKER_KEYS}
    if isinstance(value, list):
        if len(value) == 1 and not isinstance(value[0], list):
            return plain(value[0])
        if len(value) == 1 and isinstance(value[0], list):
            return [plain(item) for item in value[0]]
        return [plain(item) for item in value]
    return value


def map_strings(value: Any, change: Callable[[str], Any]) -> Any:
    """`value` with `change` applied to every string in it, through nested maps and lists."""
    if isinstance(value, dict):
        return {key: map_strings(item, change) for key, item in value.items()}
    if isinstance(value, list):
        return [map_strings(item, change) for item in value]
    return change(value) if isinstance(value, str) else value


def as_list(value: Any) -> list[Any]:
    """A list attribute or a repeatable block, given as a list, one object, or nothing."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def as_bool(value: Any) -> bool | None:
    """`true`, `"true"`, `"True"` → True; None when the value is not a boolean literal."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def is_reference(value: Any) -> bool:
    """Whether a value is not a literal: a string that is (or contains) a Terraform expression, or
    a value known only after apply. Rules judge neither as written."""
    if value is UNKNOWN:
        return True
    if not isinstance(value, str):
        return False
    text = value.strip()
    return ("${" in text or bool(_BARE_REFERENCE.match(text)) or bool(_EMBEDDED_REFERENCE.search(text))
            or bool(_LEADING_CALL.match(text)) or bool(_CONDITIONAL.search(text)))


def references_in(value: Any) -> list[str]:
    """`type.name.attr` / `data.type.name.attr` / `var.x` / `local.x` referenced by a value."""
    if not isinstance(value, str) or not is_reference(value):
        return []
    return [match.group(0) for match in _INTERPOLATED_REFERENCE.finditer(value)]


def scope_set(value: Any) -> set[str] | None:
    """Scopes as a set; accepts a space-separated string or a list. None when not a literal."""
    if isinstance(value, list):
        if any(is_reference(item) or not isinstance(item, str) for item in value):
            return None
        return {scope for item in value for scope in item.split()}
    if isinstance(value, str) and not is_reference(value):
        return set(value.split())
    return None


def string_set(value: Any) -> set[str] | None:
    """A list of literal strings as a set; None when any element is a reference or unknown."""
    items = as_list(value)
    if any(not isinstance(item, str) or is_reference(item) for item in items):
        return None
    return set(items)


def key_lookup(mapping: dict[str, Any], key: str) -> Any:
    """Looks a key up case-insensitively (the AWS API treats provider_details keys so)."""
    for candidate, value in mapping.items():
        if candidate.lower() == key.lower():
            return value
    return None


def split_url(value: str) -> SplitResult | None:
    """The URL's parts; None when it cannot be a URL at all (`https://["name"]/cb`, as checkov
    renders an index it could not resolve, makes urlsplit raise on the bracketed host)."""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a port that is not a number
        return parts
    except ValueError:
        return None
