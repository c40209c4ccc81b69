from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation_document import FederationDocument, Resource
from federation_relations import OKTA_APP
from policy_values import string_set


class OktaGrantTypes(FederationCheck):
    RULE_ID = "FED_202"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        if resource.get("grant_types") is None:
            return failed("grant_types is not set; set [\"authorization_code\"] explicitly")
        grants = string_set(resource.get("grant_types"))
        if grants is None:
            return unknown("grant_types is a reference")
        if grants != {"authorization_code"}:
            return failed(f"grant_types is {sorted(grants)}; expected ['authorization_code'] only")
        return passed()


check = OktaGrantTypes()
