import re

from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.relations import OKTA_APP
from federation.values import as_list, is_reference

# The app serves Cognito only: every redirect URI goes to a Cognito idpresponse endpoint. Whether
# it is the exact URL of a domain of the pool (slash, region) is FED_206's to judge.
IDP_RESPONSE = re.compile(r"^https://(?:\$\{[^}]+\}|[A-Za-z0-9.-]+|[\w.]+\.domain)"
                          r"(?:\.auth\.(?:\$\{[^}]+\}|[a-z0-9-]+)\.amazoncognito\.com)?/oauth2/idpresponse/?$")


class OktaRedirectUrisOnlyCognito(FederationCheck):
    RULE_ID = "FED_207"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        wildcard = resource.get("wildcard_redirect")
        if wildcard not in (None, "DISABLED") and not is_reference(wildcard):
            return failed(f"wildcard_redirect is {wildcard!r}; expected DISABLED")
        uris = resource.get("redirect_uris")
        if uris is UNKNOWN or (isinstance(uris, str) and is_reference(uris)):
            return unknown("redirect_uris is a reference")
        others = [uri for uri in as_list(uris) if not (isinstance(uri, str) and IDP_RESPONSE.match(uri))]
        if others:
            return failed(f"redirect_uris other than Cognito idpresponse URLs: {', '.join(map(str, others))}")
        return passed()


check = OktaRedirectUrisOnlyCognito()
