"""`fedctl adopt` on bad input, against a real moto server process: one line, exit 1, nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import boto3
import pytest

from audit.errors import AuditError
from audit.okta_reader import _raise
from tests.conftest import PROJECT_ROOT
from tests.moto_process import credentials_allowed_only, moto_server

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "eu-west-1"}


@pytest.fixture(scope="module")
def moto() -> Iterator[str]:
    with moto_server() as url:
        yield url


def run_adopt(tmp_path: Path, *arguments: str, environment: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "OKTA_"))}, **CREDENTIALS,
           "PYTHONPATH": str(PROJECT_ROOT), **(environment or {})}
    return subprocess.run([sys.executable, "-m", "fedctl", "adopt", "--env", "adopted",
                           "--config-dir", str(tmp_path / "environments"), *arguments],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if not line.startswith("fedctl: reading")]


def test_a_pool_id_that_does_not_exist(moto: str, tmp_path: Path) -> None:
    result = run_adopt(tmp_path, "--user-pool-id", "eu-west-1_Nope12345", "--region", "eu-west-1",
                       "--aws-endpoint-url", moto)
    assert result.returncode == 1, result.stderr
    assert error_lines(result) == ["fedctl: no user pool 'eu-west-1_Nope12345' in eu-west-1; check --user-pool-id "
                                   "and --region"], result.stderr
    assert not (tmp_path / "environments").exists()


def test_a_region_without_cognito(tmp_path: Path) -> None:
    result = run_adopt(tmp_path, "--user-pool-id", "x", "--region", "mars-north-1")
    assert result.returncode == 1
    assert result.stderr.startswith("fedctl: --region 'mars-north-1': "), result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "environments").exists()


def test_an_existing_environment_file_is_refused_unless_forced(moto: str, tmp_path: Path) -> None:
    existing = tmp_path / "environments" / "adopted.yaml"
    existing.parent.mkdir()
    existing.write_text("# mine\n")
    result = run_adopt(tmp_path, "--user-pool-id", "eu-west-1_Nope12345", "--region", "eu-west-1",
                       "--aws-endpoint-url", moto)
    assert result.returncode == 1
    assert result.stderr.strip() == "fedctl: environments/adopted.yaml already exists; pass --force to overwrite it"
    assert existing.read_text() == "# mine\n"
    # --force passes the check; a failure after it still leaves the file as it was.
    result = run_adopt(tmp_path, "--user-pool-id", "eu-west-1_Nope12345", "--region", "eu-west-1",
                       "--aws-endpoint-url", moto, "--force")
    assert result.returncode == 1 and "no user pool" in result.stderr
    assert existing.read_text() == "# mine\n"


def test_a_denied_call_names_the_iam_action(tmp_path: Path) -> None:
    """moto enforces IAM after its first N requests: the set-up runs unauthenticated, adopt as a
    user who may describe the pool but not list its identity providers."""
    with moto_server(INITIAL_NO_AUTH_ACTION_COUNT="4") as url:
        cognito = boto3.client("cognito-idp", endpoint_url=url, **{k.lower(): v for k, v in CREDENTIALS.items()
                                                                   if k != "AWS_DEFAULT_REGION"},
                               region_name="eu-west-1")
        pool_id = cognito.create_user_pool(PoolName="denied")["UserPool"]["Id"]
        result = run_adopt(tmp_path, "--user-pool-id", pool_id, "--region", "eu-west-1", "--aws-endpoint-url", url,
                           environment=credentials_allowed_only(url, "adopter", ["cognito-idp:DescribeUserPool"]))
    assert result.returncode == 1, result.stderr
    assert error_lines(result)[-1] == ("fedctl: access denied to cognito-idp:ListIdentityProviders; grant the IAM "
                                       "action cognito-idp:ListIdentityProviders (only read-only access is needed)")
    assert not (tmp_path / "environments").exists()


@pytest.mark.parametrize("operation, scope", [("get_application", "okta.apps.read"),
                                              ("get_policy", "okta.policies.read"),
                                              ("list_policy_rules", "okta.policies.read")])
def test_an_okta_403_names_the_scope(operation: str, scope: str) -> None:
    response: Any = SimpleNamespace(status=403)
    with pytest.raises(AuditError) as raised:
        _raise(operation, response, Exception("forbidden"))
    assert str(raised.value) == (f"Okta denied {operation} (403); the API token's admin role, or the OAuth app's "
                                 f"scope {scope}, is missing")
