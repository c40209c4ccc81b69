from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation_document import FederationDocument, Resource
from federation_relations import POOL
from policy_values import is_reference


class PoolDeletionProtection(FederationCheck):
    RULE_ID = "FED_501"
    RESOURCES = (POOL,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        value = resource.get("deletion_protection")
        if is_reference(value):
            return unknown("deletion_protection is a reference")
        if value != "ACTIVE":
            return failed(f"deletion_protection is {value!r}; expected 'ACTIVE' (the default is INACTIVE)")
        return passed()


check = PoolDeletionProtection()
