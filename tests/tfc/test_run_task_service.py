"""`fedctl run-task serve` against the Terraform Cloud stand-in, both real processes on loopback:
what a Terraform Cloud run would show, and what it would never see."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.tfc.run_task_harness import HMAC_KEY, Service, StandIn, get_status, service_process, stand_in_process
from tests.tfc.run_task_plans import GLOBEX_SECRET, failing_plan, passing_plan, plan_with_secret

RESULTS_BASE = "https://fedctl-run-task.acme.example"
RUNNING = {"data": {"type": "task-results", "attributes": {
    "status": "running", "message": "fedctl: judging the plan (federation pack and plan review)"}}}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("run-task")


@pytest.fixture(scope="module")
def tfc(folder: Path) -> Iterator[StandIn]:
    with stand_in_process(folder) as stand_in:
        yield stand_in


@pytest.fixture(scope="module")
def service(folder: Path, tfc: StandIn) -> Iterator[Service]:
    with service_process(folder, "--workers", "2", "--queue", "32", "--public-url", RESULTS_BASE) as started:
        yield started


@pytest.fixture(scope="module")
def plans(example_stacks: dict[str, dict[str, Any]], tfc: StandIn) -> dict[str, str]:
    return {"passing": tfc.add_plan(passing_plan(example_stacks)),
            "failing": tfc.add_plan(failing_plan(example_stacks)),
            "secret": tfc.add_plan(plan_with_secret(example_stacks))}


def run(tfc: StandIn, service: Service, plan_id: str | None, **options: Any) -> tuple[str, dict[str, Any]]:
    sent = tfc.trigger(service, plan_id, **options)
    assert [s["status"] for s in sent] == [200]
    task_result_id = sent[0]["task_result_id"]
    return task_result_id, tfc.final_callback(task_result_id)


def failing_document(task_result_id: str) -> dict[str, Any]:
    """What Terraform Cloud shows for the failing plan: one outcome per failed finding, blocking first."""
    aws_idp_docs = "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-oidc-idp.html"
    return {"data": {
        "type": "task-results",
        "attributes": {
            "status": "failed",
            "message": "fedctl gate and plan review: FAIL — 2 blocking at HIGH and above (FED_204, FED_901); "
                       "3 failed, 73 passed, 0 suppressed, 7 unknown",
            "url": f"{RESULTS_BASE}/results/{task_result_id}",
        },
        "relationships": {"outcomes": {"data": [
            {"type": "task-result-outcomes", "attributes": {
                "outcome-id": "FED_204:okta_app_oauth.workforce_okta_app",
                "description": "FED_204 The Okta app authenticates clients with client_secret_post: "
                               "okta_app_oauth.workforce_okta_app",
                "body": "**Resource:** `okta_app_oauth.workforce_okta_app`\n\n**What is wrong:** "
                        "token_endpoint_auth_method is 'client_secret_basic'; Cognito sends client_secret_post only"
                        "\n\n**How to fix:** token_endpoint_auth_method = \"client_secret_post\" (explicitly).",
                "tags": {"Status": [{"label": "Blocking", "level": "error"}],
                         "Severity": [{"label": "Critical", "level": "error"}],
                         "Rule": [{"label": "FED_204"}]},
                "url": aws_idp_docs}},
            {"type": "task-result-outcomes", "attributes": {
                "outcome-id": "FED_901:aws_cognito_user_pool.user_pool",
                "description": "FED_901 The plan does not delete or replace the user pool: aws_cognito_user_pool.user_pool",
                "body": "**Resource:** `aws_cognito_user_pool.user_pool`\n\n**What is wrong:** replace "
                        "(replace_because_cannot_update)\n\n**How to fix:** Revert the attribute that forces "
                        "replacement, or migrate users first and allow it explicitly (--allow-replace).",
                "tags": {"Status": [{"label": "Blocking", "level": "error"}],
                         "Severity": [{"label": "Critical", "level": "error"}],
                         "Rule": [{"label": "FED_901"}]},
                "url": "https://github.com/hashicorp/terraform-provider-aws/issues/21654"}},
            {"type": "task-result-outcomes", "attributes": {
                "outcome-id": "FED_410:aws_cognito_user_pool_client.app_client_analytics_web",
                "description": "FED_410 The app client prevents user existence errors: "
                               "aws_cognito_user_pool_client.app_client_analytics_web",
                "body": "**Resource:** `aws_cognito_user_pool_client.app_client_analytics_web`\n\n**What is wrong:** "
                        "prevent_user_existence_errors is 'LEGACY'; expected 'ENABLED' (the default is LEGACY)\n\n"
                        "**How to fix:** prevent_user_existence_errors = \"ENABLED\".",
                "tags": {"Status": [{"label": "Below HIGH", "level": "warning"}],
                         "Severity": [{"label": "Medium", "level": "warning"}],
                         "Rule": [{"label": "FED_410"}]},
                "url": "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html"}},
        ]}},
    }}


def test_a_passing_plan_reports_running_then_passed(tfc: StandIn, service: Service, plans: dict[str, str]) -> None:
    task_result_id, final = run(tfc, service, plans["passing"])
    assert final == {"data": {
        "type": "task-results",
        "attributes": {"status": "passed",
                       "message": "fedctl gate and plan review: PASS — 0 blocking at HIGH and above; "
                                  "0 failed, 75 passed, 0 suppressed, 7 unknown",
                       "url": f"{RESULTS_BASE}/results/{task_result_id}"},
        "relationships": {"outcomes": {"data": []}}}}
    callbacks = tfc.task_result(task_result_id)["callbacks"]
    assert [c["document"] for c in callbacks] == [RUNNING, final]
    assert {c["content_type"] for c in callbacks} == {"application/vnd.api+json"}


def test_a_failing_plan_reports_failed_with_one_outcome_per_finding(tfc: StandIn, service: Service,
                                                                    plans: dict[str, str]) -> None:
    task_result_id, final = run(tfc, service, plans["failing"])
    assert final == failing_document(task_result_id)
