from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation_document import FederationDocument, Resource
from federation_relations import CLIENT
from policy_values import string_set


class ClientCodeFlowOnly(FederationCheck):
    RULE_ID = "FED_402"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        flows = string_set(resource.get("allowed_oauth_flows"))
        if flows is None:
            return unknown("allowed_oauth_flows is a reference")
        if flows != {"code"}:
            return failed(f"allowed_oauth_flows is {sorted(flows)}; expected ['code'] only")
        return passed()


check = ClientCodeFlowOnly()
