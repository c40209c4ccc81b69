"""The packages type-check under `mypy --strict` (mypy.ini; style rule 10)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import PROJECT_ROOT

PACKAGES = ["federation", "config", "modules", "fedctl", "gate", "reports", "runner", "drift", "plan_review", "bench", "audit", "tfc", "adopt", "main.py"]


def test_packages_pass_mypy_strict() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", *PACKAGES], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")


def test_policy_pack_passes_mypy_strict() -> None:
    """The pack's modules import each other by file name, as checkov loads them: check them from inside."""
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports",
                             "--explicit-package-bases", "--cache-dir", "../.mypy_cache/policies",
                             *sorted(p.name for p in (PROJECT_ROOT / "policies").glob("*.py"))],
                            cwd=PROJECT_ROOT / "policies", capture_output=True, text=True, timeout=600,
                            env={**os.environ, "MYPYPATH": str(PROJECT_ROOT)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")
