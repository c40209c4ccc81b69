import re

from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.redirects import (ANY_REGION, IDP_RESPONSE_PATH, default_aws_region, idp_response_pattern,
                                  is_undecided_uri)
from federation.relations import OKTA_APP, domains_of, okta_app_pools
from federation.values import as_list, is_reference

# Any Cognito prefix domain's idpresponse URL, for when the pool's domains are not in the input.
ANY_PREFIX_DOMAIN = re.compile(rf"https://[^/\s]+\.auth\.{ANY_REGION}\.amazoncognito\.com{IDP_RESPONSE_PATH}/?")


class OktaRedirectUrisOnlyCognito(FederationCheck):
    """The app serves Cognito only: every redirect URI goes to the idpresponse endpoint of a domain
    of the pool. Whether it is exact (slash, region) is FED_206's to judge."""

    RULE_ID = "FED_207"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        wildcard = resource.get("wildcard_redirect")
        if wildcard not in (None, "DISABLED") and not is_reference(wildcard):
            return failed(f"wildcard_redirect is {wildcard!r}; expected DISABLED")
        uris = resource.get("redirect_uris")
        if is_reference(uris):
            return unknown("redirect_uris is a reference")
        domains = [domain for pool in okta_app_pools(document, resource) for domain in domains_of(document, pool)]
        region = default_aws_region(document)
        patterns = [idp_response_pattern(domain, region, any_region=True) for domain in domains]
        others, undecided = [], []
        for uri in as_list(uris):
            if not isinstance(uri, str):
                others.append(str(uri))
            elif any(pattern.fullmatch(uri.rstrip("/")) for pattern in patterns):
                continue
            elif not domains and ANY_PREFIX_DOMAIN.fullmatch(uri):
                continue
            elif is_undecided_uri(uri) or (not domains and uri.endswith(IDP_RESPONSE_PATH)):
                undecided.append(uri)
            else:
                others.append(uri)
        if others:
            where = "the pool's domains" if domains else "a Cognito domain"
            return failed(f"redirect_uris other than the idpresponse URLs of {where}: {', '.join(others)}")
        if undecided:
            return unknown(f"redirect_uris this configuration does not decide: {', '.join(undecided)}")
        return passed()


check = OktaRedirectUrisOnlyCognito()
