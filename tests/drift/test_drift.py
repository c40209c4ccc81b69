"""Drift: real Terraform plan documents parse; Cognito/Okta drift is classified; secrets never show."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drift.classification import AttributeChange, DriftClass, classify
from drift.detector import detect_drift
from drift.plan_document import PlanFormatError, load_plan, parse_plan
from tests.conftest import PROJECT_ROOT
from tests.shared_fixtures import TERRAFORM_PLANS, require_shared_fixture

FIXTURES = PROJECT_ROOT / "tests" / "drift" / "fixtures"
DRIFT_PLAN = FIXTURES / "cognito-okta-drift-plan.json"
SECRETS = ("old-secret-value-123", "rotated-secret-456", "okta-secret-aaa", "cognito-secret-1")

# Published with the fixtures (SOURCES.md): format, drifted resources, resource changes.
EXPECTED = {
    "hashicorp__terraform__show-json__drift__output.json": ("1.0", 1, 2),
    "hashicorp__terraform__show-json__moved-drift__output.json": ("1.0", 1, 2),
    "hashicorp__terraform__equivalence__drift_simple__plan.json": ("1.2", 1, 1),
    "hashicorp__terraform__equivalence__drift_relevant_attributes__plan.json": ("1.2", 1, 2),
    "hashicorp__terraform__equivalence__drift_refresh_only__plan.json": ("1.2", 1, 0),
}


@pytest.fixture(scope="module")
def terraform_plans() -> Path:
    """Plan documents from Terraform's own repository (third-party, not committed: tests/shared_fixtures.py)."""
    return require_shared_fixture(TERRAFORM_PLANS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_real_terraform_plan_document_parses(terraform_plans: Path, name: str) -> None:
    plan = load_plan(terraform_plans / name)
    assert (plan.format_version, len(plan.resource_drift), len(plan.resource_changes)) == EXPECTED[name]
    report = detect_drift(plan)
    assert report.findings and all(f.drift_class is DriftClass.COSMETIC for f in report.findings)


def test_drift_of_terraforms_own_test_resource_names_the_attribute(terraform_plans: Path) -> None:
    report = detect_drift(load_plan(terraform_plans / "hashicorp__terraform__show-json__drift__output.json"))
    assert [(f.address, f.attribute, f.before, f.after) for f in report.findings] == [
        ("test_instance.should_refresh", "ami", "refresh-me", "refreshed")]


def test_cognito_and_okta_drift_is_classified_attribute_by_attribute() -> None:
    report = detect_drift(load_plan(DRIFT_PLAN))
    classified = {(f.address.split(".")[1], f.attribute): f.drift_class.name for f in report.findings}
    assert classified == {
        ("workforce_identity_provider", "provider_details.client_secret"): "BREAKS_SIGN_IN",
        ("workforce_identity_provider", "attribute_mapping.email_verified"): "BREAKS_SIGN_IN",
        ("workforce_okta_app", "redirect_uris"): "BREAKS_SIGN_IN",
        ("app_client_analytics_web", "callback_urls"): "BREAKS_SIGN_IN",
        ("workforce_okta_group_assignments", "group"): "BREAKS_SIGN_IN",
        ("custom_domain", "(whole resource)"): "BREAKS_SIGN_IN",
        ("workforce_okta_app", "label"): "COSMETIC",
        ("user_pool", "tags.team"): "COSMETIC",
        ("workforce_identity_provider", "provider_details.authorize_scopes"): "NOISE",
        ("workforce_identity_provider", "provider_details.attributes_url_add_attributes"): "NOISE",
        ("workforce_identity_provider", "provider_details.authorize_url"): "NOISE",
        ("workforce_identity_provider", "provider_details.token_url"): "NOISE",
        ("workforce_identity_provider", "provider_details.attributes_url"): "NOISE",
        ("workforce_identity_provider", "provider_details.jwks_uri"): "NOISE",
        ("workforce_okta_app", "consent_method"): "NOISE",
        ("app_client_analytics_web", "supported_identity_providers"): "NOISE",
        ("user_pool", "password_policy.0.temporary_password_validity_days"): "NOISE",
    }
    assert report.has_drift


def test_a_rotated_secret_is_reported_by_hash_and_never_shown() -> None:
    report = detect_drift(load_plan(DRIFT_PLAN))
    secret = next(f for f in report.findings if f.attribute == "provider_details.client_secret")
    assert (secret.before, secret.after) == ("(sensitive)", "(sensitive)")
    assert "compared by hash" in secret.why
    # Unchanged secrets (the Okta app's, the app client's) are not findings at all.
    assert not [f for f in report.findings if f.attribute == "client_secret"]


def test_scopes_are_compared_as_a_set() -> None:
    change = AttributeChange("aws_cognito_identity_provider", "x", ("provider_details", "authorize_scopes"),
                             "openid profile email", "openid email")
    assert classify(change).drift_class is DriftClass.BREAKS_SIGN_IN
    reordered = AttributeChange("aws_cognito_identity_provider", "x", ("provider_details", "authorize_scopes"),
                                "openid profile email", "email profile openid")
    assert classify(reordered).drift_class is DriftClass.NOISE


def test_a_document_that_is_not_a_plan_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PlanFormatError, match=r"x\.json: not `terraform show -json` plan output"):
        parse_plan({"resources": []}, "x.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": "1.2", "resource_drift": [{"address": "a"}]}')
    with pytest.raises(PlanFormatError, match=r"bad\.json: resource_drift\[0\]: expected an object with address"):
        load_plan(bad)


def run_fedctl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fedctl", *args], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})


def test_drift_command_exits_2_and_writes_reports_without_secrets(tmp_path: Path) -> None:
    result = run_fedctl("drift", "--plan-json", str(DRIFT_PLAN), "--report-dir", str(tmp_path))
    assert result.returncode == 2, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["cognito-okta-drift-plan-drift-junit.xml", "cognito-okta-drift-plan-drift.json",
                     "cognito-okta-drift-plan-drift.md"]
    everything = result.stdout + result.stderr + "".join(p.read_text() for p in tmp_path.iterdir())
    assert not [secret for secret in SECRETS if secret in everything]
    assert "🚨 drift that breaks sign-in" in result.stdout
    document = json.loads((tmp_path / "cognito-okta-drift-plan-drift.json").read_text())
    assert document["counts"] == {"BREAKS_SIGN_IN": 6, "COSMETIC": 2, "NOISE": 9}


def test_noise_only_exits_0(tmp_path: Path) -> None:
    result = run_fedctl("drift", "--plan-json", str(FIXTURES / "noise-only-plan.json"), "--report-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "✅ only known provider noise" in result.stdout
    assert "same-secret" not in result.stdout


def test_unreadable_plan_json_exits_1(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    result = run_fedctl("drift", "--plan-json", str(missing))
    assert result.returncode == 1
    assert result.stderr.strip() == f"fedctl: {missing}: cannot be read: No such file or directory"


@pytest.mark.parametrize(("attribute", "before", "after"), [
    ("auto_verified_attributes", None, []), ("tags", None, {}), ("username_attributes", [], None),
    ("supported_identity_providers", None, [])])
def test_null_and_empty_are_noise_not_drift(attribute: str, before: object, after: object) -> None:
    # Seen on the first refresh-only plan after an apply with the real AWS provider (tests/end_to_end).
    change = AttributeChange("aws_cognito_user_pool", "aws_cognito_user_pool.user_pool", (attribute,), before, after)
    assert classify(change).drift_class is DriftClass.NOISE


@pytest.mark.parametrize(("attribute", "before", "after", "expected"), [
    ("auto_verified_attributes", None, ["email"], DriftClass.COSMETIC),
    ("supported_identity_providers", None, ["AcmeOkta"], DriftClass.BREAKS_SIGN_IN),
    ("domain", "", "acme-analytics-dev", DriftClass.NOISE),
    ("custom_domain", None, "login.acme.example", DriftClass.NOISE)])
def test_only_a_value_appearing_is_drift_and_only_computed_pool_values_are_noise(
        attribute: str, before: object, after: object, expected: DriftClass) -> None:
    resource_type = "aws_cognito_user_pool_client" if attribute == "supported_identity_providers" else "aws_cognito_user_pool"
    change = AttributeChange(resource_type, f"{resource_type}.x", (attribute,), before, after)
    assert classify(change).drift_class is expected


@pytest.mark.parametrize(("before", "after"), [
    ({"type": "FILTER", "filter_type": "STARTS_WITH", "name": "groups", "value": "analytics-"},
     {"type": "FILTER", "filter_type": "REGEX", "name": "groups", "value": ".*"}),
    ({"type": "FILTER", "filter_type": "STARTS_WITH", "name": "groups", "value": "analytics-"},
     {"type": "FILTER", "filter_type": "STARTS_WITH", "name": "okta_groups", "value": "analytics-"}),
    ({"type": "FILTER", "filter_type": "STARTS_WITH", "name": "groups", "value": "analytics-"}, None),
], ids=["filter widened", "claim renamed", "claim removed"])
def test_a_changed_groups_claim_breaks_sign_in_and_says_what_it_decides(before: object, after: object) -> None:
    change = AttributeChange("okta_app_oauth", "okta_app_oauth.workforce_okta_app", ("groups_claim",), before, after)
    classification = classify(change)
    assert classification.drift_class is DriftClass.BREAKS_SIGN_IN
    assert "which Okta groups the application authorizes" in classification.why
