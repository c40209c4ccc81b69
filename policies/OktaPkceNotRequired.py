from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation_document import FederationDocument, Resource
from federation_relations import OKTA_APP
from policy_values import as_bool, is_reference


class OktaPkceNotRequired(FederationCheck):
    RULE_ID = "FED_205"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        value = resource.get("pkce_required")
        if is_reference(value):
            return unknown("pkce_required is a reference")
        if as_bool(value) is True:
            return failed("pkce_required is true; Cognito sends no PKCE challenge to Okta")
        return passed()


check = OktaPkceNotRequired()
