from attribute_rules import exactly_these
from federation_check import FederationCheck, Finding
from federation_document import FederationDocument, Resource
from federation_relations import CLIENT


class ClientCodeFlowOnly(FederationCheck):
    RULE_ID = "FED_402"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        return exactly_these(resource, "allowed_oauth_flows", frozenset({"code"}))


check = ClientCodeFlowOnly()
