"""Runs checkov with the federation pack in a child process and fails closed on anything odd."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

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


class Scan(Protocol):
    """A checkov run waiting for its targets: `finish` judges them, `stop` (from another thread)
    makes a `finish` under way fail closed."""

    def finish(self, targets: Sequence[Path], expected_rules: Iterable[str]) -> ScanResult: ...

    def stop(self) -> None: ...


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
        self._process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         text=True, env=_checkov_environment())

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
            data = _written_result(self.framework, self._process.returncode, stderr, self._out)
        finally:
            self._scratch.cleanup()
        return _scan_result(self.framework, self.policies_dir, data, stderr, expected, targets)


class ScanServer:
    """One checkov process that imports checkov once (about 2 s of CPU) and runs each scan in a
    fork of itself (`python -m gate.checkov_driver --serve`): for a service judging run after run
    (the Terraform Cloud run task), a run costs its scan only. A scan's fork crashing or being
    killed fails that scan closed, exactly as a crash of PendingScan's process does; a server
    that died is started again for the next scan. Scans are taken one at a time."""

    def __init__(self, framework: str, policies_dir: Path) -> None:
        self.framework = framework
        self.policies_dir = policies_dir
        self._lock = threading.Lock()
        self._scratch = tempfile.TemporaryDirectory(prefix="fedctl-checkov-server-")
        self._process = self._start()

    def _start(self) -> subprocess.Popen[str]:
        """Started at once, so that checkov imports while the caller waits for its first run."""
        argv = [sys.executable, "-m", "gate.checkov_driver", "--framework", self.framework,
                "--external-checks-dir", str(self.policies_dir), "--serve"]
        with open(Path(self._scratch.name) / "server.log", "w", encoding="utf-8") as log:
            return subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
                                    env=_checkov_environment())

    def next_scan(self) -> ServedScan:
        return ServedScan(self)

    def close(self) -> None:
        with self._lock:
            self._process.kill()
            self._process.communicate()
        self._scratch.cleanup()

    def run(self, scan: ServedScan, targets: Sequence[Path], out: Path, log: Path) -> int:
        """Has the server fork for one scan and waits for the fork's exit code."""
        with self._lock:
            if self._process.poll() is not None:
                self._process = self._start()
            process = self._process
            assert process.stdin is not None and process.stdout is not None
            try:
                process.stdin.write(json.dumps({"targets": [str(t) for t in targets], "out": str(out),
                                                "log": str(log)}) + "\n")
                process.stdin.flush()
                scan.running(int(json.loads(process.stdout.readline())["pid"]))
                return int(json.loads(process.stdout.readline())["exit"])
            except (OSError, ValueError, KeyError) as error:  # the server died: EOF, a broken pipe
                process.kill()
                process.communicate()
                last = ((Path(self._scratch.name) / "server.log").read_text(errors="replace").strip().splitlines()
                        or [f"no output ({type(error).__name__})"])[-1]
                raise GateInternalError(f"checkov's scan server stopped ({self.framework}, exit "
                                        f"{process.returncode}): {last}") from None


class ServedScan:
    """One scan of a ScanServer; the same contract as PendingScan."""

    def __init__(self, server: ScanServer) -> None:
        self._server = server
        self._pid: int | None = None
        self._stopped = False
        self._timed_out = False

    def running(self, pid: int) -> None:
        self._pid = pid
        if self._stopped:
            self.stop()

    def stop(self) -> None:
        self._stopped = True
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:  # the fork had finished
                pass

    def _time_out(self) -> None:
        self._timed_out = True
        self.stop()

    def finish(self, targets: Sequence[Path], expected_rules: Iterable[str]) -> ScanResult:
        expected = set(expected_rules)
        with tempfile.TemporaryDirectory(prefix="fedctl-checkov-") as scratch:
            out, log = Path(scratch) / "scan.json", Path(scratch) / "scan.log"
            if self._stopped:
                raise GateInternalError(f"checkov was stopped before it started ({self._server.framework})")
            timer = threading.Timer(SCAN_TIMEOUT_SECONDS, self._time_out)
            timer.start()
            try:
                code = self._server.run(self, targets, out, log)
            finally:
                timer.cancel()
                self._pid = None  # reaped by the server: the number may soon be another process's
            if self._timed_out:
                raise GateInternalError(f"checkov did not finish within {SCAN_TIMEOUT_SECONDS}s")
            stderr = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            data = _written_result(self._server.framework, code, stderr, out)
        return _scan_result(self._server.framework, self._server.policies_dir, data, stderr, expected, targets)


def _written_result(framework: str, code: int | None, stderr: str, out: Path) -> dict[str, Any]:
    """The driver's JSON file, or GateInternalError naming the crash and its last line."""
    if code != 0 or not out.exists():
        last = (stderr.strip().splitlines() or ["no output"])[-1]
        raise GateInternalError(f"checkov crashed ({framework}, exit {code}): {last}", log=stderr)
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def _scan_result(framework: str, policies_dir: Path, data: dict[str, Any], stderr: str, expected: set[str],
                 targets: Sequence[Path]) -> ScanResult:
    """Raises GateInternalError on a parse error, a check that did not load, a rule that raised,
    or an input in which no federation rule found anything to judge."""
    if data["parsing_errors"]:
        raise GateInternalError(f"checkov could not parse {', '.join(data['parsing_errors'])} ({framework})")
    missing = sorted(expected - set(data["loaded_checks"]))
    if missing:
        raise GateInternalError(f"checkov did not load {', '.join(missing)} from {policies_dir} (an import "
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
                                f"({framework}): no Cognito or Okta resources, or checkov could not read them")
    # A rule that is not about a resource (docs/applicability.md) says so through checkov's
    # UNKNOWN; it is neither a pass nor a finding, so it leaves the records here.
    judged = tuple(r for r in records if not (r.result == "UNKNOWN" and NOT_APPLICABLE in r.details))
    return ScanResult(framework=framework, records=judged, loaded_checks=data["loaded_checks"])


def scan(framework: str, targets: Sequence[Path], policies_dir: Path, expected_rules: Iterable[str],
         with_secrets: bool = False) -> ScanResult:
    """checkov over `targets`, started and finished at once."""
    return PendingScan(framework, policies_dir, with_secrets).finish(targets, expected_rules)


def _checkov_environment() -> dict[str, str]:
    return {**os.environ, "BC_SKIP_MAPPING": "TRUE", "PYTHONPATH": _project_path()}


def _project_path() -> str:
    """The project root on PYTHONPATH, so `python -m gate.checkov_driver` resolves from anywhere."""
    root = str(Path(__file__).resolve().parent.parent)
    existing = os.environ.get("PYTHONPATH")
    return f"{root}{os.pathsep}{existing}" if existing else root
