from typing import Any

from federation_check import Finding, PoolSchemaMappingCheck, failed, passed
from federation.values import as_bool


class MappedAttributesMutable(PoolSchemaMappingCheck):
    RULE_ID = "FED_106"

    def evaluate_mapping(self, mapping: dict[str, Any], schema: dict[str, dict[str, Any]]) -> Finding:
        # An attribute absent from the schema block keeps Cognito's default: mutable.
        immutable = [name for name in mapping if name in schema and as_bool(schema[name].get("mutable")) is False]
        if immutable:
            return failed(f"mapped attributes are immutable in the pool schema: {', '.join(immutable)}")
        return passed()


check = MappedAttributesMutable()
