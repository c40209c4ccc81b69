"""`python main.py` and `cdktf synth` (through cdktf.json) write the same stacks as fedctl."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_DIR, PROJECT_ROOT

CDKTF_CLI = PROJECT_ROOT / ".tools" / "node_modules" / ".bin" / "cdktf"


def stacks(outdir: Path) -> dict[str, bytes]:
    return {p.parent.name: p.read_bytes() for p in sorted((outdir / "stacks").glob("*/cdk.tf.json"))}


def test_python_main_writes_cdktf_out_with_every_environment(tmp_path: Path) -> None:
    env = {**os.environ, "FEDCTL_CONFIG_DIR": str(EXAMPLE_DIR), "PYTHONPATH": str(PROJECT_ROOT)}
    result = subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py")], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert sorted(stacks(tmp_path / "cdktf.out")) == ["dev", "prod"]


def test_python_main_rejects_bad_config_without_writing(tmp_path: Path) -> None:
    config_dir = tmp_path / "environments"
    config_dir.mkdir()
    (config_dir / "dev.yaml").write_text("aws: {region: eu-west-1}\nbogus: 1\n")
    env = {**os.environ, "FEDCTL_CONFIG_DIR": str(config_dir), "PYTHONPATH": str(PROJECT_ROOT)}
    result = subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py")], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "environments/dev.yaml: bogus: unknown key;" in result.stderr  # relative to the working folder
    assert not (tmp_path / "cdktf.out").exists()


@pytest.mark.skipif(not CDKTF_CLI.exists(), reason="cdktf-cli is installed by scripts/setup")
def test_cdktf_synth_through_cdktf_json_matches_fedctl_byte_for_byte(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT, project, ignore=shutil.ignore_patterns(
        ".venv", ".tools", "cdktf.out", ".git", "__pycache__", ".pytest_cache", ".mypy_cache"))
    env = {**os.environ, "CHECKPOINT_DISABLE": "1", "PIPENV_PIPFILE": str(PROJECT_ROOT / "Pipfile"),
           "PIPENV_VERBOSITY": "-1"}
    result = subprocess.run([str(CDKTF_CLI), "synth"], cwd=project, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Generated Terraform code for the stacks: dev, prod" in result.stdout

    fedctl = subprocess.run([sys.executable, "-m", "fedctl", "synth", "--outdir", str(tmp_path / "fedctl")],
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert fedctl.returncode == 0, fedctl.stderr
    assert stacks(project / "cdktf.out") == stacks(tmp_path / "fedctl")
