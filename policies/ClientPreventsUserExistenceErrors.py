from attribute_rules import exactly
from federation_check import FederationCheck, Finding
from federation.document import FederationDocument, Resource
from federation.relations import CLIENT


class ClientPreventsUserExistenceErrors(FederationCheck):
    RULE_ID = "FED_410"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        return exactly(resource, "prevent_user_existence_errors", "ENABLED", "the default is LEGACY")


check = ClientPreventsUserExistenceErrors()
