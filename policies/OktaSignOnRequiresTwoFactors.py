from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.relations import OKTA_APP
from federation.values import as_bool

POLICY = "okta_app_signon_policy"
RULE = "okta_app_signon_policy_rule"


class OktaSignOnRequiresTwoFactors(FederationCheck):
    RULE_ID = "FED_213"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        if resource.get("authentication_policy") in (None, ""):
            return failed("no authentication_policy: the org's default policy decides the factors")
        policies = document.referenced(resource, "authentication_policy", POLICY)
        if not policies:
            return unknown("the authentication policy is not managed in this configuration")
        policy = policies[0]
        rules = [rule for rule in document.of_type(RULE) if rule.references_resource("policy_id", policy.address)]
        allowing = [rule for rule in rules if rule.get("access") in (None, "ALLOW")]
        weak = [rule.address for rule in allowing if rule.get("factor_mode") not in ("2FA", UNKNOWN)]
        if weak:
            return failed(f"rules allow sign-in without two factors: {', '.join(weak)}")
        if as_bool(policy.get("catch_all")) is not False:
            return failed(f"{policy.address} keeps its catch-all rule at ALLOW; set catch_all = false")
        if not allowing:
            return failed(f"{policy.address} has no rule that allows sign-in")
        return passed()


check = OktaSignOnRequiresTwoFactors()
