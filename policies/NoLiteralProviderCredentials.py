from federation_check import FederationCheck, Finding, failed, passed
from federation.document import FederationDocument, Resource
from federation.relations import OKTA_APP, POOL
from federation.values import is_reference
from federation.applicability import in_federation_of_root_module

CREDENTIALS = {"okta": ("api_token", "private_key", "access_token"),
               "aws": ("access_key", "secret_key", "token")}


class NoLiteralProviderCredentials(FederationCheck):
    """Checked on the resources that carry the federation, for the provider each one uses."""

    RULE_ID = "FED_701"
    SCOPE = in_federation_of_root_module
    RESOURCES = (POOL, OKTA_APP)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        provider_type = resource.type.split("_", 1)[0]
        wanted_alias = str(resource.get("provider") or "").partition(".")[2] or None
        literal = []
        for name, config in document.providers:
            if name != provider_type or config.get("alias") != wanted_alias:
                continue
            literal += [key for key in CREDENTIALS.get(name, ()) if config.get(key) and not is_reference(config[key])]
        if literal:
            return failed(f"the {provider_type} provider has literal {', '.join(literal)} (values not shown)")
        return passed()


check = NoLiteralProviderCredentials()
