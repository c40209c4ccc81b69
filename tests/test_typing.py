"""The packages type-check under `mypy --strict` (mypy.ini; style rule 10)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT

PACKAGES = ["config", "modules", "fedctl", "policies", "main.py"]


def test_packages_pass_mypy_strict() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", *PACKAGES], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")
