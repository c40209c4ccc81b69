from federation_check import FederationCheck, Finding, failed, passed
from federation.document import FederationDocument, Resource
from federation.relations import POOL, schema_attributes
from federation.values import as_bool


class PoolRequiredAttributesSafe(FederationCheck):
    RULE_ID = "FED_508"
    RESOURCES = (POOL,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        unsafe = [name for name, entry in schema_attributes(resource).items()
                  if as_bool(entry.get("required")) and as_bool(entry.get("mutable")) is False]
        if unsafe:
            return failed(f"required attributes that are immutable: {', '.join(unsafe)}")
        return passed()


check = PoolRequiredAttributesSafe()
