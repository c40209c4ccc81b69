from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.relations import IDP, OKTA_APP
from federation.values import as_bool, is_reference


class OktaSecretKeptForCognito(FederationCheck):
    RULE_ID = "FED_209"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        omit = resource.get("omit_secret")
        if is_reference(omit):
            return unknown("omit_secret is a reference")
        consumers = [idp.address for idp in document.of_type(IDP)
                     if any(ref.startswith(f"{resource.address}.client_secret") for ref in idp.refs("provider_details"))]
        if as_bool(omit) is True and consumers:
            return failed(f"omit_secret is true, so {', '.join(consumers)} would receive an empty client secret")
        return passed()


check = OktaSecretKeptForCognito()
