from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation_document import FederationDocument, Resource
from federation_relations import OKTA_APP
from policy_values import as_bool, is_reference


class OktaNoFederationBrokerMode(FederationCheck):
    RULE_ID = "FED_212"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        value = resource.get("implicit_assignment")
        if is_reference(value):
            return unknown("implicit_assignment is a reference")
        if as_bool(value) is True:
            return failed("implicit_assignment is true (Federation Broker Mode): every user of the org can sign in")
        return passed()


check = OktaNoFederationBrokerMode()
