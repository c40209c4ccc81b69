from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.callback_urls import PUBLIC_CLIENT_REASON, private_use_urls
from federation.document import FederationDocument, Resource
from federation.relations import CLIENT
from federation.values import as_bool, as_list, is_reference


class ClientNativeAppIsPublic(FederationCheck):
    """A client with a private-use callback URL serves a native app; it must have no secret.
    `generate_secret` is false when omitted (the API default). The code flow is FED_402's."""

    RULE_ID = "FED_409"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        urls = [url for url in as_list(resource.get("callback_urls"))
                if isinstance(url, str) and not is_reference(url)]
        native = private_use_urls(urls)
        if not native:
            return passed("no private-use callback URL")
        secret = resource.get("generate_secret")
        if secret is None:
            return passed()
        if is_reference(secret) or as_bool(secret) is None:
            return unknown("generate_secret is a reference")
        if as_bool(secret):
            return failed(f"generate_secret = true on a client with the private-use callback {native[0]!r}: "
                          f"{PUBLIC_CLIENT_REASON}")
        return passed()


check = ClientNativeAppIsPublic()
