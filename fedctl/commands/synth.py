"""`fedctl synth`: environment files → `cdktf.out/stacks/<stack>/cdk.tf.json`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from config.loader import load_environments
from config.model import EnvironmentConfig
from fedctl import exit_codes
from fedctl.errors import FedctlError
from fedctl.progress import step
from modules.node_runtime import NodeRuntimeError

DEFAULT_CONFIG_DIR = Path("environments")
DEFAULT_OUTDIR = Path("cdktf.out")


def add_config_arguments(parser: argparse.ArgumentParser) -> None:
    """`--env`, `--config-dir` and `--outdir`, shared by every command that synthesizes environments."""
    parser.add_argument("--env", action="append", default=[], metavar="NAME",
                        help="environment to use (a file NAME.yaml in the config folder); repeat for "
                             "several; default: all")
    parser.add_argument("--config-dir", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR",
                        help="folder of environment YAML files (default: %(default)s)")
    parser.add_argument("--outdir", type=Path, default=DEFAULT_OUTDIR, metavar="DIR",
                        help="where synthesized stacks go (default: %(default)s)")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "synth", help="validate the environment files and synthesize one Terraform stack per environment",
        description="Validates every selected environment file (all problems at once; nothing is "
                    "written when one is wrong), then writes OUTDIR/stacks/<env>/cdk.tf.json; a sharded "
                    "environment (shards: N) also <env>-shard-1..N and <env>-clients, listed in apply order.")
    add_config_arguments(parser)
    parser.set_defaults(handler=run)


def load_selected(args: argparse.Namespace) -> tuple[EnvironmentConfig, ...]:
    return load_environments(args.config_dir, tuple(args.env))


def synthesize_environments(environments: Sequence[EnvironmentConfig], outdir: Path) -> dict[str, Path]:
    with step("starting the CDKTF runtime (Node.js)"):
        try:
            from modules.synthesis import synthesize  # imported late: this starts jsii
        except NodeRuntimeError as error:
            raise FedctlError(str(error), exit_codes.FAILURE) from error
    with step(f"synthesizing {', '.join(e.name for e in environments)}"):
        return synthesize(environments, outdir)


def run(args: argparse.Namespace) -> int:
    environments = load_selected(args)
    for name, path in synthesize_environments(environments, args.outdir).items():
        print(f"{name}: {path}")
    return exit_codes.OK
