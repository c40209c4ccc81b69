"""Runs checkov with the federation pack in a child process and fails closed on anything odd."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gate.errors import GateInternalError

SCAN_TIMEOUT_SECONDS = 900
INTERNAL_ERROR_MARKER = "internal error in "


@dataclass(frozen=True)
class CheckRecord:
    check_id: str
    result: str
    """PASSED, FAILED, SKIPPED or UNKNOWN."""
    resource: str
    file: str
    line: int
    details: tuple[str, ...]
    check_name: str


@dataclass(frozen=True)
class ScanResult:
    framework: str
    records: tuple[CheckRecord, ...]
    loaded_checks: dict[str, list[str]]


def scan(framework: str, targets: Sequence[Path], policies_dir: Path, expected_rules: Iterable[str],
         with_secrets: bool = False) -> ScanResult:
    """checkov over `targets`; raises GateInternalError on a crash, a parse error, a check that did
    not load, a rule that raised, or an input in which no federation rule found anything to judge."""
    with tempfile.TemporaryDirectory(prefix="fedctl-checkov-") as scratch:
        out = Path(scratch) / "scan.json"
        argv = [sys.executable, "-m", "gate.checkov_driver", "--framework", framework,
                "--external-checks-dir", str(policies_dir), "--out", str(out)]
        if with_secrets:  # checkov's own secret scanner over the same files, in the same run
            argv += ["--framework", "secrets"]
        for target in targets:
            argv += ["--target", str(target)]
        env = {**os.environ, "BC_SKIP_MAPPING": "TRUE", "PYTHONPATH": _project_path()}
        try:
            completed = subprocess.run(argv, capture_output=True, text=True, timeout=SCAN_TIMEOUT_SECONDS, env=env)
        except subprocess.TimeoutExpired as error:
            raise GateInternalError(f"checkov did not finish within {SCAN_TIMEOUT_SECONDS}s") from error
        if completed.returncode != 0 or not out.exists():
            last = (completed.stderr.strip().splitlines() or ["no output"])[-1]
            raise GateInternalError(f"checkov crashed ({framework}, exit {completed.returncode}): {last}",
                                    log=completed.stderr)
        data = json.loads(out.read_text(encoding="utf-8"))
    if data["parsing_errors"]:
        raise GateInternalError(f"checkov could not parse {', '.join(data['parsing_errors'])} ({framework})")
    missing = sorted(set(expected_rules) - set(data["loaded_checks"]))
    if missing:
        raise GateInternalError(f"checkov did not load {', '.join(missing)} from {policies_dir} (an import "
                                "error in the pack?)", log=completed.stderr)
    records = tuple(CheckRecord(check_id=r["check_id"], result=r["result"], resource=r["resource"], file=r["file"],
                                line=int(r["line"] or 0), details=tuple(r["details"]), check_name=r["check_name"])
                    for r in data["records"])
    broken = sorted({r.check_id for r in records if any(d.startswith(INTERNAL_ERROR_MARKER) for d in r.details)})
    if broken:
        example = next(d for r in records for d in r.details if d.startswith(INTERNAL_ERROR_MARKER))
        raise GateInternalError(f"rules raised instead of deciding: {', '.join(broken)} ({example})")
    if not any(r.check_id in set(expected_rules) for r in records):
        raise GateInternalError(f"no federation rule found anything to judge in {', '.join(map(str, targets))} "
                                f"({framework}): no Cognito or Okta resources, or checkov could not read them")
    return ScanResult(framework=framework, records=records, loaded_checks=data["loaded_checks"])


def _project_path() -> str:
    """The project root on PYTHONPATH, so `python -m gate.checkov_driver` resolves from anywhere."""
    root = str(Path(__file__).resolve().parent.parent)
    existing = os.environ.get("PYTHONPATH")
    return f"{root}{os.pathsep}{existing}" if existing else root
