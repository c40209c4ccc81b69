from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.facts import PROVIDER_NAME_MAX_LENGTH, RESERVED_PROVIDER_NAMES
from federation.relations import IDP
from federation.values import is_reference
from federation.applicability import oidc_provider


class ProviderNameValid(FederationCheck):
    RULE_ID = "FED_012"
    SCOPE = oidc_provider
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        name = resource.get("provider_name")
        if is_reference(name):
            return unknown("provider_name is a reference")
        if not isinstance(name, str) or not 1 <= len(name) <= PROVIDER_NAME_MAX_LENGTH:
            return failed(f"provider_name {name!r} must be 1-{PROVIDER_NAME_MAX_LENGTH} characters")
        if name in RESERVED_PROVIDER_NAMES:
            return failed(f"provider_name {name!r} is reserved for Cognito's own provider of that name")
        return passed()


check = ProviderNameValid()
