"""Reads `federations[].okta.groups_claim`: which Okta groups reach the application, and the
custom pool attribute Cognito keeps them in (rules 2.C, "Groups in tokens")."""

from __future__ import annotations

import dataclasses
import re

from config.model import FederationConfig, GroupsClaim, SchemaAttribute, UserPoolConfig
from config.reader import Section, describe
from config.user_pool_section import CUSTOM_ATTRIBUTE_PATTERN
from federation.facts import (GROUPS_CLAIM_DEFAULT_ATTRIBUTE, GROUPS_CLAIM_DEFAULT_NAME, GROUPS_FILTER_TYPES,
                              MAPPED_ATTRIBUTE_MAX_LENGTH, OKTA_GROUPS_CLAIM_MAX_GROUPS, RESERVED_CLAIM_NAMES)
from federation.groups_claim import matches_every_group

GROUPS_CLAIM_KEYS = ("name", "filter_type", "filter", "attribute")
CLAIM_NAME_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,99}$")
DEFAULT_FILTER_TYPE = "STARTS_WITH"


def read_groups_claim(okta: Section) -> GroupsClaim | None:
    if not okta.has("groups_claim"):
        return None
    claim = okta.section("groups_claim", GROUPS_CLAIM_KEYS)
    name = claim.text("name", GROUPS_CLAIM_DEFAULT_NAME, pattern=CLAIM_NAME_PATTERN,
                      expected="a claim name: a letter, then up to 99 letters, digits or _.-")
    if name in RESERVED_CLAIM_NAMES:
        claim.problem("name", f"got {describe(name)}; a standard OIDC claim cannot carry the groups")
    filter_type = claim.text("filter_type", DEFAULT_FILTER_TYPE, expected=f"one of {', '.join(GROUPS_FILTER_TYPES)}")
    if filter_type not in GROUPS_FILTER_TYPES:
        claim.problem("filter_type", f"got {describe(filter_type)}; expected one of {', '.join(GROUPS_FILTER_TYPES)}")
    value = claim.text("filter", expected="what each group name is matched against, e.g. 'analytics-'")
    if filter_type == "REGEX" and value:
        try:
            re.compile(value)
        except re.error as error:
            claim.problem("filter", f"got {describe(value)}; not a regular expression ({error})")
    if value and matches_every_group(filter_type, value):
        claim.problem("filter", f"got {describe(value)}, which matches every group in the org: each token would "
                                f"carry all of a user's groups (Okta sends at most {OKTA_GROUPS_CLAIM_MAX_GROUPS}) "
                                f"and Cognito keeps at most {MAPPED_ATTRIBUTE_MAX_LENGTH} characters of them; "
                                "expected a prefix or pattern of the application's groups (FED_217)")
    attribute = claim.text("attribute", GROUPS_CLAIM_DEFAULT_ATTRIBUTE, pattern=CUSTOM_ATTRIBUTE_PATTERN,
                           expected="a custom pool attribute, custom:<1-20 letters, digits or _>")
    return GroupsClaim(name=name, filter_type=filter_type, filter=value, attribute=attribute)


def with_groups_attributes(pool: UserPoolConfig, federations: tuple[FederationConfig, ...]) -> UserPoolConfig:
    """The pool schema plus the attribute of every groups claim it does not declare itself:
    String, mutable (Cognito rewrites it at each sign-in) and 2048 characters long (FED_106/108)."""
    added: list[SchemaAttribute] = []
    for federation in federations:
        claim = federation.okta.groups_claim if federation.okta else None
        if claim is None or pool.attribute(claim.attribute) is not None or claim.attribute in (a.name for a in added):
            continue
        added.append(SchemaAttribute(name=claim.attribute, data_type="String", required=False, mutable=True,
                                     max_length=MAPPED_ATTRIBUTE_MAX_LENGTH))
    return dataclasses.replace(pool, schema=pool.schema + tuple(added)) if added else pool
