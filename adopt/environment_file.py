"""The adopted environment as a file: checked by the loader before it is written, written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from config.loader import load_environment

HEADER = ("# Adopted from the live federation by `fedctl adopt`. `imports:` lists the live resources the first\n"
          "# plan imports (Terraform import blocks); once applied, the section can be deleted without a diff.\n")


def render(document: dict[str, Any]) -> str:
    return HEADER + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=120)


def write_checked(target: Path, document: dict[str, Any]) -> None:
    """Loads the text as every other command will (a ConfigError names each problem) from a
    scratch file named like the target, then moves it into place atomically."""
    text = render(document)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".adopt-", dir=target.parent) as scratch:
        candidate = Path(scratch) / target.name
        candidate.write_text(text, encoding="utf-8")
        load_environment(candidate)
        os.replace(candidate, target)
