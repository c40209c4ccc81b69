"""The base class of every rule in the pack: catalogue metadata, one document, fail closed.

A rule implements `evaluate(resource, document) -> Finding`. The base class finds the
resource's whole document (see `checkov_input`), reads the rule's title from the
catalogue, and turns any exception inside a rule into FAILED with the error in the details:
checkov would otherwise log the exception and report the check as UNKNOWN, and a broken rule
must never look like a pass.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, ClassVar

import tomllib

from checkov.common.bridgecrew.severities import Severities
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

from checkov_input import document_for
from federation.applicability import NOT_APPLICABLE, Applies, Scope, in_federation, why_undecided
from federation.document import FederationDocument, Resource
from federation.relations import attribute_mapping, pool_of, schema_attributes

CATALOGUE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "catalogue.toml")
with open(CATALOGUE_FILE, "rb") as _handle:
    CATALOGUE: dict[str, dict[str, Any]] = {rule["id"]: rule for rule in tomllib.load(_handle)["rules"]}

PASSED = CheckResult.PASSED
FAILED = CheckResult.FAILED
UNKNOWN = CheckResult.UNKNOWN


@dataclass(frozen=True)
class Finding:
    result: CheckResult
    reason: str = ""


def passed(reason: str = "") -> Finding:
    return Finding(PASSED, reason)


def failed(reason: str) -> Finding:
    return Finding(FAILED, reason)


def unknown(reason: str) -> Finding:
    """A value the rule cannot resolve here (a reference, a value known only after apply)."""
    return Finding(UNKNOWN, reason)


def not_applicable() -> Finding:
    """The resource is not what the rule is about: neither passed nor failed (checkov shows no
    UNKNOWN; the gate drops this one from its reports too)."""
    return Finding(UNKNOWN, NOT_APPLICABLE)


class FederationCheck(BaseResourceCheck):
    """`SCOPE` is the rule's scope (docs/applicability.md); by default the resource must take part
    in a federation (an Okta app Cognito uses, a client that trusts an identity provider…)."""

    RULE_ID = ""
    RESOURCES: tuple[str, ...] = ()
    SCOPE: ClassVar[Scope] = in_federation

    def __init__(self) -> None:
        rule = CATALOGUE[self.RULE_ID]
        super().__init__(name=rule["title"], id=self.RULE_ID, categories=[CheckCategories.IAM],
                         supported_resources=list(self.RESOURCES), guideline=rule.get("source"))
        self.severity = Severities[rule["severity"]]  # type: ignore[assignment]

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        try:
            scanned_file, resource_type, resource_name = self.entity_path.rsplit(":", 2)
            document = document_for(scanned_file, conf, self.graph)
            resource = document.find(f"{resource_type}.{resource_name}")
            if resource is None:
                raise LookupError(f"{resource_type}.{resource_name} is not in its own document")
            scope = type(self).SCOPE
            applies = scope(resource, document)
            if applies is Applies.NO:
                finding = not_applicable()
            elif applies is Applies.UNDECIDED:
                finding = unknown(why_undecided(resource, document, scope))
            else:
                finding = self.evaluate(resource, document)
        except Exception as error:  # noqa: BLE001 - fail closed: a broken rule is a failure
            finding = failed(f"internal error in {self.RULE_ID}: {type(error).__name__}: {error}")
        if finding.reason:
            self.details.append(finding.reason)
        return finding.result

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        raise NotImplementedError


class PoolSchemaMappingCheck(FederationCheck):
    """A rule about an identity provider's mapping against its pool's schema (FED_104/106/108):
    UNKNOWN when either is not in this configuration."""

    RESOURCES = ("aws_cognito_identity_provider",)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        pool = pool_of(document, resource)
        if pool is None:
            return unknown("the user pool is not in this configuration")
        # No attribute_mapping at all maps nothing (Cognito adds only username <- sub for OIDC).
        mapping = {} if resource.get("attribute_mapping") is None else attribute_mapping(resource)
        if mapping is None:
            return unknown("attribute_mapping is a reference")
        return self.evaluate_mapping(mapping, schema_attributes(pool))

    def evaluate_mapping(self, mapping: dict[str, Any], schema: dict[str, dict[str, Any]]) -> Finding:
        raise NotImplementedError
