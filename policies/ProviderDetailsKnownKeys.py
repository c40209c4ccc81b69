from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.facts import OIDC_PROVIDER_DETAILS_KEYS
from federation.relations import IDP, provider_details
from federation.applicability import oidc_provider


class ProviderDetailsKnownKeys(FederationCheck):
    RULE_ID = "FED_003"
    SCOPE = oidc_provider
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        details = provider_details(resource)
        if details is None:
            return unknown("provider_details is not a literal map here")
        if document.form == "terraform_plan":
            # A plan's provider_details comes from state after refresh, where Cognito adds its own
            # keys (rules §3, D7); the configured keys are what this rule is about.
            return unknown("a plan shows Cognito's own keys; check the configuration instead")
        unexpected = sorted(key for key in details if key.lower() not in OIDC_PROVIDER_DETAILS_KEYS)
        if unexpected:
            return failed(f"unknown provider_details keys: {', '.join(unexpected)}")
        return passed()


check = ProviderDetailsKnownKeys()
