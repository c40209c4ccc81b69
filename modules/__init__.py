"""CDKTF constructs of the federation; the only package (with main.py) that imports cdktf.

Importing it registers the provider packages for one-module-at-a-time imports; it does not
start jsii (that happens at the first `cdktf` import, see `modules.synthesis`).
"""

import os

from modules.lazy_provider_packages import register_provider_packages

if os.environ.get("FEDCTL_LAZY_PROVIDERS", "1") != "0":  # "0": the plain, naive imports (the reference)
    register_provider_packages()
