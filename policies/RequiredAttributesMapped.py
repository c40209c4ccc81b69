from typing import Any

from federation_check import Finding, PoolSchemaMappingCheck, failed, passed
from federation.values import as_bool
from federation.applicability import oidc_provider


class RequiredAttributesMapped(PoolSchemaMappingCheck):
    RULE_ID = "FED_104"
    SCOPE = oidc_provider

    def evaluate_mapping(self, mapping: dict[str, Any], schema: dict[str, dict[str, Any]]) -> Finding:
        missing = [name for name, entry in schema.items() if as_bool(entry.get("required")) and name not in mapping]
        if missing:
            return failed(f"required pool attributes not mapped: {', '.join(missing)}")
        return passed()


check = RequiredAttributesMapped()
