"""The container recipe runs the command this repository has (no Docker daemon needed to check that)."""

from __future__ import annotations

import json
import re
import subprocess

from tests.conftest import PROJECT_ROOT

DOCKERFILE = PROJECT_ROOT / "deploy" / "run-task" / "Dockerfile"
IGNORED = PROJECT_ROOT / "deploy" / "run-task" / "Dockerfile.dockerignore"


def test_the_image_starts_fedctl_run_task_serve_with_options_it_has() -> None:
    entrypoint = json.loads(re.search(r"^ENTRYPOINT (\[.*\])$", DOCKERFILE.read_text(), re.M).group(1))  # type: ignore[union-attr]
    assert entrypoint[:3] == ["bin/fedctl", "run-task", "serve"]
    help_text = subprocess.run([str(PROJECT_ROOT / "bin" / "fedctl"), *entrypoint[1:3], "--help"],
                               capture_output=True, text=True, check=True).stdout
    assert all(option in help_text for option in entrypoint[3:] if option.startswith("--"))
    assert "EXPOSE 8080" in DOCKERFILE.read_text() and entrypoint[-2:] == ["--port", "8080"]


def test_the_image_keeps_every_package_the_cli_imports() -> None:
    """Every command's modules (as `fedctl --help` loads them): a package left out of the image breaks one."""
    ignored = {line.strip() for line in IGNORED.read_text().splitlines() if line.strip() and not line.startswith("#")}
    imported = subprocess.run([str(PROJECT_ROOT / ".venv" / "bin" / "python"), "-c",
                               "import sys, fedctl.main; fedctl.main.build_parser(); print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"],
                              cwd=PROJECT_ROOT, capture_output=True, text=True, check=True,
                              env={"PYTHONPATH": str(PROJECT_ROOT)}).stdout.split()
    project = {name for name in imported if (PROJECT_ROOT / name).is_dir()}
    assert project >= {"fedctl", "tfc", "gate", "federation"}
    assert not project & ignored
