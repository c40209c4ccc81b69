from attribute_rules import exactly_these
from federation_check import FederationCheck, Finding, passed
from federation.document import FederationDocument, Resource
from federation.relations import CLIENT
from federation.values import string_set
from federation.applicability import Applies, any_oauth_client, is_federated_client


class ClientCodeFlowOnly(FederationCheck):
    """Judged on every OAuth client (docs/applicability.md): the implicit grant is a weakness of any
    client. A client for machines only (client_credentials alone, no identity provider) is no
    finding; client_credentials beside a user flow is (Cognito refuses the mix)."""

    RULE_ID = "FED_402"
    SCOPE = any_oauth_client
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        flows = string_set(resource.get("allowed_oauth_flows"))
        if flows == {"client_credentials"} and is_federated_client(resource, document) is Applies.NO:
            return passed("a machine-to-machine client (client_credentials only)")
        return exactly_these(resource, "allowed_oauth_flows", frozenset({"code"}))


check = ClientCodeFlowOnly()
