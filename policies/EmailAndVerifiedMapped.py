from federation.values import is_reference
from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.relations import IDP, attribute_mapping
from federation.applicability import oidc_provider


class EmailAndVerifiedMapped(FederationCheck):
    RULE_ID = "FED_102"
    SCOPE = oidc_provider
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        mapping = attribute_mapping(resource)
        if mapping is None:
            if resource.get("attribute_mapping") is None:
                return failed("attribute_mapping is not set")
            return unknown("attribute_mapping is a reference")
        if any(is_reference(mapping.get(attribute)) for attribute in ("email", "email_verified")):
            return unknown("email or email_verified is mapped from a value this configuration does not decide")
        wrong = [f"{attribute} ← {mapping.get(attribute)!r}" for attribute in ("email", "email_verified")
                 if mapping.get(attribute) != attribute]
        if wrong:
            return failed(f"expected email ← 'email' and email_verified ← 'email_verified'; got {', '.join(wrong)}")
        return passed()


check = EmailAndVerifiedMapped()
