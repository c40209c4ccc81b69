"""Pure argv builders, one per Terraform subcommand the runner uses; tested on exact output."""

from __future__ import annotations

from collections.abc import Sequence

DEFAULT_FLAGS = ("-input=false", "-no-color")
"""Every command runs unattended: never prompt, never colour the captured output."""


def init_arguments(backend: bool = True, upgrade: bool = False) -> list[str]:
    arguments = [*DEFAULT_FLAGS]
    if not backend:
        arguments.append("-backend=false")
    if upgrade:
        arguments.append("-upgrade")
    return arguments


def plan_arguments(out: str, refresh_only: bool = False, var_files: Sequence[str] = (),
                   destroy: bool = False) -> list[str]:
    """Always a saved plan (`-out`) with `-detailed-exitcode`: 0 no changes, 2 changes, 1 error."""
    arguments = [*DEFAULT_FLAGS, "-detailed-exitcode", f"-out={out}"]
    if refresh_only:
        arguments.append("-refresh-only")
    if destroy:
        arguments.append("-destroy")
    arguments += [f"-var-file={path}" for path in var_files]
    return arguments


def show_json_arguments(plan_file: str) -> list[str]:
    return ["-no-color", "-json", plan_file]


def apply_arguments(plan_file: str) -> list[str]:
    """Apply only a saved plan: what was reviewed is what runs."""
    return [*DEFAULT_FLAGS, plan_file]
