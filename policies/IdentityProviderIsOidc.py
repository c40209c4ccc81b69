from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.relations import IDP
from federation.values import is_reference
from federation.applicability import provider_federating_okta


class IdentityProviderIsOidc(FederationCheck):
    RULE_ID = "FED_001"
    SCOPE = provider_federating_okta
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        provider_type = resource.get("provider_type")
        if is_reference(provider_type):
            return unknown("provider_type is a reference")
        if provider_type == "OIDC":
            return passed()
        return failed(f"provider_type is {provider_type!r}; expected 'OIDC'")


check = IdentityProviderIsOidc()
