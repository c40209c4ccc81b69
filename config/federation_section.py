"""Reads `federations:`: Okta orgs managed here (`kind: okta`) and external OIDC IdPs (`kind: oidc`)."""

from __future__ import annotations

import re

from config.model import (AttributeRequestMethod, ExternalOidcSettings, FederationConfig, OktaGroup,
                          OktaSettings, SecretFromSecretsManager, SecretFromVariable, SecretSource)
from config.groups_claim_section import read_groups_claim
from config.reader import Section, describe, report_duplicates
from config.url_rules import issuer_problem
from config.user_pool_section import FQDN_PATTERN
from federation.facts import (ALLOWED_AUTHORIZE_SCOPES, DEFAULT_ATTRIBUTE_MAPPING,
                                       IDP_IDENTIFIER_PATTERN, IDP_IDENTIFIERS_MAX,
                                       MANDATORY_ATTRIBUTE_MAPPING, OKTA_BASE_URLS,
                                       PROVIDER_NAME_PATTERN, REQUIRED_AUTHORIZE_SCOPES,
                                       RESERVED_PROVIDER_NAMES)

FEDERATION_NAME_PATTERN = re.compile(r"^[a-z][a-z0-9-]{0,30}$")
OKTA_ORG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
TERRAFORM_IDENTIFIER = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_-]{0,63}$")
SECRET_ID_PATTERN = re.compile(r"^[\w/+=.@:-]{1,2048}$")
KINDS = ("okta", "oidc")

FEDERATION_KEYS = ("name", "kind", "provider_name", "attribute_mapping", "idp_identifiers", "okta", "oidc")
OKTA_KEYS = ("org_name", "base_url", "app_label", "groups", "custom_domain", "groups_claim")
GROUP_KEYS = ("name", "create", "description")
OIDC_KEYS = ("issuer", "client_id", "client_secret", "authorize_scopes", "attributes_request_method")
SECRET_SOURCE_KEYS = ("terraform_variable", "secrets_manager")
SECRETS_MANAGER_KEYS = ("secret_id", "json_key")


def read_federation(path: str, raw: object, parent: Section) -> FederationConfig:
    federation = Section(raw, path, parent.problems, FEDERATION_KEYS)
    name = federation.text("name", pattern=FEDERATION_NAME_PATTERN,
                           expected="1-31 lower-case letters, digits or hyphens, starting with a letter")
    kind = federation.text("kind", expected="okta or oidc")
    if kind and kind not in KINDS:
        federation.problem("kind", f"got {describe(kind)}; expected okta or oidc")
    provider_name = federation.text("provider_name", _default_provider_name(name),
                                    pattern=PROVIDER_NAME_PATTERN,
                                    expected="2-32 letters, digits or .+=@- (no underscore or space; FED_012)")
    if provider_name in RESERVED_PROVIDER_NAMES:
        federation.problem("provider_name", f"got {describe(provider_name)}; reserved for Cognito's own "
                                            f"providers: {', '.join(sorted(RESERVED_PROVIDER_NAMES))} (FED_012)")
    other_kind = "oidc" if kind == "okta" else "okta"
    if kind in KINDS and federation.has(other_kind):
        federation.problem(other_kind, f"not allowed with kind {kind}")
    okta = _read_okta(federation.section("okta", OKTA_KEYS, required=True)) if kind == "okta" else None
    oidc = _read_oidc(federation.section("oidc", OIDC_KEYS, required=True)) if kind == "oidc" else None
    return FederationConfig(
        name=name,
        provider_name=provider_name,
        attribute_mapping=_read_mapping(federation, okta),
        idp_identifiers=_read_identifiers(federation),
        okta=okta,
        oidc=oidc,
    )


def _default_provider_name(name: str) -> str:
    """`acme-corp` → `AcmeCorp`: the prefix Cognito puts before every federated username."""
    return "".join(part.capitalize() for part in name.split("-")) or "Federation"


def _read_mapping(federation: Section, okta: OktaSettings | None) -> tuple[tuple[str, str], ...]:
    mapping = dict(DEFAULT_ATTRIBUTE_MAPPING)
    mandatory = dict(MANDATORY_ATTRIBUTE_MAPPING)
    groups_claim = okta.groups_claim if okta else None
    for attribute, claim, path in federation.mapping_of_text("attribute_mapping"):
        if attribute in mandatory and claim != mandatory[attribute]:
            federation.problems.add(path, f"got {describe(claim)}; {attribute} is always mapped from "
                                          f"{mandatory[attribute]!r} and cannot be changed (FED_101/FED_102)")
            continue
        if groups_claim is not None and attribute == groups_claim.attribute:
            federation.problems.add(path, f"got {describe(claim)}; {attribute} holds the groups claim "
                                          f"({groups_claim.name!r}, okta.groups_claim) and is mapped by it")
            continue
        mapping[attribute] = claim
    if groups_claim is not None:
        mapping[groups_claim.attribute] = groups_claim.name
    return tuple(sorted(mapping.items()))


def _read_identifiers(federation: Section) -> tuple[str, ...]:
    identifiers = federation.text_list("idp_identifiers")
    if len(identifiers) > IDP_IDENTIFIERS_MAX:
        federation.problem("idp_identifiers", f"has {len(identifiers)} items; expected at most {IDP_IDENTIFIERS_MAX}")
    for index, identifier in enumerate(identifiers):
        if not IDP_IDENTIFIER_PATTERN.match(identifier):
            federation.problems.add(f"{federation.child('idp_identifiers')}[{index}]",
                                    f"got {describe(identifier)}; expected 1-40 letters, digits, spaces or "
                                    "+=.@_- (FED_013)")
    return identifiers


def _read_okta(okta: Section) -> OktaSettings:
    base_url = okta.text("base_url", "okta.com")
    if base_url not in OKTA_BASE_URLS:
        okta.problem("base_url", f"got {describe(base_url)}; expected one of {', '.join(sorted(OKTA_BASE_URLS))}")
    groups: list[OktaGroup] = []
    elements = okta.items("groups")
    if not elements and not isinstance(okta.get("groups"), (str, int, dict)):
        okta.problem("groups", "expected at least one group: users of an unassigned app get "
                               "'User is not assigned to the client application' (FED_301)")
    for path, raw in elements:
        group = Section(raw, path, okta.problems, GROUP_KEYS)
        groups.append(OktaGroup(name=group.text("name", expected="an Okta group name"),
                                create=group.flag("create", False),
                                description=group.optional_text("description")))
    report_duplicates(okta.problems, ((path, g.name) for (path, _), g in zip(elements, groups)), "group")
    return OktaSettings(
        org_name=okta.text("org_name", pattern=OKTA_ORG_PATTERN,
                           expected="the Okta org name, e.g. 'acme' for acme.okta.com"),
        base_url=base_url,
        app_label=okta.text("app_label", expected="the Okta app's display name"),
        groups=tuple(groups),
        custom_domain=okta.optional_text("custom_domain", pattern=FQDN_PATTERN,
                                         expected="the Okta custom domain, e.g. login.example.com"),
        groups_claim=read_groups_claim(okta),
    )


def _read_oidc(oidc: Section) -> ExternalOidcSettings:
    issuer = oidc.text("issuer", expected="the IdP's https:// issuer URL")
    problem = issuer_problem(issuer) if issuer else None
    if problem:
        oidc.problem("issuer", problem + " (FED_006)")
    scopes = oidc.text_list("authorize_scopes", REQUIRED_AUTHORIZE_SCOPES)
    missing = [scope for scope in REQUIRED_AUTHORIZE_SCOPES if scope not in scopes]
    if missing:
        oidc.problem("authorize_scopes", f"missing {', '.join(missing)}; expected at least "
                                         f"{' '.join(REQUIRED_AUTHORIZE_SCOPES)} (FED_004)")
    for index, scope in enumerate(scopes):
        if scope not in ALLOWED_AUTHORIZE_SCOPES:
            oidc.problems.add(f"{oidc.child('authorize_scopes')}[{index}]",
                              f"got {describe(scope)}; expected one of {', '.join(sorted(ALLOWED_AUTHORIZE_SCOPES))} "
                              "(one scope per item, no commas; FED_004)")
    return ExternalOidcSettings(
        issuer=issuer,
        client_id=oidc.text("client_id", expected="the client id registered at the IdP"),
        client_secret=_read_secret_source(oidc),
        authorize_scopes=tuple(dict.fromkeys(scopes)),
        attributes_request_method=oidc.choice("attributes_request_method", AttributeRequestMethod,
                                              AttributeRequestMethod.GET),
    )


def _read_secret_source(oidc: Section) -> SecretSource:
    raw = oidc.get("client_secret")
    if raw is None:
        oidc.problem("client_secret", "missing; expected {terraform_variable: NAME} or "
                                      "{secrets_manager: {secret_id: ..., json_key: ...}}")
        return SecretFromVariable("")
    if not isinstance(raw, dict):
        # Never echo the value: it may be the secret itself.
        oidc.problem("client_secret", "a literal secret is not accepted (value not shown); expected "
                                      "{terraform_variable: NAME} or {secrets_manager: {secret_id: ...}} (FED_011)")
        return SecretFromVariable("")
    source = Section(raw, oidc.child("client_secret"), oidc.problems, SECRET_SOURCE_KEYS)
    if source.has("terraform_variable") == source.has("secrets_manager"):
        source.problems.add(source.path, "expected exactly one of terraform_variable or secrets_manager")
        return SecretFromVariable("")
    if source.has("terraform_variable"):
        return SecretFromVariable(source.text("terraform_variable", pattern=TERRAFORM_IDENTIFIER,
                                              expected="a Terraform variable name"))
    manager = source.section("secrets_manager", SECRETS_MANAGER_KEYS)
    return SecretFromSecretsManager(
        secret_id=manager.text("secret_id", pattern=SECRET_ID_PATTERN,
                               expected="a Secrets Manager secret name or ARN"),
        json_key=manager.optional_text("json_key", expected="the key of the secret's JSON value"),
    )

