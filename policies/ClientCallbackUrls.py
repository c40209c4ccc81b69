from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.callback_urls import read_callback_url
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.redaction import safe_text
from federation.relations import CLIENT
from federation.values import as_list, is_reference
from federation.applicability import oauth_client_with_redirects


class ClientCallbackUrls(FederationCheck):
    """The URL semantics are federation/callback_urls.py, shared with the configuration reader.
    http://localhost and short private-use schemes pass here (Cognito accepts both); production
    stacks refuse them in their configuration, which knows the environment, and FED_414 reports
    a short scheme as a warning."""

    RULE_ID = "FED_406"
    SCOPE = oauth_client_with_redirects
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        urls = resource.get("callback_urls")
        if urls is UNKNOWN or (isinstance(urls, str) and is_reference(urls)):
            return unknown("callback_urls is a reference")
        urls = as_list(urls)
        if not urls:
            return failed("no callback_urls")
        refused = [read_callback_url(url) for url in urls if isinstance(url, str) and not is_reference(url)]
        bad = [f"{safe_text(repr(callback.url))} {callback.refusal}" for callback in refused if callback.refusal]
        if bad:
            return failed(f"callback URLs must be https or a native app's private-use URI: {'; '.join(bad)}")
        return passed()


check = ClientCallbackUrls()
