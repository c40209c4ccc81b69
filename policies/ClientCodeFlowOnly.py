from attribute_rules import exactly_these
from federation_check import FederationCheck, Finding
from federation.document import FederationDocument, Resource
from federation.relations import CLIENT


class ClientCodeFlowOnly(FederationCheck):
    RULE_ID = "FED_402"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        return exactly_these(resource, "allowed_oauth_flows", frozenset({"code"}))


check = ClientCodeFlowOnly()
