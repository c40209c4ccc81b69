"""Rules that span sections: mappings against the pool schema and scopes, MFA against clients."""

from __future__ import annotations

from config.errors import Problems
from config.model import AppClientConfig, FederationConfig, MfaMode, UserPoolConfig
from config.reader import describe
from federation.facts import (CLAIM_SCOPES, MAPPED_ATTRIBUTE_MAX_LENGTH,
                                       MAPPING_TARGETS_WITHOUT_SCHEMA, REQUIRED_AUTHORIZE_SCOPES,
                                       STANDARD_ATTRIBUTES)


def check_consistency(problems: Problems, pool: UserPoolConfig, clients: tuple[AppClientConfig, ...],
                      federations: tuple[FederationConfig, ...]) -> None:
    for federation in federations:
        _check_mapping(problems, pool, federation)
    _check_unique_across_federations(problems, federations)
    if pool.mfa is MfaMode.OFF and any(client.allow_local_users for client in clients):
        problems.add("user_pool.mfa", "got OFF while an app client allows local users; expected ON or "
                                      "OPTIONAL (FED_502)")


def _check_mapping(problems: Problems, pool: UserPoolConfig, federation: FederationConfig) -> None:
    base = f"federations[{federation.name}].attribute_mapping"
    scopes = (federation.oidc.authorize_scopes if federation.oidc
              else federation.okta.authorize_scopes if federation.okta else REQUIRED_AUTHORIZE_SCOPES)
    # Missing required scopes are reported by the federation itself (FED_004); not again per claim.
    check_claim_scopes = set(REQUIRED_AUTHORIZE_SCOPES) <= set(scopes)
    for attribute, claim in federation.attribute_mapping:
        path = f"{base}.{attribute}"
        declared = pool.attribute(attribute)
        if attribute.startswith("custom:") and declared is None:
            problems.add(path, f"maps to {attribute}, which user_pool.schema does not declare (FED_105)")
        elif not attribute.startswith("custom:") and attribute not in STANDARD_ATTRIBUTES | MAPPING_TARGETS_WITHOUT_SCHEMA:
            problems.add(path, f"unknown pool attribute {describe(attribute)}; expected a standard attribute "
                               "or custom:<name> declared in user_pool.schema (FED_105)")
        if declared is not None and not declared.mutable:
            problems.add(path, f"maps to {attribute}, which is immutable in user_pool.schema; Cognito rewrites "
                               "mapped attributes at every sign-in, so it must be mutable (FED_106)")
        if (declared is not None and declared.is_custom and declared.max_length is not None
                and declared.max_length < MAPPED_ATTRIBUTE_MAX_LENGTH):
            problems.add(path, f"maps to {attribute} with max_length {declared.max_length}; expected "
                               f"{MAPPED_ATTRIBUTE_MAX_LENGTH} so long claims do not fail sign-in (FED_108)")
        needed_scope = CLAIM_SCOPES.get(claim)
        if check_claim_scopes and needed_scope is not None and needed_scope not in scopes:
            problems.add(path, f"claim {describe(claim)} is only sent with scope {needed_scope!r}, which "
                               f"this federation does not request ({' '.join(scopes)}) (FED_806)")
    mapped = set(federation.mapped_attributes)
    for declared_attribute in pool.schema:
        if declared_attribute.required and declared_attribute.name not in mapped:
            problems.add(base, f"does not map {declared_attribute.name}, which user_pool.schema marks required; "
                               "sign-in fails with 'attributes required' (FED_104)")


def _check_unique_across_federations(problems: Problems, federations: tuple[FederationConfig, ...]) -> None:
    provider_names: dict[str, str] = {}
    identifiers: dict[str, str] = {}
    for federation in federations:
        path = f"federations[{federation.name}]"
        # Cognito names federated users `<provider name>_<sub>` in lower case, so two names that differ
        # only in case would share one namespace of users: unique regardless of case.
        other = provider_names.setdefault(federation.provider_name.casefold(), federation.name)
        if other != federation.name:
            problems.add(f"{path}.provider_name", f"{describe(federation.provider_name)} is already used by "
                                                  f"federation {other!r} (compared regardless of case, as Cognito's "
                                                  "lower-case federated user names are); provider names must be unique")
        for index, identifier in enumerate(federation.idp_identifiers):
            owner = identifiers.setdefault(identifier.lower(), federation.name)
            if owner != federation.name:
                problems.add(f"{path}.idp_identifiers[{index}]",
                             f"{describe(identifier)} is already used by federation {owner!r}; "
                             "Cognito needs identifiers unique in the pool")
