"""Runs Terraform through python-terraform; results are typed, errors carry command and stderr."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from python_terraform import Terraform

from runner.arguments import apply_arguments, init_arguments, plan_arguments, show_json_arguments
from runner.binary import TerraformBinary, find_terraform_binary
from runner.init_record import is_initialized, record_init


class TerraformError(Exception):
    """A Terraform command failed: names the command, its exit code and what it printed."""

    def __init__(self, command: list[str], exit_code: int, stderr: str) -> None:
        last = "\n".join(line for line in stderr.strip().splitlines()[-12:])
        super().__init__(f"`{' '.join(command)}` exited {exit_code}:\n{last}")
        self.command = command
        self.exit_code = exit_code
        self.stderr = stderr


@dataclass(frozen=True)
class PlanResult:
    plan_file: Path
    has_changes: bool
    """Exit code 2 of `-detailed-exitcode`: a result, not an error."""


class TerraformRunner:
    def __init__(self, working_dir: Path, binary: TerraformBinary | None = None) -> None:
        self.working_dir = working_dir
        self.binary = binary or find_terraform_binary()
        self._terraform = Terraform(working_dir=str(working_dir), terraform_bin_path=self.binary.path)

    def _run(self, subcommand: str, arguments: list[str], ok_codes: tuple[int, ...] = (0,)) -> tuple[int, str]:
        code, out, err = self._terraform.cmd(subcommand, *arguments)
        if code not in ok_codes:
            raise TerraformError([Path(self.binary.path).name, subcommand, *arguments], code, err or out or "")
        return code, out or ""

    def needs_init(self) -> bool:
        """False while nothing `terraform init` acts on changed since fedctl's last init here."""
        return not is_initialized(self.working_dir, Path(self.binary.path))

    def init(self, backend: bool = True) -> None:
        self._run("init", init_arguments(backend=backend))
        if backend:
            record_init(self.working_dir, Path(self.binary.path))

    def plan(self, plan_file: Path, refresh_only: bool = False) -> PlanResult:
        code, _ = self._run("plan", plan_arguments(str(plan_file), refresh_only=refresh_only), ok_codes=(0, 2))
        return PlanResult(plan_file=plan_file, has_changes=code == 2)

    def show_json(self, plan_file: Path) -> dict[str, Any]:
        _, out = self._run("show", show_json_arguments(str(plan_file)))
        document: dict[str, Any] = json.loads(out)
        return document

    def apply(self, plan_file: Path) -> None:
        self._run("apply", apply_arguments(str(plan_file)))
