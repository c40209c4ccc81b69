"""`imports:` → Terraform `import` blocks at synthesis (real CDKTF), and an address the stack lacks refused."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

from tests.conftest import EXAMPLE_DIR, PROJECT_ROOT


def synth(tmp_path: Path, imports: dict[str, str]) -> subprocess.CompletedProcess[str]:
    document = yaml.safe_load((EXAMPLE_DIR / "dev.yaml").read_text())
    document["state"] = {"backend": "local"}
    document["imports"] = imports
    (tmp_path / "environments").mkdir()
    (tmp_path / "environments" / "dev.yaml").write_text(yaml.safe_dump(document, sort_keys=False))
    return subprocess.run([str(PROJECT_ROOT / "bin" / "fedctl"), "synth", "--env", "dev", "--config-dir",
                           str(tmp_path / "environments"), "--outdir", str(tmp_path / "out")],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)


def test_imports_become_import_blocks_on_the_resources_they_name(tmp_path: Path) -> None:
    result = synth(tmp_path, {"aws_cognito_user_pool.user_pool": "eu-west-1_AbCdEf123",
                              "okta_app_oauth.workforce_okta_app": "0oa1app"})
    assert result.returncode == 0, result.stderr
    stack = json.loads((tmp_path / "out" / "stacks" / "dev" / "cdk.tf.json").read_text())
    assert {(block["to"], block["id"]) for block in stack["import"]} == {
        ("aws_cognito_user_pool.user_pool", "eu-west-1_AbCdEf123"), ("okta_app_oauth.workforce_okta_app", "0oa1app")}
    okta_import = next(block for block in stack["import"] if block["to"].startswith("okta_"))
    assert okta_import["provider"] == "okta.workforce"  # the app's own (aliased) provider


def test_an_address_the_stack_does_not_have_is_one_line_and_nothing_is_synthesized(tmp_path: Path) -> None:
    result = synth(tmp_path, {"aws_cognito_user_pool_client.app_client_nope": "eu-west-1_AbCdEf123/abc"})
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if "imports." in line][0].startswith(
        "environments/dev.yaml: imports.aws_cognito_user_pool_client.app_client_nope: the stack has no such "
        "resource; expected one of aws_cognito_identity_provider.globex_identity_provider"), result.stderr
    assert not (tmp_path / "out" / "stacks" / "dev" / "cdk.tf.json").exists()
