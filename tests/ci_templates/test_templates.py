"""The pipeline templates: valid for their platforms, using only commands and flags fedctl has."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from fedctl.main import build_parser, main
from reports.mermaid import render_mermaid
from tests.conftest import PROJECT_ROOT
from tests.tfc.conftest import StandIn, stand_in, stand_in_process  # noqa: F401 - fixtures

GITLAB = PROJECT_ROOT / "ci-templates" / "gitlab" / "fedctl.gitlab-ci.yml"
GITHUB = PROJECT_ROOT / "ci-templates" / "github" / "fedctl.yml"
CHECK_JSONSCHEMA = str(Path(sys.executable).parent / "check-jsonschema")


def validate(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CHECK_JSONSCHEMA, "--builtin-schema", schema, str(path)], capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize(("schema", "path"), [("vendor.gitlab-ci", GITLAB), ("vendor.github-workflows", GITHUB)])
def test_template_validates_against_the_platforms_schema(schema: str, path: Path) -> None:
    result = validate(schema, path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_the_schema_check_would_catch_a_broken_template(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    document = yaml.safe_load(GITHUB.read_text())
    document["jobs"]["gate"]["runs-on"] = {"not": "a runner"}
    broken.write_text(yaml.safe_dump(document))
    assert validate("vendor.github-workflows", broken).returncode == 1


def fedctl_invocations(path: Path) -> list[list[str]]:
    """Every `bin/fedctl ...` command line in a template, with CI variables replaced by sample values."""
    text = path.read_text()
    text = re.sub(r"\$\{\{[^}]*\}\}", "7", text).replace("$FEDCTL_ENV_ARGS", "")
    invocations = []
    for line in text.splitlines():
        for match in re.finditer(r"(?<![\w/.-])bin/fedctl ([^|;&\n]*)", line):
            invocations.append(shlex.split(match.group(1).strip().strip("'")))
    return invocations


@pytest.mark.parametrize("path", [GITLAB, GITHUB])
def test_every_fedctl_command_and_flag_in_the_template_exists(path: Path) -> None:
    invocations = fedctl_invocations(path)
    assert {argv[0] for argv in invocations} == {"gate", "plan", "apply", "drift", "comment"}
    parser = build_parser()
    for argv in invocations:
        parsed = parser.parse_args(argv)  # exits (status 1) on an unknown command or flag
        assert callable(parsed.handler)


@pytest.mark.parametrize("path", [GITLAB, GITHUB])
def test_the_template_runs_fedctl_through_the_fast_entry_point_only(path: Path) -> None:
    commands = "\n".join(line for line in path.read_text().splitlines() if not line.lstrip().startswith("#"))
    assert "pipenv run" not in commands  # pipenv's own start-up, about 0.7 s a command
    assert len(re.findall(r"\bfedctl (?:gate|plan|apply|drift|comment)\b", commands)) == len(fedctl_invocations(path))


class _Api(BaseHTTPRequestHandler):
    """A loopback stand-in for the GitLab notes / GitHub comments endpoints."""

    comments: list[dict[str, Any]] = []
    calls: list[tuple[str, str]] = []

    def _reply(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        body: dict[str, Any] = json.loads(self.rfile.read(length) or b"{}")
        return body

    def do_GET(self) -> None:  # noqa: N802
        _Api.calls.append(("GET", self.path))
        self._reply(200, _Api.comments)

    def do_POST(self) -> None:  # noqa: N802
        _Api.calls.append(("POST", self.path))
        _Api.comments.append({"id": 41 + len(_Api.comments), "body": self._body()["body"]})
        self._reply(201, _Api.comments[-1])

    def _update(self) -> None:
        _Api.calls.append((self.command, self.path))
        comment_id = int(self.path.rstrip("/").split("/")[-1])
        next(c for c in _Api.comments if c["id"] == comment_id)["body"] = self._body()["body"]
        self._reply(200, {})

    do_PUT = _update  # noqa: N815
    do_PATCH = _update  # noqa: N815

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def api() -> Iterator[str]:
    _Api.comments, _Api.calls = [], []
    server = HTTPServer(("127.0.0.1", 0), _Api)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_gitlab_plan_note_is_created_once_then_updated(api: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "plan.md"
    monkeypatch.setenv("CI_API_V4_URL", f"{api}/api/v4")
    monkeypatch.setenv("CI_PROJECT_ID", "12")
    monkeypatch.setenv("CI_MERGE_REQUEST_IID", "3")
    monkeypatch.setenv("GITLAB_TOKEN", "glpat-test")
    for text in ("first plan", "second plan"):
        report.write_text(text)
        assert main(["comment", "--platform", "gitlab", "--file", str(report), "--marker", "plan"]) == 0
    assert [c["body"] for c in _Api.comments] == ["<!-- fedctl:plan -->\nsecond plan"]
    assert [call[0] for call in _Api.calls] == ["GET", "POST", "GET", "PUT"]
    assert _Api.calls[-1][1] == "/api/v4/projects/12/merge_requests/3/notes/41"


def test_github_comment_is_sticky(api: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "plan.md"
    monkeypatch.setenv("GITHUB_API_URL", api)
    monkeypatch.setenv("GITHUB_REPOSITORY", "acme/federation")
    monkeypatch.setenv("GITHUB_TOKEN", "ghs-test")
    _Api.comments.append({"id": 7, "body": "someone else's comment"})
    for text in ("first", "second"):
        report.write_text(text)
        assert main(["comment", "--platform", "github", "--pr", "5", "--file", str(report)]) == 0
    assert [c["body"] for c in _Api.comments] == ["someone else's comment", "<!-- fedctl:fedctl -->\nsecond"]
    assert _Api.calls[-1] == ("PATCH", "/repos/acme/federation/issues/comments/42")


def test_comment_without_its_variables_says_which_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("GITLAB_TOKEN", raising=False)
    monkeypatch.setenv("CI_API_V4_URL", "http://127.0.0.1:9/api/v4")
    monkeypatch.setenv("CI_PROJECT_ID", "1")
    monkeypatch.setenv("CI_MERGE_REQUEST_IID", "1")
    (tmp_path / "r.md").write_text("x")
    assert main(["comment", "--platform", "gitlab", "--file", str(tmp_path / "r.md")]) == 1
    assert capsys.readouterr().err.strip() == "fedctl: GITLAB_TOKEN is not set; `fedctl comment` needs it"


def test_the_federation_graph_of_the_example_has_its_nodes_and_edges(example_stacks: dict[str, Any]) -> None:
    diagram = render_mermaid(example_stacks["prod"], failing={"okta_app_oauth.workforce_okta_app"})
    lines = set(diagram.splitlines())
    app = "okta_app_oauth_workforce_okta_app"
    workforce = "aws_cognito_identity_provider_workforce_identity_provider"
    assert diagram.startswith("flowchart LR\n")
    assert {
        f"  okta_group_workforce_group_engineering -->|assigned| {app}",
        f"  okta_group_workforce_group_customer_success -->|assigned| {app}",
        f"  okta_group_workforce_group_analytics_users -->|assigned| {app}",
        f"  aws_cognito_user_pool_domain_prefix_domain -->|/oauth2/idpresponse| {app}",
        f"  aws_cognito_user_pool_domain_custom_domain -->|/oauth2/idpresponse| {app}",
        f"  {app} -->|client id + secret| {workforce}",
        f"  {workforce} -->|trusted by| aws_cognito_user_pool_client_app_client_analytics_web",
        f"  {workforce} -->|trusted by| aws_cognito_user_pool_client_app_client_analytics_reports",
        "  aws_cognito_identity_provider_globex_identity_provider -->|trusted by| "
        "aws_cognito_user_pool_client_app_client_analytics_web",
        f"  class {app} failing",
    } <= lines
    assert sum(1 for line in lines if "-->" in line) == 9


def test_readme_shows_adoption_in_under_ten_lines_per_platform() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text()
    section = readme.split("## Adopting this in your pipeline", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(yaml|sh)\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 2 and all(len(body.strip().splitlines()) <= 10 for _, body in blocks)
    assert "ci-templates/gitlab/fedctl.gitlab-ci.yml" in section and "ci-templates/github/fedctl.yml" in section


def drift_job_script(path: Path) -> str:
    """The shell script of the template's scheduled drift job."""
    document = yaml.safe_load(path.read_text())
    if path == GITLAB:
        return "\n".join(document["fedctl-drift"]["script"])
    return str(next(step["run"] for step in document["jobs"]["drift"]["steps"]
                    if step.get("name", "").startswith("drift")))


@pytest.mark.parametrize("path", [GITLAB, GITHUB])
def test_the_scheduled_drift_job_can_classify_terraform_cloud_health_assessments(
        path: Path, stand_in: StandIn, tmp_path: Path) -> None:
    """FEDCTL_DRIFT_FROM=tfc: the job's own script, run against the Terraform Cloud stand-in."""
    plan = json.loads((PROJECT_ROOT / "tests" / "drift" / "fixtures" / "cognito-okta-drift-plan.json").read_text())
    stand_in.scenario([{"name": "acme-analytics-prod", "attributes": {"assessments-enabled": True},
                        "assessment": {"attributes": {"succeeded": True, "drifted": True}, "plan": plan}}])
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "fedctl").symlink_to(PROJECT_ROOT / "bin" / "fedctl")
    config = tmp_path / "environments"
    config.mkdir()
    (config / "prod.yaml").write_text((PROJECT_ROOT / "environments" / "prod.yaml").read_text())
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("TF_TOKEN_", "TFE_"))}
    environment.update({"FEDCTL_DRIFT_FROM": "tfc", "FEDCTL_ENV_ARGS": f"--env prod --config-dir {config}",
                        "TFE_ADDRESS": stand_in.url, "TF_TOKEN_127_0_0_1": stand_in.token, "HOME": str(tmp_path),
                        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "FEDCTL_ALERT_WEBHOOK": ""})
    result = subprocess.run(["bash", "-eo", "pipefail", "-c", drift_job_script(path)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300, env=environment)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "🚨 drift that breaks sign-in" in result.stdout
    assert (tmp_path / "fedctl-reports" / "drift" / "acme-analytics-prod-drift-junit.xml").is_file()
    assert [r["path"] for r in stand_in.requests()][0] == "/api/v2/organizations/acme/workspaces/acme-analytics-prod"
    if path == GITHUB:
        assert "🚨 drift that breaks sign-in" in (tmp_path / "summary.md").read_text()
