
from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.relations import CLIENT
from federation.values import as_list, is_reference, split_url


class ClientCallbackUrls(FederationCheck):
    """http://localhost is accepted here (Cognito allows it for testing); production stacks reject it
    in their configuration, which knows the environment."""

    RULE_ID = "FED_406"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        urls = resource.get("callback_urls")
        if urls is UNKNOWN or (isinstance(urls, str) and is_reference(urls)):
            return unknown("callback_urls is a reference")
        urls = as_list(urls)
        if not urls:
            return failed("no callback_urls")
        bad = []
        for url in urls:
            if not isinstance(url, str) or is_reference(url):
                continue
            parts = split_url(url)
            if parts is None:
                bad.append(url)
                continue
            localhost = parts.scheme == "http" and parts.hostname in ("localhost", "127.0.0.1")
            if "*" in url or parts.fragment or not (parts.scheme == "https" or localhost) or not parts.hostname:
                bad.append(url)
        if bad:
            return failed(f"callback URLs must be https without '*' or '#': {', '.join(bad)}")
        return passed()


check = ClientCallbackUrls()
