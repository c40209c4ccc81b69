from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.facts import CLAIM_SCOPES, GROUPS_SCOPE, REQUIRED_AUTHORIZE_SCOPES
from federation.relations import IDP, attribute_mapping, detail, groups_claim, okta_apps_of
from federation.values import scope_set
from federation.applicability import okta_upstream


class MappedClaimScopesRequested(FederationCheck):
    RULE_ID = "FED_806"
    SCOPE = okta_upstream
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        mapping = attribute_mapping(resource)
        scopes_value = detail(resource, "authorize_scopes")
        # Commas are FED_004's finding; here they only separate, so one mistake fails one rule.
        if isinstance(scopes_value, str):
            scopes_value = scopes_value.replace(",", " ")
        scopes = None if scopes_value is UNKNOWN else scope_set(scopes_value)
        if mapping is None or scopes is None:
            return unknown("the mapping or the scopes are references")
        # The Okta app's groups claim, whatever its name, is emitted only for the groups scope.
        claim_scopes = dict(CLAIM_SCOPES)
        for app in okta_apps_of(document, resource):
            claim = groups_claim(app)
            if isinstance(claim, dict) and isinstance(claim.get("name"), str):
                claim_scopes[claim["name"]] = GROUPS_SCOPE
        # openid, profile and email are FED_004's; this rule covers the scopes beyond them.
        missing = sorted({f"{claim} needs {claim_scopes[claim]}" for claim in mapping.values()
                          if isinstance(claim, str) and claim in claim_scopes
                          and claim_scopes[claim] not in scopes and claim_scopes[claim] not in REQUIRED_AUTHORIZE_SCOPES})
        if missing:
            return failed(f"claims mapped without their scope: {'; '.join(missing)}")
        return passed()


check = MappedClaimScopesRequested()
