"""Shared fixtures: the example environments, synthesized once per test session."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_DIR = PROJECT_ROOT / "environments"

# Set before anything starts jsii: Node 20 works but jsii prints an end-of-life banner.
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")


@pytest.fixture(scope="session")
def example_stacks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """`cdk.tf.json` of every example environment, by environment name."""
    from config.loader import load_environments
    from modules.synthesis import synthesize

    outdir = tmp_path_factory.mktemp("synth") / "cdktf.out"
    written = synthesize(load_environments(EXAMPLE_DIR), outdir)
    return {name: json.loads(path.read_text()) for name, path in written.items()}


@pytest.fixture
def environment_copy(tmp_path: Path) -> Callable[[str], Path]:
    """Copies one example environment into a fresh folder and returns the file to edit."""

    def copy(name: str) -> Path:
        folder = tmp_path / "environments"
        folder.mkdir(exist_ok=True)
        target = folder / f"{name}.yaml"
        shutil.copy(EXAMPLE_DIR / f"{name}.yaml", target)
        return target

    return copy


# Run the longest files first, so that the workers of `scripts/test` (pytest-xdist, one test file
# per worker at a time, in collection order: `--no-loadscope-reorder`) finish together instead of
# one of them starting a two-minute file last. Every end-to-end module is long (a real
# `terraform apply`); the others are the slowest of `pytest --durations` on a 2-core machine.
SLOW_FILES = ("tests/policies/test_rules.py", "tests/tfc/test_run_task_service.py", "tests/bench/test_benchmark.py",
              "tests/gate/test_checkov_speedups.py", "tests/gate/test_gate_command.py",
              "tests/fedctl/test_fuzz_environment_files.py", "tests/modules/test_fast_path_is_identical.py",
              "tests/tfc/test_run_task_limits.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::", 1)[0]
        if path.startswith("tests/end_to_end/"):
            return 0
        return 1 if path in SLOW_FILES else 2

    items.sort(key=rank)  # stable: within a file, tests keep their order


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """What did not run for want of something outside the repository, one line each: without the
    tools, the whole end-to-end folder; without Okta's specification, the check of the Okta org
    stand-in's answers. (Here, not in tests/end_to_end/conftest.py: under pytest-xdist only the
    controller prints the summary, and it never loads the conftest files below this one.)"""
    from tests.end_to_end.harness import find_tools
    from tests.shared_fixtures import OKTA_OPENAPI, missing_reason, shared_fixture

    found = find_tools()
    if isinstance(found, str):
        terminalreporter.write_line(f"SKIPPED tests/end_to_end (all): need real Terraform and providers: {found}",
                                    yellow=True)
    elif shared_fixture(OKTA_OPENAPI) is None and any(
            getattr(report, "nodeid", "").startswith("tests/end_to_end/")
            for reports in terminalreporter.stats.values() for report in reports):
        terminalreporter.write_line("NOT CHECKED tests/end_to_end: the Okta org stand-in's answers against Okta's "
                                    f"OpenAPI specification: {missing_reason(OKTA_OPENAPI)}", yellow=True)
