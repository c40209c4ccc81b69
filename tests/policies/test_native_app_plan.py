"""Native app clients on `terraform show -json` plan output: callback URLs a configuration takes
from variables are known in a plan, so FED_406, FED_409 and FED_414 decide there what they leave
UNKNOWN (or judge on the literals only) in the configuration."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gate.checkov_scan import ScanResult
from tests.policies.checkov_run import pack_scan
from tests.policies.federation_units import mutated, stack
from tests.policies.plan_builder import plan_from
from tests.policies.rule_fixtures import CLIENT, set_

# unit name → (callback URL given by a variable, generate_secret)
UNITS = {"native_public": ("com.acme.analytics:/oauth2/callback", False),
         "native_with_secret": ("com.acme.analytics:/oauth2/callback", True),
         "javascript": ("javascript:alert(document.cookie)", False),
         "short_scheme": ("myapp://callback", False)}
EXPECTED = {  # (rule, unit) → on the configuration, on the plan
    ("FED_409", "native_public"): ("PASSED", "PASSED"),
    ("FED_409", "native_with_secret"): ("UNKNOWN", "FAILED"),
    ("FED_406", "native_public"): ("PASSED", "PASSED"),
    ("FED_406", "javascript"): ("PASSED", "FAILED"),  # a reference is not judged as written
    ("FED_414", "native_public"): ("PASSED", "PASSED"),
    ("FED_414", "short_scheme"): ("PASSED", "FAILED"),
}


def configuration() -> dict[str, Any]:
    return stack(*(mutated(name, set_(CLIENT, callback_urls=[f"${{var.{name}_callback}}"], generate_secret=secret))
                   for name, (_, secret) in UNITS.items()))


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ScanResult]:
    folder = tmp_path_factory.mktemp("native")
    (folder / "config").mkdir()
    (folder / "config" / "main.tf.json").write_text(json.dumps(configuration(), indent=2))
    plan = plan_from(configuration(), {f"{name}_callback": url for name, (url, _) in UNITS.items()})
    (folder / "tfplan.json").write_text(json.dumps(plan, indent=2))
    return {"configuration": pack_scan("terraform_json", [folder / "config"]),
            "plan": pack_scan("terraform_plan", [folder / "tfplan.json"])}


def outcome(result: ScanResult, rule: str, unit: str) -> str:
    found = [r.result for r in result.records if r.check_id == rule and r.resource == f"{CLIENT}.{unit}"]
    return found[0] if found else "UNKNOWN"


@pytest.mark.parametrize(("rule", "unit"), sorted(EXPECTED))
def test_callback_urls_from_variables_are_decided_on_the_plan(scans: dict[str, ScanResult], rule: str,
                                                              unit: str) -> None:
    assert (outcome(scans["configuration"], rule, unit), outcome(scans["plan"], rule, unit)) == EXPECTED[(rule, unit)]


def test_the_finding_names_the_url_and_why(scans: dict[str, ScanResult]) -> None:
    records = {(r.check_id, r.resource): r for r in scans["plan"].records}
    assert "javascript:" in " ".join(records[("FED_406", f"{CLIENT}.javascript")].details)
    assert "cannot keep a client secret" in " ".join(records[("FED_409", f"{CLIENT}.native_with_secret")].details)
