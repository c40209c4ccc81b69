"""The gate on a sharded environment judges it as one federation: the same findings as the same
environment in one stack, and the gallery's cross-stack mistakes are caught across stacks."""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from gate.checkov_scan import ScanResult
from tests.conftest import EXAMPLE_DIR
from tests.gate.gallery import GALLERY
from tests.policies.checkov_run import pack_scan

SHARDS = 3  # workforce lands in shard 3 and globex in shard 1: the clients trust two shards
# Mistakes whose rule reads resources of two stacks once sharded (pool, identity provider, client).
CROSS_STACK_CASES = ("13_no_email_verified", "14_required_attribute_unmapped", "15_unknown_custom_attribute",
                     "16_immutable_email", "17_narrow_write_attributes", "32_literal_provider_name")


@pytest.fixture(scope="module")
def prod_stacks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The production example synthesized with and without shards: every stack, by name."""
    from config.loader import load_environment
    from modules.synthesis import synthesize

    folder = tmp_path_factory.mktemp("sharded-config")
    document = yaml.safe_load((EXAMPLE_DIR / "prod.yaml").read_text()) | {"shards": SHARDS}
    (folder / "prod.yaml").write_text(yaml.safe_dump(document, sort_keys=False))
    outdir = tmp_path_factory.mktemp("sharded") / "cdktf.out"
    written = synthesize([load_environment(folder / "prod.yaml")], outdir)
    return {name: json.loads(path.read_text()) for name, path in written.items()}


def write_stacks(root: Path, stacks: dict[str, dict[str, Any]]) -> None:
    for name, stack in stacks.items():
        (root / name).mkdir(parents=True)
        (root / name / "cdk.tf.json").write_text(json.dumps(stack, indent=2))


def findings(result: ScanResult) -> Counter[tuple[str, str, str]]:
    return Counter((r.check_id, r.resource, r.result) for r in result.records)


def test_sharded_and_single_stack_gates_find_the_same(prod_stacks: dict[str, dict[str, Any]],
                                                       example_stacks: dict[str, dict[str, Any]],
                                                       tmp_path: Path) -> None:
    assert list(prod_stacks) == ["prod", "prod-shard-1", "prod-shard-2", "prod-shard-3", "prod-clients"]
    write_stacks(tmp_path / "sharded", prod_stacks)
    write_stacks(tmp_path / "single", {"prod": example_stacks["prod"]})
    sharded = findings(pack_scan("terraform_json", [tmp_path / "sharded"]))
    single = findings(pack_scan("terraform_json", [tmp_path / "single"]))
    # Each of the 5 stacks has its own AWS provider block, which checkov's CKV_AWS_41 judges.
    assert sharded - single == Counter({("CKV_AWS_41", "provider.aws", "PASSED"): 4})
    assert single - sharded == Counter()
    assert not [r for r in sharded if r[2] != "PASSED"]


def test_cross_stack_mistakes_fail_the_same_rules_as_in_one_stack(prod_stacks: dict[str, dict[str, Any]],
                                                                   tmp_path: Path) -> None:
    for case in CROSS_STACK_CASES:
        stacks = copy.deepcopy(prod_stacks)
        GALLERY[case][0](resource_view(stacks))
        write_stacks(tmp_path / case, stacks)
    result = pack_scan("terraform_json", [tmp_path])
    for case in CROSS_STACK_CASES:
        failed = {r.check_id for r in result.records if r.result == "FAILED" and Path(r.file).parent.parent.name == case}
        assert (case, failed) == (case, GALLERY[case][1])


def resource_view(stacks: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Every stack's resources under one `resource` key, the bodies shared: a gallery mutation
    written for one stack edits the stack that holds the resource."""
    view: dict[str, dict[str, Any]] = {}
    for stack in stacks.values():
        for resource_type, items in (stack.get("resource") or {}).items():
            view.setdefault(resource_type, {}).update(items)
    return {"resource": view}

