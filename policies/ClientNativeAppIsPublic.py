from federation.applicability import oauth_client_with_redirects
from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.callback_urls import PUBLIC_CLIENT_REASON, private_use_urls
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.relations import CLIENT
from federation.values import as_bool, as_list, is_reference


class ClientNativeAppIsPublic(FederationCheck):
    """A client with a private-use callback URL serves a native app; it must have no secret.
    `generate_secret` is false when omitted (the API default). The code flow is FED_402's.
    With a secret, a callback URL that is a reference could be a native app's: UNKNOWN."""

    RULE_ID = "FED_409"
    SCOPE = oauth_client_with_redirects
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        secret = resource.get("generate_secret")
        if secret is None or as_bool(secret) is False:
            return passed("no client secret")
        urls = resource.get("callback_urls")
        if urls is UNKNOWN or (isinstance(urls, str) and is_reference(urls)):
            return unknown("callback_urls is a reference")
        urls = as_list(urls)
        native = private_use_urls(url for url in urls if isinstance(url, str) and not is_reference(url))
        if not native and any(is_reference(url) for url in urls):
            return unknown("a callback URL is a reference: it may be a native app's")
        if not native:
            return passed("no private-use callback URL")
        if as_bool(secret) is None:
            return unknown("generate_secret is a reference")
        return failed(f"generate_secret = true on a client with the private-use callback {native[0]!r}: "
                      f"{PUBLIC_CLIENT_REASON}")


check = ClientNativeAppIsPublic()
