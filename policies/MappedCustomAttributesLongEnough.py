from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation_document import FederationDocument, Resource
from federation_facts import MAPPED_ATTRIBUTE_MAX_LENGTH
from federation_relations import IDP, attribute_mapping, pool_of, schema_attributes


class MappedCustomAttributesLongEnough(FederationCheck):
    RULE_ID = "FED_108"
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        pool = pool_of(document, resource)
        mapping = attribute_mapping(resource)
        if pool is None or mapping is None:
            return unknown("the pool or the mapping is not known here")
        schema = schema_attributes(pool)
        short = []
        for name in mapping:
            constraints = (schema.get(name) or {}).get("string_attribute_constraints")
            if name.startswith("custom:") and isinstance(constraints, list):
                constraints = constraints[0] if constraints else None
            if name.startswith("custom:") and isinstance(constraints, dict):
                length = constraints.get("max_length")
                if length is not None and str(length).isdigit() and int(str(length)) < MAPPED_ATTRIBUTE_MAX_LENGTH:
                    short.append(f"{name} (max_length {length})")
        if short:
            return failed(f"mapped custom attributes shorter than {MAPPED_ATTRIBUTE_MAX_LENGTH}: {', '.join(short)}")
        return passed()


check = MappedCustomAttributesLongEnough()
