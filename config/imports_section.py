"""Reads `imports:`: the live resources an adopted environment takes over (`fedctl adopt`).

A mapping of Terraform address (the pinned names of `modules.naming`) to the provider's import
id. Synthesis turns each into a Terraform `import` block (Terraform >= 1.5), so the first plan
imports instead of creating; once applied the section may be deleted without any diff.
"""

from __future__ import annotations

import re

from config.reader import Section, describe

ADDRESS_PATTERN = re.compile(r"^(aws|okta)_[a-z0-9_]+\.[a-zA-Z_][a-zA-Z0-9_-]*$")


def read_imports(top: Section) -> tuple[tuple[str, str], ...]:
    imports: list[tuple[str, str]] = []
    for address, import_id, path in top.mapping_of_text("imports"):
        if not ADDRESS_PATTERN.match(address):
            top.problems.add(path, f"got address {describe(address)}; expected a resource address of the stack "
                                   "such as aws_cognito_user_pool.user_pool")
            continue
        imports.append((address, import_id))
    return tuple(imports)
