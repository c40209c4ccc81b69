from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.facts import MAPPING_TARGETS_WITHOUT_SCHEMA, STANDARD_ATTRIBUTES
from federation.relations import IDP, attribute_mapping, pool_of, schema_attributes


class MappedAttributesExist(FederationCheck):
    RULE_ID = "FED_105"
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        mapping = attribute_mapping(resource)
        if mapping is None:
            return unknown("attribute_mapping is a reference")
        pool = pool_of(document, resource)
        declared = schema_attributes(pool) if pool is not None else {}
        unknown_custom = [name for name in mapping if name.startswith("custom:") and name not in declared]
        if unknown_custom and pool is None:
            return unknown("custom attributes are mapped but the user pool is not in this configuration")
        invalid = [name for name in mapping
                   if not name.startswith("custom:") and name not in STANDARD_ATTRIBUTES | MAPPING_TARGETS_WITHOUT_SCHEMA]
        if unknown_custom or invalid:
            return failed(f"mapped attributes the pool does not have: {', '.join(unknown_custom + invalid)}")
        return passed()


check = MappedAttributesExist()
