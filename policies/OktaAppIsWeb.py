from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.relations import OKTA_APP
from federation.values import is_reference


class OktaAppIsWeb(FederationCheck):
    RULE_ID = "FED_201"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        app_type = resource.get("type")
        method = resource.get("token_endpoint_auth_method")
        if is_reference(app_type):
            return unknown("type is a reference")
        if app_type != "web":
            return failed(f"type is {app_type!r}; Cognito needs a confidential 'web' app")
        if method == "none":
            return failed("token_endpoint_auth_method 'none' makes the app public; Cognito sends a secret")
        return passed()


check = OktaAppIsWeb()
