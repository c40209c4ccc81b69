from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.redirects import default_aws_region, idp_response_pattern, is_undecided_uri
from federation.relations import OKTA_APP, domains_of, okta_app_pools
from federation.values import as_list, is_reference


class OktaRedirectUrisCoverDomains(FederationCheck):
    """For every domain of every pool that trusts this app: the exact idpresponse URL is registered."""

    RULE_ID = "FED_206"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        redirect_uris = resource.get("redirect_uris")
        if is_reference(redirect_uris):
            return unknown("redirect_uris is a reference")
        registered = [uri for uri in as_list(redirect_uris) if isinstance(uri, str)]
        pools = okta_app_pools(document, resource)
        if not pools:
            return unknown("no Cognito identity provider in this configuration uses this app")
        domains = [domain for pool in pools for domain in domains_of(document, pool)]
        if not domains:
            return unknown("the pool's domains are not in this configuration")
        region = default_aws_region(document)
        patterns = {domain.address: idp_response_pattern(domain, region) for domain in domains}
        missing = [address for address, pattern in patterns.items()
                   if not any(pattern.fullmatch(uri) for uri in registered)]
        undecided = [uri for uri in registered
                     if is_undecided_uri(uri) and not any(pattern.fullmatch(uri) for pattern in patterns.values())]
        if missing and undecided:
            return unknown(f"redirect_uris has values this configuration does not decide; {', '.join(missing)} "
                           "may be among them")
        if missing:
            return failed(f"redirect_uris lack the idpresponse URL of {', '.join(missing)} "
                          "(exact match: https, no trailing slash)")
        return passed()


check = OktaRedirectUrisCoverDomains()
