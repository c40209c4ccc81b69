"""Shards: which federation goes where is fixed by its name, and the key is validated."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.generated_config import generated_environment
from config.errors import ConfigError
from config.loader import load_environment, load_environments
from config.sharding import shard_number, shards_of, stack_names
from tests.config.test_loader import problems_after


def test_the_shard_of_a_name_is_pinned() -> None:
    # Pinned: a change here would move live federations between Terraform states.
    assert [shard_number(name, 4) for name in ("workforce", "globex", "customer0001", "customer0002")] == [3, 1, 1, 4]
    assert shard_number("workforce", 1) == 1


def test_adding_a_shard_moves_only_what_the_new_shard_wins() -> None:
    names = [f"customer{index:04d}" for index in range(1000)]
    moved = [name for name in names if shard_number(name, 4) != shard_number(name, 5)]
    assert all(shard_number(name, 5) == 5 for name in moved)
    assert 150 <= len(moved) <= 250  # about 1 in 5


def test_shards_split_the_federations_evenly_enough(tmp_path: Path) -> None:
    document = generated_environment(400, shards=4)
    (tmp_path / "big.yaml").write_text(yaml.safe_dump(document))
    environment = load_environment(tmp_path / "big.yaml")
    sizes = [len(shard.federations) for shard in shards_of(environment)]
    assert sum(sizes) == 400 and min(sizes) >= 70
    assert stack_names(environment) == ("big", "big-shard-1", "big-shard-2", "big-shard-3", "big-shard-4", "big-clients")


def test_an_unsharded_environment_is_one_stack() -> None:
    environment = load_environments(Path("environments"), ["prod"])[0]
    assert environment.shards == 1 and stack_names(environment) == ("prod",)


@pytest.mark.parametrize(("value", "message"), [
    (0, "shards: got 0; expected a whole number from 1 to 64 stacks"),
    ("two", "shards: got 'two'; expected a whole number from 1 to 64 stacks"),
    (65, "shards: got 65; expected a whole number from 1 to 64 stacks"),
])
def test_a_wrong_shard_count_is_one_precise_line(tmp_path: Path, value: object, message: str) -> None:
    shown, problems = problems_after(tmp_path, lambda document: document.update(shards=value))
    assert problems == [f"{shown}: {message}"]


def test_a_sharded_environment_needs_a_named_workspace(tmp_path: Path) -> None:
    def tagged(document: dict[str, object]) -> None:
        document.update(shards=2, state={"backend": "cloud", "cloud": {"organization": "acme", "tags": ["acme"]}})

    shown, problems = problems_after(tmp_path, tagged)
    assert problems == [f"{shown}: state.cloud.tags: a sharded environment needs a named workspace "
                        "(state.cloud.workspace); its stacks use <workspace>, <workspace>-shard-N and <workspace>-clients"]


def test_a_shard_stack_name_may_not_be_another_environment(tmp_path: Path) -> None:
    # Even while prod is not sharded: synthesizing prod removes its former prod-clients stack.
    (tmp_path / "prod.yaml").write_text(Path("environments/prod.yaml").read_text())
    (tmp_path / "prod-clients.yaml").write_text(Path("environments/dev.yaml").read_text())
    with pytest.raises(ConfigError) as raised:
        load_environments(tmp_path, ["prod-clients"])
    assert list(raised.value.problems) == [f"{tmp_path / 'prod-clients.yaml'}: the name 'prod-clients' is reserved for a "
                                           "stack of environment 'prod' when it is sharded; rename this environment"]
