"""fedctl's entry point: parses arguments and maps every error to a documented exit code."""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from config.errors import ConfigError
from federation.redaction import safe_text
from fedctl import exit_codes
from fedctl.errors import FedctlError

# Command name -> the module whose `register(subparsers)` adds it, in the order `--help` lists them.
# Only the module of the command being run is imported: the others' imports (checkov's
# scanner, boto3, report writers, ...) would cost every command tens of milliseconds.
COMMANDS = {
    "synth": "fedctl.commands.synth",
    "gate": "fedctl.commands.gate",
    "plan": "fedctl.commands.plan",
    "apply": "fedctl.commands.plan",
    "drift": "fedctl.commands.drift",
    "audit": "fedctl.commands.audit",
    "adopt": "fedctl.commands.adopt",
    "workspaces": "fedctl.commands.workspaces",
    "policies": "fedctl.commands.policies",
    "comment": "fedctl.commands.comment",
    "bench": "fedctl.commands.bench",
    "run-task": "fedctl.commands.run_task",
}

EPILOG = """exit codes:
  0    success
  1    invalid input (configuration, arguments), a policy failure, or adopt refused
       (nothing written)
  2    changes or drift found (plan, drift, audit, workspaces)
  3    a fault of fedctl itself, never of the input (for gate: checkov crashed, could
       not parse, or a rule did not load or raised: the gate fails closed); details
       in the log file named on stderr
  130  interrupted
"""


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a usage error, which fedctl reserves for "changes found"."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(exit_codes.FAILURE, f"{self.prog}: error: {message}\n")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Every command, or only the one `argv` names (help, usage errors and unknown commands still
    see them all)."""
    parser = _Parser(
        prog="fedctl", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
        description="Okta as the OIDC identity provider of an Amazon Cognito user pool, as code.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chosen = argv[0] if argv and argv[0] in COMMANDS else None
    modules = [COMMANDS[chosen]] if chosen else list(dict.fromkeys(COMMANDS.values()))
    for module in modules:
        importlib.import_module(module).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    try:
        result: int = args.handler(args)
        return result
    except ConfigError as error:
        for line in error.problems:
            _report(line)
        return exit_codes.FAILURE
    except FedctlError as error:
        _report(f"fedctl: {error}")
        return error.exit_code
    except KeyboardInterrupt:
        _report("fedctl: interrupted")
        return exit_codes.INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the one place that turns crashes into exit code 3
        log = _write_crash_log()
        _report(f"fedctl: internal error: {type(error).__name__}: {error} (details: {log})")
        return exit_codes.INTERNAL_ERROR


def _report(line: str) -> None:
    """Every line fedctl prints about a failure passes `safe_text` (no secret, no control character)."""
    print(safe_text(line), file=sys.stderr)


def _write_crash_log() -> Path:
    with tempfile.NamedTemporaryFile("w", prefix="fedctl-", suffix=".log", delete=False) as log:
        traceback.print_exc(file=log)
        return Path(log.name)
