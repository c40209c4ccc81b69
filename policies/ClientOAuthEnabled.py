from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.relations import CLIENT
from federation.values import as_bool, is_reference


class ClientOAuthEnabled(FederationCheck):
    RULE_ID = "FED_401"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        value = resource.get("allowed_oauth_flows_user_pool_client")
        if is_reference(value):
            return unknown("allowed_oauth_flows_user_pool_client is a reference")
        if as_bool(value) is not True:
            return failed("allowed_oauth_flows_user_pool_client is not true: Cognito refuses OAuth sign-in for this client")
        return passed()


check = ClientOAuthEnabled()
