"""Lets the constructs import provider resources one module at a time.

The archived prebuilt bindings (`cdktf-cdktf-provider-aws`, `-okta`) import every resource
module from their package `__init__` (about 2,200 for AWS): seconds of start-up and hundreds of
MB for the handful of resources this project uses. Registering each package in `sys.modules`
*without* running its `__init__` makes `from cdktf_cdktf_provider_aws.cognito_user_pool import
CognitoUserPool` import only that submodule; the submodule loads the package's jsii assembly
itself (`from .._jsii import *`), so the classes and the synthesized JSON are unchanged.
"""

from __future__ import annotations

import importlib.util
import sys

PROVIDER_PACKAGES = ("cdktf_cdktf_provider_aws", "cdktf_cdktf_provider_okta")


def register_provider_packages() -> None:
    """Idempotent; a package already imported the ordinary way is left as it is."""
    for package in PROVIDER_PACKAGES:
        if package in sys.modules:
            continue
        spec = importlib.util.find_spec(package)
        if spec is None or spec.submodule_search_locations is None:
            raise ImportError(f"the provider bindings {package!r} are not installed; run scripts/setup")
        sys.modules[package] = importlib.util.module_from_spec(spec)
