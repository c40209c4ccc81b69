"""The stand-in okta/okta provider serves, through Terraform's own plugin protocol, exactly the
arguments of okta/okta 6.x (tests/fixtures/okta-provider-6x-schema.json), typed as the prebuilt
binding types them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.end_to_end.harness import OKTA_STAND_IN_VERSION, Tools, install_okta_stand_in
from tests.end_to_end.okta_provider.schema import SIX_X_SCHEMA, provider_schemas

pytestmark = pytest.mark.end_to_end
CTY = {"string": "string", "number": "number", "bool": "bool", "list(string)": ["list", "string"]}


@pytest.fixture(scope="module")
def served(tools: Tools, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """`terraform providers schema -json` of a configuration that uses only okta/okta."""
    root = tmp_path_factory.mktemp("okta-schema")
    install_okta_stand_in(root / "mirror")
    (root / "rc").write_text(f'provider_installation {{\n  filesystem_mirror {{\n    path = "{root / "mirror"}"\n  }}\n}}\n')
    work = root / "work"
    work.mkdir()
    (work / "main.tf.json").write_text(json.dumps({"terraform": {"required_providers": {
        "okta": {"source": "okta/okta", "version": ">= 6.5.5, < 7.0.0"}}}}))
    environment = {"TF_CLI_CONFIG_FILE": str(root / "rc"), "PATH": "/usr/bin:/bin", "HOME": str(root)}
    subprocess.run([tools.terraform, "init", "-input=false", "-no-color"], cwd=work, env=environment, check=True,
                   capture_output=True, timeout=120)
    shown = subprocess.run([tools.terraform, "providers", "schema", "-json"], cwd=work, env=environment, check=True,
                           capture_output=True, text=True, timeout=120)
    schemas: dict[str, Any] = json.loads(shown.stdout)["provider_schemas"]["registry.terraform.io/okta/okta"]
    return schemas


def served_block(served: dict[str, Any], type_name: str) -> dict[str, Any]:
    if type_name == "provider":
        block: dict[str, Any] = served["provider"]["block"]
    elif type_name.startswith("data."):
        block = served["data_source_schemas"][type_name.removeprefix("data.")]["block"]
    else:
        block = served["resource_schemas"][type_name]["block"]
    return block


def arguments(block: dict[str, Any], nested: bool = False) -> set[str]:
    """What a configuration may set: optional or required attributes, and nested blocks. `id` is
    every resource's own (optional and computed in the real provider too), not a documented argument."""
    return ({name for name, a in block.get("attributes", {}).items() if a.get("optional") or a.get("required")}
            | set(block.get("block_types", {}))) - (set() if nested else {"id"})


def expected_types() -> list[tuple[str, str]]:
    return [(type_name, name) for type_name, names in
            [("provider", json.loads(SIX_X_SCHEMA.read_text())["provider"])]
            + [(t, n) for t, n in json.loads(SIX_X_SCHEMA.read_text())["resource"].items() if "." not in t]
            + [(f"data.{t}", n) for t, n in json.loads(SIX_X_SCHEMA.read_text())["data"].items()]
            for name in names if name != "alias"]  # Terraform's meta-argument, never in a provider schema


def test_every_type_has_exactly_the_6x_arguments(served: dict[str, Any]) -> None:
    six_x = json.loads(SIX_X_SCHEMA.read_text())
    assert arguments(served_block(served, "provider")) == set(six_x["provider"]) - {"alias"}
    for type_name, names in six_x["resource"].items():
        if "." in type_name:
            parent, block = type_name.split(".")
            nested = served_block(served, parent)["block_types"][block]["block"]
            assert arguments(nested, nested=True) == set(names), type_name
        else:
            assert arguments(served_block(served, type_name)) == set(names), type_name
    for type_name, names in six_x["data"].items():
        assert arguments(served_block(served, f"data.{type_name}")) == set(names), type_name
    assert served["provider"] and OKTA_STAND_IN_VERSION.startswith("6.")


@pytest.mark.parametrize(("type_name", "name"), expected_types())
def test_each_argument_is_typed_as_the_binding_types_it(served: dict[str, Any], type_name: str, name: str) -> None:
    derived = provider_schemas()[type_name]
    block = served_block(served, type_name)
    if name in {b.name for b in derived.blocks}:
        nested = next(b for b in derived.blocks if b.name == name)
        served_nested = block["block_types"][name]
        assert served_nested["nesting_mode"] == ("single" if nested.single else "set")
        assert {n: a["type"] for n, a in served_nested["block"]["attributes"].items()} == {
            a.name: CTY[a.type] for a in nested.attributes}
        return
    attribute = derived.attribute(name)
    assert block["attributes"][name]["type"] == CTY[attribute.type]
    assert bool(block["attributes"][name].get("required")) is attribute.required
    assert bool(block["attributes"][name].get("sensitive")) is attribute.sensitive


def test_what_a_user_of_the_real_provider_relies_on(served: dict[str, Any]) -> None:
    app = served_block(served, "okta_app_oauth")["attributes"]
    assert app["grant_types"]["type"] == ["list", "string"] and app["pkce_required"]["type"] == "bool"
    assert app["label"].get("required") and app["type"].get("required")
    assert app["client_secret"].get("computed") and app["client_secret"].get("sensitive")
    assert app["client_id"].get("computed") and app["client_id"].get("optional")
    assert served_block(served, "provider")["attributes"]["api_token"].get("sensitive")
    group = served_block(served, "okta_app_group_assignments")["block_types"]["group"]["block"]["attributes"]
    assert group["id"].get("required") and group["priority"]["type"] == "number"
