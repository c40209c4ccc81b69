from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation_document import FederationDocument, Resource
from federation_relations import IDP, attribute_mapping, pool_of, schema_attributes
from policy_values import as_bool


class RequiredAttributesMapped(FederationCheck):
    RULE_ID = "FED_104"
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        pool = pool_of(document, resource)
        if pool is None:
            return unknown("the user pool is not in this configuration")
        mapping = attribute_mapping(resource)
        if mapping is None:
            return unknown("attribute_mapping is a reference")
        required = [name for name, entry in schema_attributes(pool).items() if as_bool(entry.get("required"))]
        missing = [name for name in required if name not in mapping]
        if missing:
            return failed(f"required pool attributes not mapped: {', '.join(missing)}")
        return passed()


check = RequiredAttributesMapped()
