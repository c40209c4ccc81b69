from federation_check import FederationCheck, Finding, failed, passed
from federation.document import FederationDocument, Resource
from federation.relations import CLIENT, IDP
from federation.values import as_list, is_reference


class ClientReferencesIdentityProvider(FederationCheck):
    RULE_ID = "FED_404"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        if document.form == "terraform_plan":
            return passed()  # a plan shows references resolved to names; the configuration forms decide
        depends_on = " ".join(str(d) for d in as_list(resource.meta.get("depends_on")))
        racing = []
        for entry in as_list(resource.get("supported_identity_providers")):
            if not isinstance(entry, str) or entry == "COGNITO" or is_reference(entry):
                continue
            idp = next((i for i in document.of_type(IDP) if i.get("provider_name") == entry), None)
            if idp is None:
                continue  # managed elsewhere: no race within this configuration
            # HCL as checkov renders it shows a resolved reference as the name; the graph edge remains.
            if idp.address not in depends_on and not resource.references_resource("supported_identity_providers",
                                                                                 idp.address):
                racing.append(f"{entry!r} ({idp.address})")
        if racing:
            return failed(f"supported_identity_providers names {', '.join(racing)} literally without depends_on; "
                          "reference aws_cognito_identity_provider.<x>.provider_name")
        return passed()


check = ClientReferencesIdentityProvider()
