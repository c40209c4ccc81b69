"""The run-task service and the Terraform Cloud stand-in as real processes on loopback, and a small
client for the stand-in's control endpoints."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import PROJECT_ROOT

HMAC_KEY = "stand-in-hmac-key-0123456789abcdef"
START_TIMEOUT = 60.0
_LISTENING = re.compile(r"listening on (http://[\d.]+:\d+)")


@dataclass
class Service:
    url: str
    log: Path
    scratch: Path
    """The service's TMPDIR: where it may write while judging a plan."""
    process: subprocess.Popen[bytes]

    @property
    def run_task_url(self) -> str:
        return f"{self.url}/run-task"

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


class RunTaskStandIn:
    def __init__(self, url: str) -> None:
        self.url = url

    def add_plan(self, plan: dict[str, Any] | None = None, raw: str | None = None, mode: str = "ok",
                 delay: float = 0.0) -> str:
        spec: dict[str, Any] = {"mode": mode, "delay": delay, **({"raw": raw} if raw is not None else {"plan": plan})}
        return str(self.post("/_stand_in/plans", spec)["plan_id"])

    def trigger(self, service: Service, plan_id: str | None = None, **options: Any) -> list[dict[str, Any]]:
        spec = {"url": service.run_task_url, "hmac_key": HMAC_KEY, "plan_id": plan_id, **options}
        return list(self.post("/_stand_in/run-tasks/trigger", spec)["sent"])

    def task_result(self, task_result_id: str, wait: float = 0.0) -> dict[str, Any]:
        return self.get(f"/_stand_in/task-results/{task_result_id}?wait={wait}")  # type: ignore[no-any-return]

    def final_callback(self, task_result_id: str, wait: float = 300.0) -> dict[str, Any]:
        """The one passed/failed document the service sent (asserting there is exactly one)."""
        received = self.task_result(task_result_id, wait)
        finals = [c["document"] for c in received["callbacks"]
                  if c["document"]["data"]["attributes"]["status"] in ("passed", "failed")]
        assert len(finals) == 1, received
        assert not received["refused"], received
        return finals[0]  # type: ignore[no-any-return]

    def plan_requests(self) -> list[dict[str, Any]]:
        return self.get("/_stand_in/plan-requests")  # type: ignore[no-any-return]

    def post(self, path: str, body: dict[str, Any]) -> Any:
        request = urllib.request.Request(self.url + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=600) as response:
            return json.loads(response.read())

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(self.url + path, timeout=600) as response:
            return json.loads(response.read())


@contextmanager
def stand_in_process(folder: Path) -> Iterator[RunTaskStandIn]:
    log = folder / "stand-in.log"
    with started_process([sys.executable, "-m", "tests.tfc_stand_in", "--port", "0"], log, dict(os.environ)) as (url, _):
        yield RunTaskStandIn(url)


@contextmanager
def service_process(folder: Path, *options: str, hmac_key: str | None = HMAC_KEY) -> Iterator[Service]:
    scratch = folder / "service-tmp"
    scratch.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(scratch)}
    env.pop("FEDCTL_RUN_TASK_HMAC_KEY", None)
    if hmac_key is not None:
        env["FEDCTL_RUN_TASK_HMAC_KEY"] = hmac_key
    log = folder / "service.log"
    argv = [str(PROJECT_ROOT / "bin" / "fedctl"), "run-task", "serve", "--port", "0", *options]
    with started_process(argv, log, env) as (url, process):
        yield Service(url=url, log=log, scratch=scratch, process=process)


def get_status(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def post_raw(url: str, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@contextmanager
def started_process(argv: list[str], log: Path, env: dict[str, str]) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A server process (the stand-in, the service) with its output in `log`; yields its URL once it
    says it is listening, and stops it with SIGTERM afterwards."""
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    with log.open("wb") as stream:
        process = subprocess.Popen(argv, cwd=PROJECT_ROOT, stdout=stream, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not (match := _LISTENING.search(log.read_text(errors="replace"))):
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"{argv[0]} did not start: {log.read_text(errors='replace')}")
            time.sleep(0.05)
        yield match.group(1), process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
