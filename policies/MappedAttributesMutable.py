from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation_document import FederationDocument, Resource
from federation_relations import IDP, attribute_mapping, pool_of, schema_attributes
from policy_values import as_bool


class MappedAttributesMutable(FederationCheck):
    RULE_ID = "FED_106"
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        pool = pool_of(document, resource)
        if pool is None:
            return unknown("the user pool is not in this configuration")
        mapping = attribute_mapping(resource)
        if mapping is None:
            return unknown("attribute_mapping is a reference")
        schema = schema_attributes(pool)
        # An attribute absent from the schema block keeps Cognito's default: mutable.
        immutable = [name for name in mapping if name in schema and as_bool(schema[name].get("mutable")) is False]
        if immutable:
            return failed(f"mapped attributes are immutable in the pool schema: {', '.join(immutable)}")
        return passed()


check = MappedAttributesMutable()
