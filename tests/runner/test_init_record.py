"""`terraform init` is skipped only while nothing it acts on changed."""

from __future__ import annotations

import json
import os
from pathlib import Path

from runner.init_record import is_initialized, record_init

STACK = {"terraform": {"required_providers": {"aws": {"source": "hashicorp/aws", "version": "5.100.0"}},
                       "backend": {"local": {"path": "terraform.dev.tfstate"}}},
         "provider": {"aws": [{"region": "eu-west-1"}]},
         "resource": {"aws_cognito_user_pool": {"user_pool": {"name": "a"}}}}


def initialized(tmp_path: Path) -> tuple[Path, Path]:
    tmp_path.mkdir(exist_ok=True)
    binary = tmp_path / "terraform"
    binary.write_text("#!/bin/sh\n")
    work = tmp_path / "stack"
    (work / ".terraform").mkdir(parents=True)
    (work / "cdk.tf.json").write_text(json.dumps(STACK))
    (work / ".terraform.lock.hcl").write_text('provider "registry.terraform.io/hashicorp/aws" {}\n')
    record_init(work, binary)
    return work, binary


def test_resources_and_provider_settings_do_not_need_a_new_init(tmp_path: Path) -> None:
    work, binary = initialized(tmp_path)
    assert is_initialized(work, binary)
    changed = {**STACK, "provider": {"aws": [{"region": "us-east-1"}]}, "resource": {}}
    (work / "cdk.tf.json").write_text(json.dumps(changed, indent=2))
    (work / "fedctl_test_override.tf.json").write_text(json.dumps({"provider": {"aws": [{"region": "x"}]}}))
    assert is_initialized(work, binary)


def test_providers_backend_modules_lock_file_binary_or_a_lost_folder_need_init(tmp_path: Path) -> None:
    work, binary = initialized(tmp_path)
    for change in ({"required_providers": {"aws": {"source": "hashicorp/aws", "version": "6.25.0"}}},
                   {"backend": {"local": {"path": "elsewhere.tfstate"}}}):
        (work / "cdk.tf.json").write_text(json.dumps({**STACK, "terraform": {**STACK["terraform"], **change}}))
        assert not is_initialized(work, binary)
    (work / "cdk.tf.json").write_text(json.dumps(STACK))
    assert is_initialized(work, binary)
    (work / "modules.tf.json").write_text(json.dumps({"module": {"m": {"source": "./m"}}}))
    assert not is_initialized(work, binary)
    (work / "modules.tf.json").unlink()
    (work / "main.tf").write_text('terraform {}\n')
    assert not is_initialized(work, binary)
    (work / "main.tf").unlink()
    (work / ".terraform.lock.hcl").write_text("# upgraded\n")
    assert not is_initialized(work, binary)


def test_a_new_binary_or_a_deleted_terraform_folder_need_init(tmp_path: Path) -> None:
    work, binary = initialized(tmp_path)
    os.utime(binary, ns=(0, 0))
    assert not is_initialized(work, binary)
    work, binary = initialized(tmp_path / "again")
    (work / ".terraform" / "fedctl-init.sha256").unlink()
    assert not is_initialized(work, binary)
    (work / ".terraform.lock.hcl").unlink()
    record_init(work, binary)
    assert not is_initialized(work, binary)
