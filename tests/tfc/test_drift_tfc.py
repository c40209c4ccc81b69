"""`fedctl drift --tfc`: the latest health assessment of a workspace, read from the Terraform Cloud
stand-in (a process of its own) and classified exactly as `--plan-json` classifies the same plan."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import EXAMPLE_DIR
from tests.drift.test_drift import FIXTURES, SECRETS
from tests.tfc.conftest import ORGANIZATION, StandIn, fedctl

DRIFT_PLAN = FIXTURES / "cognito-okta-drift-plan.json"
NOISE_PLAN = FIXTURES / "noise-only-plan.json"


def assessed(name: str, plan: Path | None = DRIFT_PLAN, **attributes: Any) -> dict[str, Any]:
    """A workspace with health assessments on and a finished, successful assessment of `plan`."""
    assessment: dict[str, Any] = {"attributes": {"succeeded": True, "drifted": True, "error-msg": None, **attributes}}
    if plan is not None:
        assessment["plan"] = json.loads(plan.read_text())
    return {"name": name, "attributes": {"assessments-enabled": True}, "assessment": assessment}


def everything_written(home: Path, *outputs: str) -> str:
    files = "".join(p.read_text(errors="replace") for p in home.rglob("*") if p.is_file())
    return "".join(outputs) + files


def test_an_assessment_is_classified_exactly_as_plan_json_classifies_the_same_plan(stand_in: StandIn,
                                                                                 tmp_path: Path) -> None:
    stand_in.scenario([assessed("acme-analytics-prod")])
    tfc = fedctl(stand_in, tmp_path, "drift", "--tfc", f"{ORGANIZATION}/acme-analytics-prod",
                 "--report-dir", str(tmp_path / "tfc"))
    local = fedctl(stand_in, tmp_path, "drift", "--plan-json", str(DRIFT_PLAN), "--report-dir", str(tmp_path / "file"))
    assert (tfc.returncode, local.returncode) == (2, 2), tfc.stderr + local.stderr
    from_tfc = json.loads((tmp_path / "tfc" / "acme-analytics-prod-drift.json").read_text())
    from_file = json.loads((tmp_path / "file" / "cognito-okta-drift-plan-drift.json").read_text())
    source = from_tfc.pop("source")
    assert re.match(r"^acme/acme-analytics-prod: health assessment (asmtres-[0-9]+) of 2026-12-01T03:17:00", source)
    result_id = source.split()[3]
    from_file.pop("source")
    assert from_tfc == from_file and from_tfc["counts"] == {"BREAKS_SIGN_IN": 6, "COSMETIC": 2, "NOISE": 9}
    markdown = [(tmp_path / folder / f"{name}-drift.md").read_text().splitlines()
                for folder, name in (("tfc", "acme-analytics-prod"), ("file", "cognito-okta-drift-plan"))]
    assert [line for line in markdown[0] if not line.startswith(("### ", "Source: "))] == [
        line for line in markdown[1] if not line.startswith(("### ", "Source: "))]
    assert sorted(p.name for p in (tmp_path / "tfc").iterdir()) == [
        "acme-analytics-prod-drift-junit.xml", "acme-analytics-prod-drift.json", "acme-analytics-prod-drift.md"]
    assert "🚨 drift that breaks sign-in" in tfc.stdout
    assert "fedctl: acme/acme-analytics-prod: reading the latest health assessment" in tfc.stderr
    written = everything_written(tmp_path, tfc.stdout, tfc.stderr)
    assert stand_in.token not in written and not [secret for secret in SECRETS if secret in written]
    assert [(r["method"], r["path"]) for r in stand_in.requests()] == [
        ("GET", "/api/v2/organizations/acme/workspaces/acme-analytics-prod"),
        ("GET", f"/api/v2/assessment-results/{result_id}"),
        ("GET", f"/api/v2/assessment-results/{result_id}/json-output"),
        ("GET", f"/_archivist/assessment-json/{result_id}")]
    # The plan comes from the download URL the API redirects to, on another host: without the token.
    assert [r["token"] for r in stand_in.requests()] == ["valid", "valid", "valid", "not sent"]
    assert stand_in.token not in json.dumps(stand_in.requests())


def test_an_assessment_of_noise_only_exits_0(stand_in: StandIn, tmp_path: Path) -> None:
    stand_in.scenario([assessed("quiet", NOISE_PLAN, drifted=False)])
    result = fedctl(stand_in, tmp_path, "drift", "--tfc", "acme/quiet", "--report-dir", str(tmp_path / "r"))
    assert result.returncode == 0, result.stderr
    assert "✅ only known provider noise" in result.stdout


def test_every_workspace_of_a_sharded_environment_is_read_in_apply_order(stand_in: StandIn, tmp_path: Path) -> None:
    config = tmp_path / "environments"
    config.mkdir()
    document = yaml.safe_load((EXAMPLE_DIR / "prod.yaml").read_text())
    document["shards"] = 2
    (config / "prod.yaml").write_text(yaml.safe_dump(document))
    names = ["acme-analytics-prod", "acme-analytics-prod-shard-1", "acme-analytics-prod-shard-2",
             "acme-analytics-prod-clients"]
    stand_in.scenario([assessed(names[0], NOISE_PLAN), assessed(names[1], NOISE_PLAN), assessed(names[2]),
                       assessed(names[3], NOISE_PLAN), assessed("someone-elses-workspace")])
    result = fedctl(stand_in, tmp_path, "drift", "--tfc", "--env", "prod", "--config-dir", str(config),
                    "--report-dir", str(tmp_path / "r"))
    assert result.returncode == 2, result.stderr
    shown = [r["path"].rsplit("/", 1)[1] for r in stand_in.requests() if "/workspaces/" in r["path"]]
    assert shown == names
    assert sorted(p.name for p in (tmp_path / "r").glob("*.json")) == sorted(f"{n}-drift.json" for n in names)
    assert json.loads((tmp_path / "r" / f"{names[2]}-drift.json").read_text())["drift"] is True


@pytest.mark.parametrize("page_links", [True, False], ids=["links.next", "meta.pagination"])
def test_workspaces_chosen_by_tags_are_listed_page_by_page(stand_in: StandIn, tmp_path: Path,
                                                          page_links: bool) -> None:
    config = tmp_path / "environments"
    config.mkdir()
    (config / "dev.yaml").write_text((EXAMPLE_DIR / "dev.yaml").read_text())  # tags [acme-analytics, dev]
    tagged = [{**assessed(f"dev-{n}", NOISE_PLAN), "attributes": {"assessments-enabled": True,
                                                                 "tag-names": ["acme-analytics", "dev"]}}
              for n in range(5)]
    other = [{"name": f"prod-{n}", "attributes": {"tag-names": ["acme-analytics", "prod"]}} for n in range(3)]
    stand_in.scenario(tagged + other, page_size=2, page_links=page_links)
    result = fedctl(stand_in, tmp_path, "drift", "--tfc", "--env", "dev", "--config-dir", str(config),
                    "--report-dir", str(tmp_path / "r"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "r").glob("*.md")) == [f"dev-{n}-drift.md" for n in range(5)]
    listing = [r["query"] for r in stand_in.requests() if r["path"] == "/api/v2/organizations/acme/workspaces"]
    assert [q.get("page[number]", "1") for q in listing] == ["1", "2", "3"]
    assert {q["search[tags]"] for q in listing} == {"acme-analytics,dev"}


def test_rate_limits_are_waited_out_as_retry_after_says(stand_in: StandIn, tmp_path: Path) -> None:
    stand_in.scenario([assessed("busy", NOISE_PLAN)], throttle=2, retry_after=1)
    result = fedctl(stand_in, tmp_path, "drift", "--tfc", "acme/busy", "--report-dir", str(tmp_path / "r"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("rate limited (429), retrying in 1s") == 2
    assert [r["path"] for r in stand_in.requests()][:3] == ["/api/v2/organizations/acme/workspaces/busy"] * 3


def test_a_rate_limit_longer_than_fedctl_waits_is_one_clear_line(stand_in: StandIn, tmp_path: Path) -> None:
    stand_in.scenario([assessed("busy", NOISE_PLAN)], throttle=1, retry_after=3600)
    result = fedctl(stand_in, tmp_path, "drift", "--tfc", "acme/busy", "--report-dir", str(tmp_path / "r"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "fedctl: GET /organizations/acme/workspaces/busy: rate limited (429) for 3600s (Retry-After), longer than "
        "fedctl waits (60s); try again later")


def test_a_fault_of_terraform_cloud_is_one_line(stand_in: StandIn, tmp_path: Path) -> None:
    stand_in.scenario([assessed("prod")], server_errors=1)
    result = fedctl(stand_in, tmp_path, "drift", "--tfc", "acme/prod", "--report-dir", str(tmp_path / "r"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "fedctl: GET /organizations/acme/workspaces/prod: 127.0.0.1 answered 503 (a fault on its side); "
        "try again later")
    assert not (tmp_path / "r").exists()


def test_an_expired_token_is_one_line_that_never_shows_it(stand_in: StandIn, tmp_path: Path) -> None:
    stand_in.scenario([assessed("prod")])
    expired = "expired-token-that-must-not-show-1234"
    result = fedctl(stand_in, tmp_path, "drift", "--tfc", "acme/prod", "--report-dir", str(tmp_path / "r"),
                    token=expired)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "fedctl: 127.0.0.1 refused the token from TF_TOKEN_127_0_0_1 (401 on GET "
        "/organizations/acme/workspaces/prod): it has expired or is not valid")
    assert expired not in everything_written(tmp_path, result.stdout, result.stderr)
    assert [r["token"] for r in stand_in.requests()] == ["invalid"]


def test_the_token_is_found_as_terraform_finds_it(stand_in: StandIn, tmp_path: Path) -> None:
    stand_in.scenario([assessed("prod", NOISE_PLAN)])
    result = fedctl(stand_in, tmp_path, "drift", "--tfc", "acme/prod", "--report-dir", str(tmp_path / "r"),
                    token_variable="TFE_TOKEN")
    assert result.returncode == 0, result.stderr
    home = tmp_path / "home"
    (home / ".terraform.d").mkdir(parents=True)
    (home / ".terraform.d" / "credentials.tfrc.json").write_text(
        json.dumps({"credentials": {"127.0.0.1": {"token": stand_in.token}}}))
    result = fedctl(stand_in, home, "drift", "--tfc", "acme/prod", "--report-dir", str(tmp_path / "r"),
                    token_variable="UNRELATED")
    assert result.returncode == 0, result.stderr


def test_without_a_token_the_line_names_the_variable_to_set(stand_in: StandIn, tmp_path: Path) -> None:
    result = fedctl(stand_in, tmp_path, "drift", "--tfc", "acme/prod", token_variable="UNRELATED")
    assert result.returncode == 1
    assert result.stderr.strip() == ("fedctl: no Terraform Cloud token for 127.0.0.1: set TF_TOKEN_127_0_0_1 (or run "
                                     "`terraform login 127.0.0.1`, or set TFE_TOKEN)")
    assert stand_in.requests() == []


def test_an_assessment_that_cannot_be_used_is_one_clear_line(stand_in: StandIn, tmp_path: Path) -> None:
    stand_in.scenario([
        {"name": "off", "attributes": {"assessments-enabled": False}},
        {"name": "never", "attributes": {"assessments-enabled": True}},
        {**assessed("running", plan=None, succeeded=False)},
        {**assessed("broken", plan=None, succeeded=False, **{"error-msg": "Error: Invalid provider configuration"})},
    ])
    expected = {
        "off": "health assessments are disabled for this workspace",
        "never": "no health assessment has finished yet",
        "running": "the latest health assessment (asmtres-",
        "broken": "failed: Error: Invalid provider configuration",
    }
    for name, words in expected.items():
        result = fedctl(stand_in, tmp_path, "drift", "--tfc", f"acme/{name}", "--report-dir", str(tmp_path / name))
        assert result.returncode == 1, name
        last = result.stderr.strip().splitlines()[-1]
        assert last.startswith(f"fedctl: acme/{name}: ") and words in last, last
        assert not (tmp_path / name).exists() or not list((tmp_path / name).iterdir())
    assert "has not finished" in fedctl(stand_in, tmp_path, "drift", "--tfc", "acme/running").stderr


def test_a_token_that_may_not_read_the_plan_and_a_plan_that_is_none_are_one_line_each(stand_in: StandIn,
                                                                                    tmp_path: Path) -> None:
    forbidden = assessed("forbidden")
    forbidden["assessment"]["forbidden"] = True
    not_a_plan = assessed("odd")
    not_a_plan["assessment"]["plan"] = {"resources": []}
    stand_in.scenario([forbidden, not_a_plan])
    refused = fedctl(stand_in, tmp_path, "drift", "--tfc", "acme/forbidden")
    assert refused.returncode == 1
    last = refused.stderr.strip().splitlines()[-1]
    assert re.fullmatch(r"fedctl: GET /assessment-results/asmtres-\d+/json-output: forbidden \(403\): the token from "
                        r"TF_TOKEN_127_0_0_1 lacks the permission: forbidden; an assessment's JSON output needs a user "
                        r"or team token with admin access to the workspace \(organization tokens are refused\)", last)
    odd = fedctl(stand_in, tmp_path, "drift", "--tfc", "acme/odd")
    assert odd.returncode == 1
    assert re.fullmatch(r"fedctl: acme/odd: health assessment asmtres-\d+ of [0-9T:+-]+: not `terraform show -json` "
                        r"plan output \(no format_version\)", odd.stderr.strip().splitlines()[-1])


def test_an_unknown_workspace_and_a_wrong_reference_are_one_line_each(stand_in: StandIn, tmp_path: Path) -> None:
    stand_in.scenario([])
    missing = fedctl(stand_in, tmp_path, "drift", "--tfc", "acme/nope")
    assert missing.returncode == 1
    assert missing.stderr.strip().splitlines()[-1] == (
        "fedctl: GET /organizations/acme/workspaces/nope: not found (404): it does not exist, or the token from "
        "TF_TOKEN_127_0_0_1 may not read it")
    wrong = fedctl(stand_in, tmp_path, "drift", "--tfc", "just-a-name")
    assert (wrong.returncode, wrong.stderr.strip()) == (
        1, "fedctl: --tfc: got 'just-a-name'; expected ORGANIZATION/WORKSPACE (letters, digits, - and _)")
    local = fedctl(stand_in, tmp_path, "drift", "--tfc", "--env", "local", "--config-dir", str(_local_env(tmp_path)))
    assert local.returncode == 1 and "state.backend: local; --tfc reads" in local.stderr


def _local_env(tmp_path: Path) -> Path:
    config = tmp_path / "local-environments"
    config.mkdir()
    document = yaml.safe_load((EXAMPLE_DIR / "prod.yaml").read_text())
    document.pop("state")
    (config / "local.yaml").write_text(yaml.safe_dump(document))
    return config
