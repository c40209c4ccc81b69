"""`fedctl synth` as users run it: exit codes, progress, output files, nothing half-written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fedctl.main import main
from tests.config.test_loader import NOT_A_REGION
from tests.conftest import EXAMPLE_DIR, PROJECT_ROOT


def run_fedctl(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fedctl", *args], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=300, env=env)


def test_synth_writes_one_stack_per_example_environment(tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    result = run_fedctl("synth", "--outdir", str(outdir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"dev: {outdir}/stacks/dev/cdk.tf.json",
                                          f"prod: {outdir}/stacks/prod/cdk.tf.json"]
    for env in ("dev", "prod"):
        stack = json.loads((outdir / "stacks" / env / "cdk.tf.json").read_text())
        assert stack["//"]["metadata"]["stackName"] == env
    assert "fedctl: starting the CDKTF runtime (Node.js)..." in result.stderr
    assert "end-of-life" not in result.stderr  # jsii's Node 20 banner is silenced, nothing else


def test_synth_of_one_environment_keeps_the_other_stacks(tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    (outdir / "stacks" / "dev").mkdir(parents=True)
    (outdir / "stacks" / "dev" / "cdk.tf.json").write_text("{}")
    result = run_fedctl("synth", "--env", "prod", "--outdir", str(outdir))
    assert result.returncode == 0, result.stderr
    assert (outdir / "stacks" / "dev" / "cdk.tf.json").read_text() == "{}"
    assert json.loads((outdir / "manifest.json").read_text())["stacks"].keys() == {"prod"}
    assert sorted(p.name for p in outdir.iterdir()) == ["manifest.json", "stacks"]  # no scratch folder left


def test_bad_config_exits_1_with_every_problem_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config_dir = tmp_path / "environments"
    shutil.copytree(EXAMPLE_DIR, config_dir)
    prod = config_dir / "prod.yaml"
    prod.write_text(prod.read_text().replace("region: eu-west-1", "region: mars-1")
                    .replace("prefix: acme-analytics\n", "prefix: cognito-acme\n"))
    outdir = tmp_path / "out"
    code = main(["synth", "--config-dir", str(config_dir), "--outdir", str(outdir)])
    assert code == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"{prod}: aws.region: got 'mars-1'; {NOT_A_REGION}",
        f"{prod}: user_pool.domain.prefix: got 'cognito-acme'; a Cognito domain prefix may not contain "
        "'aws', 'amazon', 'cognito' (FED_602)",
    ]
    assert not outdir.exists()


def test_unknown_environment_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["synth", "--env", "staging"]) == 1
    assert capsys.readouterr().err.strip() == "environments: no environment 'staging'; expected one of dev, prod"


def test_usage_error_exits_1_not_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["synth", "--no-such-flag"])
    assert raised.value.code == 1
    assert "unrecognized arguments: --no-such-flag" in capsys.readouterr().err


def test_help_lists_commands_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--help"])
    assert raised.value.code == 0
    out = capsys.readouterr().out
    assert "synth" in out and "exit codes:" in out and "130  interrupted" in out


def test_missing_node_is_a_clear_error_before_anything_is_written(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path)}  # no node on PATH
    env.pop("JSII_NODE", None)
    result = run_fedctl("synth", "--outdir", str(tmp_path / "out"), env=env)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == ("fedctl: Node.js was not found on PATH; the CDKTF runtime needs "
                                              "Node.js >= 20 (install it, or set JSII_NODE to its path)")
    assert not (tmp_path / "out").exists()


def test_synth_of_a_sharded_environment_lists_its_stacks_in_apply_order(tmp_path: Path) -> None:
    config = tmp_path / "environments"
    config.mkdir()
    (config / "prod.yaml").write_text((EXAMPLE_DIR / "prod.yaml").read_text() + "\nshards: 2\n")
    outdir = tmp_path / "out"
    result = run_fedctl("synth", "--config-dir", str(config), "--outdir", str(outdir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"{name}: {outdir}/stacks/{name}/cdk.tf.json"
                                          for name in ("prod", "prod-shard-1", "prod-shard-2", "prod-clients")]
