"""Rules on `terraform show -json` plan output: values a configuration only references are
known in a plan, so rules that stayed UNKNOWN on Terraform JSON decide there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gate.checkov_scan import ScanResult
from tests.policies.checkov_run import pack_scan
from tests.policies.federation_units import mutated, stack
from tests.policies.plan_builder import plan_from
from tests.policies.rule_fixtures import IDP, details


def issuer_from_variable(resources: dict[str, Any], name: str) -> None:
    details(oidc_issuer=f"${{var.{name}_issuer}}")(resources, name)


VARIABLES = {"pass_issuer_issuer": "https://acme.okta.com", "fail_issuer_slash_issuer": "https://acme.okta.com/",
             "fail_issuer_http_issuer": "http://acme.okta.com"}


@pytest.fixture(scope="module")
def plan_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[ScanResult, dict[str, Any]]:
    configuration = stack(*(mutated(name, issuer_from_variable) for name in
                            ("pass_issuer", "fail_issuer_slash", "fail_issuer_http")),
                          mutated("pass_secret_reference", None),
                          mutated("fail_secret_literal", details(client_secret="abc123")),
                          mutated("pass_secret_sensitive", details(client_secret="${var.okta_secret}")))
    plan = plan_from(configuration, {**VARIABLES, "okta_secret": "from-a-sensitive-variable"})
    # Terraform marks values derived from a sensitive variable in after_sensitive.
    change = next(c for c in plan["resource_changes"] if c["address"] == f"{IDP}.pass_secret_sensitive")
    change["change"]["after_sensitive"] = {"provider_details": {"client_secret": True}}
    path = tmp_path_factory.mktemp("plan") / "tfplan.json"
    path.write_text(json.dumps(plan, indent=2))
    return pack_scan("terraform_plan", [path]), plan


def outcome(result: ScanResult, rule: str, resource: str) -> str:
    found = [r.result for r in result.records if r.check_id == rule and r.resource == resource]
    return found[0] if found else "UNKNOWN"


@pytest.mark.parametrize(("name", "expected"), [("pass_issuer", "PASSED"), ("fail_issuer_slash", "FAILED"),
                                                ("fail_issuer_http", "FAILED")])
def test_issuer_from_a_variable_is_judged_on_the_plan(plan_scan: tuple[ScanResult, Any], name: str,
                                                      expected: str) -> None:
    assert outcome(plan_scan[0], "FED_006", f"{IDP}.{name}") == expected


@pytest.mark.parametrize(("name", "expected"), [("pass_secret_reference", "PASSED"), ("fail_secret_literal", "FAILED"),
                                                ("pass_secret_sensitive", "PASSED")])
def test_literal_secret_is_told_from_a_reference_by_unknown_and_sensitive_marks(
        plan_scan: tuple[ScanResult, Any], name: str, expected: str) -> None:
    assert outcome(plan_scan[0], "FED_011", f"{IDP}.{name}") == expected


def test_the_plan_really_holds_the_resolved_values(plan_scan: tuple[ScanResult, Any]) -> None:
    _, plan = plan_scan
    idp = next(r for r in plan["planned_values"]["root_module"]["resources"]
               if r["address"] == f"{IDP}.fail_issuer_slash")
    assert idp["values"]["provider_details"]["oidc_issuer"] == "https://acme.okta.com/"
    change = next(c for c in plan["resource_changes"] if c["address"] == f"{IDP}.pass_secret_reference")
    assert change["change"]["after_unknown"]["provider_details"] == {"client_id": True, "client_secret": True}


def test_a_plan_leaves_backend_rules_to_the_configuration(plan_scan: tuple[ScanResult, Any]) -> None:
    assert outcome(plan_scan[0], "FED_703", "aws_cognito_user_pool.pass_issuer") == "UNKNOWN"
