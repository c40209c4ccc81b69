from attribute_rules import exactly_these
from federation_check import FederationCheck, Finding
from federation.document import FederationDocument, Resource
from federation.relations import OKTA_APP


class OktaResponseTypes(FederationCheck):
    RULE_ID = "FED_203"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        return exactly_these(resource, "response_types", frozenset({"code"}), must_be_set=True)


check = OktaResponseTypes()
