"""Fixtures of the end-to-end tests: tools (skipped visibly when missing), a moto server, the
Okta org stand-in, and the environment `bin/fedctl` runs with."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from tests.audit.okta_stand_in import okta_openapi
from tests.conftest import PROJECT_ROOT
from tests.end_to_end.harness import (AWS_TEST_CREDENTIALS, GLOBEX_CLIENT_SECRET, GO_RUNTIME, OKTA_API_TOKEN, REGION,
                                      TERRAFORM_ARGUMENTS, Tools, find_tools, install_okta_stand_in, write_cli_config)
from tests.end_to_end.okta_org import OktaOrg, okta_org_server
from tests.end_to_end.okta_provider.okta_api import BASE_URL_VARIABLE
from tests.moto_process import moto_server


FOUND = find_tools()
if isinstance(FOUND, str):
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture(scope="session")
def tools() -> Tools:
    assert not isinstance(FOUND, str)
    return FOUND


@pytest.fixture(scope="module")
def moto(tools: Tools) -> Iterator[str]:
    """moto with the Cognito gaps filled (tests/end_to_end/moto_cognito.py), one per test module."""
    command = (sys.executable, "-m", "tests.end_to_end.moto_cognito")
    with moto_server(command, PYTHONPATH=str(PROJECT_ROOT)) as url:
        yield url


@pytest.fixture(scope="module")
def okta() -> Iterator[tuple[OktaOrg, str]]:
    org = OktaOrg(OKTA_API_TOKEN)
    with okta_org_server(org, okta_openapi()) as url:
        yield org, url
    assert org.invalid_responses == [], "the Okta stand-in answered off Okta's OpenAPI spec"


@pytest.fixture(scope="module")
def fedctl_environment(tools: Tools, moto: str, okta: tuple[OktaOrg, str],
                       tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What a user's shell would hold: credentials, the Terraform CLI configuration, the Okta org."""
    home = tmp_path_factory.mktemp("terraform-home")
    install_okta_stand_in(home / "okta-mirror")
    write_cli_config(home / "terraformrc", tools, home / "okta-mirror")
    return {**{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "OKTA_", "TF_"))},
            **AWS_TEST_CREDENTIALS, **TERRAFORM_ARGUMENTS, **GO_RUNTIME,
            "TERRAFORM_BINARY": tools.terraform, "TF_CLI_CONFIG_FILE": str(home / "terraformrc"),
            "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1",
            "TF_VAR_globex_client_secret": GLOBEX_CLIENT_SECRET,
            "OKTA_API_TOKEN": OKTA_API_TOKEN, "OKTA_ORG_URL": okta[1], BASE_URL_VARIABLE: okta[1],
            "FEDCTL_AWS_ENDPOINT_URL": moto}


@pytest.fixture(scope="module")
def cognito(moto: str) -> Any:
    return boto3.client("cognito-idp", region_name=REGION, endpoint_url=moto, aws_access_key_id="testing",
                        aws_secret_access_key="testing")
