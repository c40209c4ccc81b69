"""Terraform addresses of the resources this project creates.

Resource addresses are a public contract: changing one makes Terraform destroy and recreate
a live resource (a new user pool loses every user). CDKTF would append a hash of the construct
path; we pin readable names instead, built from the names in the environment file, which are
the identities of federations and clients. A test pins the sorted list of addresses.
"""

from __future__ import annotations

from cdktf import TerraformElement


def logical_name(*parts: str) -> str:
    """`("workforce", "okta-app")` → `workforce_okta_app`."""
    return "_".join(part.replace("-", "_") for part in parts if part)


def pin_address(element: TerraformElement, *parts: str) -> None:
    element.override_logical_id(logical_name(*parts))
