from federation_check import FederationCheck, Finding, failed, passed
from federation.document import FederationDocument, Resource
from federation.relations import IDP, OKTA_APP, provider_details
from federation.values import references_in
from federation.applicability import okta_upstream


class ClientIdAndSecretFromOneApp(FederationCheck):
    RULE_ID = "FED_801"
    SCOPE = okta_upstream
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        details = provider_details(resource)
        if details is None:
            return passed("provider_details is not a literal map here")
        apps = {}
        for key in ("client_id", "client_secret"):
            refs = [ref for ref in references_in(details.get(key)) if ref.startswith(OKTA_APP + ".")]
            apps[key] = {".".join(ref.split(".")[:2]) for ref in refs}
        if apps["client_id"] and apps["client_secret"] and apps["client_id"] != apps["client_secret"]:
            return failed(f"client_id comes from {', '.join(sorted(apps['client_id']))} but client_secret from "
                          f"{', '.join(sorted(apps['client_secret']))}")
        return passed()


check = ClientIdAndSecretFromOneApp()
