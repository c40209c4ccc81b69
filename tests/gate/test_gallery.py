"""Each broken variant of the gallery (tests/gate/gallery.py) fails exactly its named rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gate.checkov_scan import ScanResult
from tests.gate.gallery import GALLERY, write_gallery
from tests.policies.checkov_run import CHECKED_RULES, pack_scan


@pytest.fixture(scope="module")
def gallery_scan(example_stacks: dict[str, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    root = tmp_path_factory.mktemp("gallery")
    write_gallery(root, example_stacks["prod"])
    return pack_scan("terraform_json", [root])


def failed_rules(result: ScanResult, case: str) -> set[str]:
    return {r.check_id for r in result.records if r.result == "FAILED" and Path(r.file).parent.name == case}


def test_the_unchanged_example_fails_nothing(gallery_scan: ScanResult) -> None:
    assert failed_rules(gallery_scan, "00_unchanged") == set()


@pytest.mark.parametrize("case", sorted(GALLERY))
def test_each_broken_variant_fails_exactly_its_rules(gallery_scan: ScanResult, case: str) -> None:
    assert failed_rules(gallery_scan, case) == GALLERY[case][1]


def test_the_gallery_exercises_every_rule_that_has_a_check() -> None:
    exercised = {rule for _, rules in GALLERY.values() for rule in rules}
    # Not in the gallery: rules with no section-6 case (their fixtures are in tests/policies).
    assert set(CHECKED_RULES) - exercised == {"FED_213", "FED_801", "FED_806", "FED_601"}
