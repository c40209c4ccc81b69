"""The production example split into `shards: 3` (five stacks, each its own local state), built
from nothing by one `fedctl apply`, in apply order; a second `fedctl plan` of every stack is empty."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from tests.end_to_end.harness import REGION, Tools, new_workspace
from tests.end_to_end.okta_org import OktaOrg

pytestmark = pytest.mark.end_to_end
ENV = "prod"
STACKS = ["prod", "prod-shard-1", "prod-shard-2", "prod-shard-3", "prod-clients"]


def test_a_sharded_environment_is_built_from_scratch_in_apply_order(
        fedctl_environment: dict[str, str], tools: Tools, moto: str, cognito: Any, okta: tuple[OktaOrg, str],
        tmp_path_factory: pytest.TempPathFactory) -> None:
    workspace = new_workspace(tmp_path_factory.mktemp("user"), fedctl_environment, ENV, tools, moto, shards=3)
    # Globex's client secret is read from Secrets Manager, where its owner put it.
    boto3.client("secretsmanager", region_name=REGION, endpoint_url=moto, aws_access_key_id="testing",
                 aws_secret_access_key="testing").create_secret(
        Name="acme-analytics/prod/globex-oidc", SecretString=json.dumps({"client_secret": "globex-prod-secret"}))

    # The README's known limit: before anything is applied, only the core stack can be planned.
    code, output = workspace.fedctl("plan", "--env", ENV)
    assert code == 1, output
    assert output.startswith("prod: ") and "terraform failed" in output, output

    code, output = workspace.fedctl("apply", "--env", ENV, "--yes")
    assert code == 0, output
    planned = dict(line.split(": ", 1) for line in output.splitlines() if " to create, " in line)
    assert list(planned) == STACKS
    # A shard no federation falls into has nothing to create, and so no state yet.
    built = [stack for stack, counts in planned.items() if not counts.startswith("0 to create")]
    states = sorted(p.name for p in (workspace.root / "cdktf.out" / "stacks").glob("*/terraform.*.tfstate"))
    assert states == sorted(f"terraform.{stack}.tfstate" for stack in built)
    assert {"prod", "prod-clients"} <= set(built) and len(built) >= 3

    pool = cognito.list_user_pools(MaxResults=10)["UserPools"][0]["Id"]
    providers = cognito.list_identity_providers(UserPoolId=pool)["Providers"]
    assert sorted(p["ProviderName"] for p in providers) == ["AcmeOkta", "Globex"]
    clients = cognito.list_user_pool_clients(UserPoolId=pool, MaxResults=10)["UserPoolClients"]
    assert sorted(c["ClientName"] for c in clients) == ["analytics-reports", "analytics-web"]
    org = okta[0]
    app = next(iter(org.apps.values()))
    assert sorted(app["settings"]["oauthClient"]["redirect_uris"]) == [
        "https://acme-analytics.auth.eu-west-1.amazoncognito.com/oauth2/idpresponse",
        "https://login.analytics.acme.example/oauth2/idpresponse"]

    code, output = workspace.fedctl("plan", "--env", ENV)
    assert code == 0, output
    assert [line for line in output.splitlines() if " to create, " in line] == [
        f"{stack}: 0 to create, 0 to update, 0 to replace, 0 to delete" for stack in STACKS]
    assert "globex-prod-secret" not in workspace.everything_written()
