"""Where Terraform runs: the synthesized stack of each `--env`, or an existing `--workdir`."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fedctl import exit_codes
from fedctl.commands.synth import add_config_arguments, load_selected, synthesize_environments
from fedctl.errors import FedctlError
from fedctl.progress import step
from runner.terraform import TerraformError, TerraformRunner


def add_workdir_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_arguments(parser)
    parser.add_argument("--workdir", type=Path, metavar="DIR",
                        help="run in an existing Terraform folder instead of synthesizing environments")
    parser.add_argument("--keep-plan", action="store_true",
                        help="keep the saved plan as DIR/fedctl.tfplan (it holds secrets in clear; removed by default)")


def working_dirs(args: argparse.Namespace) -> list[tuple[str, Path]]:
    if args.workdir is not None:
        if args.env:
            raise FedctlError("give either --env or --workdir, not both", exit_codes.FAILURE)
        if not args.workdir.is_dir():
            raise FedctlError(f"{args.workdir}: not a folder", exit_codes.FAILURE)
        return [(args.workdir.name, args.workdir)]
    written = synthesize_environments(load_selected(args), args.outdir)
    return [(name, path.parent) for name, path in written.items()]


@contextmanager
def plan_file(workdir: Path, keep: bool) -> Iterator[Path]:
    """A path for a saved plan, deleted afterwards unless kept (plans hold sensitive values)."""
    if keep:
        yield workdir / "fedctl.tfplan"
        return
    scratch = Path(tempfile.mkdtemp(prefix="fedctl-plan-"))
    try:
        yield scratch / "fedctl.tfplan"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def terraform_failed(error: TerraformError) -> FedctlError:
    return FedctlError(f"terraform failed: {error}", exit_codes.FAILURE)


def ensure_initialized(name: str, runner: TerraformRunner) -> None:
    """`terraform init`, unless nothing it acts on changed since the last one (runner/init_record.py)."""
    if not runner.needs_init():
        print(f"fedctl: {name}: terraform init skipped: providers, backend and lock file unchanged",
              file=sys.stderr, flush=True)
        return
    with step(f"{name}: terraform init ({runner.binary.origin})"):
        runner.init()
