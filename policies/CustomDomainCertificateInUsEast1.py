from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.applicability import custom_domain
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.facts import US_EAST_1_CERTIFICATE_PATTERN
from federation.relations import DOMAIN
from federation.values import is_reference


class CustomDomainCertificateInUsEast1(FederationCheck):
    RULE_ID = "FED_603"
    RESOURCES = (DOMAIN,)
    SCOPE = custom_domain

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        arn = resource.get("certificate_arn")
        if arn is UNKNOWN or is_reference(arn):
            return unknown("certificate_arn is a reference; check the certificate's provider region")
        if not US_EAST_1_CERTIFICATE_PATTERN.match(str(arn)):
            return failed(f"certificate_arn {arn!r} is not an ACM certificate in us-east-1")
        return passed()


check = CustomDomainCertificateInUsEast1()
