"""The live user pool and its domains → `user_pool:` (and what the configuration cannot express)."""

from __future__ import annotations

from typing import Any

from adopt.result import Adoption, Fix
from config.user_pool_section import CUSTOM_TYPES, STANDARD_TYPES
from federation.facts import (MAPPED_ATTRIBUTE_MAX_LENGTH, POOL_MINIMUM_PASSWORD_LENGTH, POOL_TEMPORARY_PASSWORD_DAYS,
                              STANDARD_ATTRIBUTES)

POOL = "aws_cognito_user_pool.user_pool"
PREFIX_DOMAIN = "aws_cognito_user_pool_domain.prefix_domain"
CUSTOM_DOMAIN = "aws_cognito_user_pool_domain.custom_domain"
CLASSIC_HOSTED_UI = 1
PASSWORD_POLICY = {"MinimumLength": POOL_MINIMUM_PASSWORD_LENGTH, "RequireUppercase": True, "RequireLowercase": True,
                   "RequireNumbers": True, "RequireSymbols": True,
                   "TemporaryPasswordValidityDays": POOL_TEMPORARY_PASSWORD_DAYS}


def map_pool(live: dict[str, Any], production: bool, local_users: bool, adoption: Adoption) -> dict[str, Any]:
    """`local_users`: an app client offers Cognito's own directory (recovery by verified email then)."""
    pool = live["pool"]
    name = pool["Name"]
    where = f"user pool {name}"
    triggers = sorted(key for key, value in (pool.get("LambdaConfig") or {}).items() if value)
    if triggers:
        adoption.blockers.append(f"{where}: Lambda triggers ({', '.join(triggers)}) cannot be expressed in the "
                                 "configuration; Terraform would remove them")
    if (pool.get("UsernameConfiguration") or {}).get("CaseSensitive", True):
        adoption.blockers.append(f"{where}: user names are case-sensitive; the configuration makes them "
                                 "case-insensitive, which replaces the pool (every user lost)")
    for key in ("UsernameAttributes", "AliasAttributes"):
        if pool.get(key):
            adoption.blockers.append(f"{where}: {key} {pool[key]} cannot be expressed in the configuration; "
                                     "Terraform would replace the pool (every user lost)")
    if not (pool.get("AdminCreateUserConfig") or {}).get("AllowAdminCreateUserOnly"):
        adoption.fixes.append(Fix(where, "self sign-up turned off (users come from the identity providers)",
                                  "rules 2.F"))
    _hardening(pool, where, local_users, adoption)
    protected = pool.get("DeletionProtection") == "ACTIVE"
    if production and not protected:
        adoption.fixes.append(Fix(where, "deletion protection turned on", "FED_501"))
        protected = True
    section: dict[str, Any] = {"name": name, "deletion_protection": protected,
                               "mfa": pool.get("MfaConfiguration") or "OFF",
                               "feature_tier": pool.get("UserPoolTier") or "ESSENTIALS"}
    threat = (pool.get("UserPoolAddOns") or {}).get("AdvancedSecurityMode")
    if threat and threat != "OFF":
        section["threat_protection"] = threat
    section["schema"] = [attribute for raw in pool.get("SchemaAttributes") or []
                         if (attribute := _attribute(raw, where, adoption)) is not None]
    section["domain"] = _domain(live, where, adoption)
    adoption.imports[POOL] = pool["Id"]
    return section


def _attribute(raw: dict[str, Any], where: str, adoption: Adoption) -> dict[str, Any] | None:
    """Custom attributes and standard ones set apart from Cognito's defaults (required or
    immutable); the other standard attributes every pool has are left out, as a person would."""
    name = raw["Name"]
    data_type = raw.get("AttributeDataType", "String")
    required, mutable = bool(raw.get("Required")), bool(raw.get("Mutable", True))
    constraints = raw.get("StringAttributeConstraints") or {}
    custom = name.startswith("custom:")
    if not custom and (name not in STANDARD_ATTRIBUTES or not (required or not mutable)):
        return None  # `sub`, `identities` and the defaults
    if raw.get("DeveloperOnlyAttribute"):
        adoption.blockers.append(f"{where}: attribute {name} is developer-only, which the configuration cannot express")
        return None
    if data_type not in CUSTOM_TYPES or (not custom and data_type != STANDARD_TYPES.get(name, "String")):
        adoption.blockers.append(f"{where}: attribute {name} has type {data_type}, which the configuration cannot "
                                 "express")
        return None
    attribute: dict[str, Any] = {"name": name}
    if data_type != "String":
        attribute["type"] = data_type
    if required:
        attribute["required"] = True
    if not mutable:
        attribute["mutable"] = False
    if data_type == "String":
        if str(constraints.get("MinLength", "0")) != "0":
            adoption.blockers.append(f"{where}: attribute {name} has a minimum length of {constraints['MinLength']}, "
                                     "which the configuration cannot express")
        maximum = int(constraints.get("MaxLength", MAPPED_ATTRIBUTE_MAX_LENGTH))
        if maximum != MAPPED_ATTRIBUTE_MAX_LENGTH:
            attribute["max_length"] = maximum
    return attribute


def _domain(live: dict[str, Any], where: str, adoption: Adoption) -> dict[str, Any]:
    domains = live["domains"]
    section: dict[str, Any] = {}
    if "Domain" in domains:
        section["prefix"] = domains["Domain"]["Domain"]
        adoption.imports[PREFIX_DOMAIN] = domains["Domain"]["Domain"]
    if "CustomDomain" in domains:
        custom = domains["CustomDomain"]
        section["custom_domain"] = custom["Domain"]
        certificate = (custom.get("CustomDomainConfig") or {}).get("CertificateArn")
        if certificate:
            section["certificate_arn"] = certificate
        adoption.imports[CUSTOM_DOMAIN] = custom["Domain"]
    if not section:
        adoption.blockers.append(f"{where}: has no domain; a federation needs one (FED_601) and adopt creates "
                                 "nothing")
    for described in domains.values():
        version = described.get("ManagedLoginVersion")
        if version not in (None, CLASSIC_HOSTED_UI):
            adoption.fixes.append(Fix(f"domain {described['Domain']}", f"managed login version {version} → "
                                      f"{CLASSIC_HOSTED_UI} (the classic hosted UI)", "FED_604"))
    return section


def _hardening(pool: dict[str, Any], where: str, local_users: bool, adoption: Adoption) -> None:
    """Settings the pool construct fixes rather than reads from the configuration (rules 2.F)."""
    policy = (pool.get("Policies") or {}).get("PasswordPolicy") or {}
    if any(policy.get(key) != value for key, value in PASSWORD_POLICY.items()):
        adoption.fixes.append(Fix(where, f"password policy → at least {POOL_MINIMUM_PASSWORD_LENGTH} characters of "
                                  f"every class, temporary passwords valid {POOL_TEMPORARY_PASSWORD_DAYS} days",
                                  "rules 2.F"))
    recovery = "verified_email" if local_users else "admin_only"
    mechanisms = (pool.get("AccountRecoverySetting") or {}).get("RecoveryMechanisms") or []
    if [m.get("Name") for m in mechanisms] != [recovery]:
        adoption.fixes.append(Fix(where, f"account recovery → {recovery}", "rules 2.F"))
    if pool.get("AutoVerifiedAttributes"):
        adoption.fixes.append(Fix(where, f"auto-verified attributes {', '.join(pool['AutoVerifiedAttributes'])} "
                                  "removed (federated users are verified by their IdP)", "rules 2.F"))
