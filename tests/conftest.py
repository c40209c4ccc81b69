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
