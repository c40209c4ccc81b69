"""Which resources a rule is about, read from the federation graph (docs/applicability.md).

The pack runs on Terraform fedctl did not write: a pool with Google, SAML and Okta providers, an
Okta org with dozens of SPAs, a reusable module. A rule about the Okta OIDC upstream must not judge
a Google provider, and an Okta app rule must not judge an app Cognito never uses. Each rule
declares a `Scope`; the scope answers YES, NO or UNDECIDED for a resource in its document.
UNDECIDED (the graph itself depends on a value the input cannot decide) makes the rule UNKNOWN.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from typing import Any

from federation.document import FederationDocument, Resource
from federation.facts import OKTA_HOST_SUFFIX
from federation.redirects import IDP_RESPONSE_PATH
from federation.relations import CLIENT, DOMAIN, IDP, OKTA_APP, POOL, pool_of
from federation.values import as_list, is_reference


class Applies(enum.Enum):
    YES = "yes"
    NO = "no"
    UNDECIDED = "undecided"

    @staticmethod
    def of(value: bool) -> Applies:
        return Applies.YES if value else Applies.NO

    def __and__(self, other: Applies) -> Applies:
        if Applies.NO in (self, other):
            return Applies.NO
        if Applies.UNDECIDED in (self, other):
            return Applies.UNDECIDED
        return Applies.YES


Scope = Callable[[Resource, FederationDocument], Applies]

# The text a not-applicable verdict carries through checkov (which knows no such result) to the gate.
NOT_APPLICABLE = "not applicable"

COGNITO_PROVIDER = "COGNITO"
OKTA_RESOURCE_PREFIXES = ("okta_", "data.okta_")
_URL_HOST = re.compile(r"https?://([^/\s\"'?#]+)", re.IGNORECASE)


# --- identity providers --------------------------------------------------------------------

def is_oidc(idp: Resource) -> Applies:
    provider_type = idp.get("provider_type")
    if is_reference(provider_type):
        return Applies.UNDECIDED
    return Applies.of(provider_type == "OIDC")


def federates_okta(idp: Resource, document: FederationDocument) -> Applies:
    """Positive evidence only: a value of provider_details references an Okta resource, or a URL in
    it (the OIDC issuer, a SAML metadata URL) is on an Okta org host. Anything else is another IdP."""
    if any(ref.startswith(OKTA_RESOURCE_PREFIXES) for ref in idp.refs("provider_details")):
        return Applies.YES
    return Applies.of(any(_is_okta_host(host) for host in _url_hosts(idp.get("provider_details"))))


def _url_hosts(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [host for item in value.values() for host in _url_hosts(item)]
    if isinstance(value, list):
        return [host for item in value for host in _url_hosts(item)]
    if isinstance(value, str):
        return [match.group(1).split(":")[0].lower() for match in _URL_HOST.finditer(value)]
    return []


def _is_okta_host(host: str) -> bool:
    """`acme.okta.com`, also when the org label is a template (`${var.org}.okta.com`)."""
    return bool(OKTA_HOST_SUFFIX.search(host))


def any_identity_provider(idp: Resource, document: FederationDocument) -> Applies:
    return Applies.YES


def oidc_provider(idp: Resource, document: FederationDocument) -> Applies:
    return is_oidc(idp)


def okta_upstream(idp: Resource, document: FederationDocument) -> Applies:
    """The Okta OIDC upstream: Okta-specific rules (issuer mode, one app's id and secret, claims)."""
    return federates_okta(idp, document) & is_oidc(idp)


def provider_federating_okta(idp: Resource, document: FederationDocument) -> Applies:
    """Any provider that federates Okta, whatever its type: FED_001 says it must be OIDC."""
    return federates_okta(idp, document)


# --- the other members of the federation ---------------------------------------------------

def is_wired_okta_app(app: Resource, document: FederationDocument) -> Applies:
    """An Okta app Cognito uses: an identity provider references it, or it redirects to an
    idpresponse endpoint. Other apps of the org (SPAs, services) are not this pack's business."""
    if any(idp.references_resource("provider_details", app.address) for idp in document.of_type(IDP)):
        return Applies.YES
    redirect_uris = app.get("redirect_uris")
    if is_reference(redirect_uris) and not isinstance(redirect_uris, list):
        return Applies.UNDECIDED
    uris = [uri for uri in as_list(redirect_uris) if isinstance(uri, str)]
    if any(IDP_RESPONSE_PATH in uri for uri in uris):
        return Applies.YES
    return Applies.UNDECIDED if any(is_reference(uri) for uri in uris) else Applies.NO


def is_federated_client(client: Resource, document: FederationDocument) -> Applies:
    """An app client that trusts at least one provider other than COGNITO (local users)."""
    providers = client.get("supported_identity_providers")
    if is_reference(providers) and not isinstance(providers, list):
        return Applies.UNDECIDED
    names = as_list(providers)
    if any(not is_reference(name) and name != COGNITO_PROVIDER for name in names):
        return Applies.YES
    if any(isinstance(name, str) and name.startswith(("${" + IDP + ".", IDP + ".")) for name in names):
        return Applies.YES
    # checkov renders `aws_cognito_identity_provider.x.provider_name` to x's own value when it can
    # (`var.provider_name`, undecided); its graph edge still says which provider the client trusts.
    if any(ref.startswith(IDP + ".") for ref in client.refs("supported_identity_providers")):
        return Applies.YES
    return Applies.UNDECIDED if any(is_reference(name) for name in names) else Applies.NO


def is_federated_pool(pool: Resource, document: FederationDocument) -> Applies:
    """A pool an identity provider of this input belongs to, or one of whose clients is federated."""
    if any(pool_of(document, idp) is pool for idp in document.of_type(IDP)):
        return Applies.YES
    clients = [client for client in document.of_type(CLIENT) if pool_of(document, client) is pool]
    verdicts = [is_federated_client(client, document) for client in clients]
    if Applies.YES in verdicts:
        return Applies.YES
    return Applies.UNDECIDED if Applies.UNDECIDED in verdicts else Applies.NO


def in_federation(resource: Resource, document: FederationDocument) -> Applies:
    """The default scope: the resource takes part in a federation, by its type."""
    if resource.type == IDP:
        return Applies.YES
    if resource.type == OKTA_APP:
        return is_wired_okta_app(resource, document)
    if resource.type == CLIENT:
        return is_federated_client(resource, document)
    if resource.type == POOL:
        return is_federated_pool(resource, document)
    if resource.type == DOMAIN:
        return Applies.YES  # Cognito refuses what the domain rules reject, federated or not
    return Applies.NO


def prefix_domain(domain: Resource, document: FederationDocument) -> Applies:
    """A Cognito prefix domain (`<prefix>.auth.<region>.amazoncognito.com`): no certificate."""
    return Applies.of(domain.get("certificate_arn") in (None, ""))


def custom_domain(domain: Resource, document: FederationDocument) -> Applies:
    """A custom domain, served through CloudFront with an ACM certificate."""
    return Applies.of(domain.get("certificate_arn") not in (None, ""))


def is_root_module(document: FederationDocument) -> bool:
    """A root module configures providers or a backend; a reusable module leaves both to its caller.
    A plan is always of a root module."""
    if document.form == "terraform_plan":
        return True
    terraform = document.terraform
    return bool(document.providers) or bool(terraform.get("backend")) or bool(terraform.get("cloud"))


def in_federation_of_root_module(resource: Resource, document: FederationDocument) -> Applies:
    """Provider blocks and the backend exist only in a root module (FED_701, FED_703)."""
    if not is_root_module(document):
        return Applies.NO
    return in_federation(resource, document)
