from federation_check import FederationCheck, Finding, failed, not_applicable, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.facts import MAPPED_ATTRIBUTE_MAX_LENGTH, OKTA_GROUPS_CLAIM_MAX_GROUPS
from federation.groups_claim import matches_every_group
from federation.relations import OKTA_APP, groups_claim
from federation.values import is_reference


class OktaGroupsClaimFilter(FederationCheck):
    """An app without a groups claim is not what this rule is about (not applicable)."""

    RULE_ID = "FED_217"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        claim = groups_claim(resource)
        if claim is None:
            return not_applicable()
        if claim is UNKNOWN:
            return unknown("groups_claim is a reference")
        claim_type, filter_type, value = claim.get("type"), claim.get("filter_type"), claim.get("value")
        if any(is_reference(v) or v is UNKNOWN for v in (claim_type, filter_type, value)):
            return unknown("the groups claim's type, filter_type or value is a reference")
        if claim_type == "EXPRESSION":
            return unknown("an Okta Expression Language groups claim: which groups it yields depends on the org")
        if matches_every_group(str(filter_type), str(value if value is not None else "")):
            return failed(f"groups_claim {filter_type} {value!r} matches every group of the org: tokens carry all of "
                          f"a user's groups (Okta: at most {OKTA_GROUPS_CLAIM_MAX_GROUPS} per claim; Cognito keeps "
                          f"{MAPPED_ATTRIBUTE_MAX_LENGTH} characters)")
        return passed()


check = OktaGroupsClaimFilter()
