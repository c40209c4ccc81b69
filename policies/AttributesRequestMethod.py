from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.relations import IDP, detail
from federation.values import is_reference
from federation.applicability import oidc_provider


class AttributesRequestMethod(FederationCheck):
    RULE_ID = "FED_005"
    SCOPE = oidc_provider
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        method = detail(resource, "attributes_request_method")
        if method is UNKNOWN or is_reference(method):
            return unknown("attributes_request_method is a reference")
        if method in (None, ""):
            return passed("no attributes_request_method (FED_002 reports it)")
        if method in ("GET", "POST"):
            return passed()
        return failed(f"attributes_request_method is {method!r}; expected 'GET' or 'POST'")


check = AttributesRequestMethod()
