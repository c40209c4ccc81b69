import re

from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.relations import DOMAIN, IDP, OKTA_APP, domains_of, pool_of
from federation.values import as_list, is_reference

ANY_REGION = r"[a-z]{2}(?:-[a-z]+)+-\d"


class OktaRedirectUrisCoverDomains(FederationCheck):
    """For every domain of every pool that trusts this app: the exact idpresponse URL is registered."""

    RULE_ID = "FED_206"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        redirect_uris = resource.get("redirect_uris")
        if redirect_uris is UNKNOWN or (isinstance(redirect_uris, str) and is_reference(redirect_uris)):
            return unknown("redirect_uris is a reference")
        registered = [uri for uri in as_list(redirect_uris) if isinstance(uri, str)]
        pools = [pool_of(document, idp) for idp in document.of_type(IDP)
                 if resource in document.referenced(idp, "provider_details", OKTA_APP)]
        if not pools:
            return unknown("no Cognito identity provider in this configuration uses this app")
        domains = [domain for pool in pools for domain in domains_of(document, pool)]
        if not domains:
            return unknown("the pool's domains are not in this configuration")
        region = self._default_region(document)
        missing = [label for domain in domains
                   for label, pattern in [self._expected(domain, region)]
                   if not any(pattern.fullmatch(uri) for uri in registered)]
        if missing:
            return failed(f"redirect_uris lack the idpresponse URL of {', '.join(missing)} "
                          "(exact match: https, no trailing slash)")
        return passed()

    @staticmethod
    def _default_region(document: FederationDocument) -> str | None:
        for name, config in document.providers:
            region = config.get("region")
            if name == "aws" and "alias" not in config and isinstance(region, str) and not is_reference(region):
                return region
        return None

    @staticmethod
    def _expected(domain: Resource, default_region: str | None) -> tuple[str, "re.Pattern[str]"]:
        """The domain's label for messages and the pattern its idpresponse URL must match."""
        value = domain.get("domain")
        hosts = [re.escape(f"${{{domain.address}.domain}}"), re.escape(domain.address + ".domain")]
        if isinstance(value, str) and not is_reference(value):
            hosts.append(re.escape(value))
        host = "(?:" + "|".join(hosts) + ")"
        if domain.get("certificate_arn"):
            return domain.address, re.compile(rf"https://{host}/oauth2/idpresponse")
        region_value = domain.get("region")
        region = region_value if isinstance(region_value, str) and not is_reference(region_value) else default_region
        region_pattern = re.escape(region) if region else ANY_REGION
        return domain.address, re.compile(rf"https://{host}\.auth\.{region_pattern}\.amazoncognito\.com/oauth2/idpresponse")


check = OktaRedirectUrisCoverDomains()
