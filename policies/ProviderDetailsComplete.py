from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.facts import OIDC_PROVIDER_DETAILS_REQUIRED
from federation.relations import IDP, provider_details
from federation.values import key_lookup
from federation.applicability import oidc_provider

REQUIRED_KEYS = OIDC_PROVIDER_DETAILS_REQUIRED


class ProviderDetailsComplete(FederationCheck):
    RULE_ID = "FED_002"
    SCOPE = oidc_provider
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        details = provider_details(resource)
        if details is None:
            return unknown("provider_details is not a literal map here")
        values = {key: key_lookup(details, key) for key in REQUIRED_KEYS}
        if any(value is UNKNOWN for value in values.values()):
            return unknown("part of provider_details is known only after apply")
        missing = [key for key, value in values.items() if value in (None, "")]
        if missing:
            return failed(f"provider_details lacks {', '.join(missing)}")
        return passed()


check = ProviderDetailsComplete()
