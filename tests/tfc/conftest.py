"""The Terraform Cloud stand-in as a process of its own, and `bin/fedctl` run against it."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PROJECT_ROOT
from tests.tfc.run_task_harness import RunTaskStandIn, stand_in_process as run_task_stand_in_process, started_process

ORGANIZATION = "acme"


@dataclass
class StandIn:
    url: str
    token: str

    def control(self, name: str, body: Any = None) -> Any:
        request = urllib.request.Request(f"{self.url}/_stand_in/api/{name}",
                                         data=None if body is None else json.dumps(body).encode(),
                                         method="GET" if body is None else "POST")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def scenario(self, workspaces: list[dict[str, Any]], **options: Any) -> None:
        self.control("scenario", {"organizations": {ORGANIZATION: workspaces}, **options})

    def requests(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self.control("requests")
        return result

    def state(self) -> dict[str, Any]:
        result: dict[str, Any] = self.control("state")
        return result


@pytest.fixture(scope="session")
def stand_in_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StandIn]:
    token = f"tfc-stand-in-token-{secrets.token_hex(12)}"
    folder = tmp_path_factory.mktemp("tfc-api-stand-in")
    argv = [sys.executable, "-m", "tests.tfc_stand_in", "--port", "0"]
    with started_process(argv, folder / "stand-in.log", {**os.environ, "TFC_STAND_IN_TOKEN": token}) as (url, _):
        yield StandIn(url, token)


@pytest.fixture
def stand_in(stand_in_process: StandIn) -> StandIn:
    """The stand-in, emptied: each test sets its own scenario."""
    stand_in_process.scenario([])
    return stand_in_process


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def fedctl(stand_in: StandIn, home: Path, *args: str, token: str | None = None,
           token_variable: str = "TF_TOKEN_127_0_0_1") -> Run:
    """`bin/fedctl ARGS` pointed at the stand-in (TFE_ADDRESS), with the token in `token_variable`."""
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("TF_TOKEN_", "TFE_", "TF_CLOUD_"))}
    environment.update({"HOME": str(home), "TFE_ADDRESS": stand_in.url,
                        token_variable: stand_in.token if token is None else token})
    result = subprocess.run([str(PROJECT_ROOT / "bin" / "fedctl"), *args], cwd=home, capture_output=True, text=True,
                            timeout=300, env=environment)
    return Run(result.returncode, result.stdout, result.stderr)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """A folder for the run-task tests of one module: the processes' logs, the service's scratch."""
    return tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])


@pytest.fixture(scope="module")
def tfc(folder: Path) -> Iterator[RunTaskStandIn]:
    """The stand-in as the run-task tests drive it (one per module)."""
    with run_task_stand_in_process(folder) as stand_in:
        yield stand_in
