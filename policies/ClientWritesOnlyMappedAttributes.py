from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.facts import MAPPING_TARGETS_WITHOUT_SCHEMA
from federation.relations import CLIENT, IDP, attribute_mapping, clients_trusting
from federation.values import string_set


class ClientWritesOnlyMappedAttributes(FederationCheck):
    """The upper bound; the lower bound (every mapped attribute writable) is FED_107."""

    RULE_ID = "FED_413"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        # The scope says the client is federated: unset write_attributes is a finding wherever its
        # identity providers are declared; the upper bound needs their mappings.
        if resource.get("write_attributes") is None:
            return failed("write_attributes is unset, so every standard attribute is writable by signed-in users")
        idps = [idp for idp in document.of_type(IDP) if resource in clients_trusting(document, idp)]
        if not idps:
            return unknown("the identity providers the client trusts are not in this configuration, nor their mappings")
        writable = string_set(resource.get("write_attributes"))
        mappings = [attribute_mapping(idp) for idp in idps]
        if writable is None or any(m is None for m in mappings):
            return unknown("write_attributes or a mapping is a reference")
        mapped = {name for m in mappings if m for name in m} - MAPPING_TARGETS_WITHOUT_SCHEMA
        extra = sorted(writable - mapped)
        if extra:
            return failed(f"write_attributes grants more than the mapping needs: {', '.join(extra)}")
        return passed()


check = ClientWritesOnlyMappedAttributes()
