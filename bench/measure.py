"""Runs a command as a child process and measures it the way the operating system sees it."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_mib: float
    """Peak resident memory of the child (getrusage via wait4: its own and its waited children's largest)."""


@dataclass(frozen=True)
class Measurement:
    name: str
    samples: tuple[Sample, ...]
    command: tuple[str, ...] = ()

    @property
    def median_seconds(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def median_peak_mib(self) -> float:
        return statistics.median(s.peak_mib for s in self.samples)


def run_once(argv: Sequence[str], env: dict[str, str] | None = None, cwd: str | None = None) -> Sample:
    start = time.perf_counter()
    process = subprocess.Popen(list(argv), env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode not in (0, 2):
        raise RuntimeError(f"{' '.join(argv)} exited {process.returncode}: {stderr.strip()[-500:]}")
    return Sample(seconds=seconds, peak_mib=usage.ru_maxrss / 1024)


def measure(name: str, argv: Sequence[str], runs: int, env: dict[str, str] | None = None,
            cwd: str | None = None) -> Measurement:
    return Measurement(name, tuple(run_once(argv, env, cwd) for _ in range(runs)), tuple(argv))
