"""Terraform `import` blocks for the live resources an adopted environment takes over."""

from __future__ import annotations

from cdktf import TerraformResource, TerraformStack

from config.errors import ConfigError
from config.model import EnvironmentConfig


def add_imports(stack: TerraformStack, environment: EnvironmentConfig) -> None:
    """Every `imports:` entry on the resource at that address (`import_from`, which CDKTF
    synthesizes as an `import` block). An address the stack does not have is an error: the live
    resource would otherwise stay unmanaged while its twin is created."""
    if not environment.imports:
        return
    resources = {f"{element.terraform_resource_type}.{element.friendly_unique_id}": element
                 for element in stack.node.find_all() if isinstance(element, TerraformResource)}
    unknown = [address for address, _ in environment.imports if address not in resources]
    if unknown:
        raise ConfigError([f"{environment.source_file}: imports.{address}: the stack has no such resource; expected "
                           f"one of {', '.join(sorted(resources))}" for address in unknown])
    for address, import_id in environment.imports:
        resources[address].import_from(import_id, resources[address].provider)
