"""Every rule on its pass_*, fail_* and unknown_* fixtures, in Terraform JSON and in HCL.

unknown_* resources must be neither passed nor failed: checkov drops UNKNOWN results, and a
rule must never guess when a value is a reference it cannot resolve.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.policies.checkov_run import CHECKED_RULES, Results, run_checkov
from tests.policies.federation_units import mutated, stack, to_hcl
from tests.policies.rule_fixtures import RULE_EXTRAS, RULE_FIXTURES, STACK_FIXTURES

FORMS = ("terraform_json", "terraform")


def rule_documents() -> dict[str, dict]:  # type: ignore[type-arg]
    """One document per rule folder: `FED_004` (units) or `FED_703-pass_cloud` (stack variants)."""
    documents = {}
    for rule, (_, units) in RULE_FIXTURES.items():
        documents[rule] = stack(*(mutated(name, mutation) for name, mutation in units.items()),
                                extra=RULE_EXTRAS.get(rule))
    for rule, variants in STACK_FIXTURES.items():
        for variant, overrides in variants.items():
            document = stack(mutated(variant, None), extra=overrides)
            if document["terraform"].get("cloud") is None:
                document["terraform"].pop("cloud")
            if document.get("provider", {}) is None:  # a variant without provider blocks
                document.pop("provider")
            documents[f"{rule}-{variant}"] = document
    return documents


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Results]:
    root = tmp_path_factory.mktemp("rules")
    for folder, document in rule_documents().items():
        for form in FORMS:
            target = root / form / folder
            target.mkdir(parents=True)
            if form == "terraform_json":
                (target / "main.tf.json").write_text(json.dumps(document, indent=2))
            else:
                (target / "main.tf").write_text(to_hcl(document))
    return {form: run_checkov(root / form, form) for form in FORMS}


def expected(names: list[str]) -> dict[str, set[str]]:
    return {"passed": {n for n in names if n.startswith("pass_")},
            "failed": {n for n in names if n.startswith("fail_")}}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("rule", sorted(RULE_FIXTURES))
def test_rule_passes_fails_and_stays_unknown_exactly_as_its_fixtures_say(
        results: dict[str, Results], form: str, rule: str) -> None:
    resource_type, units = RULE_FIXTURES[rule]
    observed = results[form].outcomes[(rule, rule, resource_type)]
    assert {k: set(v) for k, v in observed.items()} == expected(list(units))


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("rule", sorted(STACK_FIXTURES))
def test_stack_rule_judges_each_stack_variant(results: dict[str, Results], form: str, rule: str) -> None:
    for variant in STACK_FIXTURES[rule]:
        observed = results[form].outcomes[(f"{rule}-{variant}", rule, "aws_cognito_user_pool")]
        assert {k: set(v) for k, v in observed.items()} == expected([variant]), variant


def test_every_checked_rule_has_fixtures() -> None:
    assert sorted(set(RULE_FIXTURES) | set(STACK_FIXTURES)) == CHECKED_RULES


@pytest.mark.parametrize("form", FORMS)
def test_failures_explain_themselves_without_printing_secrets(results: dict[str, Results], form: str) -> None:
    reasons = results[form].details
    assert reasons[("FED_204", "FED_204", "okta_app_oauth.fail_basic")] == (
        "token_endpoint_auth_method is 'client_secret_basic'; Cognito sends client_secret_post only",)
    assert reasons[("FED_011", "FED_011", "aws_cognito_identity_provider.fail_literal")] == (
        "provider_details.client_secret is a literal (value not shown)",)
    assert all("abc123" not in line and "00literal-token" not in line
               for lines in reasons.values() for line in lines)
