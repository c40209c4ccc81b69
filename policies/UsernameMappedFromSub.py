from federation.values import is_reference
from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.relations import IDP, attribute_mapping
from federation.applicability import oidc_provider


class UsernameMappedFromSub(FederationCheck):
    RULE_ID = "FED_101"
    SCOPE = oidc_provider
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        mapping = attribute_mapping(resource)
        if mapping is None:
            if resource.get("attribute_mapping") is None:
                return failed("attribute_mapping is not set; map username = \"sub\" explicitly")
            return unknown("attribute_mapping is a reference")
        if is_reference(mapping.get("username")):
            return unknown("username is mapped from a value this configuration does not decide")
        if mapping.get("username") != "sub":
            return failed(f"username is mapped from {mapping.get('username')!r}; expected 'sub'")
        return passed()


check = UsernameMappedFromSub()
