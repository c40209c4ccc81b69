from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation_document import FederationDocument, Resource
from federation_relations import OKTA_APP
from policy_values import string_set


class OktaResponseTypes(FederationCheck):
    RULE_ID = "FED_203"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        if resource.get("response_types") is None:
            return failed("response_types is not set; set [\"code\"] explicitly")
        types = string_set(resource.get("response_types"))
        if types is None:
            return unknown("response_types is a reference")
        if types != {"code"}:
            return failed(f"response_types is {sorted(types)}; expected ['code'] only")
        return passed()


check = OktaResponseTypes()
