from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.relations import OKTA_APP
from federation.values import is_reference


class OktaAppActive(FederationCheck):
    RULE_ID = "FED_211"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        status = resource.get("status")
        if is_reference(status):
            return unknown("status is a reference")
        if status not in (None, "ACTIVE"):
            return failed(f"status is {status!r}; an inactive app rejects every sign-in")
        return passed()


check = OktaAppActive()
