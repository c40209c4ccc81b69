from attribute_rules import exactly
from federation_check import FederationCheck, Finding
from federation.document import FederationDocument, Resource
from federation.relations import POOL


class PoolDeletionProtection(FederationCheck):
    RULE_ID = "FED_501"
    RESOURCES = (POOL,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        return exactly(resource, "deletion_protection", "ACTIVE", "the default is INACTIVE")


check = PoolDeletionProtection()
