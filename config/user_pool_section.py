"""Reads `user_pool:`: the pool, its schema and its domain(s)."""

from __future__ import annotations

import re

from config.model import (CustomDomain, DomainConfig, FeatureTier, MfaMode, PrefixDomain,
                          SchemaAttribute, ThreatProtection, UserPoolConfig)
from config.reader import Section, describe, report_duplicates
from federation.facts import (DOMAIN_PREFIX_PATTERN, MAPPED_ATTRIBUTE_MAX_LENGTH,
                                       RESERVED_DOMAIN_TERMS, STANDARD_ATTRIBUTES,
                                       US_EAST_1_CERTIFICATE_PATTERN)

POOL_NAME_PATTERN = re.compile(r"^[\w\s+=,.@-]{1,128}$")
CUSTOM_ATTRIBUTE_PATTERN = re.compile(r"^custom:[A-Za-z0-9_]{1,20}$")
FQDN_PATTERN = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){2,}[a-z]{2,63}$")
CUSTOM_TYPES = ("String", "Number", "Boolean", "DateTime")
STANDARD_TYPES = {"email_verified": "Boolean", "phone_number_verified": "Boolean", "updated_at": "Number"}

SCHEMA_KEYS = ("name", "type", "required", "mutable", "max_length")
DOMAIN_KEYS = ("prefix", "custom_domain", "certificate_arn")


def read_user_pool(section: Section, production: bool) -> UserPoolConfig:
    pool = section
    elements = pool.items("schema")
    schema = tuple(_read_attribute(pool, path, raw) for path, raw in elements)
    report_duplicates(pool.problems, ((path, a.name) for (path, _), a in zip(elements, schema)),
                      "schema attribute")
    deletion_protection = pool.flag("deletion_protection", True)
    if production and not deletion_protection:
        pool.problem("deletion_protection",
                     "got false; expected true in a production environment (FED_501)")
    tier = pool.choice("feature_tier", FeatureTier, FeatureTier.ESSENTIALS)
    threat = pool.choice("threat_protection", ThreatProtection, ThreatProtection.OFF)
    if threat is not ThreatProtection.OFF and tier is not FeatureTier.PLUS:
        pool.problem("threat_protection",
                     f"got {threat.value} with feature_tier {tier.value}; threat protection needs "
                     "feature_tier PLUS (FED_503)")
    return UserPoolConfig(
        name=pool.text("name", pattern=POOL_NAME_PATTERN,
                       expected="1-128 letters, digits, spaces or +=,.@-"),
        schema=schema,
        deletion_protection=deletion_protection,
        mfa=pool.choice("mfa", MfaMode, MfaMode.ON),
        feature_tier=tier,
        threat_protection=threat,
        domain=_read_domain(pool.section("domain", DOMAIN_KEYS, required=True)),
    )


def _read_attribute(pool: Section, path: str, raw: object) -> SchemaAttribute:
    item = Section(raw, path, pool.problems, SCHEMA_KEYS)
    name = item.text("name", expected="a standard attribute name or custom:<name>")
    if name and name not in STANDARD_ATTRIBUTES and not CUSTOM_ATTRIBUTE_PATTERN.match(name):
        item.problem("name", f"got {describe(name)}; expected a standard attribute "
                             "(email, given_name, ...) or custom:<1-20 letters, digits or _>")
    expected_type = STANDARD_TYPES.get(name, "String")
    data_type = item.text("type", expected_type)
    if name in STANDARD_ATTRIBUTES and data_type != expected_type:
        item.problem("type", f"got {describe(data_type)}; the standard attribute {name} is {expected_type}")
    elif data_type not in CUSTOM_TYPES:
        item.problem("type", f"got {describe(data_type)}; expected one of {', '.join(CUSTOM_TYPES)}")
    max_length = (item.number("max_length", MAPPED_ATTRIBUTE_MAX_LENGTH, 1, MAPPED_ATTRIBUTE_MAX_LENGTH,
                              "characters") if data_type == "String" else None)
    if data_type != "String" and item.has("max_length"):
        item.problem("max_length", f"applies to String attributes only, not {data_type}")
    return SchemaAttribute(name=name, data_type=data_type, required=item.flag("required", False),
                           mutable=item.flag("mutable", True), max_length=max_length)


def _read_domain(domain: Section) -> DomainConfig:
    prefix = domain.optional_text("prefix")
    if prefix is not None:
        if not DOMAIN_PREFIX_PATTERN.match(prefix):
            domain.problem("prefix", f"got {describe(prefix)}; expected 1-63 lower-case letters, "
                                     "digits or hyphens, not starting or ending with a hyphen (FED_602)")
        reserved = [term for term in RESERVED_DOMAIN_TERMS if term in prefix.lower()]
        if reserved:
            domain.problem("prefix", f"got {describe(prefix)}; a Cognito domain prefix may not contain "
                                     f"{', '.join(repr(t) for t in RESERVED_DOMAIN_TERMS)} (FED_602)")
    custom_name = domain.optional_text("custom_domain", pattern=FQDN_PATTERN,
                                       expected="a lower-case fully qualified domain name such as login.example.com")
    certificate = domain.optional_text("certificate_arn", pattern=US_EAST_1_CERTIFICATE_PATTERN,
                                       expected="an ACM certificate ARN in us-east-1 (FED_603)")
    if (custom_name is None) != (certificate is None):
        missing = "certificate_arn" if certificate is None else "custom_domain"
        domain.problem(missing, "missing; custom_domain and certificate_arn go together")
    if prefix is None and custom_name is None:
        domain.problems.add(domain.path, "expected prefix, custom_domain with certificate_arn, or both (FED_601)")
    custom = CustomDomain(custom_name, certificate) if custom_name and certificate else None
    return DomainConfig(prefix=PrefixDomain(prefix) if prefix else None, custom=custom)
