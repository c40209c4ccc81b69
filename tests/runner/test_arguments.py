"""Argument builders: the exact argv each Terraform call gets."""

from __future__ import annotations

from runner.arguments import apply_arguments, init_arguments, plan_arguments, show_json_arguments


def test_init_never_prompts() -> None:
    assert init_arguments() == ["-input=false", "-no-color"]
    assert init_arguments(backend=False, upgrade=True) == ["-input=false", "-no-color", "-backend=false", "-upgrade"]


def test_plan_is_always_saved_with_detailed_exit_code() -> None:
    assert plan_arguments("p.tfplan") == ["-input=false", "-no-color", "-detailed-exitcode", "-out=p.tfplan"]


def test_refresh_only_plan() -> None:
    assert plan_arguments("p.tfplan", refresh_only=True, var_files=["a.tfvars"]) == [
        "-input=false", "-no-color", "-detailed-exitcode", "-out=p.tfplan", "-refresh-only", "-var-file=a.tfvars"]


def test_show_and_apply_take_the_saved_plan() -> None:
    assert show_json_arguments("p.tfplan") == ["-no-color", "-json", "p.tfplan"]
    assert apply_arguments("p.tfplan") == ["-input=false", "-no-color", "p.tfplan"]
