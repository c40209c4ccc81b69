"""The pack on public Terraform it was not written for: judged against labels a reviewer gave by
reading the rule texts (README.md here). Fails on a finding on a resource the rule is not about,
on a rule that raises, and on precision below 0.97 or recall below 0.95 on the decidable labels."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gate.checkov_scan import ScanResult
from gate.errors import GateInternalError
from tests.conftest import PROJECT_ROOT
from tests.corpus.score import CASES, UNPARSEABLE, Case, load_cases, pack_verdicts, score
from tests.policies.checkov_run import CHECKED_RULES, POLICIES, pack_scan

MINIMUM_PRECISION = 0.97
MINIMUM_RECALL = 0.95
MINIMUM_CASES = 115


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases()


@pytest.fixture(scope="module")
def corpus_scan(cases: list[Case]) -> ScanResult:
    """The gate's own checkov run over every parseable case at once, as over a repository's folder
    of modules (it fails closed on a rule that raises, so a crash anywhere fails every test here)."""
    return pack_scan("terraform", [CASES])


def test_every_case_has_a_source_and_a_label(cases: list[Case]) -> None:
    sources = "\n".join(path.read_text(encoding="utf-8") for path in CASES.parent.glob("SOURCES-*.md"))
    folders = sorted(path.name for root in (CASES, UNPARSEABLE) for path in root.iterdir() if path.is_dir())
    assert folders == sorted(case.name for case in cases)
    assert [name for name in folders if f"| {name} |" not in sources] == []
    assert len(folders) >= MINIMUM_CASES


def test_the_pack_scores_above_the_thresholds_on_the_corpus(cases: list[Case], corpus_scan: ScanResult) -> None:
    result = score(cases, pack_verdicts(cases, corpus_scan.records))
    total = result.total()
    report = result.table() + "\n" + "\n".join(f"  {line}" for line in total.disagreements)
    print(f"\ncorpus: {len(cases)} files\n{report}", file=sys.stderr)
    assert total.findings_on_not_applicable == [], report
    assert result.precision(total) >= MINIMUM_PRECISION, report
    assert result.recall(total) >= MINIMUM_RECALL, report


def test_files_that_do_not_parse_are_reported_as_such_never_as_a_crash(cases: list[Case]) -> None:
    for case in [case for case in cases if not case.parses]:
        with pytest.raises(GateInternalError, match="could not parse"):
            pack_scan("terraform", [case.folder])


def test_plain_checkov_gives_the_gate_s_verdicts(cases: list[Case], corpus_scan: ScanResult) -> None:
    """`checkov --external-checks-dir policies`, as a merge-request job runs it without fedctl."""
    checkov = str(Path(sys.executable).parent / "checkov")
    argv = [checkov, "--skip-download", "--framework", "terraform", "--external-checks-dir", str(POLICIES),
            "--check", ",".join(CHECKED_RULES), "-o", "json", "--compact", "--soft-fail", "-d", str(CASES)]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=600, cwd=PROJECT_ROOT,
                            env={**os.environ, "BC_SKIP_MAPPING": "TRUE"})
    assert result.returncode == 0, result.stderr[-2000:]
    reports = json.loads(result.stdout)
    plain: set[tuple[str, str, str]] = set()
    for report in reports if isinstance(reports, list) else [reports]:
        for outcome in ("passed_checks", "failed_checks"):
            for check in report["results"][outcome]:
                case = Path(check["file_abs_path"]).parent.name
                plain.add((case, check["check_id"], check["resource"], check["check_result"]["result"]))
    gate = {(Path(r.file).parent.name, r.check_id, r.resource, r.result) for r in corpus_scan.records
            if r.check_id.startswith("FED_") and r.result in ("PASSED", "FAILED")}
    assert plain == gate
