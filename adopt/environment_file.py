"""The adopted environment as a file: checked by the loader before it is written, written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from config.errors import ConfigError
from config.loader import load_environment
from config.paths import shown_path

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
        try:
            load_environment(candidate)
        except ConfigError as error:  # named as the file it would have been
            raise ConfigError([problem.replace(shown_path(candidate), shown_path(target))
                               for problem in error.problems]) from error
        os.replace(candidate, target)
