"""`bin/fedctl` (the documented entry point), `python main.py` and `cdktf synth` (through cdktf.json)
write the same stacks as fedctl."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLE_DIR, PROJECT_ROOT

CDKTF_CLI = PROJECT_ROOT / ".tools" / "node_modules" / ".bin" / "cdktf"
LAUNCHER = PROJECT_ROOT / "bin" / "fedctl"


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


def test_bin_fedctl_synthesizes_the_example_from_any_folder(tmp_path: Path,
                                                           example_stacks: dict[str, dict[str, Any]]) -> None:
    (tmp_path / "fedctl").mkdir()  # a folder named like fedctl's package in the working folder cannot shadow it
    (tmp_path / "fedctl" / "__init__.py").write_text("raise SystemExit('imported from the working folder')\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([str(LAUNCHER), "synth", "--config-dir", str(EXAMPLE_DIR), "--outdir", "out"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert {name: json.loads(data) for name, data in stacks(tmp_path / "out").items()} == example_stacks


def fake_project(root: Path, with_venv: bool) -> Path:
    """A copy of bin/fedctl in a project whose `.venv/bin/python` prints how it was started."""
    (root / "bin").mkdir(parents=True)
    launcher = root / "bin" / "fedctl"
    shutil.copy(LAUNCHER, launcher)
    if with_venv:
        python = root / ".venv" / "bin" / "python"
        python.parent.mkdir(parents=True)
        python.write_text('#!/bin/sh\nprintf "%s\\n" "PYTHONPATH=$PYTHONPATH" "$@"\n')
        python.chmod(0o755)
    return launcher


def test_bin_fedctl_runs_the_projects_venv_python_optimized_through_a_symlink(tmp_path: Path) -> None:
    launcher = fake_project(tmp_path / "project", with_venv=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "fedctl").symlink_to(launcher)
    result = subprocess.run(["./fedctl", "synth", "--env", "a b"], cwd=tmp_path / "elsewhere", capture_output=True,
                            text=True, timeout=30, env={**os.environ, "PYTHONPATH": "/extra"})
    assert result.returncode == 0, result.stderr
    project = (tmp_path / "project").resolve()
    assert result.stdout.splitlines() == [f"PYTHONPATH={project}:/extra", "-P", "-O", "-m", "fedctl", "synth",
                                          "--env", "a b"]


def test_bin_fedctl_without_the_venv_says_to_run_setup_first(tmp_path: Path) -> None:
    launcher = fake_project(tmp_path / "project", with_venv=False)
    result = subprocess.run([str(launcher), "synth"], cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"fedctl: no Python environment in {tmp_path.resolve() / 'project'}/.venv: "
                                          "run scripts/setup first"]


def test_a_command_imports_only_its_own_machinery() -> None:
    # Every module a command imports costs every run of it; `fedctl synth` must not pay for the
    # gate's scanner, the audit's AWS SDK or a web server it does not use.
    code = ("import sys\nfrom fedctl.main import build_parser\nbuild_parser(['synth', '--help'])\n"
            "print(' '.join(sorted(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            timeout=120, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert "fedctl.commands.synth" in loaded
    assert not loaded & {"fedctl.commands.gate", "fedctl.commands.audit", "boto3", "botocore", "aiohttp",
                         "requests", "checkov"}


def test_help_lists_every_command() -> None:
    from fedctl.main import COMMANDS, build_parser

    listed = build_parser().format_help()
    assert all(f"    {name} " in listed for name in COMMANDS)
