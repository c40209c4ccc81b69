"""`fedctl bench`: synthesis, gate and drift-parse timed on the example and on generated
configurations, beside two references measured in the same run: the naive provider imports and
the floor (the same Terraform JSON written with plain json.dumps)."""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench.drift_plan import drift_plan
from bench.generated_config import write_generated_environment
from bench.measure import Measurement, measure

PROJECT_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_DIR = PROJECT_ROOT / "environments"
LAUNCHER = PROJECT_ROOT / "bin" / "fedctl"
# Every stack read and written again with json.dumps: the least any synthesizer must do.
FLOOR = ("import json,sys\nfor i, p in enumerate(sys.argv[2:]): "
         "open(f'{sys.argv[1]}-{i}.json','w').write(json.dumps(json.load(open(p)), indent=2))")


@dataclass(frozen=True)
class CaseResult:
    case: str
    federations: int
    measurements: dict[str, Measurement]


def run_benchmark(sizes: Sequence[int], runs: int, include_example: bool = True, shards: int = 1,
                  progress: Any = None) -> list[CaseResult]:
    """`shards` > 1 adds the largest size once more, its federations spread over that many stacks."""
    # Every process as users start it: the documented entry point, on the state scripts/setup leaves
    # (bytecode written, jsii cache warm), its wall time and peak memory from the outside.
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    fedctl = [str(LAUNCHER)]
    naive_fedctl = [sys.executable, "-m", "fedctl"]  # a plain Python program
    results = []
    with tempfile.TemporaryDirectory(prefix="fedctl-bench-") as scratch:
        root = Path(scratch)
        cases: list[tuple[str, Path, int]] = []
        if include_example:
            cases.append(("example", EXAMPLE_DIR, 3))
        for size in sizes:
            config = write_generated_environment(root / f"config-{size}", size).parent
            cases.append((f"N={size}", config, size))
        if shards > 1 and sizes:
            size = max(sizes)
            config = write_generated_environment(root / f"config-{size}-sharded", size, shards=shards).parent
            cases.append((f"N={size}, {shards} shards", config, size))
        for case, config_dir, federations in cases:
            if progress:
                progress(f"{case}: synth, naive synth, floor, gate, drift-parse ({runs} runs each)")
            slug = case.replace(" ", "").replace(",", "-")
            out = root / f"out-{slug}"
            synth = measure("synth", [*fedctl, "synth", "--config-dir", str(config_dir), "--outdir", str(out)], runs,
                            env)
            naive = measure("naive synth", [*naive_fedctl, "synth", "--config-dir", str(config_dir), "--outdir",
                                            str(root / f"naive-{slug}")], runs, {**env, "FEDCTL_LAZY_PROVIDERS": "0"})
            stacks = [str(path) for path in sorted(out.glob("stacks/*/cdk.tf.json"))]
            floor = measure("floor (json.dumps)", [sys.executable, "-c", FLOOR, str(root / "floor"), *stacks], runs, env)
            gate = measure("gate", [*fedctl, "gate", "--config-dir", str(config_dir), "--outdir", str(out),
                                    "--report-dir", str(root / f"gate-{slug}")], runs, env)
            plan = root / f"drift-{slug}.json"
            plan.write_text(json.dumps(drift_plan(federations)))
            drift = measure("drift-parse", [*fedctl, "drift", "--plan-json", str(plan), "--report-dir",
                                            str(root / f"drift-{slug}")], runs, env)
            results.append(CaseResult(case, federations, {m.name: m for m in (synth, naive, floor, gate, drift)}))
    return results


def render_markdown(results: list[CaseResult], runs: int) -> str:
    lines = [f"Measured {date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}; medians of {runs} runs of `bin/fedctl synth`, `bin/fedctl gate` and "
             "`bin/fedctl drift --plan-json`; wall time and peak RSS of each whole process.", "",
             "| case | synth | peak MiB | × floor | naive synth | peak MiB | gate | drift-parse |",
             "|---|---|---|---|---|---|---|---|"]
    for r in results:
        m = r.measurements
        lines.append(
            f"| {r.case} | {m['synth'].median_seconds:.2f} s | {m['synth'].median_peak_mib:.0f} | "
            f"{m['synth'].median_seconds / m['floor (json.dumps)'].median_seconds:.1f} | "
            f"{m['naive synth'].median_seconds:.2f} s | {m['naive synth'].median_peak_mib:.0f} | "
            f"{m['gate'].median_seconds:.2f} s | {m['drift-parse'].median_seconds:.2f} s |")
    return "\n".join(lines) + "\n"


def render_json(results: list[CaseResult], runs: int) -> str:
    return json.dumps({"date": date.today().isoformat(), "machine": platform.machine(), "cores": os.cpu_count(),
                       "runs": runs, "cases": [
                           {"case": r.case, "federations": r.federations, "measurements": {
                               name: {"command": list(m.command),
                                      "median_seconds": round(m.median_seconds, 3),
                                      "median_peak_mib": round(m.median_peak_mib, 1),
                                      "samples": [{"seconds": round(s.seconds, 3), "peak_mib": round(s.peak_mib, 1)}
                                                  for s in m.samples]}
                               for name, m in r.measurements.items()}} for r in results]}, indent=2) + "\n"
