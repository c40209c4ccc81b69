"""Writes `terraform show -json` plan documents (format 1.2, as Terraform documents it) from a
Terraform JSON configuration, for rules that need plan data.

A reference resolves when its target attribute is a literal in the configuration (or a variable
value given here); otherwise the value is unknown (`after_unknown`), as in a first plan.
"""

from __future__ import annotations

import re
from typing import Any

_REFERENCE = re.compile(r"\$\{([^{}]+)\}")
_UNKNOWN = object()


def plan_from(configuration: dict[str, Any], variables: dict[str, Any] | None = None) -> dict[str, Any]:
    variables = variables or {}
    bodies: dict[str, dict[str, Any]] = {}
    for mode, key in (("managed", "resource"), ("data", "data")):
        for rtype, items in (configuration.get(key) or {}).items():
            for name, body in items.items():
                prefix = "data." if mode == "data" else ""
                bodies[f"{prefix}{rtype}.{name}"] = {"mode": mode, "type": rtype, "name": name, "body": body}

    def resolve(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if not isinstance(value, str) or "${" not in value:
            return value
        parts = []
        for match in _REFERENCE.finditer(value):
            target = _lookup(match.group(1), bodies, variables)
            if target is _UNKNOWN or not isinstance(target, (str, int, bool)):
                return _UNKNOWN
            parts.append((match.group(0), str(target)))
        for text, replacement in parts:
            value = value.replace(text, replacement)
        return value

    planned, changes, configured = [], [], []
    for address, item in bodies.items():
        body = {k: v for k, v in item["body"].items() if k not in ("//", "depends_on", "lifecycle", "provider")}
        resolved = {k: resolve(v) for k, v in body.items()}
        known, unknown = _split(resolved)
        common = {"address": address, "mode": item["mode"], "type": item["type"], "name": item["name"],
                  "provider_name": f"registry.terraform.io/{'okta' if item['type'].startswith('okta_') else 'hashicorp'}/"
                                   f"{item['type'].split('_')[0]}"}
        planned.append({**common, "schema_version": 0, "values": known, "sensitive_values": {}})
        changes.append({**common, "change": {"actions": ["create"], "before": None, "after": known,
                                             "after_unknown": unknown, "before_sensitive": False,
                                             "after_sensitive": {}}})
        configured.append({**{k: common[k] for k in ("address", "mode", "type", "name")},
                           "expressions": {k: _expression(v) for k, v in body.items()}})
    outputs = {name: {"expression": _expression(output.get("value")), **({"sensitive": True} if output.get("sensitive")
                                                                           else {})}
               for name, output in (configuration.get("output") or {}).items()}
    return {"format_version": "1.2", "terraform_version": "1.11.4",
            "variables": {name: {"value": value} for name, value in variables.items()},
            "planned_values": {"root_module": {"resources": planned}}, "resource_changes": changes,
            "configuration": {"root_module": {"resources": configured, "outputs": outputs}}}


def _lookup(expression: str, bodies: dict[str, dict[str, Any]], variables: dict[str, Any]) -> Any:
    parts = expression.split(".")
    if parts[0] == "var":
        return variables.get(parts[1], _UNKNOWN)
    prefix = 2 if parts[0] == "data" else 1
    address = ".".join(parts[: prefix + 1])
    attribute = parts[prefix + 1] if len(parts) > prefix + 1 else None
    item = bodies.get(address)
    if item is None or attribute is None:
        return _UNKNOWN
    value = item["body"].get(attribute, _UNKNOWN)
    return _UNKNOWN if isinstance(value, str) and "${" in value else value


def _split(values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    known: dict[str, Any] = {}
    unknown: dict[str, Any] = {}
    for key, value in values.items():
        if value is _UNKNOWN:
            unknown[key] = True
        elif isinstance(value, dict):
            inner_known, inner_unknown = _split(value)
            known[key] = inner_known
            if inner_unknown:
                unknown[key] = inner_unknown
        elif isinstance(value, list) and any(item is _UNKNOWN for item in value):
            unknown[key] = True
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            pairs = [_split(item) if isinstance(item, dict) else (item, {}) for item in value]
            known[key] = [k for k, _ in pairs]
            if any(u for _, u in pairs):
                unknown[key] = [u or False for _, u in pairs]
        else:
            known[key] = value
    return known, unknown


def _expression(value: Any) -> dict[str, Any]:
    references = sorted({ref for ref in _REFERENCE.findall(str(value))}) if "${" in str(value) else []
    if references:
        expanded = set(references)
        for ref in references:
            parts = ref.split(".")
            if parts[0] not in ("var", "local") and len(parts) > 2:
                expanded.add(".".join(parts[:3] if parts[0] == "data" else parts[:2]))
        return {"references": sorted(expanded)}
    return {"constant_value": value}
