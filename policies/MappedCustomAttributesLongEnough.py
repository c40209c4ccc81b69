from typing import Any

from federation_check import Finding, PoolSchemaMappingCheck, failed, passed
from federation.facts import MAPPED_ATTRIBUTE_MAX_LENGTH
from federation.values import as_list
from federation.applicability import oidc_provider


class MappedCustomAttributesLongEnough(PoolSchemaMappingCheck):
    RULE_ID = "FED_108"
    SCOPE = oidc_provider

    def evaluate_mapping(self, mapping: dict[str, Any], schema: dict[str, dict[str, Any]]) -> Finding:
        short = []
        for name in (n for n in mapping if n.startswith("custom:")):
            constraints = as_list((schema.get(name) or {}).get("string_attribute_constraints"))
            length = constraints[0].get("max_length") if constraints and isinstance(constraints[0], dict) else None
            if length is not None and str(length).isdigit() and int(str(length)) < MAPPED_ATTRIBUTE_MAX_LENGTH:
                short.append(f"{name} (max_length {length})")
        if short:
            return failed(f"mapped custom attributes shorter than {MAPPED_ATTRIBUTE_MAX_LENGTH}: {', '.join(short)}")
        return passed()


check = MappedCustomAttributesLongEnough()
