
from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.relations import IDP, detail
from federation.values import is_reference, split_url
from federation.applicability import oidc_provider


class OidcIssuerWellFormed(FederationCheck):
    RULE_ID = "FED_006"
    SCOPE = oidc_provider
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        issuer = detail(resource, "oidc_issuer")
        if issuer is UNKNOWN or (isinstance(issuer, str) and is_reference(issuer)):
            return unknown("oidc_issuer is a reference; evaluated on plan JSON")
        if issuer in (None, ""):
            return passed("no oidc_issuer (FED_002 reports it)")
        if not isinstance(issuer, str):
            return unknown("oidc_issuer is not a string here")
        parts = split_url(issuer)
        if parts is None:
            return failed(f"oidc_issuer {issuer!r} is not a URL")
        problems = []
        if parts.scheme != "https" or not parts.hostname:
            problems.append("not https")
        if issuer.endswith("/"):
            problems.append("a trailing slash")
        if parts.query or parts.fragment:
            problems.append("a query or fragment")
        if "@" in parts.netloc:
            problems.append("user information (user:password@) before the host")
        if ":" in parts.netloc.rpartition("@")[2] and not parts.netloc.endswith(":443"):
            problems.append("a port other than 443")
        if "/.well-known" in parts.path:
            problems.append("the discovery document's path")
        if problems:
            return failed(f"oidc_issuer {issuer!r} has {', '.join(problems)}; Cognito needs the exact issuer")
        return passed()


check = OidcIssuerWellFormed()
