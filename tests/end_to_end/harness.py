"""What the end-to-end tests stand on: the tools found on this machine, the Terraform CLI
configuration (provider mirrors, never a download), the test-only override of a synthesized
stack, and `bin/fedctl` run as a user runs it.

Nothing here changes what a user runs: the override is a Terraform override file
(`fedctl_test_override.tf.json`) written beside the synthesized `cdk.tf.json` by the test.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import EXAMPLE_DIR, PROJECT_ROOT
from tests.end_to_end.okta_provider.schema import SCHEMA_CACHE_VARIABLE

FEDCTL = PROJECT_ROOT / "bin" / "fedctl"
MIRROR_VARIABLE = "FEDCTL_TEST_PROVIDER_MIRROR"
USUAL_MIRRORS = ("/opt/tf-plugins", "~/.terraform.d/plugins", "~/.local/share/terraform/plugins",
                 "/usr/local/share/terraform/plugins", "/usr/share/terraform/plugins")
AWS_PROVIDER = Path("registry.terraform.io") / "hashicorp" / "aws"
OKTA_STAND_IN_VERSION = "6.5.5"
"""Within the stacks' `>= 6.5.5, < 7.0.0`; the stand-in's schema is the 6.x one (schema.py)."""
OVERRIDE_FILE = "fedctl_test_override.tf.json"
REGION = "eu-west-1"
AWS_TEST_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_DEFAULT_REGION": REGION}
# Secrets the tests hand to fedctl: none may appear in any output or report.
OKTA_API_TOKEN = "00okta-api-token-must-never-show"
GLOBEX_CLIENT_SECRET = "globex-client-secret-must-never-show"
TERRAFORM_ARGUMENTS = {"TF_CLI_ARGS_plan": "-parallelism=4", "TF_CLI_ARGS_apply": "-parallelism=4"}
"""Terraform's own way to add options to the commands fedctl runs: moto is one process on a
shared 2-core machine, and more parallel calls only queue there."""
GO_RUNTIME = {"GOGC": "400"}
"""Go's garbage collector setting for terraform and the providers it starts (they inherit it):
each is a short-lived process, and at Go's default of 100 the aws provider's 700 MB schema keeps
the collector busy; 400 measured ~20 % less CPU on the sharded test (user+sys 147 s -> 116 s) at
~600 MB per process. Test-harness only, like TERRAFORM_ARGUMENTS; a user's run is untouched."""


@dataclass(frozen=True)
class Tools:
    terraform: str
    aws_mirror: Path
    aws_version: str


def find_tools() -> Tools | str:
    """The terraform binary and a filesystem mirror holding hashicorp/aws, or what is missing."""
    terraform = os.environ.get("TERRAFORM_BINARY") or shutil.which("terraform") or (
        "/usr/local/bin/terraform" if Path("/usr/local/bin/terraform").is_file() else None)
    if terraform is None:
        return "no terraform binary (set TERRAFORM_BINARY or put terraform on PATH)"
    candidates = [os.environ[MIRROR_VARIABLE]] if os.environ.get(MIRROR_VARIABLE) else list(USUAL_MIRRORS)
    for candidate in candidates:
        mirror = Path(candidate).expanduser()
        versions = [path.parent.parent.name
                    for path in (mirror / AWS_PROVIDER).glob("*/linux_amd64/terraform-provider-aws_*")]
        numeric = [v for v in versions if v.replace(".", "").isdigit()]
        if numeric:
            return Tools(terraform, mirror, max(numeric, key=lambda v: tuple(int(n) for n in v.split("."))))
    return (f"no hashicorp/aws provider in a filesystem mirror (looked in {', '.join(candidates)}; "
            f"set {MIRROR_VARIABLE})")


def install_okta_stand_in(mirror: Path) -> None:
    """An unpacked-layout mirror entry for okta/okta whose executable starts the stand-in provider."""
    folder = mirror / "registry.terraform.io" / "okta" / "okta" / OKTA_STAND_IN_VERSION / "linux_amd64"
    folder.mkdir(parents=True, exist_ok=True)
    executable = folder / f"terraform-provider-okta_v{OKTA_STAND_IN_VERSION}"
    # HOME: the `tf` framework caches its TLS certificate under ~/.cache; keep it in the test's folder.
    executable.write_text(f"#!/bin/sh\nHOME='{mirror}' PYTHONPATH='{PROJECT_ROOT}' "
                          f"{SCHEMA_CACHE_VARIABLE}='{mirror / 'okta-stand-in-schemas.pickle'}' "
                          f"exec '{sys.executable}' -m tests.end_to_end.okta_provider \"$@\"\n")
    executable.chmod(executable.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def write_cli_config(path: Path, tools: Tools, okta_mirror: Path) -> None:
    path.write_text(f"""provider_installation {{
  filesystem_mirror {{
    path    = "{tools.aws_mirror}"
    include = ["registry.terraform.io/hashicorp/aws"]
  }}
  filesystem_mirror {{
    path    = "{okta_mirror}"
    include = ["registry.terraform.io/okta/okta"]
  }}
}}
""")


def moto_override(moto_url: str, aws_version: str) -> dict[str, Any]:
    """The AWS provider pointed at moto, at the version in the mirror; nothing else changes."""
    return {
        "terraform": {"required_providers": {"aws": {"source": "hashicorp/aws", "version": aws_version}}},
        "provider": {"aws": [{
            "region": REGION, "skip_credentials_validation": True, "skip_requesting_account_id": True,
            "skip_metadata_api_check": True,
            "endpoints": [{"cognitoidp": moto_url, "sts": moto_url, "secretsmanager": moto_url, "iam": moto_url}],
        }]},
    }


def write_overrides(stacks: list[Path], override: dict[str, Any]) -> None:
    for stack in stacks:
        (stack / OVERRIDE_FILE).write_text(json.dumps(override, indent=1))


def local_state_environment(source: Path, target: Path, **changes: Any) -> Path:
    """An example environment with `state.backend: local` (Terraform Cloud cannot run here)."""
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    document["state"] = {"backend": "local"}
    document.update(changes)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return target


class Workspace:
    """A folder a user works in: environments/, cdktf.out/, fedctl-reports/."""

    def __init__(self, root: Path, environment: dict[str, str]) -> None:
        self.root = root
        self.environment = environment
        self.outputs: list[str] = []

    def fedctl(self, *arguments: str) -> tuple[int, str]:
        result = run_fedctl(*arguments, "--config-dir", str(self.root / "environments"),
                            "--outdir", str(self.root / "cdktf.out"), cwd=self.root, environment=self.environment)
        self.outputs.append(result.stdout + result.stderr)
        return result.returncode, result.stdout + result.stderr

    def report(self, kind: str, name: str) -> dict[str, Any]:
        document: dict[str, Any] = json.loads((self.root / "fedctl-reports" / kind / name).read_text())
        return document

    def everything_written(self) -> str:
        """Every line fedctl printed and every report and file it wrote (not Terraform's own state)."""
        files = [p for p in (self.root / "fedctl-reports").rglob("*") if p.is_file()]
        files += [p for p in (self.root / "cdktf.out").rglob("*") if p.is_file() and p.suffix in (".json", ".md")
                  and ".terraform" not in p.parts]
        return "\n".join(self.outputs + [p.read_text(errors="replace") for p in files])


def new_workspace(root: Path, environment: dict[str, str], name: str, tools: Tools, moto_url: str,
                  **changes: Any) -> Workspace:
    """A user's folder with the example `name` (local state, `changes` applied), synthesized, and
    every stack of it pointed at moto by the test-only override."""
    local_state_environment(EXAMPLE_DIR / f"{name}.yaml", root / "environments" / f"{name}.yaml", **changes)
    space = Workspace(root, environment)
    code, output = space.fedctl("synth", "--env", name)
    assert code == 0, output
    stacks = [Path(line.split(": ", 1)[1]).parent for line in output.splitlines() if line.startswith(f"{name}")]
    assert stacks, output
    write_overrides(stacks, moto_override(moto_url, tools.aws_version))
    return space


def run_fedctl(*arguments: str, cwd: Path, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(FEDCTL), *arguments], cwd=cwd, env=environment, capture_output=True, text=True,
                          timeout=600)
