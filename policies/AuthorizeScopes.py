from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.facts import REQUIRED_AUTHORIZE_SCOPES
from federation.relations import IDP, detail
from federation.values import is_reference
from federation.applicability import oidc_provider


class AuthorizeScopes(FederationCheck):
    RULE_ID = "FED_004"
    SCOPE = oidc_provider
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        scopes = detail(resource, "authorize_scopes")
        if scopes is UNKNOWN or is_reference(scopes):
            return unknown("authorize_scopes is a reference")
        if scopes in (None, ""):
            return passed("no authorize_scopes (FED_002 reports it)")
        if not isinstance(scopes, str):
            return unknown("authorize_scopes is not a string here")
        if "," in scopes:
            return failed(f"authorize_scopes {scopes!r} uses commas; OIDC scopes are space-separated")
        words = scopes.split()
        missing = [scope for scope in REQUIRED_AUTHORIZE_SCOPES if scope not in words]
        if missing:
            return failed(f"authorize_scopes {scopes!r} lacks {', '.join(missing)}")
        if len(words) != len(set(words)):
            return failed(f"authorize_scopes {scopes!r} repeats a scope")
        return passed()


check = AuthorizeScopes()
