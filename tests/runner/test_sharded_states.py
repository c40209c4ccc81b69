"""A sharded environment's stacks find each other's state on the real embedded engine: the
backend paths and remote-state reads are taken verbatim from synthesized stacks, the resources
swapped for Terraform's built-in `terraform_data` (providers cannot be downloaded here)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from bench.generated_config import generated_environment
from config.loader import load_environment
from runner.terraform import TerraformRunner
from tests.runner.test_embedded_engine import EMBEDDED


def test_a_shard_plans_with_the_pool_id_its_core_stack_applied(tmp_path: Path) -> None:
    from modules.synthesis import synthesize

    document = generated_environment(3, shards=2)
    document.pop("state")  # the local backend
    (tmp_path / "big.yaml").write_text(yaml.safe_dump(document))
    written = synthesize([load_environment(tmp_path / "big.yaml")], tmp_path / "cdktf.out")
    core = json.loads(written["big"].read_text())
    shard_name, shard = next((name, json.loads(path.read_text())) for name, path in written.items()
                             if "aws_cognito_identity_provider" in json.loads(path.read_text()).get("resource", {}))
    pool_output = next(name for name, output in core["output"].items()
                       if output["value"] == "${aws_cognito_user_pool.user_pool.id}")
    idp_name, idp = next(iter(shard["resource"]["aws_cognito_identity_provider"].items()))

    stand_in_core: dict[str, Any] = {
        "terraform": {"backend": core["terraform"]["backend"]},
        "resource": {"terraform_data": {"user_pool": {"input": "eu-west-1_Pool123"}}},
        "output": {pool_output: {"value": "${terraform_data.user_pool.output}", "sensitive": True}},
    }
    stand_in_shard: dict[str, Any] = {
        "terraform": {"backend": shard["terraform"]["backend"]},
        "data": {"terraform_remote_state": shard["data"]["terraform_remote_state"]},
        "resource": {"terraform_data": {idp_name: {"input": idp["user_pool_id"]}}},
    }
    written["big"].write_text(json.dumps(stand_in_core))
    written[shard_name].write_text(json.dumps(stand_in_shard))

    core_runner = TerraformRunner(written["big"].parent, EMBEDDED)
    core_runner.init()
    core_runner.apply(core_runner.plan(tmp_path / "core.tfplan").plan_file)
    assert (written["big"].parent / "terraform.big.tfstate").exists()

    shard_runner = TerraformRunner(written[shard_name].parent, EMBEDDED)
    shard_runner.init()
    plan = shard_runner.show_json(shard_runner.plan(tmp_path / "shard.tfplan").plan_file)
    (change,) = plan["resource_changes"]
    assert change["change"]["after"]["input"] == "eu-west-1_Pool123"
