"""A native app's short callback scheme (`myapp://`) as a user meets it: outside production the
configuration accepts it and the gate warns (FED_414, LOW: reported, not blocking); in production
the configuration refuses it before anything is synthesized."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLE_DIR
from tests.gate.test_gate_command import run_gate

NATIVE = "com.acme.analytics:/oauth2/callback"


def environment_with_short_scheme(folder: Path, name: str) -> Path:
    folder.mkdir()
    text = (EXAMPLE_DIR / "dev.yaml").read_text()
    assert NATIVE in text
    text = text.replace(NATIVE, "myapp://callback")
    if name == "prod":
        text = text.replace("production: false", "production: true")
    (folder / f"{name}.yaml").write_text(text)
    return folder


def test_outside_production_the_gate_warns_and_passes(tmp_path: Path) -> None:
    config = environment_with_short_scheme(tmp_path / "environments", "dev")
    result = run_gate("--config-dir", str(config), "--outdir", str(tmp_path / "out"),
                      "--report-dir", str(tmp_path / "reports"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fedctl gate: PASS — 0 blocking at HIGH and above" in result.stdout
    warning = [line for line in result.stdout.splitlines() if "FED_414" in line]
    assert len(warning) == 1 and warning[0].startswith("LOW") and "'myapp://callback'" in warning[0]
    findings = json.loads((tmp_path / "reports" / "gate.json").read_text())["findings"]
    assert [(f["rule_id"], f["severity"]) for f in findings if f["status"] == "failed"] == [("FED_414", "LOW")]


def test_in_production_the_configuration_refuses_it_in_one_line(tmp_path: Path) -> None:
    config = environment_with_short_scheme(tmp_path / "environments", "prod")
    result = run_gate("--config-dir", str(config), "--outdir", str(tmp_path / "out"),
                      "--report-dir", str(tmp_path / "reports"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert (f"{config / 'prod.yaml'}: app_clients[analytics-mobile].callback_urls[0]: got 'myapp://callback': the "
            "scheme 'myapp' is not a reverse domain name") in result.stderr
    assert not (tmp_path / "out").exists()
