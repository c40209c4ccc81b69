"""`fedctl run-task serve` against the Terraform Cloud stand-in, both real processes on loopback:
what a Terraform Cloud run would show, and what it would never see."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.tfc.run_task_harness import (HMAC_KEY, Service, RunTaskStandIn, get_status, post_raw, service_process)
from tests.tfc.run_task_plans import GLOBEX_SECRET, failing_plan, passing_plan, plan_with_secret
from tfc.run_task.signature import sign

RESULTS_BASE = "https://fedctl-run-task.acme.example"
RUNNING = {"data": {"type": "task-results", "attributes": {
    "status": "running", "message": "fedctl: judging the plan (federation pack and plan review)"}}}


@pytest.fixture(scope="module")
def service(folder: Path, tfc: RunTaskStandIn) -> Iterator[Service]:
    with service_process(folder, "--workers", "2", "--queue", "32", "--public-url", RESULTS_BASE) as started:
        yield started


@pytest.fixture(scope="module")
def plans(example_stacks: dict[str, dict[str, Any]], tfc: RunTaskStandIn) -> dict[str, str]:
    return {"passing": tfc.add_plan(passing_plan(example_stacks)),
            "failing": tfc.add_plan(failing_plan(example_stacks)),
            "secret": tfc.add_plan(plan_with_secret(example_stacks))}


def run(tfc: RunTaskStandIn, service: Service, plan_id: str | None, **options: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """One run-task request as Terraform Cloud sends it; what it sent, and the final callback."""
    sent = tfc.trigger(service, plan_id, **options)
    assert [s["status"] for s in sent] == [200]
    return sent[0], tfc.final_callback(sent[0]["task_result_id"])


def failing_document(task_result_id: str) -> dict[str, Any]:
    """What Terraform Cloud shows for the failing plan: one outcome per failed finding, blocking first."""
    aws_idp_docs = "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-oidc-idp.html"
    return {"data": {
        "type": "task-results",
        "attributes": {
            "status": "failed",
            "message": "fedctl run task: FAIL — 2 blocking at HIGH and above; 77 passed, 3 failed, 0 suppressed, "
                       "7 unknown; blocking rules: FED_204, FED_901",
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


def test_a_passing_plan_reports_running_then_passed(tfc: RunTaskStandIn, service: Service, plans: dict[str, str]) -> None:
    sent, final = run(tfc, service, plans["passing"])
    task_result_id = sent["task_result_id"]
    assert final == {"data": {
        "type": "task-results",
        "attributes": {"status": "passed",
                       "message": "fedctl run task: PASS — 0 blocking at HIGH and above; "
                                  "79 passed, 0 failed, 0 suppressed, 7 unknown",
                       "url": f"{RESULTS_BASE}/results/{task_result_id}"},
        "relationships": {"outcomes": {"data": []}}}}
    callbacks = tfc.task_result(task_result_id)["callbacks"]
    assert [c["document"] for c in callbacks] == [RUNNING, final]
    assert {c["content_type"] for c in callbacks} == {"application/vnd.api+json"}


def test_a_failing_plan_reports_failed_with_one_outcome_per_finding(tfc: RunTaskStandIn, service: Service,
                                                                    plans: dict[str, str]) -> None:
    sent, final = run(tfc, service, plans["failing"])
    assert final == failing_document(sent["task_result_id"])


def test_a_pre_apply_request_is_judged_like_a_post_plan_one(tfc: RunTaskStandIn, service: Service,
                                                             plans: dict[str, str]) -> None:
    sent, final = run(tfc, service, plans["failing"], stage="pre_apply")
    assert final == failing_document(sent["task_result_id"])


def test_the_result_link_serves_the_markdown_report(tfc: RunTaskStandIn, service: Service, plans: dict[str, str]) -> None:
    sent, final = run(tfc, service, plans["failing"])
    task_result_id = sent["task_result_id"]
    assert final["data"]["attributes"]["url"] == f"{RESULTS_BASE}/results/{task_result_id}"
    status, body = get_status(f"{service.url}/results/{task_result_id}")
    assert status == 200
    markdown = body.decode()
    assert markdown.startswith("### fedctl run task: ❌ **Fail**")
    assert "| ⛔ | CRITICAL | [FED_204]" in markdown and "| ⛔ | CRITICAL | [FED_901]" in markdown
    assert get_status(f"{service.url}/results/taskrs-never-seen")[0] == 404


@pytest.mark.parametrize("signature", ["none", "bad"])
def test_unsigned_or_badly_signed_requests_get_401_and_are_not_processed(
        tfc: RunTaskStandIn, service: Service, plans: dict[str, str], signature: str) -> None:
    plan_id = tfc.add_plan({"format_version": "1.2"})  # a plan no other test asks for
    sent = tfc.trigger(service, plan_id, signature=signature)
    assert [s["status"] for s in sent] == [401]
    assert tfc.task_result(sent[0]["task_result_id"]) == {"callbacks": [], "refused": []}
    assert not [r for r in tfc.plan_requests() if r.get("plan_id") == plan_id]
    assert sent[0]["task_result_id"] not in service.log_text()
    assert "refused a run-task request" in service.log_text()


def test_an_unsigned_body_is_refused_before_it_is_parsed(service: Service) -> None:
    assert post_raw(service.run_task_url, b"{not json", {"Content-Type": "application/json"}) == 401
    assert post_raw(service.run_task_url, b"{not json", {"X-TFC-Task-Signature": "00" * 64}) == 401
    signed = sign(b"{not json", HMAC_KEY)
    assert post_raw(service.run_task_url, b"{not json", {"X-TFC-Task-Signature": signed}) == 422


def test_the_verification_request_gets_200_and_nothing_else(tfc: RunTaskStandIn, service: Service) -> None:
    sent = tfc.trigger(service, None, verification=True)
    assert [s["status"] for s in sent] == [200]
    assert tfc.task_result(sent[0]["task_result_id"]) == {"callbacks": [], "refused": []}
    assert "answered Terraform Cloud's verification request" in service.log_text()


@pytest.mark.parametrize(("plan", "stage", "reason"), [
    ({"raw": "<html>not a plan</html>"}, "post_plan", "plan JSON of acme/federation-prod {run}: not JSON (JSONDecodeError)"),
    ({"plan": {"planned_values": {}}}, "post_plan",
     "plan JSON of acme/federation-prod {run}: not `terraform show -json` plan output (no format_version)"),
    ({"plan": {"format_version": "1.2", "resource_changes": []}, "mode": "not_ready"}, "post_plan",
     "plan JSON not available yet (HTTP 204: the plan has not finished)"),
    ({"plan": {"format_version": "1.2"}, "mode": "error"}, "post_plan", "plan JSON: HTTP 500"),
    ({"plan": {"format_version": "1.2"}, "mode": "revoked"}, "post_plan",
     "plan JSON: HTTP 401 (the run's access token was refused)"),
    ({"plan": {"format_version": "1.2"}, "mode": "gone"}, "post_plan", "temporary plan URL: HTTP 404"),
    ({"plan": {"format_version": "1.2", "terraform_version": "1.11.4", "resource_changes": [],
               "planned_values": {"root_module": {"resources": []}}}}, "post_plan",
     "no federation rule found anything to judge in plan JSON of acme/federation-prod {run} (terraform_plan): "
     "no Cognito or Okta resources, "
     "or checkov could not read them"),
    ({"plan": {"format_version": "1.2"}}, "pre_plan",
     "stage pre_plan has no plan to judge; register the task for post_plan or pre_apply"),
], ids=["not-json", "not-a-plan", "plan-not-finished", "api-error", "token-refused", "temporary-url-gone",
        "gate-cannot-decide", "pre-plan-stage"])
def test_whatever_stops_a_verdict_fails_the_run_with_the_reason(tfc: RunTaskStandIn, service: Service, plan: dict[str, Any],
                                                                 stage: str, reason: str) -> None:
    plan_id = tfc.add_plan(plan.get("plan"), raw=plan.get("raw"), mode=plan.get("mode", "ok"))
    sent, final = run(tfc, service, plan_id, stage=stage)
    attributes = final["data"]["attributes"]
    assert attributes["status"] == "failed"
    expected = "fedctl could not judge this plan, failing closed: " + reason.replace("{run}", sent["run_id"])
    assert attributes["message"] == expected
    assert "relationships" not in final["data"]


def test_a_retried_request_is_acknowledged_but_not_run_or_posted_again(tfc: RunTaskStandIn, service: Service,
                                                                         plans: dict[str, str]) -> None:
    first = tfc.trigger(service, plans["passing"])[0]
    again = tfc.trigger(service, retry=first["task_result_id"])[0]
    assert (first["status"], again["status"]) == (200, 200)
    tfc.final_callback(first["task_result_id"])
    after = tfc.trigger(service, retry=first["task_result_id"])[0]
    assert after["status"] == 200
    received = tfc.task_result(first["task_result_id"])
    assert [c["document"]["data"]["attributes"]["status"] for c in received["callbacks"]] == ["running", "passed"]
    lines = [line for line in service.log_text().splitlines() if first["task_result_id"] in line]
    assert [("queued" in line, ": passed in" in line, "seen before" in line) for line in lines] == [
        (True, False, False), (False, False, True), (False, True, False), (False, False, True)]


def test_a_callback_refused_for_a_moment_is_delivered_again(tfc: RunTaskStandIn, service: Service,
                                                            plans: dict[str, str]) -> None:
    sent = tfc.trigger(service, plans["passing"], callback_unavailable=2)[0]
    received = tfc.task_result(sent["task_result_id"], wait=300)
    assert received["refused"] == [{"status": 503}, {"status": 503}]
    assert [c["document"]["data"]["attributes"]["status"] for c in received["callbacks"]] == ["running", "passed"]


def test_twenty_simultaneous_runs_each_get_exactly_their_result(tfc: RunTaskStandIn, service: Service,
                                                                 plans: dict[str, str]) -> None:
    sent = tfc.trigger(service, plans["failing"], count=20)
    assert [s["status"] for s in sent] == [200] * 20
    for item in sent:
        assert tfc.final_callback(item["task_result_id"]) == failing_document(item["task_result_id"])


def test_health_answers_while_the_service_runs(service: Service) -> None:
    status, body = get_status(f"{service.url}/healthz")
    assert status == 200
    assert json.loads(body) == {"status": "ok", "queued": 0, "queue_size": 32, "workers": 2}


def test_no_token_key_or_plan_secret_is_written_anywhere(tfc: RunTaskStandIn, service: Service, plans: dict[str, str],
                                                         folder: Path) -> None:
    sent, final = run(tfc, service, plans["secret"])
    task_result_id, token = sent["task_result_id"], sent["access_token"]
    assert final["data"]["attributes"]["status"] == "passed"
    shown = [json.dumps(tfc.task_result(task_result_id)), service.log_text(),
             get_status(f"{service.url}/results/{task_result_id}")[1].decode()]
    shown += [p.read_text(errors="replace") for p in service.scratch.rglob("*") if p.is_file()]
    for secret in (GLOBEX_SECRET, token, HMAC_KEY):
        assert not [text for text in shown if secret in text]
    assert not list(service.scratch.glob("fedctl-run-task-*")), "each run's plan file is deleted after the run"
