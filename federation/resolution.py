"""Values the input decides by itself, put in place of the expressions that name them.

A rule judges what Terraform would use: a variable with a default is judged by its default, a
local that is a literal (or a template of such values) by its value. Everything else (a variable
without default, a data source, a module output, a function) stays an expression, which the
rules read as UNKNOWN (docs/applicability.md). HCL gets the same from checkov's own rendering and
a plan from Terraform; this is the Terraform JSON side.
"""

from __future__ import annotations

import re
from typing import Any

from federation.values import map_strings

_WHOLE = re.compile(r"^\$\{\s*((?:var|local)\.[A-Za-z_][\w-]*)\s*\}$")
_EMBEDDED = re.compile(r"\$\{\s*((?:var|local)\.[A-Za-z_][\w-]*)\s*\}")
# Locals may be built from each other; a few rounds settle every chain written by hand.
_ROUNDS = 4


def known_values(document: dict[str, Any]) -> dict[str, Any]:
    """`var.x` / `local.x` → the literal value the input gives it."""
    known: dict[str, Any] = {}
    for name, body in (document.get("variable") or {}).items():
        if isinstance(body, dict) and "default" in body and body["default"] is not None:
            default = body["default"]
            if not _has_expression(default):
                known[f"var.{name}"] = default
    locals_ = document.get("locals") or {}
    if not isinstance(locals_, dict):
        return known
    for _ in range(_ROUNDS):
        for name, value in locals_.items():
            resolved = substitute(value, known)
            if not _has_expression(resolved):
                known[f"local.{name}"] = resolved
    return known


def substitute(value: Any, known: dict[str, Any]) -> Any:
    """`value` with every `${var.x}` / `${local.x}` that `known` decides put in."""
    if not known:
        return value

    def put_in(text: str) -> Any:
        if "${" not in text:
            return text
        whole = _WHOLE.match(text)
        if whole:
            return known.get(whole.group(1), text)
        return _EMBEDDED.sub(lambda match: _text_of(known.get(match.group(1)), match.group(0)), text)

    return map_strings(value, put_in)


def _text_of(found: Any, written: str) -> str:
    return found if isinstance(found, str) else written


def _has_expression(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_expression(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_expression(item) for item in value)
    return isinstance(value, str) and "${" in value
