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

from federation.applicability import NOT_APPLICABLE
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


class PendingScan:
    """A checkov child process started early: it imports checkov (about 2 s, mostly loading
    ~1,600 built-in checks) while the caller synthesizes; `finish` hands it the targets."""

    def __init__(self, framework: str, policies_dir: Path, with_secrets: bool = False) -> None:
        self.framework = framework
        self.policies_dir = policies_dir
        self._scratch = tempfile.TemporaryDirectory(prefix="fedctl-checkov-")
        self._out = Path(self._scratch.name) / "scan.json"
        argv = [sys.executable, "-m", "gate.checkov_driver", "--framework", framework,
                "--external-checks-dir", str(policies_dir), "--out", str(self._out), "--targets-from-stdin"]
        if with_secrets:  # checkov's own secret scanner over the same files, in the same run
            argv += ["--framework", "secrets"]
        env = {**os.environ, "BC_SKIP_MAPPING": "TRUE", "PYTHONPATH": _project_path()}
        self._process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         text=True, env=env)

    def cancel(self) -> None:
        self._process.kill()
        self._process.communicate()
        self._scratch.cleanup()

    def stop(self) -> None:
        """Kills checkov from another thread while `finish` waits for it: `finish` then fails closed."""
        self._process.kill()

    def finish(self, targets: Sequence[Path], expected_rules: Iterable[str]) -> ScanResult:
        """Raises GateInternalError on a crash, a parse error, a check that did not load, a rule
        that raised, or an input in which no federation rule found anything to judge."""
        expected = set(expected_rules)
        try:
            _, stderr = self._process.communicate(json.dumps([str(t) for t in targets]) + "\n",
                                                  timeout=SCAN_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired as error:
            self.cancel()
            raise GateInternalError(f"checkov did not finish within {SCAN_TIMEOUT_SECONDS}s") from error
        try:
            if self._process.returncode != 0 or not self._out.exists():
                last = (stderr.strip().splitlines() or ["no output"])[-1]
                raise GateInternalError(f"checkov crashed ({self.framework}, exit {self._process.returncode}): {last}",
                                        log=stderr)
            data = json.loads(self._out.read_text(encoding="utf-8"))
        finally:
            self._scratch.cleanup()
        if data["parsing_errors"]:
            raise GateInternalError(f"checkov could not parse {', '.join(data['parsing_errors'])} ({self.framework})")
        missing = sorted(expected - set(data["loaded_checks"]))
        if missing:
            raise GateInternalError(f"checkov did not load {', '.join(missing)} from {self.policies_dir} (an import "
                                    "error in the pack?)", log=stderr)
        records = tuple(CheckRecord(check_id=r["check_id"], result=r["result"], resource=r["resource"],
                                    file=r["file"], line=int(r["line"] or 0), details=tuple(r["details"]),
                                    check_name=r["check_name"]) for r in data["records"])
        broken = sorted({r.check_id for r in records if any(d.startswith(INTERNAL_ERROR_MARKER) for d in r.details)})
        if broken:
            example = next(d for r in records for d in r.details if d.startswith(INTERNAL_ERROR_MARKER))
            raise GateInternalError(f"rules raised instead of deciding: {', '.join(broken)} ({example})")
        if not any(r.check_id in expected for r in records):
            raise GateInternalError(f"no federation rule found anything to judge in {', '.join(map(str, targets))} "
                                    f"({self.framework}): no Cognito or Okta resources, or checkov could not read them")
        # A rule that is not about a resource (docs/applicability.md) says so through checkov's
        # UNKNOWN; it is neither a pass nor a finding, so it leaves the records here.
        judged = tuple(r for r in records if not (r.result == "UNKNOWN" and NOT_APPLICABLE in r.details))
        return ScanResult(framework=self.framework, records=judged, loaded_checks=data["loaded_checks"])


def scan(framework: str, targets: Sequence[Path], policies_dir: Path, expected_rules: Iterable[str],
         with_secrets: bool = False) -> ScanResult:
    """checkov over `targets`, started and finished at once."""
    return PendingScan(framework, policies_dir, with_secrets).finish(targets, expected_rules)


def _project_path() -> str:
    """The project root on PYTHONPATH, so `python -m gate.checkov_driver` resolves from anywhere."""
    root = str(Path(__file__).resolve().parent.parent)
    existing = os.environ.get("PYTHONPATH")
    return f"{root}{os.pathsep}{existing}" if existing else root
