from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.facts import MAPPING_TARGETS_WITHOUT_SCHEMA
from federation.relations import IDP, attribute_mapping, clients_trusting
from federation.values import string_set


class MappedAttributesWritable(FederationCheck):
    RULE_ID = "FED_107"
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        mapping = attribute_mapping(resource)
        if mapping is None:
            return unknown("attribute_mapping is a reference")
        needed = set(mapping) - MAPPING_TARGETS_WITHOUT_SCHEMA
        problems = []
        for client in clients_trusting(document, resource):
            declared = client.get("write_attributes")
            if declared is None:
                custom = sorted(name for name in needed if name.startswith("custom:"))
                if custom:  # unset = standard attributes only
                    problems.append(f"{client.address} cannot write {', '.join(custom)}")
                continue
            writable = string_set(declared)
            if writable is None:
                return unknown(f"write_attributes of {client.address} is a reference")
            missing = sorted(needed - writable)
            if missing:
                problems.append(f"{client.address} cannot write {', '.join(missing)}")
        if problems:
            return failed("; ".join(problems))
        return passed()


check = MappedAttributesWritable()
