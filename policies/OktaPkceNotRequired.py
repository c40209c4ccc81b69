from attribute_rules import never_true
from federation_check import FederationCheck, Finding
from federation.document import FederationDocument, Resource
from federation.relations import OKTA_APP


class OktaPkceNotRequired(FederationCheck):
    RULE_ID = "FED_205"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        return never_true(resource, "pkce_required", "pkce_required is true; Cognito sends no PKCE challenge to Okta")


check = OktaPkceNotRequired()
