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
from federation.values import as_bool, as_list, is_reference, references_in, string_set


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

    def __or__(self, other: Applies) -> Applies:
        if Applies.YES in (self, other):
            return Applies.YES
        if Applies.UNDECIDED in (self, other):
            return Applies.UNDECIDED
        return Applies.NO


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
    """Positive evidence: a value of provider_details references an Okta resource, or a URL in it
    (the OIDC issuer, a SAML metadata URL) is on an Okta org host. A provider that names itself Okta
    but whose issuer or metadata URL the input cannot decide is UNDECIDED (`okta_by_name_only`).
    Anything else is another IdP."""
    if any(ref.startswith(OKTA_RESOURCE_PREFIXES) for ref in idp.refs("provider_details")):
        return Applies.YES
    if any(_is_okta_host(host) for host in _url_hosts(idp.get("provider_details"))):
        return Applies.YES
    return Applies.UNDECIDED if okta_by_name_only(idp) else Applies.NO


# The provider_details keys that say where the IdP is: the OIDC issuer, a SAML metadata document.
_LOCATION_KEYS = ("oidc_issuer", "MetadataURL", "MetadataFile")


def okta_by_name_only(idp: Resource) -> str:
    """Why an identity provider may federate Okta though the input cannot show it: its name says
    Okta (provider_name or the resource's own name) and its issuer or metadata URL is an expression.
    Empty when that is not the case."""
    name = idp.get("provider_name")
    named = [text for text in (name if isinstance(name, str) and not is_reference(name) else "", idp.name)
             if "okta" in text.lower()]
    if not named:
        return ""
    details = idp.get("provider_details")
    if not isinstance(details, dict):
        return f"it is named {named[0]!r} but provider_details is an expression the input cannot decide"
    for key, value in details.items():
        if key.lower() in (k.lower() for k in _LOCATION_KEYS) and is_reference(value):
            return (f"it is named {named[0]!r} but its {key} is {_shown(value)}, which the input cannot decide: "
                    "whether it federates Okta is unknown")
    return ""


def _shown(value: Any) -> str:
    references = references_in(value)
    return references[0] if references else "an expression"


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


def is_oauth_client(client: Resource, document: FederationDocument) -> Applies:
    """A client with OAuth enabled (`allowed_oauth_flows_user_pool_client`): its flows and callback
    URLs are used, whoever its users are."""
    enabled = client.get("allowed_oauth_flows_user_pool_client")
    if is_reference(enabled):
        return Applies.UNDECIDED
    return Applies.of(as_bool(enabled) is True)


def any_oauth_client(client: Resource, document: FederationDocument) -> Applies:
    """The OAuth security rules (FED_402): every federated client, and every other client with OAuth
    enabled (OAuth 2.0 Security BCP, RFC 9700: the implicit grant is a weakness of any client)."""
    return is_federated_client(client, document) | is_oauth_client(client, document)


def oauth_client_with_redirects(client: Resource, document: FederationDocument) -> Applies:
    """The redirect rule (FED_406): every federated client, and every other OAuth client that sends
    users' browsers back to callback URLs; a machine client (client_credentials only) has none."""
    federated = is_federated_client(client, document)
    if federated is Applies.YES:
        return Applies.YES
    flows = client.get("allowed_oauth_flows")
    names = string_set(flows)
    if names is None:
        redirects = Applies.UNDECIDED
    else:
        redirects = Applies.of(names != {"client_credentials"})
    return federated | (is_oauth_client(client, document) & redirects)


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


def root_module(document: FederationDocument) -> tuple[Applies, str]:
    """Whether the input (a whole folder, a stack, a plan) is a root module, and why not decidable.

    A plan is always of a root module. A configuration with a provider block or a `backend` /
    `cloud` block is one; a folder that another folder of the scan calls as a module is not.
    Otherwise a configuration Terraform can run by itself (no variable left without a default,
    nothing referenced that it does not declare) is a root: `terraform apply` in it keeps local
    state. With an undefaulted variable it is a reusable module or a root given its values on the
    command line: UNDECIDED, unless a `terraform.tfvars` / `*.auto.tfvars` of the folder sets them."""
    if document.form == "terraform_plan":
        return Applies.YES, ""
    terraform = document.terraform
    if document.providers or terraform.get("backend") or terraform.get("cloud"):
        return Applies.YES, ""
    if document.called_as_module:
        return Applies.NO, ""
    if not document.resources and not document.module_calls:
        return Applies.NO, ""
    undeclared = sorted(_undeclared_references(document))
    if undeclared:
        return Applies.UNDECIDED, (f"the configuration references {', '.join(undeclared[:3])}, which it does not "
                                   "declare: it is part of a folder not given here, a root or a reusable module")
    # `default = null` makes a variable optional too: only a missing default makes Terraform ask.
    required = sorted(name for name, body in document.variables.items()
                      if not isinstance(body, dict) or "default" not in body)
    if required and not document.variable_files:
        return Applies.UNDECIDED, (f"variable {required[0]} has no default and no tfvars file sets it: "
                                   "a reusable module, or a root module given its values when run")
    return Applies.YES, ""


def _undeclared_references(document: FederationDocument) -> set[str]:
    """`var.x`, `local.x`, `module.x` and `type.name` references of the resources that the input
    does not declare (checkov leaves what it cannot render as written)."""
    found: set[str] = set()
    for resource in document.resources:
        for value in [*resource.values.values(), resource.meta.get("for_each"), resource.meta.get("count")]:
            for reference in _all_references(value):
                kind, _, rest = reference.partition(".")
                name = rest.split(".")[0]
                if kind == "var" and name not in document.variables:
                    found.add(f"var.{name}")
                elif kind == "local" and name not in document.local_names:
                    found.add(f"local.{name}")
                elif kind == "module" and name not in document.module_calls:
                    found.add(f"module.{name}")
                elif kind not in ("var", "local", "module", "data", "each", "count", "path", "self", "terraform") \
                        and "_" in kind and document.find(f"{kind}.{name}") is None:
                    found.add(f"{kind}.{name}")
    return found


def _all_references(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [ref for item in value.values() for ref in _all_references(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in _all_references(item)]
    return _MODULE_OR_REFERENCE.findall(value) if isinstance(value, str) and is_reference(value) else []


_MODULE_OR_REFERENCE = re.compile(r"(?<![\w.\-/@:])((?:var|local|module)\.[A-Za-z_][\w-]*"
                                  r"|[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][\w-]*(?=\.|\[))")


def in_federation_of_root_module(resource: Resource, document: FederationDocument) -> Applies:
    """Provider blocks and the backend exist only in a root module (FED_701, FED_703)."""
    return root_module(document)[0] & in_federation(resource, document)


def why_undecided(resource: Resource, document: FederationDocument, scope: Scope) -> str:
    """The reason `scope` said UNDECIDED for this resource, in words a reader can act on."""
    reasons = []
    if resource.type == IDP:
        if is_reference(resource.get("provider_type")):
            reasons.append("provider_type is an expression the input cannot decide")
        okta = okta_by_name_only(resource)
        if okta:
            reasons.append(okta)
    if resource.type == CLIENT:
        if is_federated_client(resource, document) is Applies.UNDECIDED:
            reasons.append("supported_identity_providers is an expression the input cannot decide")
        if is_reference(resource.get("allowed_oauth_flows_user_pool_client")):
            reasons.append("allowed_oauth_flows_user_pool_client is an expression the input cannot decide")
    root, why_root = root_module(document)
    if scope is in_federation_of_root_module and root is Applies.UNDECIDED:
        reasons.append(why_root)
    if resource.type == OKTA_APP and is_wired_okta_app(resource, document) is Applies.UNDECIDED:
        reasons.append("redirect_uris is an expression: whether Cognito uses this app cannot be decided")
    if not reasons:
        return "whether this rule applies depends on a value the input cannot decide"
    return "not decidable whether this rule applies: " + "; ".join(reasons)
