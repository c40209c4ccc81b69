"""checkov's speedups (gate/checkov_speedups.py, the side process for the secret scan) change
no record: the whole gallery, secrets included, gives the same records with and without them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gate import checkov_driver
from gate.checkov_scan import ScanResult, scan
from gate.checkov_speedups import PLAIN_ENVIRONMENT_VARIABLE
from tests.conftest import PROJECT_ROOT
from tests.gate.gallery import write_gallery
from tests.policies.checkov_run import CHECKED_RULES, POLICIES


def comparable(result: ScanResult) -> tuple[list[str], dict[str, list[str]]]:
    return sorted(json.dumps(record.__dict__, sort_keys=True) for record in result.records), result.loaded_checks


def test_the_gallery_gives_the_same_records_with_and_without_the_speedups(
        example_stacks: dict[str, dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_gallery(tmp_path, example_stacks["prod"])
    fast = scan("terraform_json", [tmp_path], POLICIES, CHECKED_RULES, with_secrets=True)
    monkeypatch.setenv(PLAIN_ENVIRONMENT_VARIABLE, "1")
    plain = scan("terraform_json", [tmp_path], POLICIES, CHECKED_RULES, with_secrets=True)
    assert comparable(fast) == comparable(plain)
    # The comparison covers what matters: failures of the pack, of checkov's checks and of its secret scan.
    failed = {record.check_id for record in fast.records if record.result == "FAILED"}
    assert {"FED_701", "CKV_AWS_41"} <= failed
    assert any(check_id.startswith("CKV_SECRET_") for check_id in failed)


def secret_samples() -> str:
    """HCL with one made-up credential per kind of detector: cloud keys, chat and payment tokens,
    a private key, a JWT, basic auth in a URL, keyword plus entropy, and a keyword whose value is on
    the next line. Assembled here so that this repository holds no credential-shaped literal."""
    random_part = "Q7xK2mP9vR4tW8yZ3bN6"
    values = {
        "aws_key_id": "AKIA" + "J4X7Q2M9R5T8W3Y6",
        "aws_secret": "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCY" + random_part[:12],
        "slack": "xoxb-" + "123456789012-1234567890123-" + random_part + "abcd",
        "stripe": "sk_" + "live_" + random_part + "1234",
        "github": "ghp_" + random_part + random_part[:16],
        "jwt": "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0" + ".c2lnbmF0dXJlLXNpZ25hdHVyZQ",
        "database_password": "Zq8#" + random_part,
        "connection": "https://admin:" + random_part + "@db.example.com/main",
    }
    body = "\n".join(f'  {name} = "{value}"' for name, value in values.items())
    private_key = "-----BEGIN RSA " + "PRIVATE KEY-----\\n" + random_part * 3 + "\\n-----END RSA PRIVATE KEY-----"
    return (f'resource "aws_ssm_parameter" "samples" {{\n{body}\n  key = "{private_key}"\n'
            f'  client_secret = <<EOT\n{random_part}{random_part}\nEOT\n}}\n'
            f'locals {{\n  api_token = [\n    "{random_part}x9"\n  ]\n}}\n'
            'resource "aws_cognito_user_pool" "pool" {\n  name = "samples"\n}\n')  # for the pack to judge


def test_the_secret_scanner_pregate_changes_no_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "samples.tf").write_text(secret_samples(), encoding="utf-8")
    with_pregate = scan("terraform", [tmp_path], POLICIES, CHECKED_RULES, with_secrets=True)
    monkeypatch.setenv("DETECT_SECRETS_PERF_PREGATE", "0")  # a switch the user set wins over the gate's
    without = scan("terraform", [tmp_path], POLICIES, CHECKED_RULES, with_secrets=True)
    assert comparable(with_pregate) == comparable(without)
    found = {record.check_id for record in with_pregate.records if record.check_id.startswith("CKV_SECRET_")}
    assert len(found) >= 5, found  # the comparison covers many detectors, not one


def test_a_failed_side_scan_fails_the_driver(monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    def broken_scan(*_: Any) -> dict[str, Any]:
        raise RuntimeError("the secret scan broke")

    monkeypatch.setattr(checkov_driver, "_scan", broken_scan)
    assert checkov_driver._finish_fork(*checkov_driver._start_in_fork(["secrets"], ["x"], "policies")) is None
    assert "the secret scan broke" in capfd.readouterr().err


def test_every_speedup_fits_the_pinned_checkov() -> None:
    # A speedup that no longer fits is skipped with a notice; with the locked checkov none may be.
    code = "import checkov.main\nfrom gate.checkov_speedups import apply_speedups\nprint(apply_speedups())"
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            timeout=300, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr
