"""The benchmark runs as users run it and reports every measurement beside its references."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from bench.drift_plan import drift_plan
from bench.generated_config import generated_environment
from config.loader import load_environment
from tests.conftest import PROJECT_ROOT


def test_generated_configurations_are_valid_environments(tmp_path: Path) -> None:
    path = tmp_path / "n50.yaml"
    path.write_text(yaml.safe_dump(generated_environment(50)))
    environment = load_environment(path)
    assert len(environment.federations) == 50
    assert environment.app_clients[0].identity_providers == tuple(f.name for f in environment.federations)


def test_drift_plan_has_one_drifted_identity_provider_per_federation() -> None:
    assert len(drift_plan(7)["resource_drift"]) == 7


def test_bench_writes_a_table_and_json_with_medians_and_references(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "fedctl", "bench", "--sizes", "2", "--shards", "2", "--runs", "1",
                             "--no-example", "--output-dir", str(tmp_path)], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            timeout=900, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert result.returncode == 0, result.stderr
    document = json.loads((tmp_path / "bench.json").read_text())
    assert [case["case"] for case in document["cases"]] == ["N=2", "N=2, 2 shards"]
    launcher = str(PROJECT_ROOT / "bin" / "fedctl")
    for case in document["cases"]:
        assert set(case["measurements"]) == {"synth", "naive synth", "floor (json.dumps)", "gate", "drift-parse"}
        # what users run, as a whole process: the documented entry point
        assert [case["measurements"][name]["command"][:2] for name in ("synth", "gate", "drift-parse")] == [
            [launcher, "synth"], [launcher, "gate"], [launcher, "drift"]]
        for measurement in case["measurements"].values():
            assert measurement["median_seconds"] > 0 and measurement["median_peak_mib"] > 0
    table = (tmp_path / "bench.md").read_text()
    assert "| N=2 |" in table and "| N=2, 2 shards |" in table and "× floor" in table
    assert "`bin/fedctl synth`" in table
