from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation_document import FederationDocument, Resource
from federation_relations import CLIENT
from policy_values import is_reference


class ClientPreventsUserExistenceErrors(FederationCheck):
    RULE_ID = "FED_410"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        value = resource.get("prevent_user_existence_errors")
        if is_reference(value):
            return unknown("prevent_user_existence_errors is a reference")
        if value != "ENABLED":
            return failed(f"prevent_user_existence_errors is {value!r}; expected 'ENABLED' (the default is LEGACY)")
        return passed()


check = ClientPreventsUserExistenceErrors()
