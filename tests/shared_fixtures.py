"""Third-party test data that this repository does not carry: Okta's published Management API
specification and Terraform's own plan documents. Their licences let us read them, not commit
them, so the tests find them through one environment variable and skip, visibly, without them.

`FEDCTL_TEST_SHARED_FIXTURES` names a folder holding:

* `okta-openapi/management-minimal.yaml`: Okta's Management API specification, the schema every
  recorded or stood-in Okta response is checked against;
* `terraform-plans/*.json`: plan documents from Terraform's own repository, for the plan parser.

`.ci/run` sets it when CI lays those files beside the clone. Every plan document the project can
make itself (plans, refresh-only and drift plans) is made in the end-to-end tests through real
Terraform instead, so the parser stays covered in any clone.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

VARIABLE = "FEDCTL_TEST_SHARED_FIXTURES"
OKTA_OPENAPI = "okta-openapi/management-minimal.yaml"
TERRAFORM_PLANS = "terraform-plans"


def shared_fixture(relative: str) -> Path | None:
    """The file or folder `relative` under `$FEDCTL_TEST_SHARED_FIXTURES`, or None when absent."""
    root = os.environ.get(VARIABLE)
    if not root:
        return None
    path = Path(root) / relative
    return path if path.exists() else None


def missing_reason(relative: str) -> str:
    """One line naming what is missing and how to provide it."""
    root = os.environ.get(VARIABLE)
    where = f"{VARIABLE} is not set" if not root else f"{Path(root) / relative} does not exist"
    return f"needs the third-party fixture {relative} ({where})"


def require_shared_fixture(relative: str) -> Path:
    """The fixture, or skip the calling test with one line saying what is missing."""
    path = shared_fixture(relative)
    if path is None:
        pytest.skip(missing_reason(relative))
    return path
