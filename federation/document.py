"""The whole Terraform document a rule looks at, in one shape for all three input forms.

Cross-resource rules (a redirect URI per domain, a mapping per required attribute) need every
resource of the configuration, which checkov's per-resource interface does not hand over. We
build the document ourselves, once per input:

* Terraform JSON (`cdk.tf.json`): the file itself;
* plan JSON: planned values, unknown values (`after_unknown`) and the configuration's references;
* HCL: read by the checkov adapter from checkov's own graph (`policies/checkov_input.py`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from federation.resolution import known_values, substitute
from federation.values import UNKNOWN, as_list, references_in

__all__ = ["UNKNOWN", "FederationDocument", "Resource", "from_plan", "from_terraform_json"]


@dataclass
class Resource:
    mode: str
    """`resource` or `data`."""
    type: str
    name: str
    values: dict[str, Any]
    references: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per top-level attribute, the addresses its expression references."""
    meta: dict[str, Any] = field(default_factory=dict)
    """`for_each` / `count` / `depends_on` where the input says."""

    @property
    def address(self) -> str:
        prefix = "data." if self.mode == "data" else ""
        return f"{prefix}{self.type}.{self.name}"

    def get(self, attribute: str) -> Any:
        return self.values.get(attribute)

    def refs(self, attribute: str) -> tuple[str, ...]:
        """Addresses an attribute references: known references (the plan's configuration, checkov's
        graph edges) and those written in its strings. Memoized: rules ask again and again."""
        cache = self.meta.setdefault("_refs", {})
        if attribute not in cache:
            found: list[str] = list(self.references.get(attribute, ()))
            _collect_references(self.values.get(attribute), found)
            cache[attribute] = tuple(found)
        result: tuple[str, ...] = cache[attribute]
        return result

    def references_resource(self, attribute: str, address: str) -> bool:
        cache = self.meta.setdefault("_referenced", {})
        if attribute not in cache:
            addresses: set[str] = set()
            for ref in self.refs(attribute):
                parts = ref.split(".")
                addresses.update(".".join(parts[:end]) for end in range(1, len(parts) + 1))
            cache[attribute] = frozenset(addresses)
        return address in cache[attribute]


def _collect_references(value: Any, found: list[str]) -> None:
    if isinstance(value, dict):
        for item in value.values():
            _collect_references(item, found)
    elif isinstance(value, list):
        for item in value:
            _collect_references(item, found)
    else:
        found.extend(references_in(value))


@dataclass
class FederationDocument:
    form: str
    """`terraform_json`, `terraform` (HCL) or `terraform_plan`."""
    resources: list[Resource] = field(default_factory=list)
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    variables: dict[str, dict[str, Any]] = field(default_factory=dict)
    providers: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    terraform: dict[str, Any] = field(default_factory=dict)
    """The `terraform` block: `cloud`, `backend` (None when the input cannot tell, e.g. a plan)."""
    has_terraform_block: bool = True
    local_names: set[str] = field(default_factory=set)
    """The names of the `locals` the input declares."""
    module_calls: list[str] = field(default_factory=list)
    """The names of the `module` blocks the input declares."""
    called_as_module: bool = False
    """The input (an HCL folder) is also the source of a `module` block of the same scan."""
    variable_files: tuple[str, ...] = ()
    """`terraform.tfvars` / `*.auto.tfvars` files of the folder: values Terraform sets by itself."""

    def of_type(self, resource_type: str, mode: str = "resource") -> list[Resource]:
        return self._index()[1].get((mode, resource_type), [])

    def find(self, address: str) -> Resource | None:
        return self._index()[0].get(address)

    def _index(self) -> tuple[dict[str, Resource], dict[tuple[str, str], list[Resource]]]:
        """By address and by (mode, type); built once, since a document is complete when rules run."""
        if not hasattr(self, "_by_address"):
            by_type: dict[tuple[str, str], list[Resource]] = {}
            for resource in self.resources:
                by_type.setdefault((resource.mode, resource.type), []).append(resource)
            self._by_address = {resource.address: resource for resource in self.resources}
            self._by_type = by_type
        return self._by_address, self._by_type

    def referenced(self, resource: Resource, attribute: str, resource_type: str) -> list[Resource]:
        """The resources of `resource_type` that `resource.attribute` references."""
        found: list[Resource] = []
        for ref in resource.refs(attribute):
            parts = ref.split(".")
            if parts[0] == resource_type and len(parts) >= 2:
                target = self.find(f"{parts[0]}.{parts[1]}")
                if target is not None and target not in found:
                    found.append(target)
        return found


# --- Terraform JSON ------------------------------------------------------------------------

def from_terraform_json(document: dict[str, Any]) -> FederationDocument:
    result = FederationDocument(form="terraform_json")
    known = known_values(document)
    for mode, key in (("resource", "resource"), ("data", "data")):
        for rtype, items in (document.get(key) or {}).items():
            for name, body in (items or {}).items():
                values = substitute({k: v for k, v in body.items() if k != "//"}, known)
                meta = {k: values.pop(k) for k in ("for_each", "count", "depends_on") if k in values}
                result.resources.append(Resource(mode, rtype, name, values, meta=meta))
    result.outputs = {name: dict(body) for name, body in (document.get("output") or {}).items()}
    result.variables = {name: dict(body or {}) for name, body in (document.get("variable") or {}).items()}
    for name, configs in (document.get("provider") or {}).items():
        for config in as_list(configs):
            result.providers.append((name, substitute(dict(config), known)))
    result.terraform = dict(document.get("terraform") or {})
    locals_ = document.get("locals") or {}
    result.local_names = {name for block in as_list(locals_) if isinstance(block, dict) for name in block}
    result.module_calls = list((document.get("module") or {}).keys())
    return result


# --- plan JSON -----------------------------------------------------------------------------

def from_plan(plan: dict[str, Any]) -> FederationDocument:
    result = FederationDocument(form="terraform_plan", has_terraform_block=False)
    unknown: dict[str, Any] = {}
    sensitive: dict[str, Any] = {}
    for change in plan.get("resource_changes") or []:
        unknown[change.get("address", "")] = (change.get("change") or {}).get("after_unknown") or {}
        sensitive[change.get("address", "")] = (change.get("change") or {}).get("after_sensitive") or {}
    expressions: dict[str, dict[str, Any]] = {}
    config_module = (plan.get("configuration") or {}).get("root_module") or {}
    for config in config_module.get("resources") or []:
        expressions[config.get("address", "")] = config
    for body in _planned_resources((plan.get("planned_values") or {}).get("root_module") or {}):
        address = body.get("address", "")
        values = _merge_unknown(dict(body.get("values") or {}), unknown.get(address) or {})
        config = expressions.get(_configuration_address(body))
        references = {attr: tuple(_expression_references(expr))
                      for attr, expr in ((config or {}).get("expressions") or {}).items()}
        meta: dict[str, Any] = {k: config[k] for k in ("for_each_expression", "count_expression")
                                if config and k in config}
        meta["sensitive"] = sensitive.get(address) or {}
        result.resources.append(Resource(body.get("mode", "managed").replace("managed", "resource"),
                                         body.get("type", ""), _plain_name(body), values, references, meta))
    for name, output in ((config_module.get("outputs")) or {}).items():
        expression = output.get("expression") or {}
        result.outputs[name] = {"value": expression.get("constant_value"), "sensitive": output.get("sensitive", False),
                                "references": tuple(expression.get("references") or ())}
    for name, variable in (config_module.get("variables") or {}).items():
        result.variables[name] = dict(variable)
    return result


def _planned_resources(module: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(module.get("resources") or [])
    for child in module.get("child_modules") or []:
        found.extend(_planned_resources(child))
    return found


def _plain_name(body: dict[str, Any]) -> str:
    index = body.get("index")
    return body.get("name", "") if index is None else f"{body.get('name', '')}[{json.dumps(index)}]"


def _configuration_address(body: dict[str, Any]) -> str:
    prefix = "data." if body.get("mode") == "data" else ""
    return f"{prefix}{body.get('type', '')}.{body.get('name', '')}"


def _merge_unknown(values: dict[str, Any], unknown: Any) -> dict[str, Any]:
    if isinstance(unknown, dict):
        for key, flag in unknown.items():
            if flag is True:
                values[key] = UNKNOWN
            elif isinstance(flag, dict) and isinstance(values.get(key), dict):
                values[key] = _merge_unknown(dict(values[key]), flag)
    return values


def _expression_references(expression: Any) -> list[str]:
    found: list[str] = []
    if isinstance(expression, dict):
        found.extend(expression.get("references") or [])
        for key, value in expression.items():
            if key not in ("references", "constant_value"):
                found.extend(_expression_references(value))
    elif isinstance(expression, list):
        for item in expression:
            found.extend(_expression_references(item))
    return found
