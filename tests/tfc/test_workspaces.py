"""`fedctl workspaces`: the workspaces an environment needs, compared with the stand-in's, and
created (run triggers in apply order) only with --apply."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import EXAMPLE_DIR
from tests.tfc.conftest import StandIn, fedctl

BASE = "acme-analytics-prod"
SHARD_1, SHARD_2, CLIENTS = f"{BASE}-shard-1", f"{BASE}-shard-2", f"{BASE}-clients"
DESIRED = {"execution-mode": "remote", "terraform-version": ">= 1.6.0, < 2.0.0", "auto-apply": False,
           "auto-apply-run-trigger": False, "assessments-enabled": True, "working-directory": ""}


def sharded_prod(tmp_path: Path, **changes: object) -> Path:
    """The production example with `shards: 2`; returns its config folder."""
    config = tmp_path / "environments"
    config.mkdir(exist_ok=True)
    document = yaml.safe_load((EXAMPLE_DIR / "prod.yaml").read_text())
    document.update({"shards": 2, **changes})
    (config / "prod.yaml").write_text(yaml.safe_dump(document))
    return config


def changing_requests(stand_in: StandIn) -> list[tuple[str, str]]:
    return [(r["method"], r["path"]) for r in stand_in.requests() if r["method"] != "GET"]


def test_the_difference_is_printed_and_nothing_is_changed_without_apply(stand_in: StandIn, tmp_path: Path) -> None:
    stand_in.scenario([{"name": BASE, "attributes": {**DESIRED, "terraform-version": "1.5.7"}},
                       {"name": "unrelated"}], page_size=1)
    result = fedctl(stand_in, tmp_path, "workspaces", "--env", "prod", "--config-dir", str(sharded_prod(tmp_path)))
    assert result.returncode == 2, result.stderr
    settings = ('execution-mode "remote", terraform-version ">= 1.6.0, < 2.0.0", auto-apply false, '
                'auto-apply-run-trigger false, assessments-enabled true, working-directory ""')
    assert result.stdout.splitlines() == [
        "workspaces of prod (acme on 127.0.0.1), in apply order:",
        f'  ~ {BASE} (stack prod): update: terraform-version "1.5.7" -> ">= 1.6.0, < 2.0.0"',
        f"  + {SHARD_1} (stack prod-shard-1): create: {settings}; run triggers from {BASE}",
        f"  + {SHARD_2} (stack prod-shard-2): create: {settings}; run triggers from {BASE}",
        f"  + {CLIENTS} (stack prod-clients): create: {settings}; run triggers from {SHARD_1}, {SHARD_2}",
        "nothing changed (read-only); run again with --apply to make these changes",
    ]
    assert changing_requests(stand_in) == []
    assert stand_in.state()["workspaces"][BASE]["terraform-version"] == "1.5.7"


def test_apply_creates_the_workspaces_and_their_run_triggers_in_apply_order(stand_in: StandIn, tmp_path: Path) -> None:
    stand_in.scenario([{"name": BASE, "attributes": {**DESIRED, "terraform-version": "1.5.7"}}], page_size=2)
    config = sharded_prod(tmp_path)
    result = fedctl(stand_in, tmp_path, "workspaces", "--env", "prod", "--config-dir", str(config), "--apply")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-8:] == [
        f"updated {BASE}: terraform-version",
        f"created {SHARD_1}", f"added run trigger {BASE} -> {SHARD_1}",
        f"created {SHARD_2}", f"added run trigger {BASE} -> {SHARD_2}",
        f"created {CLIENTS}", f"added run trigger {SHARD_1} -> {CLIENTS}", f"added run trigger {SHARD_2} -> {CLIENTS}"]
    state = stand_in.state()
    assert {name: {key: ws[key] for key in DESIRED} for name, ws in state["workspaces"].items()} == {
        name: DESIRED for name in (BASE, SHARD_1, SHARD_2, CLIENTS)}
    assert state["run_triggers"] == [[BASE, SHARD_1], [BASE, SHARD_2], [SHARD_1, CLIENTS], [SHARD_2, CLIENTS]]
    ids = state["ids"]
    assert changing_requests(stand_in) == [
        ("PATCH", f"/api/v2/workspaces/{ids[BASE]}"),
        ("POST", "/api/v2/organizations/acme/workspaces"), ("POST", f"/api/v2/workspaces/{ids[SHARD_1]}/run-triggers"),
        ("POST", "/api/v2/organizations/acme/workspaces"), ("POST", f"/api/v2/workspaces/{ids[SHARD_2]}/run-triggers"),
        ("POST", "/api/v2/organizations/acme/workspaces"), ("POST", f"/api/v2/workspaces/{ids[CLIENTS]}/run-triggers"),
        ("POST", f"/api/v2/workspaces/{ids[CLIENTS]}/run-triggers")]

    again = fedctl(stand_in, tmp_path, "workspaces", "--env", "prod", "--config-dir", str(config))
    assert again.returncode == 0, again.stderr
    assert [line.split(":")[-1] for line in again.stdout.splitlines()[1:]] == [" unchanged"] * 4
    assert stand_in.token not in result.stdout + result.stderr + again.stdout + again.stderr


def test_a_run_trigger_fedctl_did_not_ask_for_is_reported_and_kept(stand_in: StandIn, tmp_path: Path) -> None:
    stand_in.scenario([{"name": "network", "attributes": DESIRED},
                       {"name": BASE, "attributes": DESIRED, "triggered_by": ["network"]}])
    document = yaml.safe_load((EXAMPLE_DIR / "prod.yaml").read_text())
    (tmp_path / "environments").mkdir()
    (tmp_path / "environments" / "prod.yaml").write_text(yaml.safe_dump(document))
    result = fedctl(stand_in, tmp_path, "workspaces", "--env", "prod", "--config-dir", str(tmp_path / "environments"),
                    "--apply")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        f"  = {BASE} (stack prod): unchanged",
        f"  ! {BASE}: run trigger from network is not one fedctl asks for; left as it is"]
    assert stand_in.state()["run_triggers"] == [["network", BASE]]


def test_health_assessments_follow_the_environment(stand_in: StandIn, tmp_path: Path) -> None:
    stand_in.scenario([{"name": BASE, "attributes": DESIRED}])
    document = yaml.safe_load((EXAMPLE_DIR / "prod.yaml").read_text())
    document["state"]["cloud"]["health_assessments"] = False
    (tmp_path / "environments").mkdir()
    (tmp_path / "environments" / "prod.yaml").write_text(yaml.safe_dump(document))
    result = fedctl(stand_in, tmp_path, "workspaces", "--env", "prod", "--config-dir", str(tmp_path / "environments"))
    assert result.returncode == 2, result.stderr
    assert result.stdout.splitlines()[1] == f"  ~ {BASE} (stack prod): update: assessments-enabled true -> false"


def test_an_environment_without_a_named_workspace_is_one_line(stand_in: StandIn, tmp_path: Path) -> None:
    config = tmp_path / "environments"
    config.mkdir()
    (config / "dev.yaml").write_text((EXAMPLE_DIR / "dev.yaml").read_text())
    tagged = fedctl(stand_in, tmp_path, "workspaces", "--env", "dev", "--config-dir", str(config))
    assert (tagged.returncode, tagged.stderr.strip()) == (1, (
        "fedctl: environments/dev.yaml: state.cloud.workspace: the environment names no Terraform Cloud workspace "
        "(it needs state.backend: cloud with a workspace name, not tags)"))
    assert stand_in.requests() == []


def test_more_shards_than_run_trigger_sources_are_refused_before_any_request(stand_in: StandIn,
                                                                           tmp_path: Path) -> None:
    result = fedctl(stand_in, tmp_path, "workspaces", "--env", "prod", "--config-dir",
                    str(sharded_prod(tmp_path, shards=21)))
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        f"prod.yaml: shards: 21: workspace {CLIENTS} would need 21 run triggers; Terraform Cloud allows 20 source "
        "workspaces per workspace")
    assert stand_in.requests() == []


def test_a_wrong_terraform_version_is_a_configuration_error(stand_in: StandIn, tmp_path: Path) -> None:
    document = yaml.safe_load((EXAMPLE_DIR / "prod.yaml").read_text())
    document["state"]["cloud"]["terraform_version"] = "latest"
    (tmp_path / "environments").mkdir()
    (tmp_path / "environments" / "prod.yaml").write_text(yaml.safe_dump(document))
    result = fedctl(stand_in, tmp_path, "workspaces", "--env", "prod", "--config-dir", str(tmp_path / "environments"))
    assert result.returncode == 1
    assert result.stderr.strip().endswith("prod.yaml: state.cloud.terraform_version: got 'latest'; expected a "
                                          "Terraform version or constraint, e.g. 1.11.4 or ~> 1.11.0")
