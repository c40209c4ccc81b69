"""`fedctl plan` / `fedctl apply` on an existing Terraform folder (`--workdir`), with Terraform's
built-in `terraform_data` only: which terraform commands they run, as a user sees in the time
they take."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from runner.binary import find_terraform_binary
from tests.conftest import PROJECT_ROOT

CONFIG = 'resource "terraform_data" "pool" {\n  input = "alpha"\n}\n'


def logging_terraform(folder: Path) -> tuple[Path, Path]:
    """A terraform that logs each subcommand, then runs the one fedctl would have found."""
    log, wrapper = folder / "commands.log", folder / "terraform"
    wrapper.write_text(f"#!/bin/sh\necho \"$1\" >> '{log}'\nexec '{find_terraform_binary().path}' \"$@\"\n")
    wrapper.chmod(0o755)
    return wrapper, log


def fedctl(*arguments: str, cwd: Path, terraform: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TERRAFORM_BINARY": str(terraform), "CHECKPOINT_DISABLE": "1"}
    return subprocess.run([str(PROJECT_ROOT / "bin" / "fedctl"), *arguments], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_a_plan_without_changes_is_summarized_without_asking_terraform_for_its_json(tmp_path: Path) -> None:
    workdir = tmp_path / "stack"
    workdir.mkdir()
    (workdir / "main.tf").write_text(CONFIG)
    terraform, log = logging_terraform(tmp_path)

    applied = fedctl("apply", "--workdir", str(workdir), "--yes", "--report-dir", str(tmp_path / "r"), cwd=tmp_path,
                     terraform=terraform)
    assert applied.returncode == 0, applied.stderr
    assert "1 to create, 0 to update, 0 to replace, 0 to delete" in applied.stdout
    assert log.read_text().split() == ["init", "plan", "show", "apply"]  # the changes were read, then applied

    log.unlink()
    planned = fedctl("plan", "--workdir", str(workdir), "--report-dir", str(tmp_path / "r"), cwd=tmp_path,
                     terraform=terraform)
    assert planned.returncode == 0, planned.stderr
    assert "0 to create, 0 to update, 0 to replace, 0 to delete" in planned.stdout
    # Exit 0 of -detailed-exitcode: no `show -json`, which starts every provider again. (init runs
    # again here only because a folder without providers gets no lock file to record.)
    assert [command for command in log.read_text().split() if command != "init"] == ["plan"]
    summaries = list((tmp_path / "r").glob("*-plan.json"))
    assert len(summaries) == 1
    assert json.loads(summaries[0].read_text())["changes"] == []
