
from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.facts import OKTA_ORG_HOST
from federation.relations import IDP, detail, okta_apps_of
from federation.values import is_reference, split_url
from federation.applicability import okta_upstream


class IssuerModeMatchesIssuer(FederationCheck):
    """Checked on the identity provider, against the Okta app its client id comes from."""

    RULE_ID = "FED_007"
    SCOPE = okta_upstream
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        apps = okta_apps_of(document, resource)
        if not apps:
            return passed("the IdP is not an Okta app managed in this configuration")
        mode = apps[0].get("issuer_mode") or "ORG_URL"
        if is_reference(mode):
            return unknown("issuer_mode is a reference")
        if mode == "DYNAMIC":
            return failed("issuer_mode DYNAMIC makes the issuer follow the request domain; use ORG_URL or CUSTOM_URL")
        issuer = detail(resource, "oidc_issuer")
        if issuer is UNKNOWN or not isinstance(issuer, str):
            return unknown("oidc_issuer is known only after apply")
        if is_reference(issuer):
            return unknown("oidc_issuer is a reference")
        # The host decides: FED_006 judges the rest of the URL's shape.
        parts = split_url(issuer)
        if parts is None:
            return unknown(f"oidc_issuer {issuer!r} is not a URL (FED_006 reports it)")
        is_org_url = bool(OKTA_ORG_HOST.match(parts.hostname or ""))
        expected = "ORG_URL" if is_org_url else "CUSTOM_URL"
        if mode != expected:
            return failed(f"issuer_mode is {mode} but the issuer is {'an org URL' if is_org_url else 'a custom domain'}; "
                          f"expected {expected}")
        return passed()


check = IssuerModeMatchesIssuer()
