from federation_check import FederationCheck, Finding, failed, passed
from federation.document import FederationDocument, Resource
from federation.relations import CLIENT
from federation.values import as_bool


class ClientTokenRevocation(FederationCheck):
    RULE_ID = "FED_411"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        if as_bool(resource.get("enable_token_revocation")) is False:
            return failed("enable_token_revocation is false")
        return passed()


check = ClientTokenRevocation()
