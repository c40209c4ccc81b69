from attribute_rules import never_true
from federation_check import FederationCheck, Finding
from federation.document import FederationDocument, Resource
from federation.relations import OKTA_APP


class OktaNoFederationBrokerMode(FederationCheck):
    RULE_ID = "FED_212"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        return never_true(resource, "implicit_assignment",
                          "implicit_assignment is true (Federation Broker Mode): every user of the org can sign in")


check = OktaNoFederationBrokerMode()
