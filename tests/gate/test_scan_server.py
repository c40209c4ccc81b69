"""The run-task service's checkov server (gate.checkov_scan.ScanServer): each scan, in a fork of
one process that imported checkov once, gives exactly the records a checkov process of its own
gives; a scan stopped while it runs fails closed; a server that died is started again."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from gate.checkov_scan import ScanResult, ScanServer, scan
from gate.errors import GateInternalError
from tests.policies.checkov_run import CHECKED_RULES, POLICIES

SLOW_CHECK = '''
import os
import time

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


class TakesAMinute(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(name="takes a minute", id="CKV_TEST_SLOW", categories=[CheckCategories.GENERAL_SECURITY],
                         supported_resources=["aws_cognito_user_pool"])

    def scan_resource_conf(self, conf):
        open(os.environ["SCAN_SERVER_TEST_STARTED"], "w").close()
        time.sleep(60)
        return CheckResult.PASSED


check = TakesAMinute()
'''


@pytest.fixture(scope="module")
def stack(example_stacks: dict[str, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stack")
    (folder / "cdk.tf.json").write_text(json.dumps(example_stacks["prod"], indent=2))
    return folder


def outcomes(result: ScanResult) -> list[tuple[str, str, str]]:
    return sorted((r.check_id, r.resource, r.result) for r in result.records)


def test_scans_in_forks_give_the_records_of_a_checkov_process_of_their_own(stack: Path) -> None:
    alone = scan("terraform_json", [stack], POLICIES, CHECKED_RULES)
    server = ScanServer("terraform_json", POLICIES)
    try:
        first = server.next_scan().finish([stack], CHECKED_RULES)
        second = server.next_scan().finish([stack], CHECKED_RULES)
    finally:
        server.close()
    assert len({r.check_id for r in alone.records} & set(CHECKED_RULES)) > len(CHECKED_RULES) // 2
    assert outcomes(first) == outcomes(alone)
    assert outcomes(second) == outcomes(alone)  # the second fork saw nothing of the first's
    assert first.loaded_checks == alone.loaded_checks


def test_a_scan_stopped_while_it_runs_fails_closed(stack: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    policies, started = tmp_path / "policies", tmp_path / "started"
    policies.mkdir()
    (policies / "__init__.py").write_text("")  # checkov loads a checks folder that is a package
    (policies / "TakesAMinute.py").write_text(SLOW_CHECK)
    monkeypatch.setenv("SCAN_SERVER_TEST_STARTED", str(started))
    server = ScanServer("terraform_json", policies)
    running = server.next_scan()

    def stop_once_judging() -> None:
        deadline = time.monotonic() + 60
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        running.stop()

    stopper = threading.Thread(target=stop_once_judging)
    stopper.start()
    try:
        with pytest.raises(GateInternalError, match=r"checkov crashed \(terraform_json, exit -9\)"):
            running.finish([stack], ["CKV_TEST_SLOW"])
    finally:
        stopper.join()
        server.close()
    assert started.exists()  # it was stopped while judging, not before


def test_a_server_that_died_is_started_again_for_the_next_scan(stack: Path) -> None:
    server = ScanServer("terraform_json", POLICIES)
    try:
        before = server.next_scan().finish([stack], CHECKED_RULES)
        server._process.kill()  # as the kernel's out-of-memory killer would
        server._process.wait()
        after = server.next_scan().finish([stack], CHECKED_RULES)
    finally:
        server.close()
    assert outcomes(after) == outcomes(before)
