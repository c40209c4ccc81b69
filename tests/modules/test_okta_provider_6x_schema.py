"""We raise the Okta provider constraint to 6.x: every argument we emit must exist there."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import PROJECT_ROOT

SCHEMA = json.loads((PROJECT_ROOT / "tests/fixtures/okta-provider-6x-schema.json").read_text())
META_ARGUMENTS = {"//", "provider", "lifecycle", "depends_on", "count", "for_each"}


def emitted_okta_arguments(stack: dict[str, Any]) -> dict[str, set[str]]:
    """Arguments per `resource.TYPE`, `resource.TYPE.BLOCK` and `data.TYPE`, for okta_* only."""
    found: dict[str, set[str]] = {}
    for kind in ("resource", "data"):
        for rtype, items in stack.get(kind, {}).items():
            if not rtype.startswith("okta_"):
                continue
            for body in items.values():
                found.setdefault(f"{kind}.{rtype}", set()).update(set(body) - META_ARGUMENTS)
                for key, value in body.items():
                    if isinstance(value, list) and value and isinstance(value[0], dict):
                        for block in value:
                            found.setdefault(f"{kind}.{rtype}.{key}", set()).update(block)
    for provider in stack["provider"].get("okta", []):
        found.setdefault("provider", set()).update(provider)
    return found


def schema_for(path: str) -> set[str]:
    if path == "provider":
        return set(SCHEMA["provider"])
    kind, name = path.split(".", 1)
    return set(SCHEMA[kind][name])


@pytest.mark.parametrize("env", ["dev", "prod"])
def test_every_emitted_okta_argument_exists_in_the_6x_schema(
        example_stacks: dict[str, dict[str, Any]], env: str) -> None:
    emitted = emitted_okta_arguments(example_stacks[env])
    assert set(emitted) == {"provider", "resource.okta_app_oauth", "resource.okta_app_group_assignments",
                            "resource.okta_app_group_assignments.group", "resource.okta_group", "data.okta_group",
                            "resource.okta_app_signon_policy", "resource.okta_app_signon_policy_rule"}
    unknown = {path: sorted(arguments - schema_for(path)) for path, arguments in emitted.items()
               if arguments - schema_for(path)}
    assert unknown == {}


def test_the_check_would_catch_an_argument_6x_does_not_have() -> None:
    stack = {"provider": {"okta": []}, "resource": {"okta_app_oauth": {"x": {"label": "x", "groups": ["g"]}}}}
    emitted = emitted_okta_arguments(stack)
    assert emitted["resource.okta_app_oauth"] - schema_for("resource.okta_app_oauth") == {"groups"}
