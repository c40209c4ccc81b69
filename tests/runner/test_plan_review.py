"""The plan-only rules: replacing the federation's resources needs an explicit allowance."""

from __future__ import annotations

from typing import Any

from drift.plan_document import parse_plan
from gate.catalogue import load_catalogue
from plan_review.rules import review_plan
from plan_review.summary import summarize
from reports.model import Status


def change(address: str, actions: list[str], before: Any = None, after: Any = None) -> dict[str, Any]:
    rtype, name = address.split(".")
    return {"address": address, "mode": "managed", "type": rtype, "name": name,
            "change": {"actions": actions, "before": before, "after": after}}


PLAN = parse_plan({"format_version": "1.2", "resource_changes": [
    change("aws_cognito_user_pool_client.web", ["update"], {"supported_identity_providers": ["AcmeOkta", "Globex"]},
           {"supported_identity_providers": ["Globex"]}),
    change("aws_cognito_user_pool.user_pool", ["delete", "create"]),
    change("aws_cognito_identity_provider.workforce", ["create", "delete"]),
    change("aws_cognito_user_pool_domain.prefix", ["delete"]),
    change("okta_group.users", ["create"]),
    change("aws_cognito_user_pool_client.reports", ["no-op"]),
]}, "plan.json")


def test_summary_counts_actions_and_lists_federation_resources_first() -> None:
    summary = summarize(PLAN)
    assert summary.counts == {"create": 1, "update": 1, "replace": 2, "delete": 1}
    assert [c.address for c in summary.changes] == [
        "aws_cognito_user_pool.user_pool", "aws_cognito_user_pool_domain.prefix",
        "aws_cognito_identity_provider.workforce", "aws_cognito_user_pool_client.web", "okta_group.users"]


def test_replacing_the_pool_or_an_idp_and_losing_a_provider_block_the_plan() -> None:
    review = review_plan(PLAN, load_catalogue(), allowed=[])
    assert {(f.rule_id, f.resource, f.reason) for f in review.findings} == {
        ("FED_901", "aws_cognito_user_pool.user_pool", "replace"),
        ("FED_902", "aws_cognito_identity_provider.workforce", "replace"),
        ("FED_905", "aws_cognito_user_pool_domain.prefix", "delete"),
        ("FED_906", "aws_cognito_user_pool_client.web", "loses AcmeOkta"),
    }
    assert not review.passed
    assert {f.rule_id for f in review.blocking} == {"FED_901", "FED_902", "FED_906"}  # FED_905 is MEDIUM


def test_an_explicit_allowance_accepts_exactly_the_named_resources() -> None:
    review = review_plan(PLAN, load_catalogue(), allowed=["aws_cognito_user_pool.*", "aws_cognito_identity_provider.*",
                                                          "aws_cognito_user_pool_client.web"])
    assert review.passed
    assert {f.status for f in review.findings if f.rule_id != "FED_905"} == {Status.SUPPRESSED}
