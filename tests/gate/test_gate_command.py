"""`fedctl gate` as a merge-request job runs it: verdict, exit code, the report files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest

from fedctl.main import main
from gate.catalogue import checked_rule_ids, load_catalogue
from gate.checkov_scan import scan
from gate.policies_markdown import render_policies_markdown
from tests.conftest import PROJECT_ROOT

SARIF_SCHEMA = PROJECT_ROOT / ".tools" / "sarif-schema-2.1.0.json"
MESSY_HCL = PROJECT_ROOT / "tests/gate/fixtures/messy-hcl"
ELSEWHERE_HCL = PROJECT_ROOT / "tests/gate/fixtures/elsewhere-hcl"
REPORT_FILES = ["gate-codequality.json", "gate-junit.xml", "gate.json", "gate.md", "gate.sarif"]


def run_gate(*args: str, cwd: Path = PROJECT_ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    return subprocess.run([sys.executable, "-m", "fedctl", "gate", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env=env)


@pytest.fixture(scope="module")
def example_gate(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    root = tmp_path_factory.mktemp("gate-example")
    result = run_gate("--outdir", str(root / "cdktf.out"), "--report-dir", str(root / "reports"))
    return result, root / "reports"


@pytest.fixture(scope="module")
def broken_gate(example_stacks: dict[str, dict[str, Any]],
                tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The production example with two mistakes: client_secret_basic and http in a callback URL."""
    root = tmp_path_factory.mktemp("gate-broken")
    stack = json.loads(json.dumps(example_stacks["prod"]))
    stack["resource"]["okta_app_oauth"]["workforce_okta_app"]["token_endpoint_auth_method"] = "client_secret_basic"
    stack["resource"]["aws_cognito_user_pool_client"]["app_client_analytics_web"]["prevent_user_existence_errors"] = "LEGACY"
    (root / "stack").mkdir()
    (root / "stack" / "cdk.tf.json").write_text(json.dumps(stack, indent=2))
    result = run_gate("--path", str(root / "stack"), "--report-dir", str(root / "reports"))
    return result, root / "reports"


def test_example_passes_and_writes_every_report(example_gate: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, reports = example_gate
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fedctl gate: PASS" in result.stdout
    assert sorted(p.name for p in reports.iterdir()) == REPORT_FILES
    document = json.loads((reports / "gate.json").read_text())
    assert document["verdict"] == "pass"
    assert {f["rule_id"] for f in document["findings"]} >= set(checked_rule_ids(load_catalogue())) - {"FED_502"} - {"FED_108"}


def test_broken_stack_fails_with_exit_1_naming_rule_resource_and_fix(
        broken_gate: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, reports = broken_gate
    assert result.returncode == 1, result.stdout + result.stderr
    assert "fedctl gate: FAIL — 1 blocking at HIGH and above" in result.stdout
    blocking = [line for line in result.stdout.splitlines() if "BLOCKING" in line]
    assert len(blocking) == 1 and "FED_204" in blocking[0] and "okta_app_oauth.workforce_okta_app" in blocking[0]
    markdown = (reports / "gate.md").read_text()
    assert markdown.startswith("### fedctl gate: ❌ **Fail**")
    assert "| ⛔ | CRITICAL | [FED_204]" in markdown and "token_endpoint_auth_method = \"client_secret_post\"" in markdown
    assert "| ⚠️ | MEDIUM | [FED_410]" in markdown  # reported, below the threshold


def test_sarif_validates_against_the_official_schema(broken_gate: tuple[subprocess.CompletedProcess[str], Path],
                                                     example_gate: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text())
    for _, reports in (broken_gate, example_gate):
        document = json.loads((reports / "gate.sarif").read_text())
        jsonschema.Draft4Validator(schema).validate(document)
    broken = json.loads((broken_gate[1] / "gate.sarif").read_text())
    results = broken["runs"][0]["results"]
    assert {(r["ruleId"], r["level"]) for r in results} == {("FED_204", "error"), ("FED_410", "warning")}
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] > 1


def test_junit_and_code_quality_carry_the_failures(broken_gate: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, reports = broken_gate
    suite = ElementTree.parse(reports / "gate-junit.xml").getroot().find("testsuite")
    assert suite is not None and suite.get("failures") == "2" and int(suite.get("tests") or 0) > 50
    issues = json.loads((reports / "gate-codequality.json").read_text())
    assert {(i["check_name"], i["severity"]) for i in issues} == {("FED_204", "blocker"), ("FED_410", "major")}
    assert all(len(i["fingerprint"]) == 64 and i["location"]["lines"]["begin"] > 0 for i in issues)


def test_threshold_medium_makes_the_medium_finding_block(broken_gate: tuple[subprocess.CompletedProcess[str], Path],
                                                         tmp_path: Path) -> None:
    stack = Path(json.loads((broken_gate[1] / "gate.json").read_text())["inputs"][0])
    result = run_gate("--path", str(stack), "--severity-threshold", "MEDIUM", "--report-dir", str(tmp_path))
    assert result.returncode == 1
    assert "2 blocking at MEDIUM and above" in result.stdout


def write_suppressions(path: Path, **entry: Any) -> Path:
    base = {"rule": "FED_204", "resource": "okta_app_oauth.workforce_okta_app", "reason": "Okta org migrates in Q1",
            "owner": "platform@acme.example", "expires": (date.today() + timedelta(days=30)).isoformat()}
    base.update(entry)
    path.write_text(json.dumps({"suppressions": [{k: v for k, v in base.items() if v is not None}]}))
    return path


def test_a_valid_suppression_turns_the_failure_into_a_pass(
        broken_gate: tuple[subprocess.CompletedProcess[str], Path], tmp_path: Path) -> None:
    stack = Path(json.loads((broken_gate[1] / "gate.json").read_text())["inputs"][0])
    result = run_gate("--path", str(stack), "--suppressions", str(write_suppressions(tmp_path / "s.yaml")),
                      "--report-dir", str(tmp_path / "r"))
    assert result.returncode == 0, result.stdout
    assert "1 suppressed" in result.stdout
    sarif = json.loads((tmp_path / "r" / "gate.sarif").read_text())
    suppressed = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "FED_204"]
    assert suppressed[0]["suppressions"] == [{"kind": "external", "justification": "Okta org migrates in Q1"}]


@pytest.mark.parametrize(("entry", "message"), [
    ({"expires": "2020-01-31"}, "expired on 2020-01-31 (owner platform@acme.example)"),
    ({"reason": None}, "missing reason; every suppression needs a rule, a resource, a reason, an owner and an expiry"),
])
def test_expired_or_unexplained_suppressions_fail_the_gate(
        broken_gate: tuple[subprocess.CompletedProcess[str], Path], tmp_path: Path, entry: dict[str, Any],
        message: str) -> None:
    stack = Path(json.loads((broken_gate[1] / "gate.json").read_text())["inputs"][0])
    suppressions = write_suppressions(tmp_path / "s.yaml", **entry)
    result = run_gate("--path", str(stack), "--suppressions", str(suppressions), "--report-dir", str(tmp_path / "r"))
    assert result.returncode == 1
    assert message in result.stdout


def test_messy_real_world_hcl_neither_crashes_nor_fails(tmp_path: Path) -> None:
    result = run_gate("--path", str(MESSY_HCL), "--report-dir", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    findings = json.loads((tmp_path / "gate.json").read_text())["findings"]
    assert [f for f in findings if f["status"] == "failed"] == []
    assert {f["rule_id"] for f in findings if f["status"] == "unknown"} == {"FED_004", "FED_806"}  # join() unresolved


def test_hcl_that_references_resources_defined_elsewhere_stays_unknown(tmp_path: Path) -> None:
    result = run_gate("--path", str(ELSEWHERE_HCL), "--report-dir", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    findings = json.loads((tmp_path / "gate.json").read_text())["findings"]
    unknown = {(f["resource"].split(".")[0], f["rule_id"]) for f in findings if f["status"] == "unknown"}
    # The pool is elsewhere: the schema rules cannot decide. The client trusts a provider named by a
    # module output, so whether it is federated at all (and the federation's client rules apply) is
    # undecided; the OAuth security rules judge it anyway, since OAuth is on (docs/applicability.md).
    assert {rule for resource, rule in unknown if resource == "aws_cognito_identity_provider"} == {
        "FED_104", "FED_105", "FED_106", "FED_108"}
    assert {rule for resource, rule in unknown if resource == "aws_cognito_user_pool_client"} == {
        "FED_401", "FED_403", "FED_404", "FED_410", "FED_411", "FED_412", "FED_413", "FED_702"}
    judged = {f["rule_id"]: f["status"] for f in findings if f["resource"] == "aws_cognito_user_pool_client.app"}
    assert judged["FED_402"] == "passed" and judged["FED_406"] in ("passed", "failed")


def test_plain_checkov_runs_the_pack_on_hcl_without_fedctl(tmp_path: Path) -> None:
    shutil.copytree(MESSY_HCL, tmp_path / "hcl")
    main_tf = tmp_path / "hcl" / "main.tf"
    main_tf.write_text(main_tf.read_text().replace('"client_secret_post"', '"client_secret_basic"'))
    checkov = str(Path(sys.executable).parent / "checkov")
    result = subprocess.run([checkov, "-d", str(tmp_path / "hcl"), "--external-checks-dir", str(PROJECT_ROOT / "policies"),
                             "--framework", "terraform", "--skip-download", "-o", "json", "--compact"],
                            capture_output=True, text=True, timeout=300, env={**os.environ, "BC_SKIP_MAPPING": "TRUE"})
    assert result.returncode == 1
    failed = {c["check_id"] for c in json.loads(result.stdout)["results"]["failed_checks"]}
    assert failed == {"FED_204"}


def test_catalogue_ids_equal_the_ids_checkov_loads(example_stacks: dict[str, dict[str, Any]], tmp_path: Path) -> None:
    (tmp_path / "cdk.tf.json").write_text(json.dumps(example_stacks["dev"]))
    catalogue = load_catalogue()
    result = scan("terraform_json", [tmp_path], PROJECT_ROOT / "policies", checked_rule_ids(catalogue))
    loaded = {check_id for check_id in result.loaded_checks if check_id.startswith("FED_")}
    assert loaded == set(checked_rule_ids(catalogue))
    assert all(set(rule.covered_by) <= loaded for rule in catalogue.values() if rule.covered_by)


def broken_pack(tmp_path: Path, file: str, old: str, new: str) -> Path:
    pack = tmp_path / "policies"
    shutil.copytree(PROJECT_ROOT / "policies", pack, ignore=shutil.ignore_patterns("__pycache__"))
    path = pack / file
    path.write_text(path.read_text().replace(old, new))
    return pack


def test_a_check_that_fails_to_import_fails_the_gate_closed(tmp_path: Path) -> None:
    pack = broken_pack(tmp_path, "OktaClientSecretPost.py", "from federation_check import",
                       "import no_such_module\nfrom federation_check import")
    result = run_gate("--path", str(MESSY_HCL), "--policies-dir", str(pack), "--report-dir", str(tmp_path / "r"))
    assert result.returncode == 3
    assert "gate could not decide, failing closed: checkov did not load FED_204" in result.stderr
    assert not (tmp_path / "r" / "gate.json").exists()


def test_a_rule_that_raises_fails_the_gate_closed(tmp_path: Path) -> None:
    pack = broken_pack(tmp_path, "OktaClientSecretPost.py", '        method = resource.get("token_endpoint_auth_method")',
                       '        raise RuntimeError("boom")')
    result = run_gate("--path", str(MESSY_HCL), "--policies-dir", str(pack), "--report-dir", str(tmp_path / "r"))
    assert result.returncode == 3
    assert "rules raised instead of deciding: FED_204 (internal error in FED_204: RuntimeError: boom)" in result.stderr


def test_an_unparsable_input_fails_closed(tmp_path: Path) -> None:
    (tmp_path / "broken.tf").write_text('resource "okta_app_oauth" "x" {\n  label = \n')
    result = run_gate("--path", str(tmp_path), "--report-dir", str(tmp_path / "r"))
    assert result.returncode == 3
    assert "gate could not decide, failing closed" in result.stderr


def test_a_path_without_terraform_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    assert main(["gate", "--path", str(tmp_path)]) == 1
    assert capsys.readouterr().err.strip() == (f"fedctl: {tmp_path}: no Terraform input found; expected *.tf, *.tf.json "
                                               "or `terraform show -json` plan output")


def test_policies_md_is_generated_from_the_catalogue() -> None:
    assert (PROJECT_ROOT / "POLICIES.md").read_text() == render_policies_markdown(load_catalogue())
