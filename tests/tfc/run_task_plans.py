"""Plan JSON of the example environments for the run-task tests (built as tests/policies does)."""

from __future__ import annotations

import json
from typing import Any

from tests.policies.plan_builder import plan_from

GLOBEX_SECRET = "globex-client-secret-from-a-sensitive-variable-7f3a"
USER_POOL = "aws_cognito_user_pool.user_pool"


def passing_plan(stacks: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The production example as a first plan: everything created, nothing wrong."""
    return plan_from(stacks["prod"])


def failing_plan(stacks: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Production with two mistakes in the configuration (FED_204 client_secret_basic, blocking;
    FED_410 LEGACY errors, below the threshold) and a plan that replaces the user pool (FED_901)."""
    stack = json.loads(json.dumps(stacks["prod"]))
    stack["resource"]["okta_app_oauth"]["workforce_okta_app"]["token_endpoint_auth_method"] = "client_secret_basic"
    stack["resource"]["aws_cognito_user_pool_client"]["app_client_analytics_web"]["prevent_user_existence_errors"] = \
        "LEGACY"
    plan = plan_from(stack)
    pool = next(c for c in plan["resource_changes"] if c["address"] == USER_POOL)
    pool["change"]["actions"] = ["delete", "create"]
    pool["change"]["before"] = pool["change"]["after"]
    pool["action_reason"] = "replace_because_cannot_update"
    return plan


def plan_with_secret(stacks: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The dev example, whose Globex client secret comes from a sensitive variable: the plan holds it
    in clear, as Terraform's plan JSON does, marked in after_sensitive."""
    plan = plan_from(stacks["dev"], {"globex_client_secret": GLOBEX_SECRET})
    for change in plan["resource_changes"]:
        if change["address"] == "aws_cognito_identity_provider.globex_identity_provider":
            change["change"]["after_sensitive"] = {"provider_details": {"client_secret": True}}
    assert GLOBEX_SECRET in json.dumps(plan)
    return plan
