"""Runs checkov in this (child) process and writes everything the gate needs as one JSON file.

Started by `gate.checkov_scan` as `python -m gate.checkov_driver`, so that a checkov crash can
never take the gate down with it or be mistaken for a pass. Beyond checkov's own report it
records what checkov hides: which checks were actually loaded (checkov logs and skips a check
that fails to import), the UNKNOWN results it drops, and each record's full resource address
(for Terraform JSON checkov names a resource only `resource.<name>`).

With several frameworks, checkov's secret scan runs in a fork of this process beside the others
(checkov already imported), and `gate.checkov_speedups` trims checkov's internals; both can be
turned off with FEDCTL_CHECKOV_PLAIN=1.

With --serve it imports checkov once and runs each scan asked for on stdin in a fork of itself
(`gate.checkov_scan.ScanServer`, for the run-task service, which judges run after run).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import re
import signal
import sys
import tempfile
import traceback
from typing import Any

_TYPE_KEY = re.compile(r'^(\s*)"([A-Za-z0-9_]+)"\s*:\s*\{')


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m gate.checkov_driver")
    parser.add_argument("--framework", action="append", required=True, help="repeat for several")
    parser.add_argument("--target", action="append", default=[], help="a file or folder to scan")
    parser.add_argument("--targets-from-stdin", action="store_true",
                        help="import checkov first, then read the targets as one JSON list from stdin")
    parser.add_argument("--external-checks-dir", required=True)
    parser.add_argument("--out", help="the JSON file to write (not with --serve)")
    parser.add_argument("--serve", action="store_true",
                        help="import checkov, then run one scan per JSON request line on stdin, each in a fork "
                             "(gate.checkov_scan.ScanServer)")
    args = parser.parse_args(argv)
    if not args.serve and not args.out:
        parser.error("--out is required without --serve")
    os.environ.setdefault("BC_SKIP_MAPPING", "TRUE")
    # In one process: with several frameworks checkov forks a runner each, and the loaded checks
    # and UNKNOWN results recorded here would stay in the children.
    os.environ["CHECKOV_PARALLELIZATION_TYPE"] = "none"
    from gate.checkov_speedups import apply_speedups, speedups_enabled, switch_on_secret_scanner_pregate

    switch_on_secret_scanner_pregate()
    import checkov.main  # noqa: F401 - its ~1,600 checks load now, while the caller may be synthesizing

    for notice in apply_speedups():
        print(notice, file=sys.stderr)

    if args.serve:
        return _serve(args.framework, args.external_checks_dir)
    if args.targets_from_stdin:  # checkov is imported by now: the caller may have been synthesizing meanwhile
        args.target += json.loads(sys.stdin.readline() or "[]")
    if not args.target:
        parser.error("no targets")

    frameworks: list[str] = args.framework
    side_frameworks = ["secrets"] if "secrets" in frameworks and len(frameworks) > 1 and speedups_enabled() else []
    main_frameworks = [f for f in frameworks if f not in side_frameworks]
    # The secret scanner reads every line of every file and shares nothing with the other
    # frameworks: on 2 cores it runs beside them in a fork of this process, checkov already imported.
    side = _start_in_fork(side_frameworks, args.target, args.external_checks_dir) if side_frameworks else None
    try:
        result = _scan(main_frameworks, args.target, args.external_checks_dir)
    except BaseException:
        if side is not None:  # no orphan scanning on after the main scan failed
            os.kill(side[0], signal.SIGKILL)
            _finish_fork(*side)
        raise
    if side is not None:
        side_result = _finish_fork(*side)
        if side_result is None:
            return 1
        result = {"loaded_checks": {**side_result["loaded_checks"], **result["loaded_checks"]},
                  "records": result["records"] + side_result["records"],
                  "parsing_errors": result["parsing_errors"] + side_result["parsing_errors"]}
    with open(args.out, "w", encoding="utf-8") as handle:
        # json.dumps, not json.dump: dump streams through the pure-Python encoder (0.8 s at 1,000
        # federations), dumps uses the C one.
        handle.write(json.dumps(result))
    return 0


def _scan(frameworks: list[str], targets: list[str], external_checks_dir: str) -> dict[str, Any]:
    """One checkov run: the checks it loaded, every record (UNKNOWN too) and its parsing errors."""
    from checkov.common.models.enums import CheckResult
    from checkov.common.output.report import Report
    from checkov.common.runners.runner_registry import RunnerRegistry
    from checkov.main import Checkov

    unknown_records: list[Any] = []
    add_record = Report.add_record

    def add_record_keeping_unknown(report: Report, record: Any) -> None:
        if record.check_result.get("result") == CheckResult.UNKNOWN:
            unknown_records.append(record)
        add_record(report, record)

    Report.add_record = add_record_keeping_unknown  # type: ignore[method-assign,assignment]
    checkov_argv = ["--skip-download", "--framework", *frameworks, "--external-checks-dir",
                    external_checks_dir, "-o", "json", "--soft-fail"]
    for target in targets:
        checkov_argv += ["-f", target] if os.path.isfile(target) else ["-d", target]
    # We read the reports from scan_reports; rendering checkov's own JSON output would cost
    # seconds at scale (13 s at 1,000 federations) for text nobody reads.
    RunnerRegistry.print_reports = lambda *args, **kwargs: None  # type: ignore[method-assign,assignment]
    runner = Checkov(argv=checkov_argv)
    with contextlib.redirect_stdout(io.StringIO()):
        runner.run()

    from checkov.terraform.checks.resource.registry import resource_registry

    loaded = {check.id: sorted(getattr(check, "supported_resources", ())) for checks in resource_registry.checks.values()
              for check in checks}
    records: list[dict[str, Any]] = []
    parsing_errors: list[str] = []
    for report in runner.scan_reports:
        parsing_errors += [str(path) for path in report.parsing_errors]
        for record in [*report.passed_checks, *report.failed_checks, *report.skipped_checks]:
            records.append(_record(record, loaded))
    records += [_record(record, loaded) for record in unknown_records]
    return {"loaded_checks": loaded, "records": records, "parsing_errors": parsing_errors}


def _serve(frameworks: list[str], external_checks_dir: str) -> int:
    """For each request line {"targets", "out", "log"}: forks, answers {"pid"}, and once the fork
    has written `out` (its stderr going to `log`) answers {"exit"}. Each fork starts from this
    process as it was after the import, so no scan sees another's state. Ends at end of input."""
    for line in sys.stdin:
        request = json.loads(line)
        pid = _fork_scan(frameworks, request["targets"], external_checks_dir, request["out"], log=request["log"])
        print(json.dumps({"pid": pid}), flush=True)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"exit": os.waitstatus_to_exitcode(status)}), flush=True)
    return 0


def _redirect(descriptor: int, path: str) -> None:
    target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(target, descriptor)
    os.close(target)


def _start_in_fork(frameworks: list[str], targets: list[str], external_checks_dir: str) -> tuple[int, str]:
    """Runs `_scan` in a forked child that writes its result to a file; returns (pid, file)."""
    handle, out = tempfile.mkstemp(prefix="fedctl-checkov-side-", suffix=".json")
    os.close(handle)
    return _fork_scan(frameworks, targets, external_checks_dir, out), out


def _fork_scan(frameworks: list[str], targets: list[str], external_checks_dir: str, out: str,
               log: str | None = None) -> int:
    """Forks; the child runs `_scan`, writes its result to `out` and exits 0, or prints the
    traceback and exits 1. With `log`, the child's stderr goes there and its stdout nowhere (the
    server's stdout carries its answers). Returns the child's pid."""
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            if log is not None:
                _redirect(1, os.devnull)
                _redirect(2, log)
            result = _scan(frameworks, targets, external_checks_dir)
            with open(out, "w", encoding="utf-8") as target:
                target.write(json.dumps(result))
            status = 0
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stderr.flush()
            os._exit(status)  # never run the parent's clean-up code in the child
    return pid


def _finish_fork(pid: int, out: str) -> dict[str, Any] | None:
    """The child's result, or None (its traceback is on stderr) when it failed."""
    try:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            print(f"checkov's secret scan failed in its side process: exit {os.waitstatus_to_exitcode(status)}",
                  file=sys.stderr)
            return None
        with open(out, encoding="utf-8") as handle:
            result: dict[str, Any] = json.load(handle)
        return result
    finally:
        os.unlink(out)


def _record(record: Any, loaded: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "check_id": record.check_id,
        "result": str(record.check_result.get("result").name),
        "resource": _address(record, loaded.get(record.check_id, [])),
        "file": record.file_abs_path,
        "line": (record.file_line_range or [0])[0],
        "details": list(record.details or []),
        "severity": record.severity.name if getattr(record, "severity", None) else None,
        "check_name": record.check_name,
    }


def _address(record: Any, supported: list[str]) -> str:
    """`type.name`: as checkov gives it for HCL and plans; recovered for Terraform JSON."""
    resource = str(record.resource)
    if not resource.startswith(("resource.", "data.")) or resource.count(".") != 1:
        return resource
    block, name = resource.split(".")
    prefix = "data." if block == "data" else ""
    if len(supported) == 1:
        return f"{prefix}{supported[0]}.{name}"
    return f"{prefix}{_type_above(record.file_abs_path, (record.file_line_range or [0])[0]) or block}.{name}"


def _type_above(path: str, line: int) -> str | None:
    """In indented JSON the resource type is the nearest key above the name, one level out."""
    types = _enclosing_types(path)
    return types[line - 1] if 0 < line <= len(types) else None


@functools.lru_cache(maxsize=64)
def _enclosing_types(path: str) -> tuple[str | None, ...]:
    """For each line of the file: the key one indentation level out from that line, read once per file."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.readlines()
    except OSError:
        return ()
    keys: list[tuple[int, str]] = []  # (indent, key) of the open objects above the current line
    result: list[str | None] = []
    for text in lines:
        indent = len(text) - len(text.lstrip())
        while keys and keys[-1][0] >= indent:
            keys.pop()
        result.append(keys[-1][1] if keys else None)
        match = _TYPE_KEY.match(text)
        if match:
            keys.append((indent, match.group(2)))
    return tuple(result)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
