from federation.applicability import oauth_client_with_redirects
from federation_check import FederationCheck, Finding, failed, passed
from federation.callback_urls import SHORT_SCHEME_REASON, read_callback_url
from federation.document import FederationDocument, Resource
from federation.redaction import safe_text
from federation.relations import CLIENT
from federation.values import as_list, is_reference


class ClientNativeSchemeReverseDomain(FederationCheck):
    """A warning (LOW, below the gate's default threshold): Cognito accepts `myapp://`, RFC 8252
    §7.1 requires a reverse domain name. Production configurations refuse it outright."""

    RULE_ID = "FED_414"
    SCOPE = oauth_client_with_redirects
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        short = [read_callback_url(url) for key in ("callback_urls", "logout_urls")
                 for url in as_list(resource.get(key)) if isinstance(url, str) and not is_reference(url)]
        short = [callback for callback in short if callback.short_scheme]
        if short:
            return failed(f"the scheme of {safe_text(repr(short[0].url))} {SHORT_SCHEME_REASON}")
        return passed()


check = ClientNativeSchemeReverseDomain()
