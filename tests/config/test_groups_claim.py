"""`federations[].okta.groups_claim`: what the example's claim becomes in the typed configuration,
and each mistake refused in one line naming the file, the path, the value and what is allowed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from config.loader import load_environment
from config.model import GroupsClaim
from tests.config.test_loader import Mutation, federation, problems_after
from tests.conftest import EXAMPLE_DIR


def claim(document: dict[str, Any]) -> dict[str, Any]:
    okta = federation(document, "workforce")["okta"]
    return okta.setdefault("groups_claim", {"name": "groups", "filter_type": "STARTS_WITH", "filter": "analytics-"})


def test_the_example_claim_is_mapped_requested_declared_and_writable() -> None:
    dev = load_environment(EXAMPLE_DIR / "dev.yaml")
    workforce = next(f for f in dev.federations if f.name == "workforce")
    assert workforce.okta is not None
    assert workforce.okta.groups_claim == GroupsClaim(name="groups", filter_type="STARTS_WITH", filter="analytics-",
                                                      attribute="custom:groups")
    assert workforce.okta.authorize_scopes == ("openid", "profile", "email", "groups")
    assert ("custom:groups", "groups") in workforce.attribute_mapping
    groups = dev.user_pool.attribute("custom:groups")
    assert groups is not None and (groups.data_type, groups.mutable, groups.max_length) == ("String", True, 2048)


def test_a_federation_without_a_claim_asks_for_no_groups_scope() -> None:
    prod = load_environment(EXAMPLE_DIR / "prod.yaml")
    workforce = next(f for f in prod.federations if f.name == "workforce")
    assert workforce.okta is not None and workforce.okta.groups_claim is None
    assert workforce.okta.authorize_scopes == ("openid", "profile", "email")
    assert prod.user_pool.attribute("custom:groups") is None


BASE = "federations[workforce].okta.groups_claim"
CASES: list[tuple[str, Mutation, str]] = [
    ("a regex that matches every group", lambda d: claim(d).update(filter_type="REGEX", filter=".*"),
     f"{BASE}.filter: got '.*', which matches every group in the org: each token would carry all of a user's "
     "groups (Okta sends at most 100) and Cognito keeps at most 2048 characters of them; expected a prefix or "
     "pattern of the application's groups (FED_217)"),
    ("a filter type Okta does not have", lambda d: claim(d).update(filter_type="ENDS_WITH"),
     f"{BASE}.filter_type: got 'ENDS_WITH'; expected one of EQUALS, STARTS_WITH, CONTAINS, REGEX"),
    ("a regex that does not compile", lambda d: claim(d).update(filter_type="REGEX", filter="analytics-("),
     f"{BASE}.filter: got 'analytics-('; not a regular expression (missing ), unterminated subpattern at "
     "position 10)"),
    ("no filter", lambda d: claim(d).pop("filter"),
     f"{BASE}.filter: missing; expected what each group name is matched against, e.g. 'analytics-'"),
    ("a standard claim's name", lambda d: claim(d).update(name="email"),
     f"{BASE}.name: got 'email'; a standard OIDC claim cannot carry the groups"),
    ("a standard attribute as the target", lambda d: claim(d).update(attribute="nickname"),
     f"{BASE}.attribute: got 'nickname'; expected a custom pool attribute, custom:<1-20 letters, digits or _>"),
    ("the claim's attribute mapped by hand as well",
     lambda d: (claim(d), federation(d, "workforce")["attribute_mapping"].update({"custom:groups": "roles"})),
     "federations[workforce].attribute_mapping.custom:groups: got 'roles'; custom:groups holds the groups claim "
     "('groups', okta.groups_claim) and is mapped by it"),
    ("the claim's attribute declared too short",
     lambda d: (claim(d), d["user_pool"]["schema"].append({"name": "custom:groups", "max_length": 256})),
     "federations[workforce].attribute_mapping.custom:groups: maps to custom:groups with max_length 256; "
     "expected 2048 so long claims do not fail sign-in (FED_108)"),
    ("the claim's attribute declared immutable",
     lambda d: (claim(d), d["user_pool"]["schema"].append({"name": "custom:groups", "mutable": False})),
     "federations[workforce].attribute_mapping.custom:groups: maps to custom:groups, which is immutable in "
     "user_pool.schema; Cognito rewrites mapped attributes at every sign-in, so it must be mutable (FED_106)"),
]


@pytest.mark.parametrize(("mutate", "expected"), [(m, e) for _, m, e in CASES], ids=[c[0] for c in CASES])
def test_a_wrong_groups_claim_is_one_line_naming_path_value_and_what_is_allowed(
        tmp_path: Path, mutate: Mutation, expected: str) -> None:
    file, lines = problems_after(tmp_path, mutate)
    assert lines == [f"{file}: {expected}"]
