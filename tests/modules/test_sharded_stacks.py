"""A sharded environment: the same resources as one stack, spread by name, wired by references."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.generated_config import generated_environment
from config.cloud_workspaces import stack_workspaces
from config.loader import load_environment
from config.sharding import shard_number
from federation.cross_stack import joined_stack, load_json

FEDERATIONS = 12
SHARDS = 3
READ = re.compile(r"^\$\{data\.terraform_remote_state\.cross-stack-reference-input-([a-z0-9-]+)\.outputs\.([\w-]+)\}$")


def local_environment(shards: int) -> dict[str, Any]:
    document = generated_environment(FEDERATIONS, shards)
    document.pop("state")
    return document


@pytest.fixture(scope="module")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path], dict[str, Path]]:
    """(outdir, sharded stacks, the same environment in one stack) — local state backend."""
    from modules.synthesis import synthesize

    root = tmp_path_factory.mktemp("shards")
    results = []
    for shards in (SHARDS, 1):
        folder = root / f"config-{shards}"
        folder.mkdir()
        (folder / "big.yaml").write_text(yaml.safe_dump(local_environment(shards)))
        results.append(synthesize([load_environment(folder / "big.yaml")], root / f"out-{shards}"))
    return root / f"out-{SHARDS}", results[0], results[1]


def stack(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text())
    return document


def without_metadata(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: without_metadata(item) for key, item in value.items() if key != "//"}
    if isinstance(value, list):
        return [without_metadata(item) for item in value]
    return value


def test_stacks_come_in_apply_order_with_their_dependencies(synthesized: Any) -> None:
    outdir, sharded, _ = synthesized
    assert list(sharded) == ["big", "big-shard-1", "big-shard-2", "big-shard-3", "big-clients"]
    manifest = json.loads((outdir / "manifest.json").read_text())["stacks"]
    assert manifest["big"]["dependencies"] == []
    assert {name: manifest[name]["dependencies"] for name in ("big-shard-1", "big-shard-2", "big-shard-3")} == {
        "big-shard-1": ["big"], "big-shard-2": ["big"], "big-shard-3": ["big"]}
    assert sorted(manifest["big-clients"]["dependencies"]) == ["big", "big-shard-1", "big-shard-2", "big-shard-3"]


def test_each_federation_is_in_the_shard_its_name_picks(synthesized: Any) -> None:
    _, sharded, _ = synthesized
    names = ["workforce", *(f"customer{index:04d}" for index in range(1, FEDERATIONS))]
    for name in names:
        number = shard_number(name, SHARDS)
        holders = [stack_name for stack_name, path in sharded.items()
                   if f"{name}_identity_provider" in stack(path)["resource"].get("aws_cognito_identity_provider", {})]
        assert holders == [f"big-shard-{number}"]
    assert "aws_cognito_user_pool" in stack(sharded["big"])["resource"]
    assert list(stack(sharded["big-clients"])["resource"]) == ["aws_cognito_user_pool_client"]


def test_joined_shards_are_the_single_stack_resource_for_resource(synthesized: Any) -> None:
    _, sharded, single = synthesized
    joined = joined_stack(str(sharded["big"]), load_json)
    one = stack(single["big"])
    for key in ("resource", "variable", "locals"):
        assert without_metadata(joined.get(key)) == without_metadata(one.get(key)), key
    assert set(joined["output"]) == set(one["output"])


def test_values_crossing_stacks_are_references_to_the_owning_resource(synthesized: Any) -> None:
    _, sharded, _ = synthesized
    client = stack(sharded["big-clients"])["resource"]["aws_cognito_user_pool_client"]["app_client_portal"]
    providers = client["supported_identity_providers"]
    assert len(providers) == FEDERATIONS
    for read in providers:
        producer, output = READ.match(read).groups()  # type: ignore[union-attr]
        value = stack(sharded[producer])["output"][output]["value"]
        assert re.fullmatch(r"\$\{aws_cognito_identity_provider\.[a-z0-9_]+\.provider_name\}", value)
    idp = stack(sharded["big-shard-1"])["resource"]["aws_cognito_identity_provider"]
    producer, output = READ.match(next(iter(idp.values()))["user_pool_id"]).groups()  # type: ignore[union-attr]
    assert (producer, stack(sharded["big"])["output"][output]["value"]) == ("big", "${aws_cognito_user_pool.user_pool.id}")


def test_every_stack_reads_other_states_where_they_are_written(synthesized: Any) -> None:
    _, sharded, _ = synthesized
    backends = {name: stack(path)["terraform"]["backend"]["local"]["path"] for name, path in sharded.items()}
    assert backends["big-shard-2"] == "../big-shard-2/terraform.big-shard-2.tfstate"
    for name, path in sharded.items():
        for input_name, read in (stack(path).get("data", {}).get("terraform_remote_state") or {}).items():
            producer = input_name.removeprefix("cross-stack-reference-input-")
            assert read["config"]["path"] == backends[producer], name


def test_terraform_cloud_workspaces_follow_the_stack_names(tmp_path: Path) -> None:
    from modules.synthesis import synthesize

    (tmp_path / "prod.yaml").write_text(yaml.safe_dump(generated_environment(4, shards=2)))
    environment = load_environment(tmp_path / "prod.yaml")
    written = synthesize([environment], tmp_path / "out")
    names = [stack(path)["terraform"]["cloud"]["workspaces"]["name"] for path in written.values()]
    assert names == ["bench-4", "bench-4-shard-1", "bench-4-shard-2", "bench-4-clients"]
    # `fedctl workspaces` creates exactly the workspaces the cloud blocks use.
    assert [w.workspace_name for w in stack_workspaces(environment)] == names


def test_unsharding_removes_the_former_stacks(tmp_path: Path) -> None:
    from modules.synthesis import synthesize

    config = tmp_path / "big.yaml"
    config.write_text(yaml.safe_dump(local_environment(2)))
    synthesize([load_environment(config)], tmp_path / "out")
    config.write_text(yaml.safe_dump(local_environment(1)))
    synthesize([load_environment(config)], tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out" / "stacks").iterdir()) == ["big"]
    assert list(json.loads((tmp_path / "out" / "manifest.json").read_text())["stacks"]) == ["big"]


def test_resynthesis_keeps_terraforms_own_files_in_a_stack_folder(tmp_path: Path) -> None:
    """`fedctl plan` synthesizes before every run: the local state must survive it."""
    from modules.synthesis import synthesize

    config = tmp_path / "big.yaml"
    config.write_text(yaml.safe_dump(local_environment(1)))
    stack_file = synthesize([load_environment(config)], tmp_path / "out")["big"]
    kept = {"terraform.big.tfstate": "{}", ".terraform.lock.hcl": "# lock", "local_override.tf.json": "{}",
            ".terraform/terraform.tfstate": "{}"}
    for name, content in kept.items():
        (stack_file.parent / name).parent.mkdir(exist_ok=True)
        (stack_file.parent / name).write_text(content)
    stack_file.write_text("stale")
    synthesize([load_environment(config)], tmp_path / "out")
    assert {name: (stack_file.parent / name).read_text() for name in kept} == kept
    assert json.loads(stack_file.read_text())["terraform"]["backend"]["local"]["path"] == "terraform.big.tfstate"
