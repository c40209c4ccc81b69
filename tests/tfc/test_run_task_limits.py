"""The run-task service at its limits: a full queue, a run past its time, a stop, a missing key."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PROJECT_ROOT
from tests.tfc.run_task_harness import RunTaskStandIn, Service, service_process
from tests.tfc.run_task_plans import passing_plan

FAILING_CLOSED = "fedctl could not judge this plan, failing closed: "
BUSY = FAILING_CLOSED + "the fedctl run-task service is busy (its queue of 1 is full); retry the run in a few minutes"
TIMED_OUT = FAILING_CLOSED + "not finished within 3s"
STOPPED = FAILING_CLOSED + "the fedctl run-task service stopped before judging this run; retry the run"
STALL_SECONDS = 60.0
"""How long the stand-in's temporary plan URL stalls: longer than any run may take here."""


@pytest.fixture(scope="module")
def stalled_plan(tfc: RunTaskStandIn, example_stacks: dict[str, dict[str, Any]]) -> str:
    return tfc.add_plan(passing_plan(example_stacks), mode="slow", delay=STALL_SECONDS)


def wait_until_running(tfc: RunTaskStandIn, task_result_id: str) -> None:
    """The worker has taken the run once its `running` update arrives (the deadline only guards a hang)."""
    deadline = time.monotonic() + 60
    while not tfc.task_result(task_result_id)["callbacks"]:
        assert time.monotonic() < deadline, "the run never started"
        time.sleep(0.05)


def final_message(tfc: RunTaskStandIn, task_result_id: str) -> str:
    final = tfc.final_callback(task_result_id)
    assert final["data"]["attributes"]["status"] == "failed"
    return str(final["data"]["attributes"]["message"])


def test_a_full_queue_fails_new_runs_at_once_and_a_slow_run_times_out(folder: Path, tfc: RunTaskStandIn,
                                                                      stalled_plan: str) -> None:
    with service_process(folder, "--workers", "1", "--queue", "1", "--run-timeout", "3") as service:
        first = tfc.trigger(service, stalled_plan)[0]
        wait_until_running(tfc, first["task_result_id"])
        more = tfc.trigger(service, stalled_plan, count=3)
        assert [s["status"] for s in [first, *more]] == [200] * 4
        messages = sorted(final_message(tfc, s["task_result_id"]) for s in more)
        assert messages == sorted([BUSY, BUSY, TIMED_OUT])
        assert final_message(tfc, first["task_result_id"]) == TIMED_OUT
        busy = [s for s in more if final_message(tfc, s["task_result_id"]) == BUSY]
        assert all(tfc.task_result(s["task_result_id"])["callbacks"][0]["document"]["data"]["attributes"]["status"]
                   == "failed" for s in busy), "a busy run gets no running update, only its failure"


def test_stopping_the_service_answers_running_and_queued_runs(folder: Path, tfc: RunTaskStandIn, stalled_plan: str) -> None:
    with service_process(folder, "--workers", "1", "--queue", "4", "--run-timeout", "300") as service:
        running = tfc.trigger(service, stalled_plan)[0]
        wait_until_running(tfc, running["task_result_id"])
        queued = tfc.trigger(service, stalled_plan)[0]
        service.process.send_signal(signal.SIGTERM)
        assert service.process.wait(timeout=60) == 0
    assert final_message(tfc, running["task_result_id"]) == STOPPED
    assert final_message(tfc, queued["task_result_id"]) == STOPPED


@pytest.mark.parametrize(("key", "problem"), [(None, "is not set"), ("short", "is too short")])
def test_the_service_does_not_start_without_a_proper_hmac_key(key: str | None, problem: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "FEDCTL_RUN_TASK_HMAC_KEY"}
    if key is not None:
        env["FEDCTL_RUN_TASK_HMAC_KEY"] = key
    result = subprocess.run([str(PROJECT_ROOT / "bin" / "fedctl"), "run-task", "serve", "--port", "0"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"fedctl: FEDCTL_RUN_TASK_HMAC_KEY {problem}: set it to the HMAC key registered with the run task (at least "
        "16 characters); fedctl accepts only signed requests"]
    assert result.stdout == ""
