from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.facts import TOKEN_ENDPOINT_AUTH_METHOD
from federation.relations import OKTA_APP
from federation.values import is_reference


class OktaClientSecretPost(FederationCheck):
    RULE_ID = "FED_204"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        method = resource.get("token_endpoint_auth_method")
        if is_reference(method):
            return unknown("token_endpoint_auth_method is a reference")
        if method is None:
            return failed("token_endpoint_auth_method is not set: the provider defaults to client_secret_basic, "
                          "which Cognito does not support")
        if method != TOKEN_ENDPOINT_AUTH_METHOD:
            return failed(f"token_endpoint_auth_method is {method!r}; Cognito sends client_secret_post only")
        return passed()


check = OktaClientSecretPost()
