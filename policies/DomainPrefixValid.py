from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.applicability import prefix_domain
from federation.document import FederationDocument, Resource
from federation.facts import DOMAIN_PREFIX_PATTERN, RESERVED_DOMAIN_TERMS
from federation.relations import DOMAIN
from federation.values import is_reference


class DomainPrefixValid(FederationCheck):
    RULE_ID = "FED_602"
    RESOURCES = (DOMAIN,)
    SCOPE = prefix_domain

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        prefix = resource.get("domain")
        if not isinstance(prefix, str) or is_reference(prefix):
            return unknown("domain is a reference")
        if not DOMAIN_PREFIX_PATTERN.match(prefix):
            return failed(f"prefix {prefix!r} must be 1-63 lower-case letters, digits or hyphens")
        reserved = [term for term in RESERVED_DOMAIN_TERMS if term in prefix]
        if reserved:
            return failed(f"prefix {prefix!r} contains the reserved term {reserved[0]!r}")
        return passed()


check = DomainPrefixValid()
